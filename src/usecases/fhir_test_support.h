// A store with one person set up (and, on request, a session, measures and a check-in), for the
// FHIR export and import tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/intake/parse.h"
#include "usecases/check_in.h"
#include "usecases/fhir_export.h"
#include "usecases/set_up.h"

namespace kc::usecases {

// The shipped catalog and triage rules, and a new SQLite store at `path` (fhir_fixture_test.cpp:
// tests may reach the adapters, this header may not).
Result<Catalog> fhir_test_catalog();
Result<RuleSet> fhir_test_rules();
Result<std::unique_ptr<store::Store>> fhir_test_store(const std::string& path);

class FhirTest : public ::testing::Test {
 protected:
  static constexpr const char* kAnswers =
      R"({"version": 1, "age": 61, "knee": "right", "pain_now": 3, "location": ["front", "inner"],
          "onset": "gradual", "duration_weeks": 8, "equipment": ["chair", "step", "wall", "mat"],
          "days": ["mon", "wed", "fri"]})";

  void SetUp() override {
    auto catalog = fhir_test_catalog();
    ASSERT_TRUE(catalog.ok()) << catalog.error().message;
    catalog_.emplace(std::move(catalog).value());
    auto rules = fhir_test_rules();
    ASSERT_TRUE(rules.ok()) << rules.error().message;
    rules_ = std::move(rules).value();
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() / ("kc-fhir-test-" + std::string(info->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = open("a");
    auto answers = parse_answers(kAnswers);
    ASSERT_TRUE(answers.ok());
    const SetupRequest request{*answers, evaluate(*answers, rules_), kStart, kDefaultWeeks, "me", true};
    auto set = set_up_person(*store_, clock_, *catalog_, request);
    ASSERT_TRUE(set.ok()) << set.error().message;
    plan_ = *set->plan_record;
  }

  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<store::Store> open(const std::string& name) {
    auto store = fhir_test_store((dir_ / (name + ".db")).string());
    EXPECT_TRUE(store.ok()) << store.error().message;
    return std::move(store).value();
  }

  // A finished session on the first day with every exercise done, pain 7 during it and the first
  // exercise eased (and what was said of it), a pain rating, and the next morning's check-in (with a red flag on
  // request). `said`: what the person said of the first exercise after the session.
  void add_history(bool red_flag, store::ExerciseFeedback said = store::ExerciseFeedback::kNone) {
    store::SessionLog s;
    s.person = plan_.person;
    s.plan = plan_.id;
    s.date = kStart;
    s.session = plan_.calendar.front().session;
    s.started_at = TimePoint{kStart} + std::chrono::hours{18};
    s.ended_at = s.started_at + std::chrono::minutes{25};
    s.status = store::SessionStatus::kFinished;
    s.pain_during = 7;
    std::vector<store::ExerciseLog> logs;
    int position = 0;
    for (const auto& session : plan_.sessions) {
      if (session.id != s.session) continue;
      for (const auto& e : session.exercises) {
        store::ExerciseLog log;
        log.person = plan_.person;
        log.position = position++;
        log.exercise_id = e.exercise_id;
        log.planned = e.dose;
        log.sets_done = e.dose.sets;
        log.reps_done = e.dose.sets * e.dose.reps;
        log.seconds = 60;
        log.pain = 2;
        log.finished_at = s.started_at + std::chrono::minutes{2 * position};
        logs.push_back(log);
      }
    }
    logs.front().feedback = said;
    store::DoseChange eased;
    eased.person = plan_.person;
    eased.plan = plan_.id;
    eased.at = *s.ended_at;
    eased.date = kStart;
    eased.exercise_id = logs.front().exercise_id;
    eased.now_doing = eased.exercise_id;
    eased.decision = store::DoseDecision::kEase;
    eased.from = logs.front().planned;
    eased.to = eased.from;
    eased.to.sets = 1;
    eased.reason = "pain during the session was 7/10, above 5: one set fewer";
    ASSERT_TRUE(store_->save_session(s, logs, {eased}).ok());
    store::Measurement pain;
    pain.person = plan_.person;
    pain.measure = store::kPainNow;
    pain.taken_at = TimePoint{kStart} + std::chrono::hours{8};
    pain.date = kStart;
    pain.value = 3;
    pain.note = "before the first session";
    ASSERT_TRUE(store_->add_measurement(pain).ok());
    const ManualClock morning(TimePoint{kStart} + date::days{1} + std::chrono::hours{7});
    CheckInRequest request{"me", std::nullopt, 2, {}, false};
    if (red_flag) request.red_flags = {"hot_red_swollen"};
    auto done = check_in(*store_, morning, Content{*catalog_, &rules_}, request);
    ASSERT_TRUE(done.ok()) << done.error().message;
  }

  fhir::Json bundle(store::Store& store, const std::string& person = "me") {
    auto b = export_fhir(store, clock_, {*catalog_, rules_}, person, BundleType::kCollection);
    EXPECT_TRUE(b.ok()) << b.error().message;
    return b.ok() ? *b : fhir::Json{};
  }

  // The resources of `b` of `type`.
  static std::vector<fhir::Json> of_type(const fhir::Json& b, const std::string& type) {
    std::vector<fhir::Json> out;
    for (const auto& e : b.at("entry")) {
      if (e.at("resource").at("resourceType") == type) out.push_back(e.at("resource"));
    }
    return out;
  }

  static constexpr CivilDate kStart{date::year{2025} / 3 / 3};
  std::filesystem::path dir_;
  std::optional<Catalog> catalog_;
  RuleSet rules_;
  std::unique_ptr<store::Store> store_;
  store::PlanRecord plan_;
  ManualClock clock_{TimePoint{kStart} + std::chrono::hours{9}};
};

}  // namespace kc::usecases
