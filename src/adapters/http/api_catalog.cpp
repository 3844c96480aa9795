// The catalog, the intake questionnaire and triage routes.
#include <fmt/format.h>

#include <algorithm>

#include "adapters/http/api_routes.h"
#include "adapters/http/body_check.h"
#include "adapters/render/exercise_picture.h"
#include "core/catalog/exercise_json.h"
#include "core/intake/parse.h"
#include "core/intake/questionnaire.h"
#include "usecases/intake.h"

namespace kc::http {
namespace {

const char* kind_name(AnswerKind k) {
  switch (k) {
    case AnswerKind::kYesNo:
      return "yes_no";
    case AnswerKind::kWholeNumber:
      return "whole_number";
    case AnswerKind::kNumber:
      return "number";
    case AnswerKind::kOneOf:
      return "one_of";
    case AnswerKind::kManyOf:
      return "many_of";
  }
  return "yes_no";
}

Json question_json(const Question& q) {
  Json j;
  j["id"] = q.id;
  j["prompt"] = q.prompt;
  j["help"] = q.help;
  j["kind"] = kind_name(q.kind);
  j["hint"] = form_hint(q);  // the browser's words; the terminal's (answer_hint) speak of typing
  j["unit"] = q.unit;
  j["default_answer"] = q.default_answer;
  if (q.kind == AnswerKind::kWholeNumber || q.kind == AnswerKind::kNumber) j["min"] = q.min;
  if (q.kind == AnswerKind::kWholeNumber) j["max"] = q.max;
  j["skip_word"] = q.skip_word;
  if (q.kind == AnswerKind::kManyOf) j["min_choices"] = q.min_choices;
  Json choices = Json::array();
  for (const auto& c : q.choices) choices.push_back({{"value", c.value}, {"label", c.label}});
  j["choices"] = choices;
  return j;
}

// A JSON answer value as the words a person would type, for validate_answer.
std::optional<std::string> as_typed(const Question& q, const Json& v) {
  if (v.is_null()) return q.skip_word.empty() ? std::nullopt : std::optional<std::string>(q.skip_word);
  if (v.is_boolean()) return std::string(v.get<bool>() ? "yes" : "no");
  if (v.is_number()) return v.dump();
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    if (v.empty()) return q.skip_word.empty() ? std::nullopt : std::optional<std::string>(q.skip_word);
    std::string s;
    for (const auto& item : v) {
      if (!item.is_string()) return std::nullopt;
      s += (s.empty() ? "" : ",") + item.get<std::string>();
    }
    return s;
  }
  return std::nullopt;
}

}  // namespace

Response list_exercises(ApiState& s, const Request& /*r*/, const std::string& /*id*/) {
  Json list = Json::array();
  for (const auto& e : s.catalog.all()) list.push_back(exercise_to_json(e));
  Json j;
  j["exercises"] = list;
  return json_response(200, j.dump());
}

Response get_exercise(ApiState& s, const Request& /*r*/, const std::string& id) {
  const Exercise* e = s.catalog.find(id);
  if (e == nullptr) return error_response(404, "not_found", fmt::format("no exercise \"{}\"", id));
  return json_response(200, exercise_to_json(*e).dump());
}

Response get_exercise_svg(ApiState& s, const Request& r, const std::string& id) {
  const Exercise* e = s.catalog.find(id);
  if (e == nullptr) return error_response(404, "not_found", fmt::format("no exercise \"{}\"", id));
  const auto* poses = s.pictures.find(id);
  if (poses == nullptr) return error_response(404, "not_found", fmt::format("no figure for exercise \"{}\"", id));
  const auto still = r.query.find("still");
  auto svg = render::exercise_svg(*e, *poses, still != r.query.end() && still->second == "true");
  if (!svg) return internal_error(svg.error().message);
  Response reply;
  reply.content_type = "image/svg+xml";
  reply.body = std::move(svg).value();
  reply.headers.emplace_back("Cache-Control", "max-age=3600");
  return reply;
}

Response get_questions(ApiState& /*s*/, const Request& /*r*/, const std::string& /*id*/) {
  Json list = Json::array();
  for (const auto& q : questionnaire()) list.push_back(question_json(q));
  Json j;
  j["version"] = 1;
  j["questions"] = list;
  return json_response(200, j.dump());
}

Response post_relevant(ApiState& /*s*/, const Request& r, const std::string& /*id*/) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"answers"})) return check.error();
  if (!check.doc().contains("answers")) {
    check.fail("missing_field", "answers", "answers: missing; expected an object of the answers so far");
    return check.error();
  }
  const Json& given = check.doc().at("answers");
  if (!given.is_object()) {
    check.fail("wrong_type", "answers", fmt::format("answers: is {}; expected a JSON object", json_type_name(given)));
    return check.error();
  }
  Answers answers;
  for (const auto& [key, value] : given.items()) {
    const std::string field = "answers." + key;
    if (key == "version") continue;
    const Question* q = find_question(key);
    if (q == nullptr) {
      check.fail("unknown_field", field, fmt::format("{}: unknown field; expected a question id", field));
      continue;
    }
    const auto typed = as_typed(*q, value);
    if (!typed) {
      check.fail("wrong_type", field, fmt::format("{}: is {}; {}", field, json_type_name(value), form_hint(*q)));
      continue;
    }
    auto v = validate_answer(*q, *typed);
    if (!v) {
      check.fail("invalid", field, fmt::format("{}: {}", field, v.error().message));
      continue;
    }
    apply_answer(answers, *q, *v);
  }
  if (!check.ok()) return check.error();
  Json ids = Json::array();
  for (const auto& q : questionnaire()) {
    if (is_relevant(q, answers)) ids.push_back(q.id);
  }
  Json j;
  j["relevant"] = ids;
  return json_response(200, j.dump());
}

Response post_intake_answer(ApiState& s, const Request& r, const std::string& /*id*/) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"answers", "after", "cleared"})) return check.error();
  const Json& doc = check.doc();
  const Json given = doc.contains("answers") ? doc.at("answers") : Json::object();
  if (!given.is_object()) {
    check.fail("wrong_type", "answers", fmt::format("answers: is {}; expected a JSON object", json_type_name(given)));
    return check.error();
  }
  std::string after;
  if (doc.contains("after")) {
    if (!doc.at("after").is_string()) {
      check.fail("wrong_type", "after", "after: expected a question id (a string)");
      return check.error();
    }
    after = doc.at("after").get<std::string>();
  }
  // The rule ids a clearance covers, for the questions left after an earlier stop.
  std::vector<std::string> cleared;
  if (doc.contains("cleared")) {
    const Json& list = doc.at("cleared");
    if (!list.is_array() || list.size() > s.rules.rules.size() ||
        !std::all_of(list.begin(), list.end(), [](const Json& v) { return v.is_string(); })) {
      check.fail("wrong_type", "cleared", "cleared: expected a list of warning-sign ids (the clearance's flags)");
      return check.error();
    }
    for (const Json& v : list) cleared.push_back(v.get<std::string>());
  }
  usecases::TypedAnswers typed;
  for (const auto& [key, value] : given.items()) {
    if (key == "version") continue;
    const Question* q = find_question(key);
    const auto text = q == nullptr ? std::optional<std::string>("") : as_typed(*q, value);
    if (!text) {
      // Nothing chosen in the form (null or an empty list where an answer is required), or a
      // value of the wrong JSON type.
      const bool none = value.is_null() || (value.is_array() && value.empty());
      const std::string message = !none                            ? form_hint(*q)
                                  : q->kind == AnswerKind::kManyOf ? "Please choose at least one."
                                                                   : "Please choose an answer.";
      return error_response(400, errc::kInvalid, message, key);
    }
    typed.emplace_back(key, *text);
  }
  auto turn = usecases::intake_turn(typed, after, s.rules, cleared);
  if (!turn) return error_reply(turn.error());
  Json j;
  j["next"] = turn->next != nullptr ? question_json(*turn->next) : Json(nullptr);
  Json relevant = Json::array();
  for (const Question* q : turn->relevant) relevant.push_back(q->id);
  j["relevant"] = relevant;
  Json kept = Json::object();
  const Json document = answers_to_json(turn->answers);
  for (const auto& [qid, value] : turn->given) {
    kept[qid] = std::holds_alternative<std::monostate>(value) ? Json(nullptr) : document.value(qid, Json(nullptr));
  }
  j["answers"] = kept;
  j["document"] = document;
  j["stopped"] = turn->stopped ? Json(triage_to_json(*turn->stopped)) : Json(nullptr);
  return json_response(200, j.dump());
}

Response post_triage(ApiState& s, const Request& r, const std::string& /*id*/) {
  auto answers = parse_answers(r.body);
  if (!answers) return answers_error(answers.error().message, "");
  return json_response(200, triage_to_json(evaluate(*answers, s.rules)).dump());
}

}  // namespace kc::http
