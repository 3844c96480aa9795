// Reading a JSON request body field by field. The first problem (its code and field path)
// is kept for the reply, and every problem's message is listed in it.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/http_types.h"
#include "core/catalog/exercise_json.h"
#include "core/common/json_words.h"
#include "core/plan/civil_date.h"

namespace kc::http {

class BodyCheck {
 public:
  // Parses `body`; malformed JSON is recorded as a bad_json problem and doc() is null.
  explicit BodyCheck(const std::string& body);

  const Json& doc() const { return doc_; }
  bool ok() const { return problems_.empty(); }
  // The 400 reply: the first problem's code and field, every message (one per line).
  Response error() const;
  // Records a problem; `field` is a dotted path such as "exercises[1].reps" (or empty).
  void fail(const std::string& code, const std::string& field, const std::string& message);

  // `value` must be an object with only `allowed` keys; `path` names it ("" for the body).
  bool object(const Json& value, const std::string& path, std::initializer_list<std::string_view> allowed);
  // obj[key] as a whole number in [min, max]; nullopt (with a problem unless absent and optional).
  std::optional<int> integer(const Json& obj, const std::string& path, const std::string& key, int min, int max,
                             bool required);
  // obj[key] as a string of 1..max_len characters.
  std::optional<std::string> text(const Json& obj, const std::string& path, const std::string& key, std::size_t max_len,
                                  bool required);
  // obj[key] as one of `choices`.
  std::optional<std::string> one_of(const Json& obj, const std::string& path, const std::string& key,
                                    const std::vector<std::string>& choices, bool required);
  // obj[key] as a YYYY-MM-DD date (optional).
  std::optional<CivilDate> date(const Json& obj, const std::string& path, const std::string& key);

  // "a.b", or "b" when `path` is empty.
  static std::string join(const std::string& path, const std::string& key);

 private:
  Json doc_;
  std::vector<std::string> problems_;
  std::string code_;
  std::string field_;
};

// A problem text from parse_answers ("pain_now: 11 is out of range; ...") as a 400 reply:
// the first line's field (prefixed with `prefix`, e.g. "answers.") and its kind as the code.
Response answers_error(const std::string& message, const std::string& prefix);

}  // namespace kc::http
