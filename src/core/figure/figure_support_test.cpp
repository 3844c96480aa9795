// Support: what a keyframe rests on holds it up, lifted parts clearly lift, nothing hovers,
// the body does not tip, and what rests low on a mat stays on it.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/figure/drawing.h"
#include "core/figure/support.h"

namespace kc::figure {
namespace {

std::vector<std::string> problems(const Keyframe& k, const std::vector<Prop>& props = {}) {
  const auto body = place(k, props);
  EXPECT_TRUE(body.ok());
  return support_problems(*body, k, props);
}

bool mentions(const std::vector<std::string>& all, const std::string& text) {
  return std::any_of(all.begin(), all.end(), [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

Keyframe standing() {
  Keyframe k;
  k.name = "start";
  k.anchor = {"left-heel", "floor"};
  return k;
}

TEST(FigureSupport, StandingOnBothFeetIsSupported) { EXPECT_TRUE(problems(standing()).empty()); }

TEST(FigureSupport, AFootOffTheFloorMustBeListedAsLifted) {
  Keyframe k = standing();
  k.pose[Joint::kRightKnee] = 90;
  k.pose[Joint::kLeftHipAbduction] = -6;  // the weight shifts over the standing foot
  EXPECT_TRUE(mentions(problems(k), "right-foot is")) << problems(k).front();
  EXPECT_TRUE(mentions(problems(k), "not listed under 'lifted'"));
  k.lifted = {"right-foot"};
  EXPECT_TRUE(problems(k).empty()) << problems(k).front();
}

TEST(FigureSupport, ALiftedPartMustClearItsSurfaceVisibly) {
  Keyframe k = standing();
  k.pose[Joint::kRightHip] = 15;  // the right foot rises flat, about 2.4 cm: neither down nor clearly up
  k.pose[Joint::kRightKnee] = 30;
  k.pose[Joint::kRightAnkle] = 15;
  k.pose[Joint::kLeftHipAbduction] = -6;
  auto found = problems(k);
  EXPECT_TRUE(mentions(found, "right-foot hovers 2.4 cm above floor")) << (found.empty() ? "" : found.front());
  k.lifted = {"right-foot"};
  found = problems(k);
  EXPECT_TRUE(mentions(found, "listed under 'lifted' but is only")) << (found.empty() ? "" : found.front());
}

TEST(FigureSupport, APartCannotBothRestAndBeLifted) {
  Keyframe k = standing();
  k.contacts = {{"right-heel", "floor"}};
  k.lifted = {"right-foot"};
  EXPECT_TRUE(mentions(problems(k), "also rests in 'contacts'"));
}

TEST(FigureSupport, ABodyLeaningFarBackBehindItsHeelsTips) {
  Keyframe k = standing();
  k.pose[Joint::kTrunk] = -30;  // legs straight, the whole upper body and arms leaning back
  k.pose[Joint::kLeftHip] = -30;
  k.pose[Joint::kRightHip] = -30;
  k.pose[Joint::kLeftShoulder] = -60;
  k.pose[Joint::kRightShoulder] = -60;
  const auto found = problems(k);
  EXPECT_TRUE(mentions(found, "the body would tip: its centre of mass is 7.4 cm outside"))
      << (found.empty() ? "" : found.front());
  EXPECT_TRUE(problems(standing()).empty());
}

TEST(FigureSupport, CentreOfMassOfAStandingBodyIsAboveTheHips) {
  const PosedBody body = pose_body(Pose{});
  const Vec3 com = centre_of_mass(body);
  // Winter: about 0.55-0.58 of standing height above the soles; the body's origin is the hips.
  EXPECT_NEAR(com.x, 0, 0.03);
  EXPECT_NEAR(com.z, 0, 1e-9);
  EXPECT_GT(com.y - body.lowest(), 0.52 * body.height);
  EXPECT_LT(com.y - body.lowest(), 0.60 * body.height);
}

TEST(FigureSupport, LyingPastTheEndOfTheMatIsAProblem) {
  Keyframe k;
  k.name = "start";
  k.anchor = {"seat", "mat"};
  k.pose[Joint::kTrunk] = -90;
  k.pose[Joint::kLeftShoulder] = 170;  // arms overhead, past the mat's end
  k.pose[Joint::kRightShoulder] = 170;
  const std::vector<Prop> short_mat{{PropKind::kMat, 0.3, 0, 1, std::nullopt, 1.0}};
  const auto found = problems(k, short_mat);
  EXPECT_TRUE(mentions(found, "off the mat")) << (found.empty() ? "" : found.front());
  const std::vector<Prop> long_mat{{PropKind::kMat, -0.2, 0, 1, std::nullopt, 2.6}};
  EXPECT_FALSE(mentions(problems(k, long_mat), "off the mat"));
}

TEST(FigureCamera, ATurnedAndTiltedCameraKeepsLengthsAndShowsDepth) {
  const Camera straight(View::kSide);
  const Camera turned(View::kSide, 30, 20);
  const Vec3 p{0.4, 0.2, 0.3};
  EXPECT_DOUBLE_EQ(project(p, straight).x, 0.4);
  EXPECT_DOUBLE_EQ(project(p, straight).y, 0.2);
  // An orthographic camera: a point's distance from the origin is its projected distance and depth.
  const Point2 q = project(p, turned);
  const double d = depth(p, turned);
  EXPECT_NEAR(q.x * q.x + q.y * q.y + d * d, dot(p, p), 1e-12);
  // Raised, the camera sees the floor in front of the figure lower on the drawing than behind it.
  EXPECT_LT(project(Vec3{0, 0, 0.5}, turned).y, project(Vec3{0, 0, -0.5}, turned).y);
}

}  // namespace
}  // namespace kc::figure
