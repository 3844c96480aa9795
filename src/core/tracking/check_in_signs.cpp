#include "core/tracking/check_in_signs.h"

#include <algorithm>

namespace kc::tracking {

const std::vector<std::string>& check_in_signs() {
  static const std::vector<std::string> kSigns{"hot_red_swollen",
                                               "fever_or_unwell",
                                               "calf_pain_or_swelling",
                                               "locked",
                                               "numb_or_cold_foot",
                                               "deformity",
                                               "gives_way",
                                               "swelling",
                                               "night_or_rest_pain",
                                               "pain_getting_worse"};
  return kSigns;
}

bool is_check_in_sign(const std::string& field) {
  const auto& signs = check_in_signs();
  return std::find(signs.begin(), signs.end(), field) != signs.end();
}

const std::string& anything_new_question() {
  static const std::string kQuestion =
      "Since your last check-in, has anything new or worrying happened with your knee or leg (for example it "
      "became hot, red or swollen, locked, gave way, or your calf hurts)?";
  return kQuestion;
}

}  // namespace kc::tracking
