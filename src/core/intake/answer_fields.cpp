#include "core/intake/answer_fields.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "core/catalog/vocabulary.h"
#include "core/common/text.h"
#include "core/intake/intake_vocabulary.h"

namespace kc {
namespace {

constexpr double kUnbounded = std::numeric_limits<double>::infinity();

AnswerField make_field(std::string_view name, FieldType type, bool required = false, double min = 0, double max = 0,
                       std::vector<std::string> choices = {}) {
  AnswerField f;
  f.name = name;
  f.type = type;
  f.required = required;
  f.min = min;
  f.max = max;
  f.choices = std::move(choices);
  return f;
}

const Answers& defaults() {
  static const Answers kDefaults{};
  return kDefaults;
}

AnswerField boolean(std::string_view name, bool Answers::*member) {
  AnswerField f = make_field(name, FieldType::kBoolean);
  f.get = [member](const Answers& a) -> FieldValue { return a.*member; };
  f.set = [member](Answers& a, const FieldValue& v) {
    a.*member = std::holds_alternative<bool>(v) ? std::get<bool>(v) : defaults().*member;
  };
  return f;
}

AnswerField integer(std::string_view name, int Answers::*member, int min, int max, bool required) {
  AnswerField f = make_field(name, FieldType::kInteger, required, min, max);
  f.get = [member](const Answers& a) -> FieldValue { return static_cast<double>(a.*member); };
  f.set = [member](Answers& a, const FieldValue& v) {
    a.*member = std::holds_alternative<double>(v) ? static_cast<int>(std::get<double>(v)) : defaults().*member;
  };
  return f;
}

AnswerField optional_integer(std::string_view name, std::optional<int> Answers::*member, int min, int max) {
  AnswerField f = make_field(name, FieldType::kInteger, false, min, max);
  f.get = [member](const Answers& a) -> FieldValue {
    if (!(a.*member)) return std::monostate{};
    return static_cast<double>(*(a.*member));
  };
  f.set = [member](Answers& a, const FieldValue& v) {
    a.*member =
        std::holds_alternative<double>(v) ? std::optional<int>(static_cast<int>(std::get<double>(v))) : std::nullopt;
  };
  return f;
}

AnswerField optional_number(std::string_view name, std::optional<double> Answers::*member) {
  AnswerField f = make_field(name, FieldType::kNumber, false, 0, kUnbounded);
  f.get = [member](const Answers& a) -> FieldValue {
    if (!(a.*member)) return std::monostate{};
    return *(a.*member);
  };
  f.set = [member](Answers& a, const FieldValue& v) {
    a.*member = std::holds_alternative<double>(v) ? std::optional<double>(std::get<double>(v)) : std::nullopt;
  };
  return f;
}

// A list of names of enum E, read and written through the vocabulary functions.
template <typename E>
AnswerField choice_list(std::string_view name, std::vector<E> Answers::*member, std::vector<std::string> choices,
                        std::optional<E> (*parse)(std::string_view)) {
  AnswerField f = make_field(name, FieldType::kChoices, false, 0, 0, std::move(choices));
  f.get = [member](const Answers& a) -> FieldValue {
    std::vector<std::string> out;
    for (E e : a.*member) out.emplace_back(to_string(e));
    return out;
  };
  f.set = [member, parse](Answers& a, const FieldValue& v) {
    if (!std::holds_alternative<std::vector<std::string>>(v)) {
      a.*member = defaults().*member;
      return;
    }
    (a.*member).clear();
    for (const auto& s : std::get<std::vector<std::string>>(v))
      if (auto e = parse(s)) (a.*member).push_back(*e);
  };
  return f;
}

AnswerField knee_field() {
  AnswerField f = make_field("knee", FieldType::kChoice, true, 0, 0, knee_side_names());
  f.get = [](const Answers& a) -> FieldValue { return std::string(to_string(a.knee)); };
  f.set = [](Answers& a, const FieldValue& v) {
    const auto* s = std::get_if<std::string>(&v);
    a.knee = s != nullptr ? parse_knee_side(*s).value_or(defaults().knee) : defaults().knee;
  };
  return f;
}

AnswerField onset_field() {
  AnswerField f = make_field("onset", FieldType::kChoice, false, 0, 0, onset_names());
  f.get = [](const Answers& a) -> FieldValue {
    if (!a.onset) return std::monostate{};
    return std::string(to_string(*a.onset));
  };
  f.set = [](Answers& a, const FieldValue& v) {
    const auto* s = std::get_if<std::string>(&v);
    a.onset = s != nullptr ? parse_onset(*s) : std::nullopt;
  };
  return f;
}

std::vector<AnswerField> make_fields() {
  using A = Answers;
  return {
      integer("age", &A::age, 12, 110, true),
      knee_field(),
      integer("pain_now", &A::pain_now, 0, 10, true),
      optional_integer("pain_worst_week", &A::pain_worst_week, 0, 10),
      optional_number("duration_weeks", &A::duration_weeks),
      choice_list<PainLocation>("location", &A::location, pain_location_names(), parse_pain_location),
      onset_field(),
      optional_number("injury_days_ago", &A::injury_days_ago),
      boolean("could_walk_4_steps_after_injury", &A::could_walk_4_steps_after_injury),
      boolean("can_walk_4_steps_now", &A::can_walk_4_steps_now),
      boolean("can_bend_to_90", &A::can_bend_to_90),
      boolean("kneecap_or_fibula_tender", &A::kneecap_or_fibula_tender),
      boolean("pop_at_injury", &A::pop_at_injury),
      boolean("swelled_within_hours", &A::swelled_within_hours),
      boolean("fever_or_unwell", &A::fever_or_unwell),
      boolean("hot_red_swollen", &A::hot_red_swollen),
      boolean("calf_pain_or_swelling", &A::calf_pain_or_swelling),
      boolean("locked", &A::locked),
      boolean("gives_way", &A::gives_way),
      boolean("numb_or_cold_foot", &A::numb_or_cold_foot),
      boolean("deformity", &A::deformity),
      boolean("night_or_rest_pain", &A::night_or_rest_pain),
      boolean("unexplained_weight_loss", &A::unexplained_weight_loss),
      boolean("cancer_history", &A::cancer_history),
      boolean("pain_getting_worse", &A::pain_getting_worse),
      boolean("sharp_pain", &A::sharp_pain),
      boolean("swelling", &A::swelling),
      optional_number("weeks_since_knee_surgery", &A::weeks_since_knee_surgery),
      boolean("joint_replacement", &A::joint_replacement),
      boolean("morning_stiffness_over_30_min", &A::morning_stiffness_over_30_min),
      boolean("underlying_condition", &A::underlying_condition),
      boolean("can_kneel", &A::can_kneel),
      boolean("can_get_down_to_floor", &A::can_get_down_to_floor),
      choice_list<Equipment>("equipment", &A::equipment, equipment_names(), parse_equipment),
      choice_list<Weekday>("days", &A::days, weekday_names(), parse_weekday),
      integer("minutes_per_session", &A::minutes_per_session, 5, 90, false),
      boolean("runner", &A::runner),
  };
}

std::string number_text(double v) {
  if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 1e15)
    return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

std::vector<std::string> quoted(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& s : items) out.push_back(fmt::format("\"{}\"", s));
  return out;
}

}  // namespace

const std::vector<AnswerField>& answer_fields() {
  static const std::vector<AnswerField> kFields = make_fields();
  return kFields;
}

const AnswerField* find_answer_field(std::string_view name) {
  for (const auto& f : answer_fields())
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<std::string> answer_field_names() {
  std::vector<std::string> out{"version"};
  for (const auto& f : answer_fields()) out.emplace_back(f.name);
  return out;
}

std::string expected_text(const AnswerField& field) {
  switch (field.type) {
    case FieldType::kInteger:
      return fmt::format("a whole number from {} to {}", number_text(field.min), number_text(field.max));
    case FieldType::kNumber:
      if (std::isinf(field.max)) return fmt::format("a number of {} or more", number_text(field.min));
      return fmt::format("a number from {} to {}", number_text(field.min), number_text(field.max));
    case FieldType::kBoolean:
      return "true or false";
    case FieldType::kChoice:
      return join_or(quoted(field.choices));
    case FieldType::kChoices:
      return fmt::format("a list of {}, each at most once", join_or(quoted(field.choices)));
  }
  return "";
}

std::string value_text(const FieldValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return "not known";
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* d = std::get_if<double>(&value)) return number_text(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return fmt::format("\"{}\"", *s);
  return fmt::format("[{}]", join(quoted(std::get<std::vector<std::string>>(value))));
}

}  // namespace kc
