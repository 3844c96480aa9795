#include "adapters/terminal/screen.h"

#include <gtest/gtest.h>

#include <cctype>

#include "core/session/test_exercises.h"

namespace kc::terminal {
namespace {

using session::Millis;

// Columns a UTF-8 string takes (every code point one column).
std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// `s` without its ANSI escape sequences.
std::string plain(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b') {
      while (i < s.size() && !std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

TEST(Screen, BigTextHasFiveRowsOfEqualWidth) {
  const auto rows = big_text("0:25");
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& r : rows) EXPECT_EQ(columns(r), 16u);  // four glyphs of 3 columns and a space
  EXPECT_NE(rows[0].find("█"), std::string::npos);
}

TEST(Screen, ClockTextRoundsUp) {
  EXPECT_EQ(clock_text(Millis{25'000}), "0:25");
  EXPECT_EQ(clock_text(Millis{24'001}), "0:25");
  EXPECT_EQ(clock_text(Millis{65'000}), "1:05");
  EXPECT_EQ(clock_text(Millis{0}), "0:00");
}

TEST(Screen, ProgressBarShowsThePercentage) {
  EXPECT_NE(progress_bar(0.0, 30).find("] 0%"), std::string::npos);
  EXPECT_NE(progress_bar(0.5, 30).find("] 50%"), std::string::npos);
  EXPECT_NE(progress_bar(1.0, 30).find("] 100%"), std::string::npos);
  EXPECT_EQ(progress_bar(1.0, 30).find("░"), std::string::npos);
}

TEST(Screen, ShowsTheCardThenTheCountdownSideAndProgress) {
  session::SessionExercise ex = session::make_exercise("calf-stretch", session::hold_dose(1, 2, Sides::kEach, 30));
  ex.name = "Wall calf stretch";
  ex.steps = {"Face a wall.", "Step one foot back."};
  ex.cues = {"Keep the back heel down."};
  session::SessionEngine engine({ex});
  engine.start(TimePoint{});
  std::string screen = frame(screen_lines(engine, "Session B", 80, 24), true);
  ASSERT_EQ(screen.rfind("\x1b[H\x1b[2J", 0), 0u);
  EXPECT_LE(screen_lines(engine, "Session B", 80, 24).size(), 24u);
  screen = plain(screen);
  EXPECT_NE(screen.find("Session B"), std::string::npos);
  EXPECT_NE(screen.find("Exercise 1 of 1"), std::string::npos);
  EXPECT_NE(screen.find("Wall calf stretch"), std::string::npos);
  EXPECT_NE(screen.find("GET READY"), std::string::npos);
  EXPECT_NE(screen.find("1. Face a wall."), std::string::npos);
  EXPECT_NE(screen.find("q quit"), std::string::npos);
  engine.tick(TimePoint{} + Millis{25'000});  // 5 s into the first hold
  screen = plain(frame(screen_lines(engine, "Session B", 80, 24), false));
  EXPECT_NE(screen.find("HOLD   0:25"), std::string::npos);
  EXPECT_NE(screen.find("right leg · hold 1 of 2"), std::string::npos);
  EXPECT_NE(screen.find("Keep the back heel down."), std::string::npos);
  EXPECT_NE(screen.find('%'), std::string::npos);
  engine.press(session::Key::kPause, TimePoint{} + Millis{25'000});
  screen = plain(frame(screen_lines(engine, "Session B", 80, 24), false));
  EXPECT_NE(screen.find("PAUSED"), std::string::npos);
}

TEST(Screen, TranscriptLinesCarryTheSessionTime) {
  EXPECT_EQ(transcript_line(Millis{135'400}, {"Rest 30 seconds", "Rest 30 seconds"}), "[02:15] Rest 30 seconds\n");
}

}  // namespace
}  // namespace kc::terminal
