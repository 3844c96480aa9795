// The behaviour every Store implements, as one value-parameterised GoogleTest suite
// (store_contract_test.cpp). Each back end instantiates it with a StoreBackend beside its own
// tests, e.g. INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract, ::testing::Values(backend), name_of).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "core/store/store.h"

namespace kc::store::testing {

// A fresh, empty store and a way to look into its database.
struct StoreUnderTest {
  std::unique_ptr<Store> store;
  // Runs one SELECT on the store's database; the first column of the first row as text ("" if none).
  std::function<std::string(const std::string& sql)> query;
  std::shared_ptr<void> keep;  // what the store lives in (a folder, a database), removed when released
  std::string skip;            // when set, the back end is unavailable here and the test skips saying why
};

struct StoreBackend {
  std::string name;  // "Sqlite", "Postgres": the instantiation's test name suffix
  std::function<StoreUnderTest()> make;
};

void PrintTo(const StoreBackend& backend, std::ostream* out);
inline std::string name_of(const ::testing::TestParamInfo<StoreBackend>& info) { return info.param.name; }

class StoreContract : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override;
  SessionLog start_session_template() const;  // ann's session A on day 0, not stored
  SessionLog start_session(PersonId person, Id plan_id);
  ExerciseLog exercise(const SessionLog& s, int position, ExerciseOutcome outcome);
  CheckIn check_in(int day, int pain);
  DoseChange change(PersonId person, Id plan_id);

  StoreUnderTest under_test;
  Store* store = nullptr;
  Person ann;
  PlanRecord plan;
};

}  // namespace kc::store::testing
