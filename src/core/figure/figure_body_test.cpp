#include <gtest/gtest.h>

#include "core/figure/body.h"
#include "core/figure/scene.h"

namespace kc::figure {
namespace {

// A figure standing at ease on the floor.
PosedBody standing() {
  Keyframe k;
  k.anchor = {"left-heel", "floor"};
  return *place(k, {});
}

double centre_y(const PosedBody& b, const char* name) { return b.find(name)->center.y; }

TEST(FigureBody, JointHeightsFollowWintersProportions) {
  const PosedBody b = standing();
  const double h = b.height;
  EXPECT_NEAR(centre_y(b, "left-hip"), winter::kHipHeight * h, 0.002);
  EXPECT_NEAR(centre_y(b, "left-knee"), winter::kKneeHeight * h, 0.002);
  EXPECT_NEAR(centre_y(b, "left-ankle"), winter::kAnkleHeight * h, 0.002);
  EXPECT_NEAR(centre_y(b, "left-shoulder"), winter::kShoulderHeight * h, 0.02);
}

TEST(FigureBody, StandsOnTheFloorAndIsAsTallAsItsHeight) {
  const PosedBody b = standing();
  EXPECT_NEAR(b.lowest(), 0.0, 1e-9);
  double top = 0;
  for (const Part& p : b.parts)
    for (const Sphere& s : p.spheres) top = std::max(top, s.center.y + s.radius);
  EXPECT_NEAR(top, b.height, 0.03);
}

TEST(FigureBody, SegmentLengthsStayFixedInAnyPose) {
  Pose p;
  p[Joint::kTrunk] = 30;
  p[Joint::kLeftHip] = 70;
  p[Joint::kLeftKnee] = 120;
  p[Joint::kLeftShoulder] = 90;
  p[Joint::kLeftElbow] = 45;
  const PosedBody b = pose_body(p);
  const double h = b.height;
  auto dist = [&](const char* a, const char* c) { return length(b.find(a)->center - b.find(c)->center); };
  EXPECT_NEAR(dist("left-hip", "left-knee"), winter::kThigh * h, 1e-9);
  EXPECT_NEAR(dist("left-knee", "left-ankle"), winter::kShank * h, 1e-9);
  EXPECT_NEAR(dist("left-shoulder", "left-elbow"), winter::kUpperArm * h, 1e-9);
  EXPECT_NEAR(dist("left-elbow", "left-wrist"), winter::kForearm * h, 1e-9);
}

TEST(FigureBody, HipFlexionMovesTheKneeForwardAndKneeFlexionTheFootBack) {
  Pose p;
  p[Joint::kLeftHip] = 90;
  const PosedBody flexed = pose_body(p);
  EXPECT_GT(flexed.find("left-knee")->center.x, 0.3);
  p[Joint::kLeftHip] = 0;
  p[Joint::kLeftKnee] = 90;
  const PosedBody bent = pose_body(p);
  EXPECT_LT(bent.find("left-ankle")->center.x, -0.3);
}

TEST(FigureBody, HasEveryPartOfAFilledHumanShape) {
  const PosedBody b = standing();
  for (const char* name : {"head", "neck", "chest", "abdomen", "pelvis", "left-upper-arm", "left-forearm", "left-hand",
                           "left-thigh", "left-shank", "left-foot", "right-foot"}) {
    bool found = false;
    for (const Part& p : b.parts) found = found || p.name == name;
    EXPECT_TRUE(found) << name;
  }
}

TEST(FigurePose, LimitsAreReportedByName) {
  Pose p;
  p[Joint::kLeftKnee] = 170;
  const auto v = limit_violations(p);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_NE(v.front().find("left-knee is 170"), std::string::npos);
}

TEST(FigurePose, InterpolatesAngleByAngle) {
  Pose a;
  Pose b;
  b[Joint::kLeftKnee] = 90;
  EXPECT_DOUBLE_EQ(interpolate(a, b, 0.5)[Joint::kLeftKnee], 45);
}

TEST(FigureScene, ContactProblemsNameTheLandmarkAndTheGap) {
  Keyframe k;
  k.anchor = {"left-heel", "floor"};
  k.pose[Joint::kLeftHip] = 20;  // the left leg forward: the right foot is lifted
  k.contacts = {{"right-heel", "floor"}};
  const auto body = place(k, {});
  ASSERT_TRUE(body.ok());
  const auto problems = contact_problems(*body, k, {});
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems.front().find("right-heel is"), std::string::npos);
}

TEST(FigureScene, SinkingIntoTheFloorIsAProblem) {
  Keyframe k;
  k.anchor = {"right-heel", "floor"};
  k.pose[Joint::kRightHip] = 25;  // standing on a leg swung forward lowers the hips: the left foot sinks
  const auto body = place(k, {});
  ASSERT_TRUE(body.ok());
  const auto problems = contact_problems(*body, k, {});
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems.front().find("sinks"), std::string::npos);
}

}  // namespace
}  // namespace kc::figure
