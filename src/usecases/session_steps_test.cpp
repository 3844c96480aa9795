#include "usecases/session_steps.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/session/engine.h"
#include "core/session/test_exercises.h"
#include "usecases/session_steps_json.h"

namespace kc::usecases {
namespace {

using session::make_exercise;

struct Said {
  long long ms;
  std::string text;
  bool operator==(const Said&) const = default;
};

// Every cue the engine gives, with its session time, playing to the end with no key pressed.
std::vector<Said> engine_cues(const std::vector<session::SessionExercise>& exercises) {
  session::SessionEngine engine(exercises);
  ManualClock clock{TimePoint{}};
  std::vector<Said> out;
  engine.start(clock.now());
  while (true) {
    for (auto& e : engine.take_events()) {
      if (auto* c = std::get_if<session::Cue>(&e)) out.push_back({clock.now().time_since_epoch().count(), c->text});
    }
    if (engine.finished()) break;
    clock.sleep_for(engine.until_next_change());
    engine.tick(clock.now());
  }
  return out;
}

// The same, worked out from the use case's steps alone, as the browser player times them.
std::vector<Said> planned_cues(const std::vector<PlayStep>& steps) {
  std::vector<Said> out;
  long long t = 0;
  for (const auto& p : steps) {
    out.push_back({t, p.cue.text});
    if (p.reminder) out.push_back({t + p.step.duration.count() - session::kReminderBefore.count(), p.reminder->text});
    t += p.step.duration.count();
  }
  out.push_back({t, session::end_cue(false).text});
  return out;
}

std::vector<session::SessionExercise> mixed_session() {
  Dose breaths = session::hold_dose(1, 2, Sides::kBoth, 0);
  breaths.hold_seconds.reset();
  breaths.hold_breaths = 5;
  return {make_exercise("calf", session::hold_dose(1, 2, Sides::kEach, 30)),
          make_exercise("squat", session::rep_dose(2, 3, Sides::kBoth, Tempo{2, 1, 2})),
          make_exercise("lunge", session::rep_dose(1, 2, Sides::kAlternate, Tempo{1, 0, 1})),
          make_exercise("breathe", breaths)};
}

TEST(SessionSteps, WhatTheEnginePlaysWordForWordAndToTheMillisecond) {
  const auto exercises = mixed_session();
  EXPECT_EQ(planned_cues(session_steps(exercises)), engine_cues(exercises));
}

TEST(SessionSteps, EqualTheEnginesLayout) {
  const auto exercises = mixed_session();
  const session::SessionEngine engine(exercises);
  const auto steps = session_steps(exercises);
  ASSERT_EQ(steps.size(), engine.steps().size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(steps[i].step.kind, engine.steps()[i].kind) << i;
    EXPECT_EQ(steps[i].step.duration, engine.steps()[i].duration) << i;
  }
}

TEST(SessionSteps, HoldsStayHoldsOfTheirSecondsOnEachSide) {
  // The calf stretch: 2 holds of 30 s on each side, never reps.
  const auto steps = session_steps({make_exercise("calf", session::hold_dose(1, 2, Sides::kEach, 30))});
  std::vector<std::string> texts;
  for (const auto& p : steps) {
    if (p.step.kind == session::StepKind::kHold) {
      EXPECT_EQ(p.step.duration.count(), 30'000);
      texts.push_back(p.cue.text);
    }
    EXPECT_NE(p.step.kind, session::StepKind::kMove);
  }
  EXPECT_EQ(texts,
            (std::vector<std::string>{"Right leg. Hold for 30 seconds (1 of 2)", "Hold for 30 seconds (2 of 2)",
                                      "Left leg. Hold for 30 seconds (1 of 2)", "Hold for 30 seconds (2 of 2)"}));
}

TEST(SessionStepsJson, NamesEveryPartOfAStep) {
  const auto steps = session_steps({make_exercise("squat", session::rep_dose(1, 2, Sides::kBoth, Tempo{2, 0, 2}))});
  SessionToPlay play{"A", "Strength", CivilDate{date::year{2026} / 1 / 5},
                     1,   false,      {make_exercise("squat", session::rep_dose(1, 2, Sides::kBoth, Tempo{2, 0, 2}))}};
  const Json j = session_day_json(SessionDay{play.date, play, std::nullopt, false}, steps);
  EXPECT_EQ(j["date"], "2026-01-05");
  EXPECT_EQ(j["scheduled"], true);
  EXPECT_EQ(j["session"], "A");
  EXPECT_EQ(j["total_ms"], 20'000 + 4 * 2'000);
  ASSERT_EQ(j["steps"].size(), 5U);
  EXPECT_EQ(j["steps"][0]["kind"], "get_ready");
  EXPECT_EQ(j["steps"][1]["kind"], "move");
  EXPECT_EQ(j["steps"][1]["phase"], "up");
  EXPECT_EQ(j["steps"][1]["text"], "Rep 1 of 2: Lift");
  EXPECT_EQ(j["steps"][2]["phase"], "down");
  EXPECT_EQ(j["steps"][2]["completes_unit"], true);
  EXPECT_EQ(j["steps"][4]["completes_set"], true);
  EXPECT_EQ(j["steps"][0]["reminder"], Json(nullptr));
  EXPECT_EQ(j["exercises"][0]["dose_text"].get<std::string>().empty(), false);
}

TEST(SessionStepsJson, ADayWithoutASessionSaysWhenTheNextIs) {
  const SessionDay day{CivilDate{date::year{2026} / 1 / 6}, std::nullopt,
                       store::PlanDay{CivilDate{date::year{2026} / 1 / 7}, 1, "B"}, false};
  const Json j = session_day_json(day, {});
  EXPECT_EQ(j["scheduled"], false);
  EXPECT_EQ(j["next"]["date"], "2026-01-07");
  EXPECT_EQ(j["next"]["session"], "B");
  EXPECT_TRUE(j["steps"].empty());
}

}  // namespace
}  // namespace kc::usecases
