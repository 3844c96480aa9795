#include "adapters/terminal/screen.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "core/catalog/describe.h"
#include "core/common/text.h"
#include "core/session/cues.h"

namespace kc::terminal {
namespace {

using session::Millis;
using session::Phase;
using session::StepKind;

constexpr const char* kClear = "\x1b[H\x1b[2J";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kPlain = "\x1b[0m";
constexpr const char* kKeysHelp = "space pause · n next exercise · b back · q quit";

// 3-column glyphs, five rows each; '#' is drawn as a full block.
const std::array<const char*, 5>* glyph(char c) {
  static const std::array<std::array<const char*, 5>, 12> glyphs = {{
      {"###", "# #", "# #", "# #", "###"},  // 0
      {" # ", "## ", " # ", " # ", "###"},  // 1
      {"###", "  #", "###", "#  ", "###"},  // 2
      {"###", "  #", "###", "  #", "###"},  // 3
      {"# #", "# #", "###", "  #", "  #"},  // 4
      {"###", "#  ", "###", "  #", "###"},  // 5
      {"###", "#  ", "###", "# #", "###"},  // 6
      {"###", "  #", "  #", "  #", "  #"},  // 7
      {"###", "# #", "###", "# #", "###"},  // 8
      {"###", "# #", "###", "  #", "###"},  // 9
      {"   ", " # ", "   ", " # ", "   "},  // :
      {"  #", "  #", " # ", "#  ", "#  "},  // /
  }};
  if (c >= '0' && c <= '9') return &glyphs[static_cast<std::size_t>(c - '0')];
  if (c == ':') return &glyphs[10];
  if (c == '/') return &glyphs[11];
  return nullptr;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string heading_of(const session::Step& step, const session::SessionExercise& ex) {
  switch (step.kind) {
    case StepKind::kGetReady:
      return "GET READY";
    case StepKind::kMove:
      return upper(session::phase_word(step.phase, ex));
    case StepKind::kHold:
      return "HOLD";
    case StepKind::kBreath:
      return step.phase == Phase::kIn ? "BREATHE IN" : "BREATHE OUT";
    case StepKind::kRelease:
      return "RELEASE";
    case StepKind::kSwitch:
      return "SWITCH SIDES";
    case StepKind::kRest:
      return "REST";
  }
  return "";
}

// "Set 1 of 2 · right leg · rep 3 of 10" for the step, or "" on the card.
std::string where_line(const session::Step& step, const session::SessionExercise& ex) {
  if (step.kind == StepKind::kGetReady) return "";
  std::vector<std::string> parts;
  if (step.sets > 1) parts.push_back(fmt::format("Set {} of {}", step.set, step.sets));
  if (step.side != session::Side::kBoth || ex.dose.sides != Sides::kBoth) {
    parts.push_back(session::side_label(step.side, ex.side_word));
  }
  if (step.rep > 0) {
    const bool hold = session::is_hold_dose(ex.dose);
    parts.push_back(fmt::format("{} {} of {}", hold ? "hold" : "rep", step.rep, step.reps));
  }
  return join(parts, " · ");
}

// What the big digits show: the rep count for reps, the breath count for a breath hold,
// otherwise the time left.
std::string big_value(const session::Step& step, Millis left) {
  if (step.kind == StepKind::kMove) return fmt::format("{}/{}", step.rep, step.reps);
  if (step.kind == StepKind::kBreath) return fmt::format("{}/{}", step.breath, step.breaths);
  return clock_text(left);
}

// Appends `text` wrapped to `width`, its first line led by `lead` and the others indented
// as deep (a hanging indent), ending with a newline.
void add_wrapped(std::string& out, const std::string& text, int width, const std::string& lead) {
  std::string block = wrap(text, static_cast<std::size_t>(std::max(20, width - 1)), std::string(lead.size(), ' '));
  if (block.size() < lead.size()) block = lead;
  block.replace(0, lead.size(), lead);
  out += block;
  if (block.empty() || block.back() != '\n') out += '\n';
}

}  // namespace

std::vector<std::string> big_text(const std::string& text) {
  std::vector<std::string> rows(5);
  for (char c : text) {
    const auto* g = glyph(c);
    for (std::size_t r = 0; r < 5; ++r) {
      const std::string pattern = g != nullptr ? (*g)[r] : "   ";
      for (char p : pattern) rows[r] += p == '#' ? "█" : " ";
      rows[r] += ' ';
    }
  }
  return rows;
}

std::string progress_bar(double fraction, int width) {
  const double f = std::clamp(fraction, 0.0, 1.0);
  const int cells = std::max(10, width) - 7;  // "[" "] " and "100%"
  const int full = static_cast<int>(std::lround(f * cells));
  std::string bar = "[";
  for (int i = 0; i < cells; ++i) bar += i < full ? "█" : "░";
  bar += fmt::format("] {}%", static_cast<int>(std::floor(f * 100.0)));
  return bar;
}

std::string clock_text(Millis left) {
  const long secs = std::max(0L, static_cast<long>((left.count() + 999) / 1000));
  return fmt::format("{}:{:02}", secs / 60, secs % 60);
}

std::string render_screen(const session::SessionEngine& engine, const std::string& title, int width) {
  std::string out = kClear;
  const int w = std::max(40, width);
  const std::string rule(static_cast<std::size_t>(std::min(w - 1, 78)), '-');
  out += fmt::format("{}kneecoach{} · {}\n", kBold, kPlain, title);
  if (!engine.started() || engine.steps().empty()) return out;
  const session::Step& step = engine.step();
  const session::SessionExercise& ex = engine.exercise();
  out +=
      fmt::format("Exercise {} of {}: {}{}{}\n", step.exercise + 1, engine.exercises().size(), kBold, ex.name, kPlain);
  add_wrapped(out, describe_dose(ex.dose), w, "");
  out += rule + "\n";
  if (engine.finished()) {
    out += fmt::format("\n  {}{}{}\n\n", kBold, engine.last_cue().text, kPlain);
    out += rule + "\n" + progress_bar(engine.progress(), std::min(w - 1, 78)) + "\n";
    return out;
  }
  const std::string where = where_line(step, ex);
  out += where.empty() ? "\n" : where + "\n";
  out += fmt::format("\n  {}{}{}   {}\n\n", kBold, engine.paused() ? "PAUSED" : heading_of(step, ex), kPlain,
                     clock_text(engine.remaining()));
  for (const std::string& row : big_text(big_value(step, engine.remaining()))) out += "    " + row + "\n";
  out += fmt::format("\n> {}\n\n", engine.last_cue().text);
  if (step.kind == StepKind::kGetReady) {
    out += "How to do it:\n";
    for (std::size_t i = 0; i < ex.steps.size(); ++i) {
      add_wrapped(out, ex.steps[i], w, fmt::format("  {}. ", i + 1));
    }
  } else if (!ex.cues.empty()) {
    out += "Remember:\n";
    for (const std::string& cue : ex.cues) add_wrapped(out, cue, w, "  - ");
  }
  out += rule + "\n";
  const Millis left = engine.time_left();
  out += fmt::format("{} · about {} min left\n", progress_bar(engine.progress(), std::min(w - 1, 60)),
                     (left.count() + 59'999) / 60'000);
  out += engine.paused() ? "Paused: press space to go on · n next exercise · b back · q quit\n"
                         : std::string(kKeysHelp) + "\n";
  return out;
}

std::string transcript_line(Millis at, const session::Cue& cue) {
  const long secs = static_cast<long>(at.count() / 1000);
  return fmt::format("[{:02}:{:02}] {}\n", secs / 60, secs % 60, cue.text);
}

}  // namespace kc::terminal
