#include "adapters/postgres/plan_cache.h"

#include <algorithm>

namespace kc::postgres {

PlanCache::PlanCache(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

std::vector<std::shared_ptr<const KeptPlan>> PlanCache::find(const std::vector<store::PersonId>& persons) const {
  std::vector<std::shared_ptr<const KeptPlan>> out;
  out.reserve(persons.size());
  const std::lock_guard lock(mutex_);
  for (const store::PersonId person : persons) {
    const auto it = kept_.find(person);
    out.push_back(it == kept_.end() ? nullptr : it->second);
  }
  return out;
}

void PlanCache::put(const std::vector<std::pair<store::PersonId, std::shared_ptr<const KeptPlan>>>& kept) {
  const std::lock_guard lock(mutex_);
  for (const auto& [person, records] : kept) {
    if (kept_.size() >= capacity_ && !kept_.contains(person)) kept_.clear();
    kept_[person] = records;
  }
}

std::size_t PlanCache::size() const {
  const std::lock_guard lock(mutex_);
  return kept_.size();
}

}  // namespace kc::postgres
