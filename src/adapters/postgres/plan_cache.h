// The caseload's plan cache: each patient's latest plan, as a caseload page read it (its row,
// its days in the page's window and its clearance), kept in the clinic server's memory with the
// plan version it was read at, so the next page rereads only the plans that changed since
// (postgres/caseload_records.cpp). A page's plans were a fifth of its cost, and they change a
// few times in a program, while its sessions and ratings change every day (those are read on
// every page).
//
// Why it is safe: the database gives a person a new plan version with every change to their
// plans (table plan_version, the clinic schema's version 4: triggers on plan, plan_day and
// clearance, whichever statement writes them; versions never repeat). A page reads the versions
// and the plans it rereads in one snapshot, so a plan kept at version n is exactly what the
// database held while the person's version was n. A plan read for another window (`from`, `to`:
// a new day) is read again.
//
// Thread-safe: one cache is shared by every request thread of a server. What it keeps is
// immutable, so a page copies it out without holding the lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/common/clock.h"
#include "core/store/records.h"

namespace kc::postgres {

// A person's plan part as a page read it for the window [from, to], at plan version `version`.
struct KeptPlan {
  CivilDate from;
  CivilDate to;
  std::int64_t version = 0;                   // plan_version.version; 0 for a person with no row
  std::optional<store::PlanRecord> plan;      // the latest plan, its days in the window; none when none
  std::optional<std::string> clearance_json;  // the clearance it was built under, if any
};

class PlanCache {
 public:
  // Keeps at most `capacity` persons (at least 1); see put.
  explicit PlanCache(std::size_t capacity = kDefaultCapacity);

  // About 2.5 KB a patient with a six-week plan: 20,000 patients, about 50 MB.
  static constexpr std::size_t kDefaultCapacity = 20000;

  // What is kept for each of `persons`, in their order (null where nothing is).
  std::vector<std::shared_ptr<const KeptPlan>> find(const std::vector<store::PersonId>& persons) const;

  // Keeps each (person, plan) of `kept`, replacing what was kept for them. When that would pass
  // the capacity, everything else is forgotten first (pages then read every plan again).
  void put(const std::vector<std::pair<store::PersonId, std::shared_ptr<const KeptPlan>>>& kept);

  // How many persons are kept.
  std::size_t size() const;

 private:
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<store::PersonId, std::shared_ptr<const KeptPlan>> kept_;
};

}  // namespace kc::postgres
