#include "adapters/cli/intake_terminal.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <iostream>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "adapters/terminal/line_editor.h"
#include "adapters/terminal/terminal.h"
#include "core/common/text.h"
#include "core/intake/questionnaire.h"
#include "core/triage/clearance.h"
#include "usecases/intake.h"

namespace kc::cli {
namespace {

constexpr std::string_view kIndent = "    ";

// Where the answers are typed: a terminal with line editing, or the lines of a stream.
class Input {
 public:
  virtual ~Input() = default;
  // Shows `prompt` and returns the line typed, without control characters; `start` is the
  // answer given before: typed already where the line can be edited, otherwise what an empty
  // line keeps. nullopt at the end of the input.
  virtual std::optional<std::string> read(const std::string& prompt, const std::string& start) = 0;
  // The window's size (80 columns and no row limit, 0, when not a terminal).
  virtual terminal::Size size() const { return {80, 0}; }
};

class StreamInput final : public Input {
 public:
  StreamInput(std::istream& in, std::ostream& out) : in_(in), out_(out) {}
  std::optional<std::string> read(const std::string& prompt, const std::string& start) override {
    out_ << prompt;
    if (!start.empty()) out_ << fmt::format("(Enter keeps {}) ", start);
    out_ << std::flush;
    std::string line;
    if (!std::getline(in_, line)) {
      out_ << "\n";
      return std::nullopt;
    }
    line = terminal::without_controls(line);
    if (line.find_first_not_of(' ') == std::string::npos && !start.empty()) return start;
    return line;
  }

 private:
  std::istream& in_;
  std::ostream& out_;
};

class EditorInput final : public Input {
 public:
  EditorInput(std::unique_ptr<terminal::LineEditor> editor, std::ostream& out, int out_fd)
      : editor_(std::move(editor)), out_(out), out_fd_(out_fd) {}
  std::optional<std::string> read(const std::string& prompt, const std::string& start) override {
    out_ << std::flush;
    auto line = editor_->read(prompt, start);
    if (!line) out_ << "\n";
    return line;
  }
  terminal::Size size() const override { return terminal::size(out_fd_); }

 private:
  std::unique_ptr<terminal::LineEditor> editor_;
  std::ostream& out_;
  int out_fd_;
};

// Line editing when the answers are typed on a terminal and the questions shown on one.
std::unique_ptr<Input> input_for(std::istream& in, std::ostream& out) {
  int out_fd = -1;
  if (&out == &std::cout) out_fd = STDOUT_FILENO;
  if (&out == &std::cerr) out_fd = STDERR_FILENO;
  if (&in == &std::cin && out_fd >= 0 && terminal::is_terminal(STDIN_FILENO) && terminal::is_terminal(out_fd)) {
    auto editor = terminal::LineEditor::open(stdin, out_fd == STDOUT_FILENO ? stdout : stderr);
    if (editor) return std::make_unique<EditorInput>(std::move(editor).value(), out, out_fd);
  }
  return std::make_unique<StreamInput>(in, out);
}

std::size_t width_of(const Input& input) { return static_cast<std::size_t>(std::clamp(input.size().cols - 2, 38, 78)); }

bool is_back(const std::string& typed) {
  std::string s;
  for (char c : typed)
    if (c != ' ') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s == "<" || s == "goback" || s == "previous";
}

void show(const Question& q, int number, bool can_go_back, std::size_t width, std::ostream& out) {
  std::string prompt = wrap(q.prompt, width, kIndent);
  prompt.replace(0, kIndent.size(), fmt::format("{:>2}. ", number));
  out << "\n" << prompt;
  if (!q.help.empty()) out << wrap(q.help, width, kIndent);
  for (std::size_t i = 0; i < q.choices.size(); ++i) {
    out << wrap_hanging(fmt::format("{}  {}. ", kIndent, i + 1),
                        fmt::format("{} ({})", q.choices[i].label, q.choices[i].value), width);
  }
  const std::string enter = q.default_answer.empty() ? "" : fmt::format(" Press Enter alone for {}.", q.default_answer);
  const std::string back = can_go_back ? " Type < to go back." : "";
  out << wrap(answer_hint(q) + enter + back, width, kIndent);
}

struct Back {};
struct Ended {};
using Reply = std::variant<std::string, Back, Ended>;

// Asks until the answer is valid; returns the line typed, Back or Ended.
Reply ask(const Question& q, int number, const std::string& before, bool can_go_back, Input& input, std::ostream& out) {
  const std::size_t width = width_of(input);
  show(q, number, can_go_back, width, out);
  std::string start = before;
  while (true) {
    auto line = input.read("> ", start);
    if (!line) return Ended{};
    if (is_back(*line)) {
      if (can_go_back) return Back{};
      out << wrap("This is the first question: there is none before it.", width, kIndent);
      start.clear();
      continue;
    }
    auto value = validate_answer(q, *line);
    if (value.ok()) return *line;
    out << wrap(value.error().message, width, kIndent);
    start.clear();
  }
}

std::string typed_for(const usecases::TypedAnswers& typed, const std::string& id) {
  for (const auto& [qid, text] : typed)
    if (qid == id) return text;
  return "";
}

void set_typed(usecases::TypedAnswers& typed, const std::string& id, const std::string& text) {
  for (auto& [qid, old] : typed) {
    if (qid == id) {
      old = text;
      return;
    }
  }
  typed.emplace_back(id, text);
}

// The first question relevant now that has no answer, or nullptr.
const Question* first_open(const usecases::IntakeTurn& turn) {
  for (const Question* q : turn.relevant) {
    const bool given =
        std::any_of(turn.given.begin(), turn.given.end(), [&](const auto& g) { return g.first == q->id; });
    if (!given) return q;
  }
  return nullptr;
}

int number_of(const usecases::IntakeTurn& turn, const Question* q) {
  const auto it = std::find(turn.relevant.begin(), turn.relevant.end(), q);
  return static_cast<int>(it - turn.relevant.begin()) + 1;
}

std::string number_text(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

// An answer as the review lists it: "yes", "6 weeks", "front, inner", "not sure".
std::string answer_text(const Question& q, const FieldValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return q.skip_word.empty() ? "not known" : q.skip_word;
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
  if (const auto* d = std::get_if<double>(&value)) return number_text(*d) + (q.unit.empty() ? "" : " " + q.unit);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  const auto& list = std::get<std::vector<std::string>>(value);
  return list.empty() ? (q.skip_word.empty() ? "none" : q.skip_word) : join(list);
}

// " 5. For how many weeks have you had this … — 6 weeks" in `width` columns: the question cut
// between words to leave the answer whole.
std::string review_line(int number, const Question& q, const std::string& answer, std::size_t width) {
  const std::string lead = fmt::format("{:>3}. ", number);
  const std::string tail = " — " + answer;
  const std::size_t room = width > lead.size() + tail.size() + 12 ? width - lead.size() - tail.size() : 12;
  std::string prompt = q.prompt;
  if (prompt.size() > room) {
    prompt = prompt.substr(0, room - 2);
    const auto space = prompt.find_last_of(' ');
    if (space != std::string::npos && space > room / 2) prompt.resize(space);
    while (!prompt.empty() && (prompt.back() == ',' || prompt.back() == ' ')) prompt.pop_back();
    prompt += " …";
  }
  return lead + prompt + tail + "\n";
}

struct Save {};
struct Change {
  const Question* question;
};
using ReviewChoice = std::variant<Save, Change, Back>;

// Lists every answer (in pages that fit the window), and reads what to do: a number asks that
// question again, "<" goes back to the last question, Enter (or the end of the input) saves.
ReviewChoice review(const usecases::IntakeTurn& turn, Input& input, std::ostream& out) {
  const std::size_t width = width_of(input);
  const int rows = input.size().rows;
  const std::size_t total = turn.relevant.size();
  const std::size_t page = rows > 8 ? static_cast<std::size_t>(rows - 5) : total;
  std::size_t first = 0;
  out << "\n" << wrap("Your answers. Check them before they are saved:", width);
  while (true) {
    const std::size_t last = std::min(total, first + page);
    for (std::size_t i = first; i < last; ++i) {
      const Question& q = *turn.relevant[i];
      const auto it =
          std::find_if(turn.given.begin(), turn.given.end(), [&](const auto& g) { return g.first == q.id; });
      if (it != turn.given.end()) out << review_line(static_cast<int>(i) + 1, q, answer_text(q, it->second), width);
    }
    const bool more = last < total;
    out << wrap(more ? fmt::format("Type a number to change that answer, or press Enter to see the rest ({}-{}).",
                                   last + 1, total)
                     : "Type a number to change that answer, < to go back to the last question, or press Enter "
                       "to save them.",
                width);
    while (true) {
      auto line = input.read("> ", "");
      if (!line) return Save{};
      std::string s = *line;
      s.erase(0, s.find_first_not_of(' '));
      s.erase(s.find_last_not_of(' ') + 1);
      if (s.empty()) {
        if (!more) return Save{};
        first = last;
        break;
      }
      if (is_back(s)) return Back{};
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec == std::errc() && end == s.data() + s.size() && n >= 1 && n <= total) return Change{turn.relevant[n - 1]};
      out << wrap(fmt::format("\"{}\" is not an answer's number. Type a number from 1 to {}, or press Enter.",
                              printable(s), total),
                  width, kIndent);
    }
  }
}

}  // namespace

namespace {

// The ids of `turn`'s answers given, in order.
std::vector<std::string> given_ids(const usecases::IntakeTurn& turn) {
  std::vector<std::string> ids;
  ids.reserve(turn.given.size());
  for (const auto& [id, value] : turn.given) ids.push_back(id);
  return ids;
}

// The signs `triage` names, as a list in words ("calf pain or swelling, gives way").
std::string signs_text(const TriageResult& triage) {
  std::vector<std::string> names;
  names.reserve(triage.reasons.size());
  for (const auto& reason : triage.reasons) names.push_back(flag_words(reason.rule));
  return join(names);
}

void say_stopped(std::size_t width, std::ostream& out) {
  out << "\n"
      << wrap("Your answers show a warning sign, so the other questions are not needed: please read this first.", width)
      << "\n";
}

void say_cleared(const TriageResult& triage, std::size_t width, std::ostream& out) {
  out << "\n"
      << wrap(fmt::format("Your answers show the warning signs your clinician saw ({}). Your clearance covers them, so "
                          "the questions go on. A new warning sign still stops them.",
                          signs_text(triage)),
              width);
}

}  // namespace

Result<Asked> ask_questions(const RuleSet& rules, std::istream& in, std::ostream& out, const Resume& resume) {
  const auto input = input_for(in, out);
  const std::size_t width = width_of(*input);
  out << wrap(resume.typed.empty()
                  ? "kneecoach will ask you some questions about your knee, one at a time. Type your answer and "
                    "press Enter; type < to go back to the question before. At the end you can check and change "
                    "every answer. Your answers are checked for warning signs before any exercise is suggested."
                  : "kneecoach will ask the questions that were not asked when a warning sign stopped them, one at "
                    "a time. Type your answer and press Enter. At the end you can check and change every answer, "
                    "the earlier ones too.",
              width);
  // One turn at a time, as the browser asks them (usecases/intake.h): the same questions, order
  // and gating.
  usecases::TypedAnswers typed = resume.typed;
  std::vector<std::string> cleared = resume.cleared;
  std::vector<const Question*> asked;  // answered here, in the order asked: where "<" goes
  auto turn = usecases::intake_turn(typed, typed.empty() ? "" : typed.back().first, rules, cleared);
  if (!turn) return turn.error();
  const Question* current = turn->next;
  bool from_review = false;  // a change from the review: back to it once nothing is left open
  while (true) {
    if (current == nullptr) {
      const ReviewChoice choice = review(*turn, *input, out);
      if (std::holds_alternative<Save>(choice)) return Asked{turn->answers, std::nullopt, given_ids(*turn), cleared};
      if (const auto* change = std::get_if<Change>(&choice)) {
        current = change->question;
        from_review = true;
      } else if (!asked.empty()) {
        current = asked.back();
        asked.pop_back();
        from_review = false;
      }
      continue;
    }
    const Question& q = *current;
    const Reply reply = ask(q, number_of(*turn, current), typed_for(typed, q.id), !asked.empty(), *input, out);
    if (std::holds_alternative<Ended>(reply)) {
      return make_error(fmt::format("the answers ended before every question was answered (stopped at question {}, {})",
                                    number_of(*turn, current), q.id));
    }
    if (std::holds_alternative<Back>(reply)) {
      current = asked.back();
      asked.pop_back();
      continue;
    }
    set_typed(typed, q.id, std::get<std::string>(reply));
    asked.push_back(current);
    turn = usecases::intake_turn(typed, q.id, rules, cleared);
    if (!turn) return turn.error();
    if (turn->stopped && resume.clear_first_stop && cleared.empty()) {
      say_cleared(*turn->stopped, width, out);
      cleared = referral_flags(*turn->stopped);
      turn = usecases::intake_turn(typed, q.id, rules, cleared);
      if (!turn) return turn.error();
    }
    if (turn->stopped) {
      say_stopped(width, out);
      return Asked{turn->answers, turn->stopped, given_ids(*turn), cleared};
    }
    current = from_review || turn->next == nullptr ? first_open(*turn) : turn->next;
  }
}

}  // namespace kc::cli
