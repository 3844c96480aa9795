#include "core/intake/questionnaire.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "core/common/text.h"

namespace kc {
namespace {

bool after_injury(const Answers& a) { return a.onset == Onset::kInjury; }

Question yes_no(std::string id, std::string prompt, std::string help = "") {
  Question q;
  q.id = std::move(id);
  q.prompt = std::move(prompt);
  q.help = std::move(help);
  q.kind = AnswerKind::kYesNo;
  return q;
}

Question injury_yes_no(std::string id, std::string prompt, std::string help = "") {
  Question q = yes_no(std::move(id), std::move(prompt), std::move(help));
  q.relevant = after_injury;
  return q;
}

Question whole(std::string id, std::string prompt, std::string help, int min, int max, std::string skip = "") {
  Question q;
  q.id = std::move(id);
  q.prompt = std::move(prompt);
  q.help = std::move(help);
  q.kind = AnswerKind::kWholeNumber;
  q.min = min;
  q.max = max;
  q.skip_word = std::move(skip);
  return q;
}

Question number(std::string id, std::string prompt, std::string help, std::string skip) {
  Question q;
  q.id = std::move(id);
  q.prompt = std::move(prompt);
  q.help = std::move(help);
  q.kind = AnswerKind::kNumber;
  q.min = 0;
  q.max = std::numeric_limits<double>::infinity();
  q.skip_word = std::move(skip);
  return q;
}

Question choice(std::string id, std::string prompt, std::vector<Choice> choices, AnswerKind kind, std::string help = "",
                std::string skip = "", std::size_t min_choices = 0) {
  Question q;
  q.id = std::move(id);
  q.prompt = std::move(prompt);
  q.help = std::move(help);
  q.kind = kind;
  q.choices = std::move(choices);
  q.skip_word = std::move(skip);
  q.min_choices = min_choices;
  return q;
}

std::vector<Question> make_questions() {
  std::vector<Question> q;
  q.push_back(whole("age", "How old are you?", "Your age in years.", 12, 110));
  q.back().unit = "years";
  q.push_back(choice("knee", "Which knee hurts?",
                     {{"left", "My left knee"}, {"right", "My right knee"}, {"both", "Both knees"}},
                     AnswerKind::kOneOf));
  q.push_back(whole("pain_now", "How much does your knee hurt right now, from 0 to 10?",
                    "0 means no pain at all; 10 means the worst pain you can imagine.", 0, 10));
  q.push_back(whole("pain_worst_week", "And at its worst in the past week, how much did it hurt, from 0 to 10?",
                    "0 means no pain at all; 10 means the worst pain you can imagine.", 0, 10, "not sure"));
  q.push_back(number("duration_weeks", "For how many weeks have you had this knee pain?",
                     "A rough number is fine: 0.5 for a few days, 12 for about three months, 52 for a year.",
                     "not sure"));
  q.back().unit = "weeks";
  q.push_back(choice("location", "Where does it hurt? You can choose more than one.",
                     {{"front", "At the front, around or behind the kneecap"},
                      {"inner", "On the inner side (the side nearer the other knee)"},
                      {"outer", "On the outer side"},
                      {"back", "At the back of the knee"},
                      {"whole", "All over the knee"}},
                     AnswerKind::kManyOf, "", "not sure", 1));
  q.push_back(choice("onset", "How did the pain start?",
                     {{"gradual", "Gradually, without a particular injury"},
                      {"injury", "With an injury: a fall, a twist or a blow to the knee"}},
                     AnswerKind::kOneOf));
  Question days_ago =
      number("injury_days_ago", "How many days ago did the injury happen?", "Type 0 if it happened today.", "not sure");
  days_ago.relevant = after_injury;
  days_ago.unit = "days";
  q.push_back(std::move(days_ago));
  q.push_back(
      injury_yes_no("could_walk_4_steps_after_injury",
                    "Straight after the injury, could you take four steps (two on each leg), even with a limp?"));
  q.push_back(yes_no("can_walk_4_steps_now", "Can you take four steps now (two on each leg), even with a limp?"));
  q.push_back(injury_yes_no("kneecap_or_fibula_tender",
                            "Does pressing on your kneecap, or on the bony bump on the outer side just below the "
                            "knee, hurt?"));
  q.push_back(injury_yes_no("pop_at_injury", "When it happened, did you feel or hear a pop?"));
  q.push_back(injury_yes_no("swelled_within_hours", "Did the knee swell up within a few hours of the injury?"));
  q.push_back(yes_no("can_bend_to_90", "Can you bend your knee to a right angle, as when you sit on a chair?"));
  q.push_back(yes_no("locked", "Does your knee get stuck, so that you cannot straighten it fully?"));
  q.push_back(yes_no("gives_way", "Does your knee give way or buckle under you?"));
  q.push_back(yes_no("swelling", "Is your knee swollen now?"));
  q.push_back(yes_no("hot_red_swollen", "Is the knee hot, red or swollen, and tender to touch?"));
  q.push_back(yes_no("fever_or_unwell", "Do you have a fever or chills, or feel generally unwell?"));
  q.push_back(yes_no("calf_pain_or_swelling",
                     "Do you have pain, swelling or tenderness in the calf (the back of the lower leg) on the side "
                     "that hurts?"));
  q.push_back(
      yes_no("numb_or_cold_foot", "Is the foot on that side numb or tingling, or does it look pale or feel cold?"));
  q.push_back(yes_no("deformity", "Does your knee or leg look out of shape, or as if something is out of place?"));
  q.push_back(yes_no("sharp_pain", "Is the pain sharp, rather than a dull ache?"));
  q.push_back(yes_no("pain_getting_worse", "Is the pain steadily getting worse?"));
  q.push_back(
      yes_no("night_or_rest_pain", "Do you have constant pain at night or at rest that painkillers do not ease?"));
  q.push_back(yes_no("unexplained_weight_loss", "Have you lost weight recently without trying to?"));
  q.push_back(yes_no("cancer_history", "Have you ever had cancer?"));
  q.push_back(yes_no("morning_stiffness_over_30_min",
                     "When you wake up, does your knee stay stiff for more than half an hour?"));
  q.push_back(yes_no("joint_replacement", "Has this knee been replaced (a knee replacement operation)?"));
  q.push_back(number("weeks_since_knee_surgery",
                     "Have you had an operation on this knee? If so, how many weeks ago was the most recent one?",
                     "For example, 8 if it was about two months ago.", "none"));
  q.back().unit = "weeks";
  q.push_back(yes_no("underlying_condition",
                     "Has a doctor told you that a heart, lung or other condition limits how much exercise you can "
                     "do, or that you have inflammatory arthritis (such as rheumatoid arthritis)?"));
  q.push_back(yes_no("runner", "Do you run regularly?"));
  q.push_back(yes_no("can_kneel", "Can you kneel on a cushion or other padded surface?"));
  q.push_back(yes_no("can_get_down_to_floor", "Can you get down onto a mat on the floor and back up again?"));
  q.push_back(choice("equipment", "Which of these do you have at home? Choose all that you have.",
                     {{"chair", "A sturdy chair"},
                      {"step", "A stair or an exercise step"},
                      {"wall", "A clear piece of wall"},
                      {"mat", "An exercise mat or a rug"},
                      {"books", "A stack of sturdy books"},
                      {"counter", "A kitchen counter or table to hold on to"},
                      {"band", "A resistance band"}},
                     AnswerKind::kManyOf, "", "none"));
  q.push_back(choice("days", "On which days of the week can you exercise? Choose all that suit you.",
                     {{"mon", "Monday"},
                      {"tue", "Tuesday"},
                      {"wed", "Wednesday"},
                      {"thu", "Thursday"},
                      {"fri", "Friday"},
                      {"sat", "Saturday"},
                      {"sun", "Sunday"}},
                     AnswerKind::kManyOf, "", "", 1));
  q.back().default_answer = "all";
  q.push_back(whole("minutes_per_session", "How many minutes can you spend on one exercise session?",
                    "20 minutes is a good start.", 5, 90));
  q.back().unit = "minutes";
  q.back().default_answer = "20";
  return q;
}

std::string normalise(std::string_view typed) {
  std::string s;
  for (char c : typed) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

std::string format_number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

bool is_skip(const Question& q, const std::string& s) {
  if (q.skip_word.empty()) return false;
  static const std::vector<std::string> kSkips{"not sure", "don't know", "dont know", "unknown",
                                               "none",     "no",         "never",     "?"};
  return s == q.skip_word || std::find(kSkips.begin(), kSkips.end(), s) != kSkips.end();
}

std::string or_skip(const Question& q) { return q.skip_word.empty() ? "" : fmt::format(", or {}", q.skip_word); }

Result<FieldValue> check_yes_no(const std::string& s) {
  if (s == "y" || s == "yes" || s == "yeah" || s == "yep" || s == "yup") return FieldValue{true};
  if (s == "n" || s == "no" || s == "nope" || s == "nah") return FieldValue{false};
  return make_error("Please answer yes or no.");
}

// The number typed with the question's unit after it ("8 weeks", "1 day", "46 years old",
// "20 mins") read as the number alone; anything else unchanged.
std::string without_unit(const Question& q, const std::string& s) {
  if (q.unit.empty()) return s;
  const auto space = s.find_last_of("0123456789.");
  if (space == std::string::npos) return s;
  const std::string number = s.substr(0, space + 1);
  std::string rest = s.substr(space + 1);
  rest.erase(0, rest.find_first_not_of(' '));
  if (rest.empty()) return s;
  const std::string singular = q.unit.substr(0, q.unit.size() - 1);  // "weeks" -> "week"
  const bool is_unit = rest == q.unit || rest == singular ||
                       (q.unit == "minutes" && (rest == "min" || rest == "mins")) ||
                       (q.unit == "years" && (rest == "years old" || rest == "year old"));
  return is_unit ? number : s;
}

Result<FieldValue> check_whole(const Question& q, const std::string& typed) {
  const std::string s = without_unit(q, typed);
  long long v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  const std::string range = fmt::format("a whole number from {} to {}", format_number(q.min), format_number(q.max));
  if (ec != std::errc() || end != s.data() + s.size() || s.empty())
    return make_error(
        fmt::format("\"{}\" is not a whole number. Please type {}{}.", printable(typed), range, or_skip(q)));
  if (static_cast<double>(v) < q.min || static_cast<double>(v) > q.max)
    return make_error(fmt::format("{} is out of range. Please type {}{}.", s, range, or_skip(q)));
  return FieldValue{static_cast<double>(v)};
}

Result<FieldValue> check_number(const Question& q, const std::string& typed) {
  const std::string s = without_unit(q, typed);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(v))
    return make_error(fmt::format("\"{}\" is not a number{}. Please type a number such as 3 or 0.5{}.",
                                  printable(typed), q.unit.empty() ? "" : " of " + q.unit, or_skip(q)));
  if (v < q.min)
    return make_error(fmt::format("{} is less than {}. Please type {} or more{}.", s, format_number(q.min),
                                  format_number(q.min), or_skip(q)));
  return FieldValue{v};
}

std::string choice_list_text(const Question& q) {
  std::vector<std::string> names;
  for (const auto& c : q.choices) names.push_back(c.value);
  return fmt::format("a number from 1 to {} or a name ({})", q.choices.size(), join(names));
}

// The choice named by one typed word: its number, its value, or its label.
const Choice* find_choice(const Question& q, const std::string& word) {
  std::size_t index = 0;
  const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), index);
  if (ec == std::errc() && end == word.data() + word.size() && index >= 1 && index <= q.choices.size())
    return &q.choices[index - 1];
  for (const auto& c : q.choices)
    if (word == c.value || word == normalise(c.label)) return &c;
  return nullptr;
}

std::string unknown_choice(const Question& q, const std::string& word) {
  std::vector<std::string> names;
  for (const auto& c : q.choices) names.push_back(c.value);
  std::string message = fmt::format("\"{}\" is not one of the choices.", printable(word));
  const auto near = closest_matches(word, names, 1);
  if (!near.empty()) message += fmt::format(" Did you mean {}?", near.front());
  return message + fmt::format(" Please type {}{}.", choice_list_text(q), or_skip(q));
}

Result<FieldValue> check_one_of(const Question& q, const std::string& s) {
  const Choice* c = find_choice(q, s);
  if (c == nullptr) return make_error(unknown_choice(q, s));
  return FieldValue{c->value};
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> words;
  std::string word;
  for (char c : s) {
    if (c == ',' || c == ' ' || c == '\t' || c == ';') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

Result<FieldValue> check_many_of(const Question& q, const std::string& s) {
  std::vector<std::string> chosen;
  if (s == "all" || s == "every day" || s == "everything") {
    for (const auto& c : q.choices) chosen.push_back(c.value);
    return FieldValue{chosen};
  }
  for (const auto& word : split_words(s)) {
    const Choice* c = find_choice(q, word);
    if (c == nullptr) return make_error(unknown_choice(q, word));
    if (std::find(chosen.begin(), chosen.end(), c->value) == chosen.end()) chosen.push_back(c->value);
  }
  if (chosen.size() < std::max<std::size_t>(q.min_choices, 1))
    return make_error(fmt::format("Please choose at least one: type {}{}.", choice_list_text(q), or_skip(q)));
  // Keep the order of the choices, whatever the order typed.
  std::vector<std::string> ordered;
  for (const auto& c : q.choices)
    if (std::find(chosen.begin(), chosen.end(), c.value) != chosen.end()) ordered.push_back(c.value);
  return FieldValue{ordered};
}

std::string kind_hint(const Question& q) {
  const std::string skip = q.skip_word.empty() ? "" : fmt::format(", or {}", q.skip_word);
  switch (q.kind) {
    case AnswerKind::kYesNo:
      return "Type yes or no.";
    case AnswerKind::kWholeNumber:
      return fmt::format("Type a whole number from {} to {}{}.", format_number(q.min), format_number(q.max), skip);
    case AnswerKind::kNumber:
      if (!q.unit.empty()) return fmt::format("Type a number of {}, such as 8 or 0.5{}.", q.unit, skip);
      return fmt::format("Type a number{}.", skip);
    case AnswerKind::kOneOf:
      return fmt::format("Type a number from 1 to {}, or its name.", q.choices.size());
    case AnswerKind::kManyOf:
      return fmt::format("Type the numbers or names, separated by commas{}.", skip.empty() ? ", or all" : skip);
  }
  return "";
}

}  // namespace

const std::vector<Question>& questionnaire() {
  static const std::vector<Question> kQuestions = make_questions();
  return kQuestions;
}

const Question* find_question(std::string_view id) {
  for (const auto& q : questionnaire())
    if (q.id == id) return &q;
  return nullptr;
}

bool is_relevant(const Question& question, const Answers& so_far) {
  return !question.relevant || question.relevant(so_far);
}

std::string answer_hint(const Question& q) { return kind_hint(q); }

std::string form_hint(const Question& q) {
  std::string skip;
  if (!q.skip_word.empty()) {
    skip = fmt::format(", or choose {}{}", static_cast<char>(std::toupper(static_cast<unsigned char>(q.skip_word[0]))),
                       q.skip_word.substr(1));
  }
  switch (q.kind) {
    case AnswerKind::kYesNo:
      return "Choose yes or no.";
    case AnswerKind::kWholeNumber:
      if (q.min == 0 && q.max == 10) return "Choose a number from 0 to 10.";
      return fmt::format("Enter a whole number from {} to {}{}.", format_number(q.min), format_number(q.max), skip);
    case AnswerKind::kNumber:
      if (!q.unit.empty()) return fmt::format("Enter a number of {}, such as 8 or 0.5{}.", q.unit, skip);
      return fmt::format("Enter a number{}.", skip);
    case AnswerKind::kOneOf:
      return "Choose one.";
    case AnswerKind::kManyOf:
      return fmt::format("Choose one or more{}.", skip);
  }
  return "";
}

Result<FieldValue> validate_answer(const Question& q, std::string_view typed) {
  std::string s = normalise(typed);
  if (s.empty()) s = q.default_answer;
  if (s.empty()) return make_error(fmt::format("Please type an answer. {}", answer_hint(q)));
  if (is_skip(q, s)) {
    if (q.kind == AnswerKind::kManyOf) return FieldValue{std::vector<std::string>{}};
    return FieldValue{std::monostate{}};
  }
  switch (q.kind) {
    case AnswerKind::kYesNo:
      return check_yes_no(s);
    case AnswerKind::kWholeNumber:
      return check_whole(q, s);
    case AnswerKind::kNumber:
      return check_number(q, s);
    case AnswerKind::kOneOf:
      return check_one_of(q, s);
    case AnswerKind::kManyOf:
      return check_many_of(q, s);
  }
  return make_error("Please type an answer.");
}

std::string typed_answer(const Question& q, const FieldValue& value) {
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
  if (const auto* d = std::get_if<double>(&value)) return format_number(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    if (list->empty()) return q.skip_word;
    return join(*list);
  }
  return q.skip_word;  // not known
}

void apply_answer(Answers& answers, const Question& question, const FieldValue& value) {
  if (const AnswerField* field = find_answer_field(question.id)) field->set(answers, value);
}

}  // namespace kc
