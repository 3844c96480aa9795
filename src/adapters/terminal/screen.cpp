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
  if (std::string word = session::set_word_of(step, ex); !word.empty()) {
    word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    parts.push_back(word);
  }
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

// `lines` with at most `keep` of them; the last one kept ends with "…" when some were dropped.
void keep_at_most(std::vector<std::string>& lines, std::size_t keep, int width) {
  if (lines.size() <= keep) return;
  lines.resize(keep);
  if (keep == 0) return;
  std::string& last = lines.back();
  if (columns(last) + 2 > width)
    last = cut(last, width - 1);
  else
    last += " …";
}

void append(std::vector<std::string>& to, const std::vector<std::string>& lines) {
  to.insert(to.end(), lines.begin(), lines.end());
}

std::string bold(const std::string& s) { return kBold + s + kPlain; }

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

namespace {

// The rows under the exercise's card while it runs, each part kept apart so that the layout
// can drop what does not fit.
struct Middle {
  std::vector<std::string> where;    // set, side, rep
  std::vector<std::string> heading;  // "LIFT   0:25"
  std::vector<std::string> big;      // the big count or countdown
  std::vector<std::string> cue;      // "> Rep 3 of 10: Lift"
  std::vector<std::string> list;     // how to do it, or the form cues
  std::vector<std::size_t> starts;   // where each item of `list` starts
};

Middle middle_of(const session::SessionEngine& engine, int w) {
  const session::Step& step = engine.step();
  const session::SessionExercise& ex = engine.exercise();
  Middle m;
  const std::string where = where_line(step, ex);
  if (!where.empty()) m.where = wrap_columns(where, w);
  m.heading = {"  " + bold(engine.paused() ? "PAUSED" : heading_of(step, ex)) + "   " + clock_text(engine.remaining())};
  if (step.kind != StepKind::kGetReady) {
    for (const std::string& row : big_text(big_value(step, engine.remaining()))) m.big.push_back("    " + row);
  }
  m.cue = wrap_columns(engine.last_cue().text, w, "> ");
  const bool card = step.kind == StepKind::kGetReady;
  const auto& items = card ? ex.steps : ex.cues;
  if (!items.empty()) m.list.emplace_back(card ? "How to do it:" : "Remember:");
  for (std::size_t i = 0; i < items.size(); ++i) {
    m.starts.push_back(m.list.size());
    append(m.list, wrap_columns(items[i], w, card ? fmt::format("  {}. ", i + 1) : std::string("  - ")));
  }
  m.starts.push_back(m.list.size());
  return m;
}

// The middle's rows in `room` lines: where, heading and cue always; then the big digits, the
// list (whole items, as many as fit) and blank lines between them, while there is room.
std::vector<std::string> fit_middle(Middle m, int room) {
  const auto size = [](const std::vector<std::string>& v) { return static_cast<int>(v.size()); };
  room -= size(m.where) + size(m.heading) + size(m.cue);
  if (size(m.big) > room) m.big.clear();
  room -= size(m.big);
  if (size(m.list) > room) {
    std::size_t keep = 0;  // whole items only, and none without its first
    for (std::size_t s : m.starts) {
      if (static_cast<int>(s) <= room && s > 1) keep = s;
    }
    m.list.resize(keep);
  }
  room -= size(m.list);
  const bool gap_heading = room-- > 0;  // blank lines around the heading, then before the list
  const bool gap_after = room-- > 0;
  const bool gap_list = !m.list.empty() && room-- > 0;
  const bool gap_big = !m.big.empty() && room-- > 0;
  std::vector<std::string> out = m.where;
  if (gap_heading) out.emplace_back();
  append(out, m.heading);
  if (gap_after) out.emplace_back();
  append(out, m.big);
  if (gap_big) out.emplace_back();
  append(out, m.cue);
  if (gap_list) out.emplace_back();
  append(out, m.list);
  return out;
}

}  // namespace

std::vector<std::string> screen_lines(const session::SessionEngine& engine, const std::string& title, int cols,
                                      int rows) {
  const int w = std::max(20, cols - 1);
  const int h = std::max(3, rows);
  std::vector<std::string> top = wrap_columns("kneecoach · " + title, w);
  keep_at_most(top, 2, w);
  top.front().replace(0, std::string_view("kneecoach").size(), bold("kneecoach"));
  if (!engine.started() || engine.steps().empty()) return top;
  const session::Step& step = engine.step();
  const session::SessionExercise& ex = engine.exercise();
  append(top,
         wrap_columns(fmt::format("Exercise {} of {}: {}", step.exercise + 1, engine.exercises().size(), ex.name), w));
  std::vector<std::string> dose = wrap_columns(describe_dose(ex.dose, ex.phase_words), w);
  const std::string rule(static_cast<std::size_t>(std::min(w, 78)), '-');

  std::vector<std::string> bottom{rule};
  const Millis left = engine.time_left();
  const std::string minutes = fmt::format("about {} min left", (left.count() + 59'999) / 60'000);
  const int bar = std::min(60, w - columns(minutes) - 3);
  bottom.push_back(engine.finished() ? progress_bar(engine.progress(), std::min(w, 60))
                                     : progress_bar(engine.progress(), bar) + " · " + minutes);
  if (!engine.finished()) {
    append(bottom,
           wrap_columns(engine.paused() ? "Paused: space goes on · n next exercise · b back · q quit" : kKeysHelp, w));
  }

  std::vector<std::string> middle;
  const int fixed = static_cast<int>(top.size() + 1 + bottom.size());  // + the rule under the card
  if (engine.finished()) {
    middle.emplace_back();
    for (const std::string& line : wrap_columns(engine.last_cue().text, w - 2, "  ")) middle.push_back(bold(line));
  } else {
    Middle m = middle_of(engine, w);
    const int needed = static_cast<int>(m.where.size() + m.heading.size() + m.cue.size());
    keep_at_most(dose, static_cast<std::size_t>(std::clamp(h - fixed - needed, 1, static_cast<int>(dose.size()))), w);
    middle = fit_middle(std::move(m), h - fixed - static_cast<int>(dose.size()));
  }
  std::vector<std::string> lines = top;
  append(lines, dose);
  lines.push_back(rule);
  append(lines, middle);
  // A window too small for all of it keeps the top, then the bottom (progress and keys).
  const auto height = static_cast<std::size_t>(h);
  if (lines.size() + bottom.size() > height) lines.resize(height > bottom.size() + 2 ? height - bottom.size() : height);
  if (lines.size() + bottom.size() <= height) append(lines, bottom);
  return lines;
}

std::string frame(const std::vector<std::string>& lines, bool clear_first) {
  std::string out = clear_first ? "\x1b[H\x1b[2J" : "\x1b[H";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    out += "\x1b[K";
    if (i + 1 < lines.size()) out += "\r\n";
  }
  out += "\x1b[J";
  return out;
}

std::string transcript_line(Millis at, const session::Cue& cue) {
  const long secs = static_cast<long>(at.count() / 1000);
  return fmt::format("[{:02}:{:02}] {}\n", secs / 60, secs % 60, cue.text);
}

}  // namespace kc::terminal
