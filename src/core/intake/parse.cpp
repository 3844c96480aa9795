#include "core/intake/parse.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/common/text.h"
#include "core/intake/answer_fields.h"

namespace kc {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kExample = R"({"version": 1, "age": 40, "knee": "left", "pain_now": 3})";

// The deepest nesting of lists and objects accepted. The answers need two levels (an object
// holding lists); the bound keeps hostile input from exhausting the stack.
constexpr int kMaxDepth = 32;

// At most `limit` bytes of `s`, with "..." when cut, control characters escaped.
std::string shorten(std::string s, std::size_t limit = 40) {
  if (s.size() > limit) s = s.substr(0, limit) + "...";
  return printable(s);
}

// How a JSON value is shown in a message: its text and what kind of value it is.
std::string shown(const Json& v) {
  const std::string text = shorten(v.dump(-1, ' ', false, Json::error_handler_t::replace));
  switch (v.type()) {
    case Json::value_t::string:
      return text + " is text";
    case Json::value_t::boolean:
      return text + " is true/false";
    case Json::value_t::null:
      return "null is not a value";
    case Json::value_t::array:
      return text + " is a list";
    case Json::value_t::object:
      return text + " is an object";
    case Json::value_t::number_float:
      return text + " is a decimal number";
    default:
      return text + " is a number";
  }
}

std::string wrong(const AnswerField& f, const Json& v) {
  std::string message = fmt::format("{}: {}; expected {}", f.name, shown(v), expected_text(f));
  if (v.is_null() && !f.required) message += " (or leave the field out)";
  return message;
}

std::string out_of_range(const AnswerField& f, const Json& v) {
  return fmt::format("{}: {} is out of range; expected {}", f.name, shorten(v.dump()), expected_text(f));
}

std::string unknown_name(const AnswerField& f, const std::string& name) {
  std::string message =
      fmt::format("{}: \"{}\" is not one of the choices; expected {}", f.name, shorten(name), expected_text(f));
  const auto near = closest_matches(name, f.choices, 1);
  if (!near.empty()) message += fmt::format(" (did you mean \"{}\"?)", near.front());
  return message;
}

Result<FieldValue> read_integer(const AnswerField& f, const Json& v) {
  if (!v.is_number_integer()) return make_error(wrong(f, v));
  // Non-negative JSON integers are held unsigned, negative ones signed; the ranges never exceed int.
  const double value =
      v.is_number_unsigned() ? static_cast<double>(v.get<std::uint64_t>()) : static_cast<double>(v.get<std::int64_t>());
  if (value < f.min || value > f.max) return make_error(out_of_range(f, v));
  return FieldValue{value};
}

Result<FieldValue> read_number(const AnswerField& f, const Json& v) {
  if (!v.is_number()) return make_error(wrong(f, v));
  const double d = v.get<double>();
  if (!std::isfinite(d))
    return make_error(fmt::format("{}: the number is too large; expected {}", f.name, expected_text(f)));
  if (d < f.min || d > f.max) return make_error(out_of_range(f, v));
  return FieldValue{d};
}

Result<FieldValue> read_choice(const AnswerField& f, const Json& v) {
  if (!v.is_string()) return make_error(wrong(f, v));
  const auto& s = v.get_ref<const std::string&>();
  if (std::find(f.choices.begin(), f.choices.end(), s) == f.choices.end()) return make_error(unknown_name(f, s));
  return FieldValue{s};
}

// A list item that is not a name: which item, what it is, and what the list must hold.
std::string wrong_item(const AnswerField& f, const Json& item, std::size_t index) {
  std::string what;
  if (item.is_array()) {
    what = "is a list inside the list (lists cannot be nested)";
  } else if (item.is_object()) {
    what = "is an object inside the list";
  } else {
    what = fmt::format("is not a name ({})", shown(item));
  }
  return fmt::format("{}: item {} {}; expected {}, such as [\"{}\"]", f.name, index + 1, what, expected_text(f),
                     f.choices.front());
}

Result<FieldValue> read_choices(const AnswerField& f, const Json& v) {
  if (!v.is_array()) return make_error(wrong(f, v));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const Json& item = v[i];
    if (!item.is_string()) return make_error(wrong_item(f, item, i));
    auto name = read_choice(f, item);
    if (!name.ok()) return name.error();
    const auto& s = std::get<std::string>(*name);
    if (std::find(out.begin(), out.end(), s) != out.end())
      return make_error(
          fmt::format("{}: \"{}\" is listed more than once; expected {}", f.name, shorten(s), expected_text(f)));
    out.push_back(s);
  }
  return FieldValue{std::move(out)};
}

Result<FieldValue> read_value(const AnswerField& f, const Json& v) {
  switch (f.type) {
    case FieldType::kInteger:
      return read_integer(f, v);
    case FieldType::kNumber:
      return read_number(f, v);
    case FieldType::kBoolean:
      if (!v.is_boolean()) return make_error(wrong(f, v));
      return FieldValue{v.get<bool>()};
    case FieldType::kChoice:
      return read_choice(f, v);
    case FieldType::kChoices:
      return read_choices(f, v);
  }
  return make_error(fmt::format("{}: unsupported field type", f.name));
}

// "line 3, column 7" of the byte at 1-based position `byte` of `text`.
std::string position(std::string_view text, std::size_t byte) {
  std::size_t line = 1;
  std::size_t column = 0;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 0;
    } else {
      ++column;
    }
  }
  return fmt::format("line {}, column {}", line, std::max<std::size_t>(column, 1));
}

std::string syntax_message(std::string_view text, const Json::parse_error& e) {
  // e.what() is "[json.exception.parse_error.N] parse error at line L, column C: DETAIL".
  std::string detail = e.what();
  if (const auto at = detail.find("column"); at != std::string::npos) {
    if (const auto colon = detail.find(": ", at); colon != std::string::npos) detail = detail.substr(colon + 2);
  }
  for (std::string_view prefix : {"syntax error while parsing value - ", "syntax error while parsing object - ",
                                  "syntax error while parsing array - ", "syntax error while parsing object key - ",
                                  "syntax error while parsing object separator - "}) {
    if (detail.rfind(prefix, 0) == 0) detail = detail.substr(prefix.size());
  }
  return fmt::format("the answers are not valid JSON: {}: {} (the answers must be one JSON object such as {})",
                     position(text, e.byte), shorten(detail, 120), kExample);
}

// Empty when lists and objects nest at most kMaxDepth deep (brackets inside strings do not
// count); otherwise where the limit was passed.
std::string check_depth(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth)
        return fmt::format(
            "the answers nest lists or objects more than {} deep ({}); expected one object whose lists hold names, "
            "such as {}",
            kMaxDepth, position(text, i + 1), kExample);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return "";
}

// Parses the text, recording top-level keys that appear more than once.
Result<Json> parse_json(std::string_view text, std::vector<std::string>& repeated) {
  if (auto problem = check_depth(text); !problem.empty()) return make_error(problem);
  std::set<std::string> seen;
  auto note_keys = [&](int depth, Json::parse_event_t event, Json& parsed) {
    if (depth == 1 && event == Json::parse_event_t::key && parsed.is_string()) {
      const auto& key = parsed.get_ref<const std::string&>();
      if (!seen.insert(key).second && std::find(repeated.begin(), repeated.end(), key) == repeated.end())
        repeated.push_back(key);
    }
    return true;
  };
  try {
    return Json::parse(text.begin(), text.end(), note_keys);
  } catch (const Json::parse_error& e) {
    return make_error(syntax_message(text, e));
  } catch (const Json::exception& e) {  // e.g. out_of_range 406: a number too large for a double
    std::string detail = e.what();
    if (const auto end = detail.find("] "); end != std::string::npos) detail = detail.substr(end + 2);
    return make_error(
        fmt::format("the answers cannot be read: {}; expected numbers of a sensible size", shorten(detail, 120)));
  }
}

std::string type_of(const Json& v) {
  switch (v.type()) {
    case Json::value_t::array:
      return "a list";
    case Json::value_t::string:
      return "text";
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "true/false";
    default:
      return "a number";
  }
}

// Empty when the version is 1 or missing (missing is reported with the other missing fields).
std::string check_version(const Json& doc) {
  if (!doc.contains("version")) return "";
  const Json& v = doc["version"];
  if (v.is_number_integer() && v.get<std::int64_t>() == 1) return "";
  return fmt::format("version: {} is not supported; expected 1 (this kneecoach reads intake format version 1)",
                     shorten(v.dump(-1, ' ', false, Json::error_handler_t::replace)));
}

std::string unknown_field(const std::string& key) {
  const auto names = answer_field_names();
  // Very short keys are close to everything; suggest only for keys of 3 or more characters.
  const auto near = key.size() >= 3 ? closest_matches(key, names, 1) : std::vector<std::string>{};
  const std::string shown_key = shorten(Json(key).dump(-1, ' ', false, Json::error_handler_t::replace), 60);
  if (!near.empty()) return fmt::format("{}: unknown field; did you mean \"{}\"?", shown_key, near.front());
  return fmt::format("{}: unknown field; expected only the fields of intake format version 1: {}", shown_key,
                     join(names));
}

}  // namespace

Result<Answers> parse_answers(std::string_view text) {
  std::vector<std::string> repeated;
  auto parsed = parse_json(text, repeated);
  if (!parsed.ok()) return parsed.error();
  const Json& doc = *parsed;
  if (!doc.is_object())
    return make_error(
        fmt::format("the answers are {}, not a JSON object; expected an object such as {}", type_of(doc), kExample));
  if (auto problem = check_version(doc); !problem.empty()) return make_error(problem);

  std::vector<std::string> problems;
  problems.reserve(repeated.size() + 1);
  for (const auto& key : repeated)
    problems.push_back(fmt::format("{}: appears more than once; expected each field once", shorten(key, 60)));
  if (!doc.contains("version")) problems.push_back("version: missing; expected 1 (this field is required)");
  Answers answers;
  for (const auto& [key, value] : doc.items()) {
    if (key == "version") continue;
    const AnswerField* field = find_answer_field(key);
    if (field == nullptr) {
      problems.push_back(unknown_field(key));
      continue;
    }
    auto read = read_value(*field, value);
    if (!read.ok()) {
      problems.push_back(read.error().message);
      continue;
    }
    field->set(answers, *read);
  }
  for (const auto& field : answer_fields()) {
    if (field.required && !doc.contains(std::string(field.name)))
      problems.push_back(
          fmt::format("{}: missing; expected {} (this field is required)", field.name, expected_text(field)));
  }
  if (!problems.empty()) return make_error(join(problems, "\n"));
  return answers;
}

Json answers_to_json(const Answers& answers) {
  Json doc;
  doc["version"] = 1;
  for (const auto& field : answer_fields()) {
    const FieldValue value = field.get(answers);
    const std::string key(field.name);
    if (const auto* b = std::get_if<bool>(&value)) {
      doc[key] = *b;
    } else if (const auto* d = std::get_if<double>(&value)) {
      if (field.type == FieldType::kInteger) {
        doc[key] = static_cast<std::int64_t>(*d);
      } else {
        doc[key] = *d;
      }
    } else if (const auto* s = std::get_if<std::string>(&value)) {
      doc[key] = *s;
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
      doc[key] = *list;
    }
  }
  return doc;
}

}  // namespace kc
