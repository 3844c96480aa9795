#include "core/motion/motion_json.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "core/figure/pose.h"

namespace kc::motion {
namespace {

using Json = nlohmann::json;

double rounded(double v, double scale) { return std::round(v * scale) / scale; }

Result<double> number(const Json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number())
    return make_error(fmt::format("\"{}\" is missing or not a number; expected e.g. \"{}\": {}", key, key,
                                  std::string(key) == "t" ? "1234.5" : "640"));
  const double v = it->get<double>();
  if (!std::isfinite(v)) return make_error(fmt::format("\"{}\" is not a finite number", key));
  return v;
}

Result<ImagePoint> point(const Json& j, std::size_t i) {
  if (!j.is_array() || j.size() != 4)
    return make_error(fmt::format("\"lm\"[{}] is not [x, y, z, visibility]; expected 4 numbers", i));
  double v[4];
  for (std::size_t k = 0; k < 4; ++k) {
    if (!j[k].is_number() || !std::isfinite(j[k].get<double>()))
      return make_error(fmt::format("\"lm\"[{}][{}] is not a number; expected [x, y, z, visibility]", i, k));
    v[k] = j[k].get<double>();
  }
  return ImagePoint{v[0], v[1], v[2], v[3]};
}

}  // namespace

Result<LandmarkFrame> parse_frame(const Json& j) {
  if (!j.is_object()) return make_error("a frame is not a JSON object; expected {\"t\", \"w\", \"h\", \"lm\"}");
  LandmarkFrame f;
  auto t = number(j, "t");
  auto w = number(j, "w");
  auto h = number(j, "h");
  if (!t) return t.error();
  if (!w) return w.error();
  if (!h) return h.error();
  if (*w < 1 || *h < 1 || *w > 16384 || *h > 16384)
    return make_error(fmt::format("\"w\" and \"h\" are {}x{}; expected the image size in pixels, 1 to 16384", *w, *h));
  f.t_ms = *t;
  f.width = static_cast<int>(*w);
  f.height = static_cast<int>(*h);
  const auto lm = j.find("lm");
  if (lm == j.end() || !lm->is_array())
    return make_error(
        "\"lm\" is missing or not an array; expected 33 [x, y, z, visibility] points, or [] for no person");
  if (!lm->empty() && lm->size() != static_cast<std::size_t>(kLandmarkCount))
    return make_error(
        fmt::format("\"lm\" has {} points; expected {} (MediaPipe Pose) or none", lm->size(), kLandmarkCount));
  for (std::size_t i = 0; i < lm->size(); ++i) {
    auto p = point((*lm)[i], i);
    if (!p) return p.error();
    f.points.push_back(*p);
  }
  return f;
}

Result<LandmarkFrame> parse_frame(std::string_view text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) return make_error("not valid JSON; expected one frame object per line");
  return parse_frame(j);
}

Json frame_json(const LandmarkFrame& f) {
  Json lm = Json::array();
  for (const ImagePoint& p : f.points)
    lm.push_back({rounded(p.x, 1e4), rounded(p.y, 1e4), rounded(p.z, 1e4), rounded(p.visibility, 1e3)});
  return Json{{"t", rounded(f.t_ms, 10)}, {"w", f.width}, {"h", f.height}, {"lm", lm}};
}

Json event_json(const Event& e) {
  Json j{{"type", to_string(e.kind)}, {"t", rounded(e.t_ms, 10)}};
  switch (e.kind) {
    case Event::Kind::kRep:
      j["rep"] = e.rep;
      j["faults"] = e.faults;
      j["held_seconds"] = rounded(e.seconds, 10);
      break;
    case Event::Kind::kFault:
    case Event::Kind::kClose:
      j["rep"] = e.rep;
      j["cue"] = e.cue;
      j["fault"] = e.fault;
      j["text"] = e.text;
      break;
    case Event::Kind::kHold:
      j["rep"] = e.rep;
      j["seconds"] = e.seconds;
      j["target"] = e.target;
      break;
    case Event::Kind::kHoldDone:
      j["rep"] = e.rep;
      break;
    case Event::Kind::kOutOfFrame:
      j["text"] = e.text;
      break;
    case Event::Kind::kInFrame:
      break;
    case Event::Kind::kView:
      j["view"] = to_string(e.view);
      j["text"] = e.text;
      break;
  }
  return j;
}

Json frame_result_json(const FrameResult& r, int hold_target) {
  Json events = Json::array();
  for (const Event& e : r.events) events.push_back(event_json(e));
  Json hold = nullptr;
  if (r.hold_seconds) hold = Json{{"seconds", rounded(*r.hold_seconds, 10)}, {"target", hold_target}};
  return Json{{"type", "frame"},
              {"t", rounded(r.t_ms, 10)},
              {"reps", r.reps},
              {"phase", to_string(r.phase)},
              {"progress", rounded(r.progress, 1000)},
              {"in_frame", r.in_frame},
              {"hold", hold},
              {"events", events}};
}

Json summary_json(const Summary& s) {
  Json faults = Json::array();
  Json details = Json::array();
  for (const RepRecord& r : s.rep_records) {
    faults.push_back(r.faults);
    details.push_back(Json{{"rep", r.rep},
                           {"start_ms", rounded(r.start_ms, 10)},
                           {"end_ms", rounded(r.end_ms, 10)},
                           {"held_seconds", rounded(r.held_seconds, 10)},
                           {"faults", r.faults},
                           {"close", r.close}});
  }
  const Json view{{"view", to_string(s.view)},
                  {"near_side", s.near_side ? Json(figure::to_string(*s.near_side)) : Json(nullptr)},
                  {"ok", s.view_ok},
                  {"advice", s.view_advice}};
  return Json{{"type", "summary"},      {"exercise", s.exercise},
              {"reps", s.reps},         {"faults_per_rep", faults},
              {"frames", s.frames},     {"frames_in_view", s.frames_in_view},
              {"rep_details", details}, {"view", view}};
}

Json profile_json(const MotionProfile& p) {
  Json cues = Json::array();
  for (const CueCheck& c : p.checks) {
    Json where = Json::array();
    if (c.at_start) where.push_back("start");
    for (double m : c.at_progress) where.push_back(rounded(m, 100));
    if (c.at_end) where.push_back("end");
    cues.push_back(Json{{"cue", c.cue.id},
                        {"fault", c.cue.fault},
                        {"text", c.cue.text},
                        {"leg", c.leg ? Json(figure::to_string(*c.leg)) : Json(nullptr)},
                        {"checked_at", where},
                        {"min", c.min ? Json(rounded(*c.min, 1000)) : Json(nullptr)},
                        {"max", c.max ? Json(rounded(*c.max, 1000)) : Json(nullptr)},
                        {"legs_apart", c.legs_apart},
                        {"good", rounded(c.good, 1000)},
                        {"faulty", rounded(c.faulty, 1000)},
                        {"basis", c.basis},
                        {"checked", true}});
  }
  return Json{{"type", "ready"},
              {"exercise", p.exercise},
              {"name", p.name},
              {"placement", p.placement},
              {"signal", Json{{"joint", p.signal.joint},
                              {"start", rounded(p.signal.start, 10)},
                              {"end", rounded(p.signal.end, 10)},
                              {"leave_start", p.leave_start},
                              {"reach_end", p.reach_end}}},
              {"hold_seconds", p.hold_seconds},
              {"cues", cues},
              {"unchecked", p.unchecked}};
}

}  // namespace kc::motion
