// catalog/: the exercises as data: the model, its vocabularies, lookup, filters and descriptions.
// The exercise catalog: a validated, id-sorted set of exercises with lookup and filtering.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/exercise.h"

namespace kc {

class Catalog {
 public:
  Catalog() = default;
  // Takes records that have passed check_catalog(); sorts them by id.
  explicit Catalog(std::vector<Exercise> exercises);

  const std::vector<Exercise>& all() const { return exercises_; }
  std::size_t size() const { return exercises_.size(); }
  // The exercise with this id, or nullptr.
  const Exercise* find(std::string_view id) const;
  // Every id, sorted.
  std::vector<std::string> ids() const;
  // Up to three ids closest to an unknown `id`, for "did you mean" messages.
  std::vector<std::string> suggest(std::string_view id) const;

 private:
  std::vector<Exercise> exercises_;
};

// What `exercises list` filters by. Unset fields match everything.
struct CatalogFilter {
  std::optional<Kind> kind;
  std::optional<std::string> region;
  // When set, only exercises whose needed equipment is all in this list
  // (what a person can do with what they have). An empty list means "no equipment".
  std::optional<std::vector<Equipment>> equipment;
};

// Exercises matching every set criterion, in id order.
std::vector<const Exercise*> filter(const Catalog& catalog, const CatalogFilter& f);

// A problem found in a record: the dotted field path (e.g. "dose.hold_seconds") and a message
// that says what is wrong and what is expected.
struct Problem {
  std::size_t index = 0;  // which record (for check_catalog)
  std::string field;
  std::string message;
};

// Rules a single record must satisfy beyond its field types: stretch holds of at least 10 s,
// a tempo for rep exercises, demands that agree with the position, sources for article
// exercises and references for added ones, sensible progression ceilings.
std::vector<Problem> check_exercise(const Exercise& e);

// Rules across records: unique ids and variant links that name an existing id
// (and not the exercise itself). Also runs check_exercise on each record.
std::vector<Problem> check_catalog(const std::vector<Exercise>& exercises);

// Estimated seconds one dose takes: reps x tempo or holds, for each side, with rest between
// sets and a side change (not moving between exercises). `breath_seconds` is one slow breath.
int dose_seconds(const Dose& d, int breath_seconds = 6);

}  // namespace kc
