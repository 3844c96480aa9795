#include "core/common/json_words.h"

namespace kc {

std::string json_type_name(const nlohmann::json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "a boolean";
  if (value.is_number_integer() || value.is_number_unsigned()) return "a whole number";
  if (value.is_number()) return "a number with a fraction";
  if (value.is_string()) return "a string";
  if (value.is_array()) return "a list";
  return "an object";
}

}  // namespace kc
