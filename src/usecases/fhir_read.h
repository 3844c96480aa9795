// Reading one resource of an imported FHIR bundle: each getter names the entry (index and type)
// and the field in its error, says what was expected and what was found.
#pragma once

#include <optional>
#include <string>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/plan/civil_date.h"
#include "usecases/fhir_ids.h"

namespace kc::usecases::fhir {

class Reader {
 public:
  // `where`: "entry[3] (Observation)"; `field`: "entry[3].resource".
  Reader(std::string where, std::string field) : where_(std::move(where)), field_(std::move(field)) {}

  // An error about `path` (e.g. "code.coding[0].code") of this resource.
  Error fail(const char* code, const std::string& path, const std::string& what) const;

  // The member `path` of `j` (a dotted path, read from the resource); errors when missing or of another type.
  Result<const Json*> member(const Json& j, const std::string& path, Json::value_t type, const char* expected) const;
  Result<std::string> text(const Json& j, const std::string& path) const;
  Result<int> integer(const Json& j, const std::string& path) const;
  Result<double> number(const Json& j, const std::string& path) const;
  Result<bool> boolean(const Json& j, const std::string& path) const;
  Result<TimePoint> instant(const Json& j, const std::string& path) const;
  Result<CivilDate> day(const Json& j, const std::string& path) const;
  Result<const Json*> array(const Json& j, const std::string& path) const;
  // The value of the first coding of `concept_path` with `system`, or nullopt.
  std::optional<std::string> code_in(const Json& j, const std::string& concept_path, const char* system) const;
  // The kLocalDateExtension day of the resource.
  Result<CivilDate> local_day(const Json& resource) const;

  const std::string& where() const { return where_; }

 private:
  std::string where_;
  std::string field_;
};

}  // namespace kc::usecases::fhir
