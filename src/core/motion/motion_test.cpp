// The camera coach's analyzer on landmark frames of the shipped figures, as a perfect pose
// model would report them: reps counted exactly, faults flagged on the reps that show them
// and only there, whichever way the person faces and however the model labels the legs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "adapters/content/exercise_loader.h"
#include "adapters/render/pose_loader.h"
#include "core/figure/animation.h"
#include "core/figure/check.h"
#include "core/motion/analyzer.h"
#include "core/motion/motion_json.h"

namespace kc::motion {
namespace {

const std::string kContent = KNEECOACH_TEST_CONTENT_DIR;

struct Shipped {
  Catalog catalog{std::vector<Exercise>{}};
  content::Illustrations ill;
};

const Shipped& shipped() {
  static const Shipped s = [] {
    Shipped out;
    auto catalog = content::load_catalog(content::exercises_dir(kContent));
    EXPECT_TRUE(catalog.ok());
    if (catalog.ok()) out.catalog = std::move(catalog).value();
    auto ill = content::load_illustrations(kContent, out.catalog);
    EXPECT_TRUE(ill.ok());
    if (ill.ok()) out.ill = std::move(ill).value();
    return out;
  }();
  return s;
}

MotionProfile profile_of(const std::string& id) {
  const Exercise* e = shipped().catalog.find(id);
  EXPECT_NE(e, nullptr) << id;
  auto p = derive_profile(*e, *shipped().ill.find(id), shipped().ill.cues);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.ok() ? *p : MotionProfile{};
}

using JointChanges = std::vector<std::pair<std::string, double>>;

// Frames of `reps` reps at `fps`, the fault (a fault id, or empty) on `faulted` reps (1-based),
// as the video of `kneecoach exercises animate` shows them. `changes`, when given, replace the
// exercise's own joint changes for the fault.
std::vector<LandmarkFrame> frames_of(const std::string& id, int reps, const std::string& fault = "",
                                     const std::vector<int>& faulted = {}, double fps = 15,
                                     const JointChanges& changes = {}) {
  const figure::ExercisePoses& poses = *shipped().ill.find(id);
  const figure::RepTiming timing = figure::rep_timing(shipped().catalog.find(id)->dose, 1e9);
  std::optional<figure::Fault> the_fault;
  for (const figure::CueUse& use : poses.cues) {
    const figure::Cue* cue = figure::find_cue(shipped().ill.cues, use.cue);
    if (cue != nullptr && cue->fault == fault) the_fault = figure::Fault{*cue, use};
  }
  if (the_fault && !changes.empty()) the_fault->use.fault = changes;
  EXPECT_TRUE(fault.empty() || the_fault) << fault;
  std::vector<LandmarkFrame> out;
  std::optional<figure::Fault> previous;
  double t0 = 0;
  for (int r = 1; r <= reps; ++r) {
    const bool is_faulted = std::find(faulted.begin(), faulted.end(), r) != faulted.end();
    const std::optional<figure::Fault> now = is_faulted ? the_fault : std::nullopt;
    for (double t = 0; t < timing.total(); t += 1.0 / fps) {
      auto body = figure::body_at(poses, timing, t, now, previous);
      EXPECT_TRUE(body.ok());
      out.push_back(figure_landmarks(*body, Camera{}, (t0 + t) * 1000));
    }
    t0 += timing.total();
    previous = now;
  }
  return out;
}

Summary run(const std::string& id, const std::vector<LandmarkFrame>& frames, std::vector<Event>* events = nullptr) {
  Analyzer a(profile_of(id));
  for (const LandmarkFrame& f : frames) {
    const FrameResult r = a.push(f);
    if (events != nullptr) events->insert(events->end(), r.events.begin(), r.events.end());
  }
  return a.summary();
}

int reps_with(const Summary& s, const std::string& fault) {
  return static_cast<int>(std::count_if(s.rep_records.begin(), s.rep_records.end(), [&](const RepRecord& r) {
    return std::find(r.faults.begin(), r.faults.end(), fault) != r.faults.end();
  }));
}

const std::vector<std::string> kExercises = {"partial-squat", "wall-sit", "step-up", "lunge", "bridge"};

TEST(MotionProfile, FollowsTheJointThatMovesMost) {
  const MotionProfile lunge = profile_of("lunge");
  EXPECT_EQ(lunge.signal.joint, "left-knee");
  EXPECT_NEAR(lunge.signal.start, 0, 1);
  EXPECT_NEAR(lunge.signal.end, 72, 1);
  EXPECT_EQ(profile_of("bridge").signal.joint, "left-hip");
  EXPECT_EQ(profile_of("wall-sit").hold_seconds, 20);
  EXPECT_NE(lunge.placement.find("side-on"), std::string::npos);
  EXPECT_NE(profile_of("bridge").placement.find("floor height"), std::string::npos);
}

TEST(MotionProfile, EveryCheckPassesGoodFormAndFailsTheFault) {
  for (const std::string& id : kExercises)
    for (const CueCheck& c : profile_of(id).checks) {
      const bool good_ok = (!c.min || c.good >= *c.min) && (!c.max || c.good <= *c.max);
      const bool fault_ok = (!c.min || c.faulty >= *c.min) && (!c.max || c.faulty <= *c.max);
      EXPECT_TRUE(good_ok) << id << " " << c.cue.id;
      EXPECT_FALSE(fault_ok) << id << " " << c.cue.id;
      EXPECT_FALSE(c.basis.empty());
    }
}

TEST(MotionProfile, ToeLimitsAreNeverStricterThanTheCuesWords) {
  // A knee level with a real shoe tip reads past the pose model's toe point; a limit behind the
  // cue's own words would fault it (the lunge's once sat 5.7 cm behind the toe point).
  int toe_checks = 0;
  for (const std::string& id : kExercises)
    for (const CueCheck& c : profile_of(id).checks) {
      if (!measured_at_toes(c.cue) || !c.cue.max) continue;
      ++toe_checks;
      EXPECT_GE(*c.max, *c.cue.max + c.cue.tolerance - 1e-9) << id << " " << c.basis;
    }
  EXPECT_GE(toe_checks, 3);
}

TEST(MotionProfile, CarriesTheCuesWordsOntoTheStandInPoints) {
  // The hips-to-shoulders line tilts three-quarters as much as the lower-back-to-neck line the
  // trunk cue names: leaning back, the cue's 15 degrees and 5 of tolerance read as 15, and the
  // camera margin adds 5.
  for (const CueCheck& c : profile_of("lunge").checks)
    if (c.cue.id == "trunk-upright") {
      ASSERT_TRUE(c.min.has_value());
      EXPECT_NEAR(*c.min, -20, 0.5);
      EXPECT_NE(c.basis.find("halfway"), std::string::npos);
    }
}

TEST(MotionProfile, RefusesExercisesNotSeenSideOn) {
  const Exercise* e = shipped().catalog.find("butterfly-stretch");
  ASSERT_NE(e, nullptr);
  auto p = derive_profile(*e, *shipped().ill.find("butterfly-stretch"), shipped().ill.cues);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("side-on"), std::string::npos);
}

TEST(Analyzer, CountsEveryRepOfCleanMovement) {
  for (const std::string& id : kExercises) {
    const Summary s = run(id, frames_of(id, id == "wall-sit" ? 2 : 4));
    EXPECT_EQ(s.reps, id == "wall-sit" ? 2 : 4) << id;
    for (const RepRecord& r : s.rep_records) EXPECT_TRUE(r.faults.empty()) << id << " rep " << r.rep;
  }
}

TEST(Analyzer, FlagsEachFaultOnTheRepsThatShowIt) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"partial-squat", "knee-past-toes"},   {"lunge", "knee-ahead-of-ankle"}, {"step-up", "knee-ahead-of-ankle"},
      {"wall-sit", "heels-not-under-knees"}, {"wall-sit", "trunk-leaning"},    {"bridge", "head-lifted"}};
  for (const auto& [id, fault] : cases) {
    const int reps = id == "wall-sit" ? 3 : 4;
    const Summary s = run(id, frames_of(id, reps, fault, {2}));
    ASSERT_EQ(s.reps, reps) << id << " " << fault;
    EXPECT_EQ(reps_with(s, fault), 1) << id << " " << fault;
    EXPECT_TRUE(s.rep_records[0].faults.empty()) << id << " " << fault;
    EXPECT_EQ(std::count(s.rep_records[1].faults.begin(), s.rep_records[1].faults.end(), fault), 1)
        << id << " " << fault;
  }
}

TEST(Analyzer, SaysCloseToTheLimitForAKneeJustPastTheToeTip) {
  // A knee 5.1 cm (lunge) and 4.4 cm (step-up) past the toe tip. A perfect pose model reports
  // the toe tip itself, and there that is inside the band a toe limit allows for a pose model's
  // toe point sitting behind a shoe tip: close to the limit, not a fault. (MediaPipe's toe point
  // sits behind the drawn toe as behind a shoe: recorded figures read 8 to 9 cm and are
  // faulted, tests/motion.) The exercises' own faults go further, well past the band.
  const JointChanges lunge = {{"left-ankle", 30}, {"left-knee", 34},   {"left-hip", 18},    {"lumbar", -15},
                              {"right-hip", -5},  {"right-knee", -20}, {"right-ankle", -30}};
  const JointChanges step_up = {{"left-ankle", 25}, {"left-knee", 30},  {"left-hip", 5},
                                {"right-hip", -10}, {"right-knee", 24}, {"right-ankle", 10}};
  const std::vector<std::pair<std::string, JointChanges>> just_past = {{"lunge", lunge}, {"step-up", step_up}};
  for (const auto& [id, changes] : just_past) {
    const Summary s = run(id, frames_of(id, 3, "knee-past-toes", {2}, 15, changes));
    ASSERT_EQ(s.reps, 3) << id;
    const RepRecord& r = s.rep_records[1];
    EXPECT_EQ(std::count(r.faults.begin(), r.faults.end(), "knee-past-toes"), 0) << id;
    EXPECT_EQ(std::count(r.close.begin(), r.close.end(), "knee-past-toes"), 1) << id;
    EXPECT_TRUE(s.rep_records[0].close.empty()) << id;
  }
  // The exercises' own knee-past-toes faults are faults.
  for (const std::string id : {"lunge", "step-up"}) {
    const Summary s = run(id, frames_of(id, 3, "knee-past-toes", {2}));
    ASSERT_EQ(s.reps, 3) << id;
    EXPECT_EQ(reps_with(s, "knee-past-toes"), 1) << id;
    const RepRecord& r = s.rep_records[1];
    EXPECT_EQ(std::count(r.faults.begin(), r.faults.end(), "knee-past-toes"), 1) << id;
  }
}

TEST(Analyzer, SaysTheCueWordsWhenAFaultIsSeen) {
  std::vector<Event> events;
  run("partial-squat", frames_of("partial-squat", 2, "knee-past-toes", {1}), &events);
  const auto fault = std::find_if(events.begin(), events.end(), [](const Event& e) {
    return e.kind == Event::Kind::kFault && e.fault == "knee-past-toes";
  });
  ASSERT_NE(fault, events.end());
  EXPECT_EQ(fault->text, "Keep your knee behind your toes.");
  EXPECT_EQ(fault->rep, 1);
  // Said while the rep is under way, before it is counted.
  const auto rep =
      std::find_if(events.begin(), events.end(), [](const Event& e) { return e.kind == Event::Kind::kRep; });
  ASSERT_NE(rep, events.end());
  EXPECT_LT(fault->t_ms, rep->t_ms);
}

TEST(Analyzer, WorksFacingEitherWayAndWhateverTheModelCallsEachLeg) {
  auto frames = frames_of("lunge", 4, "knee-ahead-of-ankle", {3});
  std::mt19937 random(7);
  for (LandmarkFrame& f : frames) {
    for (ImagePoint& p : f.points) p.x = 1 - p.x;  // facing left
    if (random() % 2 == 0)                         // left and right labels swapped at random
      for (int i = 11; i < 33; i += 2) std::swap(f.points[i], f.points[i + 1]);
  }
  const Summary s = run("lunge", frames);
  EXPECT_EQ(s.reps, 4);
  EXPECT_EQ(reps_with(s, "knee-ahead-of-ankle"), 1);
  EXPECT_EQ(s.rep_records[2].faults, std::vector<std::string>{"knee-ahead-of-ankle"});
  EXPECT_EQ(s.rep_records[2].close, std::vector<std::string>{"knee-past-toes"});  // the knee nears the toes too
}

TEST(Analyzer, CountsThroughLandmarkNoise) {
  for (const std::string& id : kExercises) {
    auto frames = frames_of(id, 3);
    std::mt19937 random(11);
    std::normal_distribution<double> jitter(0, 0.003);  // about 2 px in 640 x 480
    for (LandmarkFrame& f : frames)
      for (ImagePoint& p : f.points) {
        p.x += jitter(random);
        p.y += jitter(random);
      }
    const Summary s = run(id, frames);
    EXPECT_EQ(s.reps, 3) << id;
    for (const RepRecord& r : s.rep_records) EXPECT_TRUE(r.faults.empty()) << id << " rep " << r.rep;
  }
}

TEST(Analyzer, TimesHoldsFromThePose) {
  std::vector<Event> events;
  const Summary s = run("wall-sit", frames_of("wall-sit", 2), &events);
  ASSERT_EQ(s.reps, 2);
  const auto count = [&](Event::Kind k) {
    return std::count_if(events.begin(), events.end(), [k](const Event& e) { return e.kind == k; });
  };
  EXPECT_EQ(count(Event::Kind::kHoldDone), 2);
  EXPECT_GE(count(Event::Kind::kHold), 2 * 19);
  for (const RepRecord& r : s.rep_records) EXPECT_GE(r.held_seconds, 20);
}

TEST(Analyzer, SaysWhenThePersonIsOutOfThePicture) {
  auto frames = frames_of("partial-squat", 2);
  for (std::size_t i = 20; i < 35; ++i)  // a second with the feet below the picture
    for (ImagePoint& p : frames[i].points) p.y += 0.4;
  for (std::size_t i = 60; i < 75; ++i) frames[i].points.clear();  // a second with nobody there
  std::vector<Event> events;
  const Summary s = run("partial-squat", frames, &events);
  std::vector<std::string> said;
  for (const Event& e : events)
    if (e.kind == Event::Kind::kOutOfFrame) said.push_back(e.text);
  ASSERT_EQ(said.size(), 2u);
  EXPECT_NE(said[0].find("feet"), std::string::npos) << said[0];
  EXPECT_NE(said[1].find("cannot see you"), std::string::npos) << said[1];
  EXPECT_EQ(std::count_if(events.begin(), events.end(), [](const Event& e) { return e.kind == Event::Kind::kInFrame; }),
            2);
  EXPECT_EQ(s.frames_in_view, s.frames - 30);
}

TEST(Analyzer, JudgesNoRepThePersonLeftThePictureDuring) {
  // The same faulted rep, judged when the camera sees all of it and not when the person leaves
  // the picture for a moment on the way down: the camera saw only part of it.
  auto frames = frames_of("partial-squat", 3, "knee-past-toes", {2});
  const Summary seen = run("partial-squat", frames);
  ASSERT_EQ(seen.reps, 3);
  ASSERT_EQ(seen.rep_records[1].faults, std::vector<std::string>{"knee-past-toes"});
  Analyzer a(profile_of("partial-squat"));
  std::size_t left = 0;  // where the second rep leaves the start
  for (; left < frames.size(); ++left)
    if (a.push(frames[left]).phase == Phase::kMoving && left >= frames.size() / 3) break;
  ASSERT_LT(left + 5, frames.size());
  for (std::size_t i = left + 2; i < left + 5; ++i) frames[i].points.clear();
  const Summary partly = run("partial-squat", frames);
  ASSERT_EQ(partly.reps, 3);
  EXPECT_TRUE(partly.rep_records[1].faults.empty());
}

TEST(Analyzer, JudgesNoFormForASecondAfterTheFramesStall) {
  // A pose model that starts slowly (or a starved CPU) sends one frame, then nothing for more
  // than a second: its next answers are as unsettled as a person's return to the picture.
  const auto frames = frames_of("lunge", 2);
  const auto judged_at = [](const std::vector<LandmarkFrame>& fs, double from_ms, double to_ms) {
    Analyzer a(profile_of("lunge"));
    int judged = 0;
    for (const LandmarkFrame& f : fs) {
      const FrameResult r = a.push(f);
      const bool any =
          std::any_of(r.cue_values.begin(), r.cue_values.end(), [](const auto& v) { return v.has_value(); });
      if (any && f.t_ms >= from_ms && f.t_ms < to_ms) ++judged;
    }
    return judged;
  };
  std::vector<LandmarkFrame> stalled{frames.front()};
  for (const LandmarkFrame& f : frames)
    if (f.t_ms >= 1300) stalled.push_back(f);
  EXPECT_GT(judged_at(frames, 1300, 2250), 0);  // without the stall these frames are judged
  EXPECT_EQ(judged_at(stalled, 1300, 2250), 0);
  EXPECT_GT(judged_at(stalled, 2350, 4000), 0);  // and once settled they are again
}

TEST(Analyzer, DoesNotCountAMoveThatStopsHalfway) {
  const auto frames = frames_of("partial-squat", 1);
  Analyzer a(profile_of("partial-squat"));
  int reps = 0;
  double deepest = 0;
  // The way down takes the tempo's `up` seconds (15 frames a second): bob between 30% and 80% of it.
  const double lowering = figure::rep_timing(shipped().catalog.find("partial-squat")->dose, 1e9).up * 15;
  const int first = static_cast<int>(std::lround(0.3 * lowering));
  const int last = static_cast<int>(std::lround(0.8 * lowering));
  for (int i = 0; i < 90; ++i) {  // bob between the start and part of the way down, never the end
    const int k = first + (i % 30 < 15 ? i % 15 : 15 - i % 15) * (last - first) / 15;
    LandmarkFrame f = frames[static_cast<std::size_t>(k)];
    f.t_ms = i * 66.0;
    const FrameResult r = a.push(f);
    reps = r.reps;
    deepest = std::max(deepest, r.progress);
  }
  EXPECT_EQ(reps, 0);
  EXPECT_GT(deepest, a.profile().leave_start);  // it left the start, so this is a turned-back attempt
  EXPECT_LT(deepest, a.profile().reach_end);
}

// The frames turned so the camera sees the body at `width` torso lengths across (0 side-on,
// about 0.55 from the front), facing the camera (or, with `away`, facing away).
std::vector<LandmarkFrame> turned(std::vector<LandmarkFrame> frames, double width, bool away = false) {
  for (LandmarkFrame& f : frames) {
    const auto at = [&](Mp m) -> ImagePoint& { return f.points[static_cast<std::size_t>(m)]; };
    const double torso = std::hypot(at(Mp::kLeftShoulder).x - at(Mp::kLeftHip).x,
                                    (at(Mp::kLeftShoulder).y - at(Mp::kLeftHip).y) * f.height / f.width);
    for (auto [l, r] : {std::pair{Mp::kLeftShoulder, Mp::kRightShoulder}, std::pair{Mp::kLeftHip, Mp::kRightHip}}) {
      const double mid = (at(l).x + at(r).x) / 2, half = width * torso / 2 * (away ? -1 : 1);
      at(l).x = mid + half;
      at(r).x = mid - half;
    }
  }
  return frames;
}

TEST(View, ReadsSideDiagonalFrontAndRearFromShoulderAndHipWidth) {
  const auto frames = frames_of("partial-squat", 1);
  EXPECT_EQ(read_view(frames[0]).view, View::kSide);
  EXPECT_EQ(read_view(turned(frames, 0.3)[0]).view, View::kDiagonal);
  EXPECT_EQ(read_view(turned(frames, 0.55)[0]).view, View::kFront);
  EXPECT_EQ(read_view(turned(frames, 0.55, true)[0]).view, View::kRear);
  ViewTracker v;  // one odd frame does not change the settled view
  for (std::size_t i = 0; i < 20; ++i) v.push(i == 10 ? turned({frames[i]}, 0.55)[0] : frames[i]);
  EXPECT_EQ(v.settled().view, View::kSide);
}

TEST(Analyzer, TellsThePersonToTurnAndJudgesNothingFromTheFront) {
  std::vector<Event> events;
  const Summary s = run("partial-squat", turned(frames_of("partial-squat", 3, "knee-past-toes", {2}), 0.55), &events);
  EXPECT_EQ(s.view, View::kFront);
  EXPECT_FALSE(s.view_ok);
  EXPECT_NE(s.view_advice.find("side faces the camera"), std::string::npos) << s.view_advice;
  for (const RepRecord& r : s.rep_records) EXPECT_TRUE(r.faults.empty()) << "rep " << r.rep;
  const auto said =
      std::find_if(events.begin(), events.end(), [](const Event& e) { return e.kind == Event::Kind::kView; });
  ASSERT_NE(said, events.end());
  EXPECT_EQ(said->view, View::kFront);
  EXPECT_NE(said->text.find("can't judge"), std::string::npos) << said->text;
}

TEST(Analyzer, CountsAPersonWhoStopsShortOfStraightButNotAHalfHeartedBob) {
  // A lunger whose front knee stays bent between reps: the figure's frames, less those where
  // it comes back within 0.3 of the start, except before the first rep and after the last.
  const auto frames = frames_of("lunge", 4);
  Analyzer reference(profile_of("lunge"));
  std::vector<double> progress;
  progress.reserve(frames.size());
  for (const LandmarkFrame& f : frames) progress.push_back(reference.push(f).progress);
  std::size_t first_down = 0, last_up = frames.size() - 1;
  while (progress[first_down] < 0.3) ++first_down;
  while (progress[last_up] < 0.3) --last_up;
  std::vector<LandmarkFrame> short_of_straight;
  for (std::size_t i = 0; i < frames.size(); ++i)
    if (i < first_down || i > last_up || progress[i] >= 0.3) {
      short_of_straight.push_back(frames[i]);
      short_of_straight.back().t_ms = static_cast<double>(short_of_straight.size()) * 1000 / 15;
    }
  const Summary s = run("lunge", short_of_straight);
  EXPECT_EQ(s.reps, 4);
  // Bobbing in the top half of the range, however often, is not a rep.
  Analyzer a(profile_of("lunge"));
  int reps = 0;
  for (std::size_t i = 0, k = 0; k < 120; ++k) {
    while (progress[i] > 0.45 || i < first_down) i = (i + 1) % frames.size();
    LandmarkFrame f = frames[i];
    f.t_ms = static_cast<double>(k) * 1000 / 15;
    reps = a.push(f).reps;
    i = (i + 1) % frames.size();
  }
  EXPECT_EQ(reps, 0);
}

TEST(MotionJson, ParsesFramesAndExplainsBadOnes) {
  auto ok = parse_frame(std::string_view(R"({"t": 5, "w": 640, "h": 480, "lm": []})"));
  ASSERT_TRUE(ok.ok());
  EXPECT_FALSE(ok->has_person());
  const auto frame = frames_of("lunge", 1).front();
  auto round = parse_frame(frame_json(frame));
  ASSERT_TRUE(round.ok());
  EXPECT_NEAR(round->at(Mp::kLeftKnee).x, frame.at(Mp::kLeftKnee).x, 1e-4);
  for (const auto& [text, says] : std::vector<std::pair<std::string, std::string>>{
           {"[1]", "not a JSON object"},
           {R"({"w": 640, "h": 480, "lm": []})", "\"t\""},
           {R"({"t": 1, "w": 640, "h": 480, "lm": [[1, 2, 3, 4]]})", "has 1 points; expected 33"},
           {R"({"t": 1, "w": 0, "h": 480, "lm": []})", "image size"},
           {"not json", "not valid JSON"}}) {
    auto bad = parse_frame(std::string_view(text));
    ASSERT_FALSE(bad.ok()) << text;
    EXPECT_NE(bad.error().message.find(says), std::string::npos) << bad.error().message;
  }
}

}  // namespace
}  // namespace kc::motion
