// The view use cases over a real SQLite store and a ManualClock: the doses in force, the one
// program calendar, and coded errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "adapters/sqlite/sqlite_store.h"
#include "core/catalog/describe.h"
#include "core/intake/parse.h"
#include "core/plan/plan_json.h"
#include "core/plan/plan_test_support.h"
#include "core/tracking/plan_record.h"
#include "usecases/calendar.h"
#include "usecases/handout.h"
#include "usecases/progress.h"
#include "usecases/today.h"

namespace kc::usecases {
namespace {

const CivilDate kStart = make_date(2025, 3, 5);  // a Wednesday
const CivilDate kDay = make_date(2025, 3, 20);   // a Thursday in week 3

class Views : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/kc_views_test_XXXXXX";
    dir_ = mkdtemp(tmpl);
    store_ = std::move(sqlite::open_store(dir_ + "/kneecoach.db")).value();
    auto outcome = build_plan(plan_test::well_equipped(), catalog_, PlanOptions{kStart, 6, Level::kGo, {}});
    ASSERT_TRUE(outcome.ok() && outcome->ok());
    plan_ = *outcome->plan;
    const TimePoint created{kStart};
    auto person = store_->ensure_person("ann", created);
    ASSERT_TRUE(person.ok());
    store::Store::Setup setup;
    setup.answers = {0, person->id, created, answers_to_json(plan_test::well_equipped()).dump(), "go"};
    setup.plan = tracking::to_record(plan_, person->id, 3, created, plan_to_json(plan_).dump());
    auto saved = store_->save_setup(setup);
    ASSERT_TRUE(saved.ok());
    record_ = *saved->plan;
    first_ = record_.sessions[0].exercises[0];
    store::DoseChange change;
    change.person = person->id;
    change.plan = record_.id;
    change.at = TimePoint{make_date(2025, 3, 13)} + std::chrono::hours{8};
    change.date = make_date(2025, 3, 13);
    change.exercise_id = first_.exercise_id;
    change.now_doing = first_.exercise_id;
    change.decision = store::DoseDecision::kProgress;
    change.from = first_.dose;
    change.to = first_.dose;
    change.to.sets += 1;
    change.reason = "safe pain, settled by the next morning";
    ASSERT_TRUE(store_->add_dose_changes({change}).ok());
    raised_ = change.to;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::string dir_;
  std::unique_ptr<store::Store> store_;
  // The dose as every view says it: with the exercise's own phase words.
  std::string text_of(const Dose& dose) const {
    return describe_dose(dose, catalog_.find(first_.exercise_id)->phase_words);
  }

  Catalog catalog_ = plan_test::small_catalog();
  Content content_{catalog_};
  ManualClock clock_{TimePoint{kDay} + std::chrono::hours{8}};
  Plan plan_;
  store::PlanRecord record_;
  store::PlanExercise first_;
  Dose raised_;
};

TEST_F(Views, TheProgramInForceHasTheRaisedDoseAndTheProgramWeek) {
  auto p = program_in_force(*store_, clock_, content_, {"ann", {}, false});
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->date, kDay);
  EXPECT_EQ(p->week, 3);
  EXPECT_EQ(p->week_text, "week 3 of 6");
  const DoseInForce& d = p->sessions[0].exercises[0];
  EXPECT_EQ(d.dose_text, text_of(raised_));
  EXPECT_EQ(d.changed_on, make_date(2025, 3, 13));
  EXPECT_EQ(change_note(d), "Changed on Thu 13 Mar 2025: safe pain, settled by the next morning");
  EXPECT_FALSE(p->sessions[0].exercises[1].changed_on);
  EXPECT_GE(p->sessions[0].minutes, plan_.sessions[0].minutes());  // one more set takes longer
}

TEST_F(Views, TheHandoutPrintsTheDosesInForce) {
  auto h = handout(*store_, clock_, content_, {"ann", {}, false});
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(h->as_of, "Doses in force on Thu 20 Mar (week 3 of 6).");
  EXPECT_EQ(h->period, "6 weeks, Wed 5 Mar to Tue 15 Apr 2025");
  // Every planned session is in the tick-box log, in date order, as people write dates.
  ASSERT_EQ(h->log.size(), plan_.calendar.size());
  EXPECT_EQ(h->log.front().date, describe_day(plan_.calendar.front().date));
  EXPECT_EQ(h->log.back().week, 6);
  EXPECT_NE(h->review.find("Review on Tue 15 Apr"), std::string::npos) << h->review;
  EXPECT_NE(h->harder_rule.find("2/10 or less"), std::string::npos) << h->harder_rule;
  // The next step up starts from the dose in force (here already at its top), and waits a week
  // after a change.
  const std::string& next = h->cards[0].harder;
  EXPECT_TRUE(next.find("not before Thu 20 Mar") != std::string::npos || next.find("top dose") != std::string::npos)
      << next;
  const auto lines = dose_lines(h->cards[0]);
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines.front().find(text_of(raised_)), std::string::npos);
  EXPECT_EQ(lines.back(), "Changed on Thu 13 Mar 2025: safe pain, settled by the next morning");
  EXPECT_NE(h->sessions[0].lines[0].find(text_of(raised_)), std::string::npos);
  // A new plan's handout has the starting doses and no changes.
  auto fresh = handout_of_new_plan(plan_, plan_test::well_equipped(), catalog_);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->cards[0].changed, "");
  EXPECT_NE(dose_lines(fresh->cards[0]).front().find(text_of(first_.dose)), std::string::npos);
}

TEST_F(Views, TheCalendarHasEverySessionAtTheDosesInForceInItsProgramWeek) {
  auto m = calendar(*store_, clock_, content_, {"ann", {}, false});
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->sessions.size(), plan_.calendar.size());
  const ProgramCalendar cal{kStart, 6};
  for (std::size_t i = 0; i < m->sessions.size(); ++i) {
    EXPECT_EQ(m->sessions[i].date, plan_.calendar[i].date);
    EXPECT_EQ(m->sessions[i].week, cal.week_of(plan_.calendar[i].date));
    EXPECT_EQ(m->sessions[i].week, plan_.calendar[i].week);
  }
  const auto& a = *std::find_if(m->sessions.begin(), m->sessions.end(), [](auto& s) { return s.session == "A"; });
  EXPECT_EQ(a.exercises[0].dose_text, text_of(raised_));
  // The same events as a new plan's, so re-importing updates them: the seed is the stored answers.
  EXPECT_EQ(m->uid_seed, answers_to_json(plan_test::well_equipped()).dump());
}

TEST_F(Views, TodayAndProgressNumberTheWeekAsTheCalendarDoes) {
  auto t = today(*store_, clock_, content_, {"ann", {}, false});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->week, 3);
  auto p = progress(*store_, clock_, content_, {"ann", kStart - date::days{1}, false});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->week, std::nullopt);
  EXPECT_EQ(p->week_text, "before the program starts (week 1 starts Wed 5 Mar 2025)");
  EXPECT_TRUE(p->pain_weeks.empty());
  p = progress(*store_, clock_, content_, {"ann", {}, false});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->pain_weeks.size(), 3U);
}

TEST_F(Views, ErrorsAreCoded) {
  EXPECT_EQ(program_in_force(*store_, clock_, content_, {"bob", {}, false}).error().code, errc::kNotFound);
  ASSERT_TRUE(store_->ensure_person("cy", clock_.now()).ok());
  EXPECT_EQ(handout(*store_, clock_, content_, {"cy", {}, false}).error().code, errc::kNoProgram);
  EXPECT_EQ(calendar(*store_, clock_, content_, {"cy", {}, false}).error().code, errc::kNoProgram);
}

}  // namespace
}  // namespace kc::usecases
