// The shipped illustration content: every exercise posed, every keyframe grounded, every cue
// kept by its own exercise and broken by its fault.
#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "adapters/content/exercise_loader.h"
#include "adapters/render/cairo_paint.h"
#include "adapters/render/exercise_picture.h"
#include "adapters/render/handout_card.h"
#include "adapters/render/pose_loader.h"
#include "core/figure/check.h"
#include "core/figure/frames.h"
#include "core/figure/support.h"

namespace kc::content {
namespace {
namespace fs = std::filesystem;
using namespace kc::figure;

const std::string kContent = KNEECOACH_TEST_CONTENT_DIR;

const Illustrations& shipped() {
  static const Illustrations ill = [] {
    auto catalog = load_catalog(exercises_dir(kContent));
    EXPECT_TRUE(catalog.ok()) << (catalog.ok() ? "" : catalog.error().message);
    auto loaded = load_illustrations(kContent, *catalog);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
    return loaded.ok() ? *loaded : Illustrations{};
  }();
  return ill;
}

TEST(FigurePoses, EveryCatalogExerciseHasPoses) {
  auto catalog = load_catalog(exercises_dir(kContent));
  ASSERT_TRUE(catalog.ok());
  for (const std::string& id : catalog->ids()) EXPECT_NE(shipped().find(id), nullptr) << id;
  EXPECT_EQ(shipped().poses.size(), catalog->size());
}

TEST(FigurePoses, EveryKeyframeKeepsItsContactsAndNothingSinks) {
  int keyframes = 0;
  for (const ExercisePoses& ep : shipped().poses) {
    ASSERT_GE(ep.keyframes.size(), 2u) << ep.exercise;
    for (const Keyframe& k : ep.keyframes) {
      ++keyframes;
      const auto body = place(k, ep.props);
      ASSERT_TRUE(body.ok()) << ep.exercise;
      // The anchor and each listed contact rest on their surface within the tolerance.
      EXPECT_TRUE(contact_problems(*body, k, ep.props).empty())
          << ep.exercise << " " << k.name << ": " << contact_problems(*body, k, ep.props).front();
      EXPECT_TRUE(limit_violations(k.pose).empty()) << ep.exercise << " " << k.name;
      EXPECT_GE(body->lowest(), -kSinkTolerance) << ep.exercise << " " << k.name;
    }
  }
  EXPECT_GE(keyframes, 54);
}

TEST(FigurePoses, EveryExerciseKeepsItsOwnCues) {
  int checked = 0;
  for (const ExercisePoses& ep : shipped().poses) {
    for (const CueUse& use : ep.cues) {
      const Cue* cue = find_cue(shipped().cues, use.cue);
      ASSERT_NE(cue, nullptr) << use.cue;
      for (const Keyframe* k : keyframes_for(ep, use)) {
        const auto body = place(*k, ep.props);
        for (const auto& leg : legs_of(*cue, use.leg, use.both_legs)) {
          const auto problem = cue_problem(*cue, leg, k->pose, *body);
          EXPECT_FALSE(problem.has_value()) << ep.exercise << " " << k->name << ": " << *problem;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 40);
}

TEST(FigurePoses, AFaultedPoseBreaksTheCueItShould) {
  int faulted = 0;
  for (const ExercisePoses& ep : shipped().poses) {
    for (const CueUse& use : ep.cues) {
      const Cue* cue = find_cue(shipped().cues, use.cue);
      const auto& change = use.fault.empty() ? cue->fault_change : use.fault;
      // The fault, applied to each leg the cue concerns, breaks the cue at one of its keyframes.
      bool broken = false;
      for (const Keyframe* k : keyframes_for(ep, use)) {
        Keyframe bad = *k;
        for (const auto& leg : legs_of(*cue, use.leg, use.both_legs))
          bad.pose = apply_fault(bad.pose, change, leg, 1.0);
        const auto body = place(bad, ep.props);
        for (const auto& leg : legs_of(*cue, use.leg, use.both_legs))
          broken = broken || cue_problem(*cue, leg, bad.pose, *body).has_value();
      }
      EXPECT_TRUE(broken) << ep.exercise << ": fault " << cue->fault << " leaves cue " << cue->id << " intact";
      ++faulted;
    }
  }
  EXPECT_GT(faulted, 30);
}

TEST(FigurePoses, FaultedPosesStillRestOnTheirSupports) {
  // A faulted rep is shown on video: the body may move, but must not sink into the floor or a prop.
  for (const ExercisePoses& ep : shipped().poses) {
    for (const CueUse& use : ep.cues) {
      const Cue* cue = find_cue(shipped().cues, use.cue);
      const auto& change = use.fault.empty() ? cue->fault_change : use.fault;
      for (const Keyframe* k : keyframes_for(ep, use)) {
        Keyframe bad = *k;
        bad.contacts.clear();
        for (const auto& leg : legs_of(*cue, use.leg, use.both_legs))
          bad.pose = apply_fault(bad.pose, change, leg, 1.0);
        const auto body = place(bad, ep.props);
        ASSERT_TRUE(body.ok());
        const auto problems = contact_problems(*body, bad, ep.props);
        EXPECT_TRUE(problems.empty()) << ep.exercise << " " << k->name << " with " << cue->fault << ": "
                                      << problems.front();
      }
    }
  }
}

TEST(FigurePoses, EveryKeyframeIsHeldUpByWhatItRestsOn) {
  // Feet, knees, hands and the seat rest where the pose data says, lifted parts clear their
  // surface visibly, the body's weight is over what it rests on, and nothing lies off the mat.
  for (const ExercisePoses& ep : shipped().poses)
    for (const Keyframe& k : ep.keyframes) {
      const auto body = place(k, ep.props);
      ASSERT_TRUE(body.ok()) << ep.exercise;
      for (const std::string& problem : support_problems(*body, k, ep.props))
        ADD_FAILURE() << ep.exercise << ", keyframe '" << k.name << "': " << problem;
    }
}

// How far a frame blended between keyframes may reach into a surface, metres.
constexpr double kBlendSink = 0.05;

TEST(FigurePoses, NothingPassesThroughASurfaceBetweenKeyframes) {
  // The animation blends joint angles; a foot passing through the step would show on video.
  const RepTiming timing;
  for (const ExercisePoses& ep : shipped().poses)
    for (double t = 0; t <= timing.total(); t += 0.2) {
      const auto body = body_at(ep, timing, t, std::nullopt, std::nullopt);
      ASSERT_TRUE(body.ok()) << ep.exercise;
      // Blending may graze a surface; passing through it shows. Measured (issue 14): the calf
      // stretch's hands graze the wall by 3.0 cm, the standing hamstring curl's foot the floor by 4.1.
      for (const Part& part : body->parts)
        for (const Surface& surface : scene_surfaces(ep.props))
          for (const Sphere& sphere : part.spheres) {
            const auto gap = gap_to(sphere, surface, 0.0);
            const double side =
                surface.vertical ? (sphere.center.x - surface.level) * surface.facing : sphere.center.y - surface.level;
            if (gap && (side >= 0 || surface.name == "floor") && *gap < -kBlendSink)
              ADD_FAILURE() << ep.exercise << ", frame at " << t << " s of a rep: " << part.name << " passes "
                            << -*gap * 100 << " cm into " << surface.name;
          }
    }
}

// The share of pixels that differ between two drawings painted into one viewport.
double changed_share(const Drawing& a, const Drawing& b, int width, int height) {
  std::vector<std::vector<std::uint32_t>> images;
  for (const Drawing* d : {&a, &b}) {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height), cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    render::paint(cr.get(), *d, render::fit(d->min, d->max, 0, 0, width, height));
    cairo_surface_flush(surface.get());
    const auto* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    std::vector<std::uint32_t> pixels;
    pixels.reserve(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    for (std::ptrdiff_t y = 0; y < height; ++y)
      for (std::ptrdiff_t x = 0; x < width; ++x)
        pixels.push_back(*reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4) & 0xffffff);
    images.push_back(std::move(pixels));
  }
  int changed = 0;
  for (std::size_t i = 0; i < images[0].size(); ++i) {
    const std::uint32_t p = images[0][i];
    const std::uint32_t q = images[1][i];
    int diff = 0;
    for (int shift : {0, 8, 16})
      diff = std::max(diff, std::abs(static_cast<int>((p >> shift) & 0xff) - static_cast<int>((q >> shift) & 0xff)));
    if (diff > 32) ++changed;
  }
  return static_cast<double>(changed) / static_cast<double>(images[0].size());
}

// How far the landmark that moves most travels between two keyframes, in pixels of a
// phone-sized panel (180 x 240, two side by side on a 390 px screen) drawn with `bounds`.
double largest_move(const ExercisePoses& ep, const Keyframe& a, const Keyframe& b, const Drawing& bounds,
                    std::string& which) {
  const double scale = render::fit(bounds.min, bounds.max, 0, 0, 180, 240).scale;
  const auto from = place(a, ep.props);
  const auto to = place(b, ep.props);
  double most = 0;
  for (const Landmark& l : from->landmarks) {
    const Point2 p = project(l.sphere.center, ep.camera());
    const Point2 q = project(to->find(l.name)->center, ep.camera());
    const double d = std::hypot(p.x - q.x, p.y - q.y) * scale;
    if (d > most) {
      most = d;
      which = l.name;
    }
  }
  return most;
}

// On a phone-sized panel, start and end differ in at least this share of the pixels, and
// the landmark that moves most between any two keyframes shown one after the other (and
// between start and end) travels at least this many pixels: a move a person can see. Measured
// (issue 14): the knee bounce that hovered 3 cm moved 4.9 px; now 7.1.
constexpr double kVisiblePixels = 0.002;
constexpr double kVisibleMove = 7;

TEST(FigurePictures, TheMotionIsVisibleBetweenStartAndEnd) {
  for (const ExercisePoses& ep : shipped().poses) {
    const auto drawings = keyframe_drawings(ep);
    ASSERT_TRUE(drawings.ok()) << ep.exercise;
    const double whole = changed_share(drawings->front(), drawings->back(), 180, 240);
    EXPECT_GE(whole, kVisiblePixels) << ep.exercise << ": start and end differ in only " << whole * 100
                                     << "% of a phone-sized panel's pixels; expected at least " << kVisiblePixels * 100
                                     << "%";
    std::string which;
    const double move = largest_move(ep, ep.keyframes.front(), ep.keyframes.back(), drawings->front(), which);
    EXPECT_GE(move, kVisibleMove) << ep.exercise << ": from 'start' to '" << ep.keyframes.back().name
                                  << "' nothing moves more than " << move << " px (" << which
                                  << ") on a phone; expected at least " << kVisibleMove;
    for (std::size_t i = 1; i < ep.keyframes.size(); ++i) {
      const double step = largest_move(ep, ep.keyframes[i - 1], ep.keyframes[i], drawings->front(), which);
      EXPECT_GE(step, kVisibleMove) << ep.exercise << ": keyframe '" << ep.keyframes[i].name << "' looks like '"
                                    << ep.keyframes[i - 1].name << "' (" << which << " moves " << step
                                    << " px on a phone; expected at least " << kVisibleMove << ")";
    }
  }
}

// The session player's figure on a 390 px phone is 260 px wide (web/src/style.css, .player img),
// the smallest place a person follows an exercise from. Ankle circles: the foot alone moves, so the
// picture zooms to the shin and foot (its pose file's `focus`); measured there, the foot (heel to
// toe) is at least kPhoneFoot px long and the toe travels at least kPhoneToeStep px from each point
// of the circle to the next. Measured (issue 14): the whole figure draws the foot 29 px long there
// (about 15 px in the program list's picture) and the toe's smallest step 14 px; zoomed, 84 px and
// 42 px.
constexpr int kPhoneFigureWidth = 260;
constexpr double kPhoneFoot = 60;
constexpr double kPhoneToeStep = 30;

// Issue 14: the handout's figures zoom to the focus too: the ankle circles card shows the shin and
// foot, not the whole figure; a figure without a focus keeps its whole bounds.
TEST(FigurePictures, TheHandoutCardZoomsToTheFocus) {
  const ExercisePoses* ep = shipped().find("ankle-circles");
  ASSERT_NE(ep, nullptr);
  auto whole = keyframe_drawings(*ep);
  auto card = render::card_drawings(*ep);
  ASSERT_TRUE(whole.ok() && card.ok());
  ASSERT_EQ(card->size(), whole->size());
  const auto height = [](const Drawing& d) { return d.max.y - d.min.y; };
  for (std::size_t i = 0; i < card->size(); ++i) {
    EXPECT_LT(height((*card)[i]), height((*whole)[i]) / 2) << "keyframe " << i << " is not zoomed to the foot";
  }
  const ExercisePoses* squat = shipped().find("partial-squat");
  ASSERT_NE(squat, nullptr);
  ASSERT_TRUE(squat->focus.empty());
  auto plain = render::card_drawings(*squat);
  auto full = keyframe_drawings(*squat);
  ASSERT_TRUE(plain.ok() && full.ok());
  EXPECT_DOUBLE_EQ(height(plain->front()), height(full->front()));
}

TEST(FigurePictures, AnkleCirclesShowTheCircleOnAPhone) {
  const ExercisePoses* ep = shipped().find("ankle-circles");
  ASSERT_NE(ep, nullptr);
  ASSERT_FALSE(ep->focus.empty()) << "the ankle circles picture zooms to the foot";
  auto drawings = keyframe_drawings(*ep);
  ASSERT_TRUE(drawings.ok());
  const std::vector<Drawing> whole = *drawings;
  drawings = zoom_to_focus(*ep, whole);
  ASSERT_TRUE(drawings.ok());
  // The SVG is drawn 640 px wide (render::exercise_svg) and shown scaled to the phone's width.
  const auto scale_of = [](const Drawing& d) {
    const int height = render::height_for(d, 640, 240, 640);
    return render::fit(d.min, d.max, 0, 0, 640, height).scale * kPhoneFigureWidth / 640.0;
  };
  const double zoomed = scale_of(drawings->front());
  const double full = scale_of(whole.front());
  std::vector<PosedBody> bodies;
  for (const Keyframe& k : ep->keyframes) bodies.push_back(*place(k, ep->props));
  const auto at = [&](const PosedBody& b, const char* name) { return project(b.find(name)->center, ep->camera()); };
  const auto foot = [&](double scale) {
    const Point2 heel = at(bodies.front(), "left-heel");
    const Point2 toe = at(bodies.front(), "left-toe");
    return std::hypot(heel.x - toe.x, heel.y - toe.y) * scale;
  };
  std::cout << "ankle circles at " << kPhoneFigureWidth << " px: foot " << foot(full) << " px in the whole figure, "
            << foot(zoomed) << " px zoomed; toe steps";
  EXPECT_GE(foot(zoomed), kPhoneFoot) << "the foot is too small to follow on a phone";
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    const PosedBody& next = bodies[(i + 1) % bodies.size()];
    const Point2 p = at(bodies[i], "left-toe");
    const Point2 q = at(next, "left-toe");
    const double step = std::hypot(p.x - q.x, p.y - q.y) * zoomed;
    std::cout << " " << step;
    EXPECT_GE(step, kPhoneToeStep) << "from '" << ep->keyframes[i].name << "' the toe moves only " << step << " px";
  }
  std::cout << " px\n";
  // Every keyframe's foot stays inside the zoomed picture.
  for (const PosedBody& b : bodies)
    for (const char* name : {"left-heel", "left-toe", "left-ankle"}) {
      const Point2 p = at(b, name);
      EXPECT_TRUE(p.x >= drawings->front().min.x && p.x <= drawings->front().max.x && p.y >= drawings->front().min.y &&
                  p.y <= drawings->front().max.y)
          << name << " is outside the zoomed picture";
    }
}

TEST(FigurePictures, TheChangedShareMeasuresTheMove) {
  // A figure against itself: nothing changes; a raised arm changes a visible share.
  Keyframe k;
  k.anchor = {"left-heel", "floor"};
  const auto still = draw(*place(k, {}), {}, View::kSide);
  k.pose[Joint::kLeftShoulder] = 90;
  Drawing raised = draw(*place(k, {}), {}, View::kSide);
  EXPECT_EQ(changed_share(still, still, 180, 240), 0.0);
  std::vector<Drawing> both{still, raised};
  share_bounds(both);
  EXPECT_GE(changed_share(both[0], both[1], 180, 240), 10 * kVisiblePixels);
}

TEST(FigurePoses, TheRequiredCuesExistWithStableIds) {
  for (const char* id : {"knee-not-past-toes", "knee-over-ankle", "front-knee-about-90", "trunk-upright",
                         "heels-under-knees", "hips-level"})
    EXPECT_NE(find_cue(shipped().cues, id), nullptr) << id;
  EXPECT_NE(find_fault(shipped().cues, "knee-past-toes"), nullptr);
  for (const Cue& c : shipped().cues) {
    EXPECT_FALSE(c.text.empty()) << c.id;
    EXPECT_NE(c.fault, c.id);
  }
}

// ---- loader diagnostics ----

class PoseFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("kc_poses_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string load(const std::string& text) {
    std::ofstream(dir_ / "wall-sit.yaml") << text;
    auto cues = load_cues(kContent + "/cues");
    EXPECT_TRUE(cues.ok());
    auto poses = load_poses(dir_.string(), *cues);
    return poses.ok() ? "" : poses.error().message;
  }

  fs::path dir_;
};

const char* const kGood = R"(exercise: wall-sit
view: side
side: left
props:
  - {prop: wall, x: -0.30, facing: right}
keyframes:
  - name: start
    anchor: left-heel on floor
    x: 0.1
  - name: end
    from: start
)";

TEST_F(PoseFiles, AcceptsAMinimalFile) { EXPECT_EQ(load(kGood), ""); }

TEST_F(PoseFiles, UnknownJointIsReportedWithItsLineAndASuggestion) {
  const std::string msg = load(std::string(kGood) + "    angles: {left-kne: 30}\n");
  EXPECT_NE(msg.find("wall-sit.yaml:12:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean \"left-knee\""), std::string::npos) << msg;
}

TEST_F(PoseFiles, AnglesBeyondTheJointLimitAreErrors) {
  const std::string msg = load(std::string(kGood) + "    angles: {left-knee: 175}\n");
  EXPECT_NE(msg.find("left-knee is 175; expected 0 to 155"), std::string::npos) << msg;
}

TEST_F(PoseFiles, ContactsMustNameALandmarkAndASurfaceInTheScene) {
  const std::string msg = load(std::string(kGood) + "    contacts: [left-heel on chair, nose on floor]\n");
  EXPECT_NE(msg.find("surface \"chair\", which is not in the scene"), std::string::npos) << msg;
  EXPECT_NE(msg.find("unknown landmark \"nose\""), std::string::npos) << msg;
}

TEST_F(PoseFiles, BrokenContactsAreReportedAtTheKeyframe) {
  const std::string msg =
      load(std::string(kGood) + "    angles: {left-hip: 30}\n    contacts: [right-heel on floor]\n");
  EXPECT_NE(msg.find("wall-sit.yaml:10: keyframe 'end'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("right-heel is"), std::string::npos) << msg;
}

TEST_F(PoseFiles, LiftedNamesAPartThatCanRestAndMustClearItsSurface) {
  std::string msg = load(std::string(kGood) + "    lifted: [left-fot]\n");
  EXPECT_NE(msg.find("left-foot"), std::string::npos) << msg;  // the expected words are listed
  msg = load(std::string(kGood) + "    lifted: [right-foot]\n");
  EXPECT_NE(msg.find("wall-sit.yaml:10: keyframe 'end': right-foot is listed under 'lifted' but is only"),
            std::string::npos)
      << msg;
}

TEST_F(PoseFiles, TheCameraTurnAndTiltAreRead) {
  std::string text = kGood;
  text.insert(text.find("side: left"), "camera: {turn: 30, tilt: 20}\n");
  EXPECT_EQ(load(text), "");
  text = kGood;
  text.insert(text.find("side: left"), "camera: {turn: 30, tilt: 80}\n");
  EXPECT_NE(load(text).find("tilt"), std::string::npos);
}

TEST_F(PoseFiles, ACueTheKeyframesBreakIsReported) {
  const std::string msg = load(
      std::string(kGood) + "    angles: {trunk: 40, left-hip: 40, right-hip: 40}\ncues:\n  - {cue: trunk-upright}\n");
  EXPECT_NE(msg.find("breaks its cue trunk-upright"), std::string::npos) << msg;
}

}  // namespace
}  // namespace kc::content
