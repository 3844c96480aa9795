#include "adapters/terminal/player.h"

#include <gtest/gtest.h>

#include <sstream>

#include "adapters/voice/voice.h"
#include "core/session/test_exercises.h"

namespace kc::terminal {
namespace {

using session::Millis;

std::vector<session::SessionExercise> two_exercises() {
  return {session::make_exercise("bridge", session::rep_dose(1, 5, Sides::kBoth, Tempo{2, 1, 2})),
          session::make_exercise("calf", session::hold_dose(1, 2, Sides::kEach, 30))};
}

struct Played {
  Result<bool> quit = false;
  std::string transcript;
  std::vector<session::Tally> logged;
  TimePoint end{};
};

Played run(const std::string& script) {
  session::SessionEngine engine(two_exercises());
  ManualClock clock(TimePoint{});
  PlayerOptions options;
  options.virtual_time = true;
  options.script = *session::parse_key_script(script);
  auto voice = voice::silent();
  std::ostringstream out;
  Played r;
  r.quit = play(engine, clock, options, *voice, out, [&](const session::Tally& t) -> Status {
    r.logged.push_back(t);
    return Ok{};
  });
  r.transcript = out.str();
  r.end = clock.now();
  return r;
}

TEST(Player, AVirtualClockRunsTheWholeSessionWithoutWaiting) {
  const auto started = std::chrono::steady_clock::now();
  const Played r = run("");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds{1});
  ASSERT_TRUE(r.quit.ok());
  EXPECT_FALSE(*r.quit);
  ASSERT_EQ(r.logged.size(), 2u);
  EXPECT_EQ(r.logged[0].outcome, session::Outcome::kDone);
  EXPECT_EQ(r.logged[1].outcome, session::Outcome::kDone);
  EXPECT_NE(r.transcript.find("[00:20] Rep 1 of 5: Lift"), std::string::npos) << r.transcript;
  EXPECT_NE(r.transcript.find("Session complete"), std::string::npos);
  // 2 cards of 20 s, 5 bridges of 5 s, 4 holds of 30 s, 2 releases of 3 s and a switch of 5 s.
  EXPECT_EQ(r.end - TimePoint{}, Millis{40'000 + 25'000 + 120'000 + 6'000 + 5'000});
}

TEST(Player, ScriptedKeysComeAfterTheirWaits) {
  const Played r = run("30s n 10s q");
  ASSERT_TRUE(r.quit.ok());
  EXPECT_TRUE(*r.quit);
  ASSERT_EQ(r.logged.size(), 2u);
  EXPECT_EQ(r.logged[0].outcome, session::Outcome::kPartly);
  EXPECT_EQ(r.logged[0].reps_done, 2);  // 20 s card, two bridges of 5 s
  EXPECT_EQ(r.logged[1].outcome, session::Outcome::kSkipped);
  EXPECT_EQ(r.end - TimePoint{}, Millis{40'000});
}

TEST(Player, AScriptedPauseStopsTheSessionClockUntilResumed) {
  const Played r = run("25s p 60s p");
  ASSERT_TRUE(r.quit.ok());
  EXPECT_NE(r.transcript.find("[00:25] Paused"), std::string::npos) << r.transcript;
  EXPECT_NE(r.transcript.find("[01:25] Going on"), std::string::npos);
  EXPECT_EQ(r.end - TimePoint{}, Millis{196'000 + 60'000});
}

TEST(Player, APauseLeftByTheScriptIsResumedWhenNoKeysCanCome) {
  const Played r = run("25s p");
  ASSERT_TRUE(r.quit.ok());
  EXPECT_FALSE(*r.quit);
  EXPECT_EQ(r.logged.size(), 2u);
}

TEST(Player, AFailedLogStopsTheSession) {
  session::SessionEngine engine(two_exercises());
  ManualClock clock(TimePoint{});
  PlayerOptions options;
  options.virtual_time = true;
  auto voice = voice::silent();
  std::ostringstream out;
  auto r = play(engine, clock, options, *voice, out,
                [](const session::Tally&) -> Status { return make_error("disk full"); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "disk full");
}

}  // namespace
}  // namespace kc::terminal
