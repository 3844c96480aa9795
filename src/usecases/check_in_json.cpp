#include "usecases/check_in_json.h"

#include "core/intake/questionnaire.h"
#include "core/tracking/check_in_signs.h"

namespace kc::usecases {

Json check_in_signs_json() {
  Json signs = Json::array();
  for (const auto& id : tracking::check_in_signs()) {
    const Question* q = find_question(id);
    signs.push_back({{"id", id}, {"prompt", q != nullptr ? q->prompt : id}});
  }
  Json j;
  j["question"] = tracking::anything_new_question();
  j["signs"] = signs;
  return j;
}

}  // namespace kc::usecases
