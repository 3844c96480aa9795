#include "core/tracking/camera_log.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <string_view>

#include "core/common/json_words.h"
#include "core/plan/civil_date.h"

namespace kc::tracking {
namespace {

std::string known_list(const std::vector<std::string>* known) {
  if (known == nullptr || known->empty()) return "a fault id such as \"knee-past-toes\"";
  return fmt::format("one of the known form faults: {}", fmt::join(*known, ", "));
}

// obj[key] as a whole number in [0, max].
Result<int> count(const Json& obj, const std::string& path, const char* key, int max, const std::string& range) {
  const std::string field = path + "." + key;
  if (!obj.contains(key))
    return make_error(errc::kMissing, field, fmt::format("{}: missing; expected a whole number {}", field, range));
  const Json& v = obj.at(key);
  if (!v.is_number_integer() && !v.is_number_unsigned()) {
    return make_error(errc::kWrongType, field,
                      fmt::format("{}: is {}; expected a whole number {}", field, json_type_name(v), range));
  }
  const bool big = v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(max);
  if (big || v.get<long long>() < 0 || v.get<long long>() > max) {
    return make_error(errc::kOutOfRange, field,
                      fmt::format("{}: {} is out of range; expected a whole number {}", field, v.dump(), range));
  }
  return static_cast<int>(v.get<long long>());
}

}  // namespace

Result<CameraLog> camera_log_from_json(const Json& value, const std::string& path,
                                       const std::vector<std::string>* known_faults) {
  if (!value.is_object()) {
    return make_error(errc::kWrongType, path,
                      fmt::format("{}: is {}; expected an object {{\"reps\", \"faults_per_rep\", \"frames\"}}", path,
                                  json_type_name(value)));
  }
  for (const auto& [key, v] : value.items()) {
    if (key != "reps" && key != "faults_per_rep" && key != "frames") {
      return make_error(errc::kUnknownField, fmt::format("{}.{}", path, key),
                        fmt::format("{}.{}: unknown field; expected only reps, faults_per_rep, frames", path, key));
    }
  }
  CameraLog log;
  const auto reps = count(value, path, "reps", kCameraMaxReps, fmt::format("from 0 to {}", kCameraMaxReps));
  if (!reps) return reps.error();
  log.reps = *reps;
  const auto frames = count(value, path, "frames", INT_MAX, "from 0 up");
  if (!frames) return frames.error();
  log.frames = *frames;

  const std::string list_field = path + ".faults_per_rep";
  if (!value.contains("faults_per_rep")) {
    return make_error(errc::kMissing, list_field,
                      fmt::format("{}: missing; expected a list with one list of fault ids per rep", list_field));
  }
  const Json& list = value.at("faults_per_rep");
  if (!list.is_array()) {
    return make_error(
        errc::kWrongType, list_field,
        fmt::format("{}: is {}; expected a list with one list of fault ids per rep", list_field, json_type_name(list)));
  }
  if (list.size() > static_cast<std::size_t>(kCameraMaxReps)) {
    return make_error(errc::kOutOfRange, list_field,
                      fmt::format("{}: {} lists is out of range; expected at most {}, one per rep", list_field,
                                  list.size(), kCameraMaxReps));
  }
  if (list.size() != static_cast<std::size_t>(log.reps)) {
    return make_error(errc::kInvalid, list_field,
                      fmt::format("{}: has {} lists for {} reps; expected one list of fault ids per rep ({})",
                                  list_field, list.size(), log.reps, log.reps));
  }
  for (std::size_t r = 0; r < list.size(); ++r) {
    const std::string rep_field = fmt::format("{}[{}]", list_field, r);
    const Json& faults = list[r];
    if (!faults.is_array()) {
      return make_error(errc::kWrongType, rep_field,
                        fmt::format("{}: is {}; expected a list of fault ids (empty when the rep was fine)", rep_field,
                                    json_type_name(faults)));
    }
    if (faults.size() > static_cast<std::size_t>(kCameraMaxFaultsPerRep)) {
      return make_error(errc::kOutOfRange, rep_field,
                        fmt::format("{}: {} fault ids is out of range; expected at most {}", rep_field, faults.size(),
                                    kCameraMaxFaultsPerRep));
    }
    std::vector<std::string> ids;
    for (std::size_t k = 0; k < faults.size(); ++k) {
      const std::string id_field = fmt::format("{}[{}]", rep_field, k);
      const Json& id = faults[k];
      if (!id.is_string()) {
        return make_error(
            errc::kWrongType, id_field,
            fmt::format("{}: is {}; expected {}", id_field, json_type_name(id), known_list(known_faults)));
      }
      const auto s = id.get<std::string>();
      const bool known = known_faults == nullptr
                             ? !s.empty()
                             : std::find(known_faults->begin(), known_faults->end(), s) != known_faults->end();
      if (!known) {
        return make_error(errc::kInvalid, id_field,
                          fmt::format("{}: {} is not a known form fault; expected {}", id_field, id.dump(),
                                      known_list(known_faults)));
      }
      ids.push_back(s);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    log.faults_per_rep.push_back(std::move(ids));
  }
  return log;
}

std::string camera_text(const CameraLog& log) {
  Json j;
  j["reps"] = log.reps;
  j["faults_per_rep"] = log.faults_per_rep;
  j["frames"] = log.frames;
  return j.dump();
}

Result<std::optional<CameraLog>> parse_camera_text(const std::string& text) {
  if (text.empty()) return std::optional<CameraLog>{};
  const Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded())
    return make_error(errc::kInvalid, "camera_json", "camera_json: is not valid JSON; expected a camera log or \"\"");
  auto log = camera_log_from_json(doc, "camera_json", nullptr);
  if (!log) return log.error();
  return std::optional<CameraLog>{std::move(log).value()};
}

CameraTally tally(const CameraLog& log) {
  CameraTally t;
  t.reps = log.reps;
  std::map<std::string, int> counts;
  for (const auto& rep : log.faults_per_rep) {
    if (!rep.empty()) ++t.reps_with_faults;
    for (const auto& f : rep) ++counts[f];  // ids within a rep are unique once normalised
  }
  for (const auto& [fault, n] : counts) t.faults.push_back({fault, n});
  std::stable_sort(t.faults.begin(), t.faults.end(),
                   [](const FaultCount& a, const FaultCount& b) { return a.reps > b.reps; });
  return t;
}

Json camera_summary_json(const CameraLog& log) {
  const CameraTally t = tally(log);
  Json j;
  j["reps"] = log.reps;
  j["faults_per_rep"] = log.faults_per_rep;
  j["frames"] = log.frames;
  j["reps_with_faults"] = t.reps_with_faults;
  Json faults = Json::object();
  for (const auto& f : t.faults) faults[f.fault] = f.reps;
  j["faults"] = faults;
  return j;
}

std::string fault_words(const std::string& fault) {
  std::string out = fault;
  std::replace(out.begin(), out.end(), '-', ' ');
  return out;
}

std::string camera_line(const std::string& name, const CameraLog& log) {
  const CameraTally t = tally(log);
  std::string line = fmt::format("{}: {} {} by camera, ", name, t.reps, t.reps == 1 ? "rep" : "reps");
  if (t.reps_with_faults == 0) return line + "none with a form fault";
  std::vector<std::string> parts;
  for (const auto& f : t.faults) parts.push_back(fmt::format("{} ×{}", fault_words(f.fault), f.reps));
  return line + fmt::format("{} with a form fault ({})", t.reps_with_faults, fmt::join(parts, ", "));
}

std::vector<std::string> camera_csv_fields(const std::string& camera_json) {
  const auto log = parse_camera_text(camera_json);
  if (!log || !*log) return {"", "", ""};
  const CameraTally t = tally(**log);
  std::vector<std::string> parts;
  for (const auto& f : t.faults) parts.push_back(fmt::format("{} = {}", f.fault, f.reps));
  return {std::to_string(t.reps), std::to_string(t.reps_with_faults), fmt::format("{}", fmt::join(parts, "; "))};
}

std::vector<std::string> camera_report(const History& h, const Catalog& catalog, std::size_t last_sessions) {
  struct Seen {
    const store::SessionLog* session;
    std::vector<std::pair<int, std::string>> lines;  // (position, line)
  };
  std::vector<Seen> seen;
  for (const auto& s : h.sessions) {
    if (s.plan != h.plan.id) continue;
    Seen one{&s, {}};
    for (const auto& l : h.logs) {
      if (l.session != s.id) continue;
      const auto log = parse_camera_text(l.camera_json);
      if (!log || !*log) continue;
      const Exercise* e = catalog.find(l.exercise_id);
      one.lines.emplace_back(l.position, camera_line(e != nullptr ? e->name : l.exercise_id, **log));
    }
    if (one.lines.empty()) continue;
    std::sort(one.lines.begin(), one.lines.end());
    seen.push_back(std::move(one));
  }
  const std::size_t skip = seen.size() > last_sessions ? seen.size() - last_sessions : 0;
  std::vector<std::string> out;
  for (std::size_t i = skip; i < seen.size(); ++i) {
    out.push_back(fmt::format("  {}, session {}", to_iso(seen[i].session->date), seen[i].session->session));
    for (const auto& [position, line] : seen[i].lines) out.push_back("    " + line);
  }
  return out;
}

}  // namespace kc::tracking
