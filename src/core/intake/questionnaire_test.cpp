#include "core/intake/questionnaire.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "core/intake/answer_fields.h"

namespace kc {
namespace {

using ::testing::HasSubstr;

const Question& q(std::string_view id) {
  const Question* question = find_question(id);
  EXPECT_NE(question, nullptr) << id;
  return *question;
}

FieldValue ok(std::string_view id, std::string_view typed) {
  auto value = validate_answer(q(id), typed);
  EXPECT_TRUE(value.ok()) << id << " rejected \"" << typed << "\": " << (value.ok() ? "" : value.error().message);
  return value.ok() ? *value : FieldValue{};
}

std::string bad(std::string_view id, std::string_view typed) {
  auto value = validate_answer(q(id), typed);
  EXPECT_FALSE(value.ok()) << id << " accepted \"" << typed << "\"";
  return value.ok() ? "" : value.error().message;
}

std::vector<std::string> asked(const Answers& answers) {
  std::vector<std::string> ids;
  for (const auto& question : questionnaire())
    if (is_relevant(question, answers)) ids.push_back(question.id);
  return ids;
}

FieldValue list(std::initializer_list<std::string> items) { return FieldValue{std::vector<std::string>(items)}; }

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST(Questionnaire, EveryQuestionFillsOneSpecFieldOnce) {
  std::set<std::string> seen;
  for (const auto& question : questionnaire()) {
    EXPECT_NE(find_answer_field(question.id), nullptr) << question.id;
    EXPECT_TRUE(seen.insert(question.id).second) << "asked twice: " << question.id;
    EXPECT_FALSE(question.prompt.empty());
    EXPECT_NE(question.prompt.find('?'), std::string::npos) << question.id;
  }
  // Every field of the format except version is asked.
  for (const auto& field : answer_fields()) EXPECT_TRUE(seen.count(std::string(field.name))) << field.name;
}

TEST(Questionnaire, KindsMatchTheFieldTypes) {
  for (const auto& question : questionnaire()) {
    const AnswerField* field = find_answer_field(question.id);
    ASSERT_NE(field, nullptr);
    switch (field->type) {
      case FieldType::kBoolean:
        EXPECT_EQ(question.kind, AnswerKind::kYesNo) << question.id;
        break;
      case FieldType::kInteger:
        EXPECT_EQ(question.kind, AnswerKind::kWholeNumber) << question.id;
        EXPECT_EQ(question.min, field->min) << question.id;
        EXPECT_EQ(question.max, field->max) << question.id;
        break;
      case FieldType::kNumber:
        EXPECT_EQ(question.kind, AnswerKind::kNumber) << question.id;
        break;
      case FieldType::kChoice:
      case FieldType::kChoices: {
        EXPECT_EQ(question.kind, field->type == FieldType::kChoice ? AnswerKind::kOneOf : AnswerKind::kManyOf);
        std::vector<std::string> values;
        for (const auto& c : question.choices) values.push_back(c.value);
        EXPECT_EQ(values, field->choices) << question.id;
        break;
      }
    }
  }
}

TEST(Questionnaire, RequiredFieldsCannotBeSkipped) {
  for (const auto& question : questionnaire()) {
    const AnswerField* field = find_answer_field(question.id);
    if (field->required || field->type == FieldType::kBoolean) {
      EXPECT_TRUE(question.skip_word.empty()) << question.id;
    }
  }
}

TEST(Questionnaire, InjuryQuestionsOnlyAfterAnInjury) {
  const std::vector<std::string> injury_only{"injury_days_ago", "could_walk_4_steps_after_injury",
                                             "kneecap_or_fibula_tender", "pop_at_injury", "swelled_within_hours"};
  Answers gradual;
  gradual.onset = Onset::kGradual;
  Answers injured;
  injured.onset = Onset::kInjury;
  for (const auto& id : injury_only) {
    EXPECT_FALSE(contains(asked(gradual), id)) << id;
    EXPECT_FALSE(contains(asked(Answers{}), id)) << id;
    EXPECT_TRUE(contains(asked(injured), id)) << id;
  }
  // Asked of everyone: they matter for safety and for planning.
  for (const auto& id : {"can_walk_4_steps_now", "can_bend_to_90", "hot_red_swollen", "days"}) {
    EXPECT_TRUE(contains(asked(gradual), id)) << id;
    EXPECT_TRUE(contains(asked(injured), id)) << id;
  }
}

TEST(Questionnaire, OnsetComesBeforeTheInjuryQuestions) {
  const auto& all = questionnaire();
  auto index = [&](std::string_view id) {
    for (std::size_t i = 0; i < all.size(); ++i)
      if (all[i].id == id) return i;
    return all.size();
  };
  EXPECT_LT(index("onset"), index("injury_days_ago"));
  EXPECT_LT(index("onset"), index("pop_at_injury"));
  EXPECT_LT(index("pop_at_injury"), index("swelled_within_hours"));
  EXPECT_LT(index("night_or_rest_pain"), index("unexplained_weight_loss"));
  EXPECT_LT(index("unexplained_weight_loss"), index("cancer_history"));
  EXPECT_LT(index("hot_red_swollen"), index("fever_or_unwell"));
  EXPECT_LT(index("joint_replacement"), index("weeks_since_knee_surgery"));
}

TEST(ValidateAnswer, YesNo) {
  EXPECT_EQ(ok("swelling", "yes"), FieldValue{true});
  EXPECT_EQ(ok("swelling", " Y "), FieldValue{true});
  EXPECT_EQ(ok("swelling", "NO"), FieldValue{false});
  EXPECT_EQ(ok("swelling", "n\r"), FieldValue{false});
  EXPECT_EQ(bad("swelling", "maybe"), "Please answer yes or no.");
  EXPECT_THAT(bad("swelling", ""), HasSubstr("Please type an answer. Type yes or no."));
  EXPECT_THAT(bad("swelling", "not sure"), HasSubstr("yes or no"));
}

TEST(ValidateAnswer, WholeNumbers) {
  EXPECT_EQ(ok("age", "40"), FieldValue{40.0});
  EXPECT_EQ(ok("pain_now", "0"), FieldValue{0.0});
  EXPECT_EQ(ok("pain_now", "10"), FieldValue{10.0});
  EXPECT_EQ(bad("pain_now", "11"), "11 is out of range. Please type a whole number from 0 to 10.");
  EXPECT_EQ(bad("age", "3.5"), "\"3.5\" is not a whole number. Please type a whole number from 12 to 110.");
  EXPECT_THAT(bad("age", "forty"), HasSubstr("not a whole number"));
  EXPECT_THAT(bad("age", "11"), HasSubstr("out of range"));
  EXPECT_THAT(bad("age", "99999999999999999999999"), HasSubstr("Please type a whole number from 12 to 110"));
  EXPECT_THAT(bad("age", "not sure"), HasSubstr("whole number"));
  EXPECT_EQ(ok("pain_worst_week", "not sure"), FieldValue{});
  EXPECT_THAT(bad("pain_worst_week", "12"), HasSubstr("from 0 to 10, or not sure."));
  EXPECT_THAT(bad("minutes_per_session", "4"), HasSubstr("from 5 to 90"));
}

TEST(ValidateAnswer, Numbers) {
  EXPECT_EQ(ok("duration_weeks", "0.5"), FieldValue{0.5});
  EXPECT_EQ(ok("duration_weeks", "12"), FieldValue{12.0});
  EXPECT_EQ(ok("duration_weeks", "not sure"), FieldValue{});
  EXPECT_EQ(ok("weeks_since_knee_surgery", "none"), FieldValue{});
  EXPECT_EQ(ok("weeks_since_knee_surgery", "no"), FieldValue{});
  EXPECT_EQ(ok("injury_days_ago", "0"), FieldValue{0.0});
  EXPECT_THAT(bad("duration_weeks", "-1"), HasSubstr("Please type 0 or more"));
  EXPECT_THAT(bad("duration_weeks", "a while"), HasSubstr("\"a while\" is not a number"));
  EXPECT_THAT(bad("duration_weeks", "inf"), HasSubstr("not a number"));
  EXPECT_THAT(bad("duration_weeks", "nan"), HasSubstr("not a number"));
}

TEST(ValidateAnswer, OneOfByNumberNameOrLabel) {
  EXPECT_EQ(ok("knee", "1"), FieldValue{std::string("left")});
  EXPECT_EQ(ok("knee", "Right"), FieldValue{std::string("right")});
  EXPECT_EQ(ok("knee", "both knees"), FieldValue{std::string("both")});
  EXPECT_EQ(ok("onset", "2"), FieldValue{std::string("injury")});
  EXPECT_THAT(bad("knee", "4"), HasSubstr("\"4\" is not one of the choices"));
  EXPECT_THAT(bad("knee", "0"), HasSubstr("not one of the choices"));
  EXPECT_THAT(bad("knee", "lft"), HasSubstr("Did you mean left?"));
  EXPECT_THAT(bad("onset", "not sure"), HasSubstr("not one of the choices"));
}

TEST(ValidateAnswer, ManyOf) {
  EXPECT_EQ(ok("location", "1, 2"), list({"front", "inner"}));
  EXPECT_EQ(ok("location", "inner front"), list({"front", "inner"}));
  EXPECT_EQ(ok("location", "not sure"), list({}));
  EXPECT_EQ(ok("days", "mon, wed, fri"), list({"mon", "wed", "fri"}));
  EXPECT_EQ(ok("days", "Monday; Friday"), list({"mon", "fri"}));
  EXPECT_EQ(ok("days", "all"), list({"mon", "tue", "wed", "thu", "fri", "sat", "sun"}));
  EXPECT_EQ(ok("days", "1 1 2"), list({"mon", "tue"}));
  EXPECT_EQ(ok("equipment", "none"), list({}));
  EXPECT_EQ(ok("equipment", "chair,band"), list({"chair", "band"}));
  EXPECT_THAT(bad("days", "none"), HasSubstr("\"none\" is not one of the choices"));
  EXPECT_THAT(bad("days", ","), HasSubstr("Please choose at least one"));
  EXPECT_THAT(bad("equipment", "chair, sofa"), HasSubstr("\"sofa\" is not one of the choices"));
  EXPECT_THAT(bad("location", "frnt"), HasSubstr("Did you mean front?"));
}

TEST(ApplyAnswer, StoresIntoTheNamedField) {
  Answers a;
  apply_answer(a, q("pain_now"), FieldValue{7.0});
  apply_answer(a, q("onset"), FieldValue{std::string("injury")});
  apply_answer(a, q("days"), FieldValue{std::vector<std::string>{"tue"}});
  apply_answer(a, q("can_kneel"), FieldValue{false});
  apply_answer(a, q("duration_weeks"), FieldValue{});
  EXPECT_EQ(a.pain_now, 7);
  EXPECT_EQ(a.onset, Onset::kInjury);
  EXPECT_EQ(a.days, std::vector<Weekday>{Weekday::kTue});
  EXPECT_FALSE(a.can_kneel);
  EXPECT_FALSE(a.duration_weeks.has_value());
}

TEST(AnswerHint, SaysHowToAnswer) {
  EXPECT_EQ(answer_hint(q("swelling")), "Type yes or no.");
  EXPECT_EQ(answer_hint(q("pain_now")), "Type a whole number from 0 to 10.");
  EXPECT_EQ(answer_hint(q("knee")), "Type a number from 1 to 3, or its name.");
  EXPECT_EQ(answer_hint(q("weeks_since_knee_surgery")), "Type a number of weeks, such as 8 or 0.5, or none.");
  EXPECT_EQ(answer_hint(q("days")), "Type the numbers or names, separated by commas, or all.");
  // A form's hint says nothing of typing names, numbers for choices, or commas.
  EXPECT_EQ(form_hint(q("swelling")), "Choose yes or no.");
  EXPECT_EQ(form_hint(q("pain_now")), "Choose a number from 0 to 10.");
  EXPECT_EQ(form_hint(q("knee")), "Choose one.");
  EXPECT_EQ(form_hint(q("weeks_since_knee_surgery")), "Enter a number of weeks, such as 8 or 0.5, or choose None.");
  EXPECT_EQ(form_hint(q("days")), "Choose one or more.");
}

TEST(Questionnaire, KneecapQuestionIsWordedPlainly) {
  EXPECT_EQ(q("kneecap_or_fibula_tender").prompt,
            "Does pressing on your kneecap, or on the bony bump on the outer side just below the knee, hurt?");
}

TEST(Questionnaire, NaturalAnswersWithTheQuestionsUnitAreUnderstood) {
  EXPECT_EQ(validate_answer(q("duration_weeks"), "8 weeks").value(), FieldValue{8.0});
  EXPECT_EQ(validate_answer(q("duration_weeks"), "1 week").value(), FieldValue{1.0});
  EXPECT_EQ(validate_answer(q("duration_weeks"), "0.5 Weeks").value(), FieldValue{0.5});
  EXPECT_EQ(validate_answer(q("injury_days_ago"), "3 days").value(), FieldValue{3.0});
  EXPECT_EQ(validate_answer(q("age"), "46 years old").value(), FieldValue{46.0});
  EXPECT_EQ(validate_answer(q("minutes_per_session"), "20 mins").value(), FieldValue{20.0});
  EXPECT_EQ(validate_answer(q("locked"), "yep").value(), FieldValue{true});
  EXPECT_EQ(validate_answer(q("locked"), "nope").value(), FieldValue{false});
  // Another unit is not converted: the message says which unit to use.
  const auto months = validate_answer(q("duration_weeks"), "2 months");
  ASSERT_FALSE(months.ok());
  EXPECT_EQ(months.error().message,
            "\"2 months\" is not a number of weeks. Please type a number such as 3 or 0.5, or not sure.");
  EXPECT_FALSE(validate_answer(q("age"), "46 weeks").ok());
  EXPECT_FALSE(validate_answer(q("duration_weeks"), "weeks").ok());
}

TEST(Questionnaire, EnterAloneTakesTheShownDefaultOnlyWhereTheFormatHasOne) {
  EXPECT_EQ(validate_answer(q("minutes_per_session"), "").value(), FieldValue{20.0});
  EXPECT_EQ(std::get<std::vector<std::string>>(validate_answer(q("days"), " ").value()).size(), 7U);
  for (const auto& question : questionnaire()) {
    if (question.kind == AnswerKind::kYesNo) {
      EXPECT_FALSE(validate_answer(question, "").ok()) << question.id;
    }
  }
  EXPECT_FALSE(validate_answer(q("age"), "").ok());
}

// typed_answer gives what validate_answer reads back as the same value, for every question and
// each kind of value its field holds (kneecoach cleared goes on from an answers file this way).
TEST(Questionnaire, TypedAnswerReadsBackAsTheSameValue) {
  for (const Question& q : questionnaire()) {
    std::vector<FieldValue> values;
    switch (q.kind) {
      case AnswerKind::kYesNo:
        values = {FieldValue{true}, FieldValue{false}};
        break;
      case AnswerKind::kWholeNumber:
        values = {FieldValue{q.min}, FieldValue{q.max}};
        break;
      case AnswerKind::kNumber:
        values = {FieldValue{q.min}, FieldValue{q.min + 2.5}};
        break;
      case AnswerKind::kOneOf:
        for (const auto& c : q.choices) values.emplace_back(c.value);
        break;
      case AnswerKind::kManyOf: {
        std::vector<std::string> all;
        for (const auto& c : q.choices) all.push_back(c.value);
        values = {FieldValue{all}, FieldValue{std::vector<std::string>{all.back()}}};
        break;
      }
    }
    if (!q.skip_word.empty()) {
      values.push_back(q.kind == AnswerKind::kManyOf ? FieldValue{std::vector<std::string>{}}
                                                     : FieldValue{std::monostate{}});
    }
    for (const FieldValue& value : values) {
      const std::string typed = typed_answer(q, value);
      auto back = validate_answer(q, typed);
      ASSERT_TRUE(back.ok()) << q.id << ": \"" << typed << "\": " << back.error().message;
      EXPECT_EQ(*back, value) << q.id << ": \"" << typed << "\"";
    }
  }
}

}  // namespace
}  // namespace kc
