#include "usecases/set_up.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "adapters/content/exercise_loader.h"
#include "adapters/content/triage_loader.h"
#include "adapters/sqlite/sqlite_store.h"
#include "core/intake/parse.h"
#include "usecases/program.h"

namespace kc::usecases {
namespace {

const CivilDate kStart{date::year{2025} / 3 / 3};

class SetUpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto catalog = content::load_catalog(content::exercises_dir(KNEECOACH_TEST_CONTENT_DIR));
    ASSERT_TRUE(catalog.ok()) << catalog.error().message;
    catalog_.emplace(std::move(catalog).value());
    auto rules = content::load_rule_set(KNEECOACH_TEST_CONTENT_DIR);
    ASSERT_TRUE(rules.ok()) << rules.error().message;
    rules_ = std::move(rules).value();
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() / ("kc-set-up-test-" + std::string(info->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = sqlite::open_store((dir_ / "kneecoach.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
  }

  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  SetupRequest request(const std::string& json, const std::string& person, bool new_person) {
    auto answers = parse_answers(json);
    EXPECT_TRUE(answers.ok()) << answers.error().message;
    const TriageResult triage = evaluate(*answers, rules_);
    return SetupRequest{*answers, triage, kStart, kDefaultWeeks, person, new_person};
  }

  std::filesystem::path dir_;
  std::optional<Catalog> catalog_;
  RuleSet rules_;
  std::unique_ptr<store::Store> store_;
  ManualClock clock_{TimePoint{kStart} + std::chrono::hours{9}};
};

constexpr const char* kGo =
    R"({"version": 1, "age": 45, "knee": "left", "pain_now": 2, "location": ["front"], "onset": "gradual",
        "equipment": ["chair", "step", "wall", "mat"], "days": ["mon", "wed", "fri"]})";
constexpr const char* kRedFlag =
    R"({"version": 1, "age": 45, "knee": "left", "pain_now": 2, "hot_red_swollen": true, "fever_or_unwell": true})";
constexpr const char* kOneDayNoTime =
    R"({"version": 1, "age": 45, "knee": "left", "pain_now": 2, "equipment": [], "days": ["mon"],
        "minutes_per_session": 5, "can_get_down_to_floor": false})";

TEST_F(SetUpTest, StoresThePersonTheirAnswersAndThePlanTogether) {
  auto set = set_up_person(*store_, clock_, *catalog_, request(kGo, "p1", true));
  ASSERT_TRUE(set.ok()) << set.error().message;
  ASSERT_EQ(set->program.status, SetupStatus::kCreated);
  ASSERT_TRUE(set->person.has_value());
  EXPECT_EQ(set->person->name, "p1");
  EXPECT_FALSE(set->replaced);
  auto found = find_program(*store_, "p1", false);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->plan.start, kStart);
  auto answers = stored_answers(*store_, found->person.id);
  ASSERT_TRUE(answers.ok());
  ASSERT_TRUE(answers->has_value());
  EXPECT_EQ((*answers)->age, 45);
}

TEST_F(SetUpTest, AReferralIsAnOutcomeAndStoresNothing) {
  auto set = set_up_person(*store_, clock_, *catalog_, request(kRedFlag, "p2", true));
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->program.status, SetupStatus::kReferral);
  EXPECT_FALSE(set->program.plan.has_value());
  EXPECT_FALSE(set->program.triage.reasons.empty());
  auto person = store_->find_person("p2");
  ASSERT_TRUE(person.ok());
  EXPECT_FALSE(person->has_value());
}

TEST_F(SetUpTest, TooLittleIsAnOutcomeWithWhatIsMissing) {
  auto set = set_up_person(*store_, clock_, *catalog_, request(kOneDayNoTime, "p3", true));
  ASSERT_TRUE(set.ok()) << set.error().message;
  ASSERT_EQ(set->program.status, SetupStatus::kTooLittle);
  EXPECT_FALSE(set->program.missing.empty());
  auto person = store_->find_person("p3");
  ASSERT_TRUE(person.ok());
  EXPECT_FALSE(person->has_value());
}

TEST_F(SetUpTest, ASecondSetUpReplacesTheProgramOrRefusesATakenNewName) {
  ASSERT_TRUE(set_up_person(*store_, clock_, *catalog_, request(kGo, "me", false)).ok());
  auto again = set_up_person(*store_, clock_, *catalog_, request(kGo, "me", false));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->replaced);
  auto taken = set_up_person(*store_, clock_, *catalog_, request(kGo, "me", true));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, errc::kConflict);
  EXPECT_EQ(taken.error().field, "person");
}

TEST_F(SetUpTest, WeeksOutOfRangeIsACodedError) {
  auto r = request(kGo, "p4", true);
  r.weeks = 0;
  auto set = set_up_person(*store_, clock_, *catalog_, r);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.error().code, errc::kInvalid);
  EXPECT_EQ(set.error().field, "weeks");
}

TEST(PlanCautions, OnlyACautionCarriesTheTriageMessagesAndAdvice) {
  TriageResult go;
  go.level = Level::kGo;
  EXPECT_TRUE(plan_cautions(go).empty());
  TriageResult caution;
  caution.level = Level::kCaution;
  caution.reasons.push_back({"r", "Go gently."});
  caution.advice = "Start easy.";
  EXPECT_EQ(plan_cautions(caution), (std::vector<std::string>{"Go gently.", "Start easy."}));
}

}  // namespace
}  // namespace kc::usecases
