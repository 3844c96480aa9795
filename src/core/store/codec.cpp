#include "core/store/codec.h"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

#include "core/catalog/exercise_json.h"
#include "core/catalog/vocabulary.h"

namespace kc::store {
namespace {

constexpr std::array<std::string_view, 3> kStatus{"in-progress", "finished", "quit"};
constexpr std::array<std::string_view, 3> kOutcome{"done", "partly", "skipped"};
constexpr std::array<std::string_view, 3> kDecision{"progress", "hold", "ease"};
constexpr std::array<std::string_view, 4> kFeedback{"", "too-easy", "too-hard", "hurt"};
constexpr std::array<std::string_view, 8> kChangeKind{"add",   "remove", "swap",   "dose",
                                                      "limit", "pause",  "resume", "message"};

template <typename E, std::size_t N>
std::optional<E> parse_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Reads exactly `width` digits at s[pos...].
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::optional<int> opt_int(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<int>();
}

}  // namespace

std::string_view to_string(SessionStatus s) { return kStatus[static_cast<std::size_t>(s)]; }
std::string_view to_string(ExerciseOutcome o) { return kOutcome[static_cast<std::size_t>(o)]; }
std::string_view to_string(DoseDecision d) { return kDecision[static_cast<std::size_t>(d)]; }
std::optional<SessionStatus> parse_session_status(std::string_view s) { return parse_name<SessionStatus>(kStatus, s); }
std::optional<ExerciseOutcome> parse_outcome(std::string_view s) { return parse_name<ExerciseOutcome>(kOutcome, s); }
std::optional<DoseDecision> parse_decision(std::string_view s) { return parse_name<DoseDecision>(kDecision, s); }
std::string_view to_string(ExerciseFeedback f) { return kFeedback[static_cast<std::size_t>(f)]; }
std::optional<ExerciseFeedback> parse_feedback(std::string_view s) {
  return parse_name<ExerciseFeedback>(kFeedback, s);
}
std::string_view to_string(ChangeKind k) { return kChangeKind[static_cast<std::size_t>(k)]; }
std::optional<ChangeKind> parse_change_kind(std::string_view s) { return parse_name<ChangeKind>(kChangeKind, s); }

std::string format_instant(TimePoint t) {
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::milliseconds> tod{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), tod.hours().count(),
                     tod.minutes().count(), tod.seconds().count(), tod.subseconds().count());
}

std::optional<TimePoint> parse_instant(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS.mmmZ
  if (s.size() != 24 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.' ||
      s[23] != 'Z') {
    return std::nullopt;
  }
  const auto y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
  const auto h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2), ms = digits(s, 20, 3);
  if (!y || !mo || !d || !h || !mi || !se || !ms || *h > 23 || *mi > 59 || *se > 59) return std::nullopt;
  const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*mo)},
                                 date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return TimePoint{date::sys_days{ymd}} + std::chrono::hours{*h} + std::chrono::minutes{*mi} +
         std::chrono::seconds{*se} + std::chrono::milliseconds{*ms};
}

std::string dose_to_text(const Dose& d) { return dose_to_json(d).dump(); }

Result<Dose> dose_from_text(std::string_view text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return make_error(fmt::format("stored dose is not a JSON object: {}", text));
  try {
    Dose d;
    d.sets = j.at("sets").get<int>();
    d.reps = j.at("reps").get<int>();
    d.reps_max = opt_int(j, "reps_max");
    d.hold_seconds = opt_int(j, "hold_seconds");
    d.hold_seconds_max = opt_int(j, "hold_seconds_max");
    d.hold_breaths = opt_int(j, "hold_breaths");
    const auto sides = parse_sides(j.at("sides").get<std::string>());
    if (!sides) return make_error(fmt::format("stored dose has unknown sides: {}", text));
    d.sides = *sides;
    if (j.contains("tempo") && !j["tempo"].is_null()) {
      const auto& t = j["tempo"];
      d.tempo = Tempo{t.at("up").get<int>(), t.at("hold").get<int>(), t.at("down").get<int>()};
    }
    d.rest_seconds = j.value("rest_seconds", 0);
    if (j.contains("note") && j["note"].is_string()) d.note = j["note"].get<std::string>();
    return d;
  } catch (const nlohmann::json::exception& e) {
    return make_error(fmt::format("stored dose is malformed ({}): {}", e.what(), text));
  }
}

std::string items_to_text(const std::vector<MeasureItem>& items) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const auto& i : items) a.push_back({{"label", i.label}, {"value", i.value}});
  return a.dump();
}

Result<std::vector<MeasureItem>> items_from_text(std::string_view text) {
  if (text == "[]") return std::vector<MeasureItem>{};  // most ratings: no JSON parse (items_to_text's form)
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_array()) return make_error(fmt::format("stored items are not a JSON list: {}", text));
  std::vector<MeasureItem> items;
  for (const auto& e : j) {
    if (!e.is_object() || !e.contains("label") || !e["label"].is_string() || !e.contains("value") ||
        !e["value"].is_number()) {
      return make_error(fmt::format("stored item is malformed: {}", e.dump()));
    }
    items.push_back({e["label"].get<std::string>(), e["value"].get<double>()});
  }
  return items;
}

std::string strings_to_text(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

Result<std::vector<std::string>> strings_from_text(std::string_view text) {
  if (text == "[]") return std::vector<std::string>{};  // most lists are empty: no JSON parse
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_array()) return make_error(fmt::format("stored list is not a JSON list: {}", text));
  std::vector<std::string> out;
  for (const auto& e : j) {
    if (!e.is_string()) return make_error(fmt::format("stored list holds a non-text item: {}", e.dump()));
    out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace kc::store
