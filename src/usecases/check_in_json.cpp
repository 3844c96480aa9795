#include "usecases/check_in_json.h"

#include "core/intake/questionnaire.h"
#include "core/plan/civil_date.h"
#include "core/store/codec.h"
#include "core/tracking/check_in_signs.h"
#include "core/triage/level.h"

namespace kc::usecases {

namespace {

// A warning sign in the words it is asked.
Json sign_json(const std::string& id) {
  const Question* q = find_question(id);
  return Json{{"id", id}, {"prompt", q != nullptr ? q->prompt : id}};
}

}  // namespace

Json check_in_signs_json() {
  Json signs = Json::array();
  for (const auto& id : tracking::check_in_signs()) signs.push_back(sign_json(id));
  Json j;
  j["question"] = tracking::anything_new_question();
  j["signs"] = signs;
  return j;
}

Json check_in_record_json(const store::CheckIn& check_in, const SignNames& names) {
  const auto level = parse_level(check_in.triage_level);
  Json signs = Json::array();
  for (const auto& id : check_in.red_flags) {
    Json sign = sign_json(id);
    sign["name"] = sign_name(names, id);
    signs.push_back(std::move(sign));
  }
  Json j;
  j["id"] = check_in.id;
  j["date"] = to_iso(check_in.date);
  j["at"] = store::format_instant(check_in.at);
  j["next_morning_pain"] = check_in.next_morning_pain;
  j["triage_level"] = check_in.triage_level;
  j["level_meaning"] = level ? std::string(level_meaning(*level)) : std::string("an unknown level: see a clinician");
  j["refers"] = refers(check_in.triage_level);
  j["stopped"] = check_in.stopped_program;
  j["signs"] = signs;
  return j;
}

}  // namespace kc::usecases
