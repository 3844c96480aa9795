#include "adapters/render/pose_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "adapters/content/yaml_reader.h"
#include "core/common/text.h"
#include "core/figure/check.h"
#include "core/figure/support.h"

namespace kc::content {
namespace fs = std::filesystem;
using figure::Contact;
using figure::Cue;
using figure::CueUse;
using figure::ExercisePoses;
using figure::Keyframe;
using figure::Prop;

namespace {

std::vector<fs::path> yaml_files(const std::string& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// A decimal number field in [min, max]; MapReader has whole numbers only.
std::optional<double> number(MapReader& r, const std::string& key, bool required, double min, double max) {
  const YAML::Node node = r.raw(key);
  if (!node.IsDefined() || node.IsNull()) {
    if (required)
      r.error("", fmt::format("missing field '{}'; expected a number from {:g} to {:g}", r.path(key), min, max));
    return std::nullopt;
  }
  double value = 0;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, value)) {
    r.error(key, fmt::format("'{}' is not a number; expected a number from {:g} to {:g}", r.path(key), min, max));
    return std::nullopt;
  }
  if (value < min || value > max) {
    r.error(key, fmt::format("'{}' is {:g}, out of range; expected {:g} to {:g}", r.path(key), value, min, max));
    return std::nullopt;
  }
  return value;
}

std::string suggestion(const std::string& value, const std::vector<std::string>& allowed) {
  const auto near = closest_matches(value, allowed, 1);
  return near.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", near.front());
}

// A map of name: number pairs, e.g. joint angles; names are checked by `valid`.
template <typename Valid>
std::vector<std::pair<std::string, double>> number_map(MapReader& r, const std::string& key, const std::string& file,
                                                       Diagnostics& diag, Valid valid) {
  std::vector<std::pair<std::string, double>> out;
  const YAML::Node node = r.raw(key);
  if (!node.IsDefined() || node.IsNull()) return out;
  if (!node.IsMap()) {
    r.error(key, fmt::format("'{}' is not a map; expected name: degrees pairs", r.path(key)));
    return out;
  }
  for (const auto& entry : node) {
    const std::string name = entry.first.as<std::string>("");
    double value = 0;
    if (!entry.second.IsScalar() || !YAML::convert<double>::decode(entry.second, value)) {
      diag.add(file, line_of(entry.second),
               fmt::format("'{}.{}' is not a number; expected degrees", r.path(key), name));
      continue;
    }
    if (const auto problem = valid(name)) {
      diag.add(file, line_of(entry.first), fmt::format("'{}' has {}", r.path(key), *problem));
      continue;
    }
    out.emplace_back(name, value);
  }
  return out;
}

std::optional<std::string> check_joint_name(const std::string& name) {
  const auto joints = figure::joint_names();
  if (figure::parse_joint(name)) return std::nullopt;
  return fmt::format("unknown joint \"{}\"; expected one of {}{}", name, join(joints), suggestion(name, joints));
}

// Joint names in cue fault recipes may use {leg} and {other}.
std::optional<std::string> check_joint_template(const std::string& name) {
  return check_joint_name(figure::bind_leg(name, figure::Side::kLeft));
}

}  // namespace

// ---- cues ----

namespace {

const std::vector<std::string> kCueKeys{"id",    "fault", "text", "fault_text", "measure", "from",        "to",
                                        "joint", "min",   "max",  "tolerance",  "per_leg", "fault_change"};

std::optional<Cue> read_cue(const fs::path& path, Diagnostics& diag) {
  const std::string file = path.string();
  const auto doc = parse_yaml_file(file, diag);
  if (!doc) return std::nullopt;
  MapReader r(*doc, file, diag);
  if (!r.valid()) return std::nullopt;
  Cue c;
  c.file = file;
  c.id = r.text("id", true).value_or("");
  if (!c.id.empty() && c.id != path.stem().string())
    r.error("id", fmt::format("id '{}' differs from the file name; expected '{}'", c.id, path.stem().string()));
  c.fault = r.text("fault", true).value_or("");
  c.text = r.text("text", true).value_or("");
  c.fault_text = r.text("fault_text", true).value_or("");
  if (auto m = r.word("measure", true, figure::measure_names())) c.measure = *figure::parse_measure(*m);
  c.per_leg = r.boolean("per_leg", true).value_or(false);
  const bool joint = c.measure == figure::Measure::kJointAngle;
  c.from = r.text("from", !joint).value_or("");
  c.to = r.text("to", !joint && c.measure != figure::Measure::kClearance).value_or("");
  c.joint = r.text("joint", joint).value_or("");
  c.min = number(r, "min", false, -1000, 1000);
  c.max = number(r, "max", false, -1000, 1000);
  if (!c.min && !c.max) r.error("", "a cue needs 'min', 'max' or both; expected the range the measure must stay in");
  c.tolerance = number(r, "tolerance", true, 0, 100).value_or(0);
  c.fault_change = number_map(r, "fault_change", file, diag, check_joint_template);
  if (c.fault_change.empty())
    r.error("", "missing field 'fault_change'; expected joint: degrees changes that make the fault");
  const auto landmarks = figure::landmark_names();
  for (const std::string* name : {&c.from, &c.to}) {
    const std::string bound = figure::bind_leg(*name, figure::Side::kLeft);
    if (!name->empty() && std::find(landmarks.begin(), landmarks.end(), bound) == landmarks.end())
      r.error(name == &c.from ? "from" : "to", fmt::format("unknown landmark \"{}\"; expected one of {}{}", *name,
                                                           join(landmarks), suggestion(bound, landmarks)));
  }
  if (joint)
    if (auto problem = check_joint_template(c.joint)) r.error("joint", *problem);
  r.finish(kCueKeys);
  return c;
}

}  // namespace

Result<std::vector<Cue>> load_cues(const std::string& dir) {
  const auto files = yaml_files(dir);
  if (files.empty()) return make_error(fmt::format("{}: no cue files; expected one <id>.yaml per cue", dir));
  Diagnostics diag;
  std::vector<Cue> out;
  for (const auto& path : files)
    if (auto c = read_cue(path, diag)) out.push_back(std::move(*c));
  for (std::size_t i = 0; i < out.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (out[i].fault == out[j].fault)
        diag.add(out[i].file, 1,
                 fmt::format("fault '{}' is also the fault of cue '{}'; expected unique fault ids", out[i].fault,
                             out[j].id));
  if (!diag.empty()) return make_error(diag.str());
  return out;
}

// ---- poses ----

namespace {

struct PoseReader {
  std::string file;
  Diagnostics& diag;
  const std::vector<Cue>& cues;
  std::vector<std::string> surfaces;  // names in this scene
};

std::optional<Prop> read_prop(MapReader& r) {
  Prop p;
  const auto kind = r.word("prop", true, figure::prop_names());
  if (!kind) return std::nullopt;
  p.kind = *figure::parse_prop(*kind);
  p.x = number(r, "x", true, -5, 5).value_or(0);
  p.z = number(r, "z", false, -5, 5).value_or(0);
  if (auto f = r.word("facing", false, {"left", "right"})) p.facing = *f == "left" ? -1 : 1;
  p.height = number(r, "height", false, 0.01, 1.5);
  p.length = number(r, "length", false, 0.3, 3);
  r.finish({"prop", "x", "z", "facing", "height", "length"});
  return p;
}

// "left-heel on floor".
std::optional<Contact> parse_contact(PoseReader& pr, const std::string& text, int line, const std::string& where) {
  const auto at = text.find(" on ");
  if (at == std::string::npos) {
    pr.diag.add(
        pr.file, line,
        fmt::format("'{}' is \"{}\"; expected \"<landmark> on <surface>\", e.g. \"left-heel on floor\"", where, text));
    return std::nullopt;
  }
  Contact c{text.substr(0, at), text.substr(at + 4)};
  const auto landmarks = figure::landmark_names();
  bool ok = true;
  if (std::find(landmarks.begin(), landmarks.end(), c.landmark) == landmarks.end()) {
    pr.diag.add(pr.file, line,
                fmt::format("'{}' names unknown landmark \"{}\"; expected one of {}{}", where, c.landmark,
                            join(landmarks), suggestion(c.landmark, landmarks)));
    ok = false;
  }
  if (std::find(pr.surfaces.begin(), pr.surfaces.end(), c.surface) == pr.surfaces.end()) {
    pr.diag.add(pr.file, line,
                fmt::format("'{}' names surface \"{}\", which is not in the scene; expected {}", where, c.surface,
                            join_or(pr.surfaces)));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return c;
}

void read_angles(PoseReader& pr, MapReader& r, Keyframe& k) {
  for (const auto& [name, value] : number_map(r, "angles", pr.file, pr.diag, check_joint_name))
    k.pose[*figure::parse_joint(name)] = value;
  for (const std::string& v : figure::limit_violations(k.pose))
    r.error("angles", fmt::format("'{}' {}", r.path("angles"), v));
}

void read_contacts(PoseReader& pr, MapReader& r, Keyframe& k) {
  const auto list = r.text_list("contacts", false);
  if (!list) return;
  k.contacts.clear();  // a keyframe's own list replaces the one it copies with 'from'
  const YAML::Node node = r.raw("contacts");
  for (std::size_t i = 0; i < list->size(); ++i)
    if (auto c = parse_contact(pr, (*list)[i], line_of(node[i]), r.path("contacts")))
      k.contacts.push_back(std::move(*c));
}

std::optional<Keyframe> read_keyframe(PoseReader& pr, MapReader& r, const std::vector<Keyframe>& earlier) {
  Keyframe k;
  k.line = r.line();
  k.name = r.text("name", true).value_or("");
  if (auto from = r.text("from", false)) {
    auto it = std::find_if(earlier.begin(), earlier.end(), [&](const Keyframe& e) { return e.name == *from; });
    if (it == earlier.end())
      r.error("from", fmt::format("'from' names \"{}\", which is not an earlier keyframe", *from));
    else
      k = Keyframe{k.name, it->pose,     it->anchor, it->anchor_x, it->against,
                   it->z,  it->contacts, k.line,     it->lifted,   it->moving};
  }
  if (auto a = r.text("anchor", k.anchor.landmark.empty())) {
    if (auto c = parse_contact(pr, *a, r.line("anchor"), r.path("anchor"))) k.anchor = *c;
  }
  if (auto x = number(r, "x", false, -5, 5)) k.anchor_x = x;
  if (auto a = r.text("against", false)) {
    k.against = parse_contact(pr, *a, r.line("against"), r.path("against"));
    k.anchor_x.reset();
  }
  if (auto z = number(r, "z", false, -5, 5)) k.z = *z;
  read_angles(pr, r, k);
  read_contacts(pr, r, k);
  if (auto lifted = r.word_list("lifted", false, figure::resting_part_names())) k.lifted = *lifted;
  if (auto moving = r.boolean("moving", false)) k.moving = *moving;
  r.finish({"name", "from", "anchor", "x", "against", "z", "angles", "contacts", "lifted", "moving"});
  if (k.name.empty()) return std::nullopt;
  for (const Keyframe& e : earlier)
    if (e.name == k.name) r.error("name", fmt::format("keyframe '{}' appears twice; expected unique names", k.name));
  return k;
}

std::optional<CueUse> read_cue_use(PoseReader& pr, MapReader& r, const ExercisePoses& poses) {
  CueUse u;
  u.line = r.line();
  std::vector<std::string> ids;
  for (const Cue& c : pr.cues) ids.push_back(c.id);
  const auto id = r.word("cue", true, ids);
  if (!id) return std::nullopt;
  u.cue = *id;
  const Cue* cue = figure::find_cue(pr.cues, u.cue);
  if (auto leg = r.word("leg", cue->per_leg, {"left", "right", "both"})) {
    if (!cue->per_leg) r.error("leg", fmt::format("cue '{}' is about the whole body; expected no 'leg'", u.cue));
    if (*leg == "both")
      u.both_legs = true;
    else
      u.leg = figure::parse_side(*leg);
  }
  if (auto at = r.text_list("at", false)) {
    for (const std::string& name : *at)
      if (poses.keyframe(name) == nullptr)
        r.error("at", fmt::format("'at' names keyframe \"{}\", which is not in this file", name));
    u.at = *at;
  }
  u.fault = number_map(r, "fault", pr.file, pr.diag, check_joint_template);
  r.finish({"cue", "leg", "at", "fault"});
  return u;
}

std::vector<std::string> scene_surface_names(const std::vector<Prop>& props) {
  std::vector<std::string> out;
  for (const auto& s : figure::scene_surfaces(props)) out.push_back(s.name);
  return out;
}

void read_keyframes(PoseReader& pr, MapReader& top, ExercisePoses& poses) {
  auto frames = top.map_list("keyframes", true);
  if (!frames) return;
  for (MapReader& f : *frames)
    if (auto k = read_keyframe(pr, f, poses.keyframes)) poses.keyframes.push_back(std::move(*k));
  if (frames->size() < 2) top.error("keyframes", "'keyframes' has fewer than 2; expected a start and an end keyframe");
}

std::optional<ExercisePoses> read_pose_file(const fs::path& path, Diagnostics& diag, const std::vector<Cue>& cues) {
  const std::string file = path.string();
  const auto doc = parse_yaml_file(file, diag);
  if (!doc) return std::nullopt;
  MapReader top(*doc, file, diag);
  if (!top.valid()) return std::nullopt;
  ExercisePoses poses;
  poses.file = file;
  poses.exercise = top.text("exercise", true).value_or("");
  if (!poses.exercise.empty() && poses.exercise != path.stem().string())
    top.error("exercise", fmt::format("exercise '{}' differs from the file name; expected '{}'", poses.exercise,
                                      path.stem().string()));
  if (auto v = top.word("view", true, figure::view_names())) poses.view = *figure::parse_view(*v);
  if (auto camera = top.map("camera", false)) {
    poses.turn = number(*camera, "turn", false, -90, 90).value_or(0);
    poses.tilt = number(*camera, "tilt", false, 0, 60).value_or(0);
    camera->finish({"turn", "tilt"});
  }
  if (auto s = top.word("side", true, {"left", "right"})) poses.side = *figure::parse_side(*s);
  if (auto focus = top.word_list("focus", false, figure::landmark_names())) poses.focus = *focus;
  if (auto props = top.map_list("props", false))
    for (MapReader& p : *props)
      if (auto prop = read_prop(p)) poses.props.push_back(*prop);
  PoseReader pr{file, diag, cues, scene_surface_names(poses.props)};
  read_keyframes(pr, top, poses);
  if (auto uses = top.map_list("cues", false))
    for (MapReader& u : *uses)
      if (auto use = read_cue_use(pr, u, poses)) poses.cues.push_back(std::move(*use));
  top.finish({"exercise", "view", "camera", "side", "focus", "props", "keyframes", "cues"});
  return poses;
}

}  // namespace

Result<std::vector<ExercisePoses>> read_poses(const std::string& dir, const std::vector<Cue>& cues) {
  const auto files = yaml_files(dir);
  if (files.empty())
    return make_error(fmt::format("{}: no pose files; expected one <exercise-id>.yaml per exercise", dir));
  Diagnostics diag;
  std::vector<ExercisePoses> out;
  for (const auto& path : files)
    if (auto poses = read_pose_file(path, diag, cues)) out.push_back(std::move(*poses));
  if (!diag.empty()) return make_error(diag.str());
  return out;
}

Result<std::vector<ExercisePoses>> load_poses(const std::string& dir, const std::vector<Cue>& cues) {
  auto poses = read_poses(dir, cues);
  if (!poses) return poses;
  Diagnostics diag;
  for (const ExercisePoses& p : *poses)
    for (const auto& problem : figure::check_exercise_poses(p, cues)) diag.add(p.file, problem.line, problem.message);
  if (!diag.empty()) return make_error(diag.str());
  return poses;
}

const ExercisePoses* Illustrations::find(const std::string& id) const {
  for (const ExercisePoses& p : poses)
    if (p.exercise == id) return &p;
  return nullptr;
}

Result<Illustrations> load_illustrations(const std::string& content_root, const Catalog& catalog) {
  auto cues = load_cues((fs::path(content_root) / "cues").string());
  if (!cues) return cues.error();
  const std::string dir = (fs::path(content_root) / "poses").string();
  auto poses = load_poses(dir, *cues);
  if (!poses) return poses.error();
  Illustrations out{std::move(cues).value(), std::move(poses).value()};
  std::string problems;
  for (const ExercisePoses& p : out.poses)
    if (catalog.find(p.exercise) == nullptr)
      problems +=
          fmt::format("{}:1: exercise '{}' is not in the catalog; expected one of its ids\n", p.file, p.exercise);
  for (const ExercisePoses& p : out.poses) {
    const Exercise* e = catalog.find(p.exercise);
    const auto bend = figure::bend_past_right_angle(p);
    if (e != nullptr && bend && !e->has_demand(Demand::kKneeBendPast90))
      problems += fmt::format(
          "{}:{}: keyframe '{}' bends the {} to {:.0f} degrees, past a right angle, but {} does not list the "
          "demand; expected knee-bend-past-90 in its demands (people who cannot bend the knee to 90 degrees are kept "
          "from it)\n",
          p.file, bend->keyframe->line, bend->keyframe->name, bend->knee, bend->degrees, e->file);
  }
  for (const std::string& id : catalog.ids())
    if (out.find(id) == nullptr)
      problems += fmt::format("{}: no poses for exercise '{}'; expected {}/{}.yaml\n", dir, id, dir, id);
  if (!problems.empty()) return make_error(problems);
  return out;
}

}  // namespace kc::content
