// The clearance rule: a clinician's clearance excuses exactly the flags it lists.
#include "core/triage/clearance.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kc {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Rule rule(std::string id, Level level, std::string_view field) {
  Rule r;
  r.id = std::move(id);
  r.level = level;
  auto c = field_test(field, TestOp::kIs, true);
  EXPECT_TRUE(c.ok());
  r.condition = *c;
  r.message = "message of " + r.id;
  return r;
}

RuleSet rules() {
  RuleSet set;
  set.rules = {rule("gives-way", Level::kSeeClinician, "gives_way"), rule("locked", Level::kUrgent, "locked"),
               rule("sharp", Level::kCaution, "sharp_pain")};
  for (const auto& name : level_names()) set.advice[static_cast<std::size_t>(*parse_level(name))] = "advice " + name;
  return set;
}

const CivilDate kDay = make_date(2026, 12, 7);

Clearance clearance() { return Clearance{"Ann Lee", "physiotherapist", kDay, {"gives-way"}, {}}; }

TEST(Clearance, ExcusesExactlyTheClearedFlagsAndNeverLessThanCaution) {
  Answers a;
  a.gives_way = true;
  const TriageResult plain = evaluate(a, rules());
  EXPECT_EQ(plain.level, Level::kSeeClinician);
  EXPECT_THAT(referral_flags(plain), ElementsAre("gives-way"));

  const TriageResult cleared = evaluate(a, rules(), {"gives-way"});
  EXPECT_EQ(cleared.level, Level::kCaution);  // a sign was there: gently
  EXPECT_TRUE(cleared.reasons.empty());
  ASSERT_EQ(cleared.cleared.size(), 1U);
  EXPECT_EQ(cleared.cleared[0].rule, "gives-way");

  a.locked = true;  // a different sign still stops
  const TriageResult other = evaluate(a, rules(), {"gives-way"});
  EXPECT_EQ(other.level, Level::kUrgent);
  ASSERT_EQ(other.reasons.size(), 1U);
  EXPECT_EQ(other.reasons[0].rule, "locked");
}

TEST(Clearance, ACautionSuppressedByTheReferralFiresOnceTheReferralIsCleared) {
  Answers a;
  a.gives_way = true;
  a.sharp_pain = true;
  EXPECT_EQ(evaluate(a, rules()).reasons.size(), 1U);  // the referral alone
  const TriageResult cleared = evaluate(a, rules(), {"gives-way"});
  EXPECT_EQ(cleared.level, Level::kCaution);
  ASSERT_EQ(cleared.reasons.size(), 1U);
  EXPECT_EQ(cleared.reasons[0].rule, "sharp");
}

TEST(Clearance, NoReferralMeansNoFlagsToClear) {
  Answers a;
  a.sharp_pain = true;
  EXPECT_TRUE(referral_flags(evaluate(a, rules())).empty());
}

TEST(Clearance, ASignReportedAtACheckInIsNewEvenForAClearedRule) {
  EXPECT_THAT(still_cleared({"gives-way"}, {}, rules()), ElementsAre("gives-way"));
  EXPECT_THAT(still_cleared({"gives-way"}, {"locked"}, rules()), ElementsAre("gives-way"));
  EXPECT_TRUE(still_cleared({"gives-way"}, {"gives_way"}, rules()).empty());
  EXPECT_TRUE(still_cleared({"no-such-rule"}, {}, rules()).empty());  // a rule gone excuses nothing
}

TEST(Clearance, ChecksEachFieldWithItsCode) {
  EXPECT_TRUE(check_clearance(clearance(), kDay, kDay).ok());
  auto c = clearance();
  c.clinician = "  ";
  EXPECT_EQ(check_clearance(c, kDay, kDay).error().field, "clinician");
  c = clearance();
  c.role = std::string(kNameMax + 1, 'x');
  EXPECT_EQ(check_clearance(c, kDay, kDay).error().field, "role");
  c = clearance();
  const auto future = check_clearance(c, kDay, kDay - date::days{1});
  EXPECT_EQ(future.error().code, errc::kOutOfRange);
  EXPECT_THAT(future.error().message, HasSubstr("in the future"));
  const auto before = check_clearance(c, kDay + date::days{2}, kDay + date::days{5});
  EXPECT_EQ(before.error().field, "cleared_on");
  EXPECT_THAT(before.error().message, HasSubstr("before the warning sign of Wed 9 Dec 2026"));
  c.flags.clear();
  EXPECT_EQ(check_clearance(c, kDay, kDay).error().field, "flags");
  c = clearance();
  c.limits.pain_ceiling = 6;
  EXPECT_EQ(check_clearance(c, kDay, kDay).error().field, "limits.pain_ceiling");
  c.limits.pain_ceiling = 3;
  c.limits.note = std::string(kNoteMax + 1, 'a');
  EXPECT_EQ(check_clearance(c, kDay, kDay).error().field, "limits.note");
}

TEST(Clearance, SaysWhoWhenForWhatAndTheLimits) {
  auto c = clearance();
  c.limits.no_kneeling = true;
  c.limits.pain_ceiling = 3;
  c.limits.avoid = {"wall-squat"};
  c.limits.note = "Walk daily.";
  const auto words = describe_clearance(c, {"Wall squat"});
  ASSERT_EQ(words.size(), 3U);
  EXPECT_THAT(words[0], HasSubstr("Cleared by Ann Lee (physiotherapist) on Mon 7 Dec 2026 for: gives way."));
  EXPECT_THAT(words[1], HasSubstr("no kneeling; pain during exercise 3/10 at most; not these exercises: Wall squat"));
  EXPECT_EQ(words[2], "Their note: \"Walk daily.\"");
}

TEST(Clearance, RoundTripsThroughJsonAndNamesABadField) {
  auto c = clearance();
  c.limits.no_deep_knee_bend = true;
  c.limits.pain_ceiling = 2;
  c.limits.avoid = {"step-up"};
  auto back = clearance_from_json(nlohmann::json::parse(clearance_to_json(c).dump()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(clearance_to_json(*back), clearance_to_json(c));
  auto bad = clearance_from_json(nlohmann::json::parse(R"({"cleared_on":"2026-12-07","limits":{"pain_ceiling":"3"}})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "limits.pain_ceiling");
  EXPECT_EQ(clearance_from_json(nlohmann::json::parse(R"({"cleared_on":"7 Dec"})")).error().field, "cleared_on");
}

}  // namespace
}  // namespace kc
