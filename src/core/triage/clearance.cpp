#include "core/triage/clearance.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/common/text.h"
#include "core/triage/level.h"

namespace kc {
namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

Status check_name(const std::string& value, const char* field, const char* example) {
  if (blank(value)) {
    return make_error(errc::kMissing, field, fmt::format("{}: missing; expected the clinician's {}", field, example));
  }
  if (value.size() > kNameMax || printable(value) != value) {
    return make_error(errc::kInvalid, field,
                      fmt::format("{}: expected at most {} printable characters, e.g. \"{}\"", field, kNameMax,
                                  std::string(field) == "role" ? "physiotherapist" : "Ann Lee"));
  }
  return Ok{};
}

}  // namespace

std::string flag_words(const std::string& id) {
  std::string out = id;
  std::replace(out.begin(), out.end(), '-', ' ');
  return out;
}

std::vector<std::string> referral_flags(const TriageResult& triage) {
  std::vector<std::string> out;
  if (may_start_program(triage.level)) return out;
  for (const auto& r : triage.reasons) out.push_back(r.rule);
  return out;
}

Status check_clearance(const Clearance& c, CivilDate flagged_on, CivilDate today) {
  if (auto ok = check_name(c.clinician, "clinician", "name, e.g. \"Ann Lee\""); !ok) return ok;
  if (auto ok = check_name(c.role, "role", "role, e.g. \"physiotherapist\" or \"GP\""); !ok) return ok;
  if (c.on > today) {
    return make_error(errc::kOutOfRange, "cleared_on",
                      fmt::format("The day you were cleared, {}, is in the future: give the day the clinician saw "
                                  "you, {} or earlier.",
                                  describe_date(c.on), describe_date(today)));
  }
  if (c.on < flagged_on) {
    return make_error(
        errc::kOutOfRange, "cleared_on",
        fmt::format("The day you were cleared, {}, is before the warning sign of {}: a clearance comes after the "
                    "sign, so give {}.",
                    describe_date(c.on), describe_date(flagged_on),
                    flagged_on == today
                        ? fmt::format("that day, {}", describe_date(today))
                        : fmt::format("a day from {} to {}", describe_date(flagged_on), describe_date(today))));
  }
  if (c.flags.empty()) {
    return make_error(errc::kInvalid, "flags",
                      "flags: there is no warning sign to clear; a clearance is for the signs that sent you to a "
                      "clinician");
  }
  if (c.limits.pain_ceiling && (*c.limits.pain_ceiling < 0 || *c.limits.pain_ceiling > kModeratePainMax)) {
    return make_error(errc::kOutOfRange, "limits.pain_ceiling",
                      fmt::format("limits.pain_ceiling: {} is out of range; expected a whole number from 0 to {}",
                                  *c.limits.pain_ceiling, kModeratePainMax));
  }
  if (c.limits.note.size() > kNoteMax) {
    return make_error(
        errc::kInvalid, "limits.note",
        fmt::format("limits.note: {} characters is too long; expected at most {}", c.limits.note.size(), kNoteMax));
  }
  return Ok{};
}

std::vector<std::string> still_cleared(const std::vector<std::string>& cleared, const std::vector<std::string>& signs,
                                       const RuleSet& rules) {
  std::vector<std::string> out;
  for (const auto& id : cleared) {
    const auto rule = std::find_if(rules.rules.begin(), rules.rules.end(), [&](const Rule& r) { return r.id == id; });
    if (rule == rules.rules.end()) continue;  // a rule that no longer exists excuses nothing
    const bool new_again =
        std::any_of(signs.begin(), signs.end(), [&](const std::string& s) { return reads_field(rule->condition, s); });
    if (!new_again) out.push_back(id);
  }
  return out;
}

std::vector<std::string> describe_clearance(const Clearance& c, const std::vector<std::string>& avoided_names) {
  std::vector<std::string> flags;
  for (const auto& f : c.flags) flags.push_back(flag_words(f));
  std::vector<std::string> out;
  out.push_back(
      fmt::format("Cleared by {} ({}) on {} for: {}. Any other warning sign still means stopping and "
                  "seeing a clinician.",
                  c.clinician, c.role, describe_date(c.on), join(flags)));
  std::vector<std::string> limits;
  if (c.limits.no_kneeling) limits.emplace_back("no kneeling");
  if (c.limits.no_deep_knee_bend) limits.emplace_back("no deep knee bends");
  if (c.limits.pain_ceiling)
    limits.push_back(fmt::format("pain during exercise {}/10 at most", *c.limits.pain_ceiling));
  if (!c.limits.avoid.empty()) {
    limits.push_back("not these exercises: " + join(avoided_names.empty() ? c.limits.avoid : avoided_names));
  }
  if (!limits.empty()) out.push_back(fmt::format("Their limits, kept in this program: {}.", join(limits, "; ")));
  if (!c.limits.note.empty()) out.push_back(fmt::format("Their note: \"{}\"", c.limits.note));
  return out;
}

nlohmann::ordered_json clearance_to_json(const Clearance& c) {
  nlohmann::ordered_json limits;
  limits["no_kneeling"] = c.limits.no_kneeling;
  limits["no_deep_knee_bend"] = c.limits.no_deep_knee_bend;
  limits["pain_ceiling"] = c.limits.pain_ceiling ? nlohmann::ordered_json(*c.limits.pain_ceiling) : nullptr;
  limits["avoid"] = c.limits.avoid;
  limits["note"] = c.limits.note;
  nlohmann::ordered_json out;
  out["clinician"] = c.clinician;
  out["role"] = c.role;
  out["cleared_on"] = to_iso(c.on);
  out["flags"] = c.flags;
  out["limits"] = std::move(limits);
  return out;
}

Result<Clearance> clearance_from_json(const nlohmann::json& doc) {
  const auto bad = [](const char* field, const char* expected) {
    return make_error(errc::kWrongType, field, fmt::format("{}: expected {}", field, expected));
  };
  if (!doc.is_object()) return bad("clearance", "an object");
  Clearance c;
  const auto text = [&](const nlohmann::json& at, const char* key, std::string& to) {
    if (!at.contains(key)) return true;
    if (!at.at(key).is_string()) return false;
    to = at.at(key).get<std::string>();
    return true;
  };
  if (!text(doc, "clinician", c.clinician)) return bad("clinician", "a name as a string");
  if (!text(doc, "role", c.role)) return bad("role", "a role as a string");
  std::string on;
  if (!text(doc, "cleared_on", on)) return bad("cleared_on", "a date YYYY-MM-DD");
  auto date = parse_iso_date(on);
  if (!date) return make_error(errc::kInvalid, "cleared_on", "cleared_on: expected a date YYYY-MM-DD");
  c.on = *date;
  if (doc.contains("flags")) {
    if (!doc.at("flags").is_array()) return bad("flags", "a list of triage rule ids");
    for (const auto& f : doc.at("flags")) {
      if (!f.is_string()) return bad("flags", "a list of triage rule ids");
      c.flags.push_back(f.get<std::string>());
    }
  }
  if (!doc.contains("limits")) return c;
  const auto& l = doc.at("limits");
  if (!l.is_object()) return bad("limits", "an object");
  const auto flag = [&](const char* key, bool& to) {
    if (!l.contains(key)) return true;
    if (!l.at(key).is_boolean()) return false;
    to = l.at(key).get<bool>();
    return true;
  };
  if (!flag("no_kneeling", c.limits.no_kneeling)) return bad("limits.no_kneeling", "true or false");
  if (!flag("no_deep_knee_bend", c.limits.no_deep_knee_bend)) return bad("limits.no_deep_knee_bend", "true or false");
  if (l.contains("pain_ceiling") && !l.at("pain_ceiling").is_null()) {
    if (!l.at("pain_ceiling").is_number_integer()) return bad("limits.pain_ceiling", "a whole number from 0 to 5");
    const auto v = l.at("pain_ceiling").get<long long>();
    if (v < 0 || v > kModeratePainMax) {
      return make_error(errc::kOutOfRange, "limits.pain_ceiling",
                        fmt::format("limits.pain_ceiling: {} is out of range; expected a whole number from 0 to {}", v,
                                    kModeratePainMax));
    }
    c.limits.pain_ceiling = static_cast<int>(v);
  }
  if (l.contains("avoid")) {
    if (!l.at("avoid").is_array()) return bad("limits.avoid", "a list of exercise ids");
    for (const auto& a : l.at("avoid")) {
      if (!a.is_string()) return bad("limits.avoid", "a list of exercise ids");
      c.limits.avoid.push_back(a.get<std::string>());
    }
  }
  if (!text(l, "note", c.limits.note)) return bad("limits.note", "the clinician's words as a string");
  return c;
}

}  // namespace kc
