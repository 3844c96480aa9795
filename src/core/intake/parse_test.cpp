#include "core/intake/parse.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/intake/answer_fields.h"

namespace kc {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kMinimal = R"({"version": 1, "age": 40, "knee": "left", "pain_now": 3})";

// The minimal valid document with `extra` fields added (a JSON fragment like `"onset": "injury"`).
std::string with(const std::string& extra) {
  return R"({"version": 1, "age": 40, "knee": "left", "pain_now": 3, )" + extra + "}";
}

std::string error_of(const std::string& json) {
  auto result = parse_answers(json);
  EXPECT_FALSE(result.ok()) << "accepted: " << json;
  return result.ok() ? "" : result.error().message;
}

TEST(ParseAnswers, MinimalDocumentGivesSpecDefaults) {
  auto result = parse_answers(kMinimal);
  ASSERT_TRUE(result.ok()) << result.error().message;
  const Answers& a = *result;
  EXPECT_EQ(a.age, 40);
  EXPECT_EQ(a.knee, KneeSide::kLeft);
  EXPECT_EQ(a.pain_now, 3);
  EXPECT_FALSE(a.pain_worst_week.has_value());
  EXPECT_FALSE(a.duration_weeks.has_value());
  EXPECT_FALSE(a.onset.has_value());
  EXPECT_FALSE(a.injury_days_ago.has_value());
  EXPECT_TRUE(a.could_walk_4_steps_after_injury);
  EXPECT_TRUE(a.can_walk_4_steps_now);
  EXPECT_TRUE(a.can_bend_to_90);
  EXPECT_TRUE(a.can_kneel);
  EXPECT_TRUE(a.can_get_down_to_floor);
  EXPECT_FALSE(a.hot_red_swollen);
  EXPECT_TRUE(a.location.empty());
  EXPECT_TRUE(a.equipment.empty());
  EXPECT_EQ(a.days.size(), 7u);
  EXPECT_EQ(a.minutes_per_session, 20);
  EXPECT_FALSE(a.runner);
}

TEST(ParseAnswers, ReadsEveryField) {
  const std::string json = R"({
    "version": 1, "age": 67, "knee": "both", "pain_now": 4, "pain_worst_week": 6, "duration_weeks": 2.5,
    "location": ["front", "inner"], "onset": "injury", "injury_days_ago": 3,
    "could_walk_4_steps_after_injury": false, "can_walk_4_steps_now": false, "can_bend_to_90": false,
    "kneecap_or_fibula_tender": true, "pop_at_injury": true, "swelled_within_hours": true,
    "fever_or_unwell": true, "hot_red_swollen": true, "calf_pain_or_swelling": true, "locked": true,
    "gives_way": true, "numb_or_cold_foot": true, "deformity": true, "night_or_rest_pain": true,
    "unexplained_weight_loss": true, "cancer_history": true, "pain_getting_worse": true, "sharp_pain": true,
    "swelling": true, "weeks_since_knee_surgery": 30, "joint_replacement": true,
    "morning_stiffness_over_30_min": true, "underlying_condition": true, "can_kneel": false,
    "can_get_down_to_floor": false, "equipment": ["chair", "band"], "days": ["mon", "thu"],
    "minutes_per_session": 45, "runner": true})";
  auto result = parse_answers(json);
  ASSERT_TRUE(result.ok()) << result.error().message;
  const Answers& a = *result;
  EXPECT_EQ(a.knee, KneeSide::kBoth);
  EXPECT_EQ(a.pain_worst_week, 6);
  EXPECT_DOUBLE_EQ(*a.duration_weeks, 2.5);
  EXPECT_EQ(a.location, (std::vector<PainLocation>{PainLocation::kFront, PainLocation::kInner}));
  EXPECT_EQ(a.onset, Onset::kInjury);
  EXPECT_DOUBLE_EQ(*a.injury_days_ago, 3);
  EXPECT_FALSE(a.could_walk_4_steps_after_injury);
  EXPECT_FALSE(a.can_walk_4_steps_now);
  EXPECT_FALSE(a.can_bend_to_90);
  EXPECT_TRUE(a.kneecap_or_fibula_tender);
  EXPECT_TRUE(a.morning_stiffness_over_30_min);
  EXPECT_DOUBLE_EQ(*a.weeks_since_knee_surgery, 30);
  EXPECT_FALSE(a.can_kneel);
  EXPECT_EQ(a.equipment, (std::vector<Equipment>{Equipment::kChair, Equipment::kBand}));
  EXPECT_EQ(a.days, (std::vector<Weekday>{Weekday::kMon, Weekday::kThu}));
  EXPECT_EQ(a.minutes_per_session, 45);
  EXPECT_TRUE(a.runner);
}

TEST(ParseAnswers, AcceptsRangeEdges) {
  EXPECT_TRUE(parse_answers(R"({"version": 1, "age": 12, "knee": "right", "pain_now": 0})").ok());
  EXPECT_TRUE(parse_answers(R"({"version": 1, "age": 110, "knee": "right", "pain_now": 10})").ok());
  EXPECT_TRUE(parse_answers(with(R"("minutes_per_session": 5, "duration_weeks": 0)")).ok());
  EXPECT_TRUE(parse_answers(with(R"("minutes_per_session": 90, "injury_days_ago": 0.5)")).ok());
  EXPECT_TRUE(parse_answers(with(R"("days": [], "location": [], "equipment": [])")).ok());
}

TEST(ParseAnswers, OutOfRangeNamesFieldAndRange) {
  EXPECT_EQ(error_of(with(R"("pain_worst_week": 11)")),
            "pain_worst_week: 11 is out of range; expected a whole number from 0 to 10");
  EXPECT_EQ(error_of(R"({"version": 1, "age": 40, "knee": "left", "pain_now": 11})"),
            "pain_now: 11 is out of range; expected a whole number from 0 to 10");
  EXPECT_THAT(error_of(R"({"version": 1, "age": 11, "knee": "left", "pain_now": 1})"),
              HasSubstr("age: 11 is out of range; expected a whole number from 12 to 110"));
  EXPECT_THAT(error_of(R"({"version": 1, "age": 111, "knee": "left", "pain_now": 1})"), HasSubstr("age: 111"));
  EXPECT_THAT(error_of(R"({"version": 1, "age": -5, "knee": "left", "pain_now": 1})"), HasSubstr("age: -5"));
  EXPECT_THAT(error_of(with(R"("minutes_per_session": 4)")),
              HasSubstr("minutes_per_session: 4 is out of range; expected a whole number from 5 to 90"));
  EXPECT_THAT(error_of(with(R"("minutes_per_session": 91)")), HasSubstr("minutes_per_session: 91"));
  EXPECT_THAT(error_of(with(R"("duration_weeks": -1)")),
              HasSubstr("duration_weeks: -1 is out of range; expected a number of 0 or more"));
  EXPECT_THAT(error_of(with(R"("injury_days_ago": -0.5)")), HasSubstr("injury_days_ago: -0.5 is out of range"));
  EXPECT_THAT(error_of(with(R"("weeks_since_knee_surgery": -2)")), HasSubstr("weeks_since_knee_surgery: -2"));
  EXPECT_THAT(error_of(with(R"("duration_weeks": 1e400)")), HasSubstr("number overflow parsing '1e400'"));
  EXPECT_TRUE(parse_answers(with(R"("duration_weeks": 1e308)")).ok());  // the spec sets no upper bound
  EXPECT_THAT(error_of(R"({"version": 1, "age": 18446744073709551615, "knee": "left", "pain_now": 1})"),
              HasSubstr("age: 18446744073709551615 is out of range"));
}

TEST(ParseAnswers, WrongTypesNameFieldAndExpectedType) {
  EXPECT_EQ(error_of(R"({"version": 1, "age": 40.5, "knee": "left", "pain_now": 3})"),
            "age: 40.5 is a decimal number; expected a whole number from 12 to 110");
  EXPECT_THAT(error_of(R"({"version": 1, "age": 40.0, "knee": "left", "pain_now": 3})"),
              HasSubstr("age: 40.0 is a decimal number"));
  EXPECT_THAT(error_of(R"({"version": 1, "age": "40", "knee": "left", "pain_now": 3})"),
              HasSubstr("age: \"40\" is text; expected a whole number from 12 to 110"));
  EXPECT_THAT(error_of(with(R"("swelling": "yes")")), HasSubstr("swelling: \"yes\" is text; expected true or false"));
  EXPECT_THAT(error_of(with(R"("swelling": 1)")), HasSubstr("swelling: 1 is a number; expected true or false"));
  EXPECT_THAT(error_of(with(R"("swelling": null)")),
              HasSubstr("swelling: null is not a value; expected true or false (or leave the field out)"));
  EXPECT_THAT(error_of(with(R"("duration_weeks": "3")")), HasSubstr("duration_weeks: \"3\" is text"));
  EXPECT_THAT(error_of(with(R"("duration_weeks": true)")), HasSubstr("duration_weeks: true is true/false"));
  EXPECT_THAT(error_of(with(R"("location": "front")")),
              HasSubstr("location: \"front\" is text; expected a list of \"front\""));
  EXPECT_THAT(error_of(with(R"("days": {"mon": true})")), HasSubstr("days: {\"mon\":true} is an object"));
  EXPECT_THAT(error_of(with(R"("equipment": [1])")), HasSubstr("equipment: item 1 is not a name (1 is a number)"));
  EXPECT_THAT(error_of(with(R"("onset": ["injury"])")), HasSubstr("onset: [\"injury\"] is a list"));
  EXPECT_THAT(error_of(R"({"version": 1, "age": 40, "knee": 1, "pain_now": 3})"),
              HasSubstr("knee: 1 is a number; expected \"left\", \"right\" or \"both\""));
}

TEST(ParseAnswers, UnknownNamesSuggestTheClosest) {
  EXPECT_EQ(error_of(R"({"version": 1, "age": 40, "knee": "lefft", "pain_now": 3})"),
            "knee: \"lefft\" is not one of the choices; expected \"left\", \"right\" or \"both\" (did you mean "
            "\"left\"?)");
  EXPECT_THAT(error_of(with(R"("onset": "injurY")")), HasSubstr("onset: \"injurY\" is not one of the choices"));
  EXPECT_THAT(error_of(with(R"("location": ["front", "frnt"])")), HasSubstr("(did you mean \"front\"?)"));
  EXPECT_THAT(error_of(with(R"("days": ["monday"])")), HasSubstr("days: \"monday\" is not one of the choices"));
  EXPECT_THAT(error_of(with(R"("equipment": ["chiar"])")), HasSubstr("(did you mean \"chair\"?)"));
}

TEST(ParseAnswers, RepeatedListEntriesAreErrors) {
  EXPECT_THAT(error_of(with(R"("days": ["mon", "tue", "mon"])")), HasSubstr("days: \"mon\" is listed more than once"));
  EXPECT_THAT(error_of(with(R"("equipment": ["mat", "mat"])")), HasSubstr("equipment: \"mat\""));
}

TEST(ParseAnswers, UnknownFieldsAreRejectedWithSuggestion) {
  EXPECT_EQ(error_of(with(R"("agee": 4)")), "\"agee\": unknown field; did you mean \"age\"?");
  EXPECT_THAT(error_of(with(R"("hot_red_swolen": true)")), HasSubstr("did you mean \"hot_red_swollen\"?"));
  EXPECT_THAT(error_of(with(R"("favourite_colour": "blue")")),
              HasSubstr("\"favourite_colour\": unknown field; expected only the fields of intake format version 1"));
}

TEST(ParseAnswers, RepeatedFieldsAreErrors) {
  EXPECT_THAT(error_of(R"({"version": 1, "age": 40, "age": 41, "knee": "left", "pain_now": 3})"),
              HasSubstr("age: appears more than once"));
}

TEST(ParseAnswers, MissingRequiredFieldsAreListed) {
  const std::string message = error_of(R"({"version": 1})");
  EXPECT_THAT(message, HasSubstr("age: missing; expected a whole number from 12 to 110"));
  EXPECT_THAT(message, HasSubstr("knee: missing; expected \"left\", \"right\" or \"both\""));
  EXPECT_THAT(message, HasSubstr("pain_now: missing; expected a whole number from 0 to 10"));
  EXPECT_THAT(error_of(R"({"age": 40, "knee": "left", "pain_now": 3})"), HasSubstr("version: missing; expected 1"));
}

TEST(ParseAnswers, VersionMustBeOne) {
  EXPECT_EQ(error_of(R"({"version": 2, "age": 40, "knee": "left", "pain_now": 3})"),
            "version: 2 is not supported; expected 1 (this kneecoach reads intake format version 1)");
  EXPECT_THAT(error_of(R"({"version": "1", "age": 40, "knee": "left", "pain_now": 3})"),
              HasSubstr("version: \"1\" is not supported"));
  EXPECT_THAT(error_of(R"({"version": 1.0, "age": 40, "knee": "left", "pain_now": 3})"), HasSubstr("version: 1.0"));
  EXPECT_THAT(error_of(R"({"version": 0, "age": 40, "knee": "left", "pain_now": 3})"), HasSubstr("version: 0"));
}

TEST(ParseAnswers, MalformedJsonGivesLineAndColumn) {
  EXPECT_THAT(error_of("{\"version\": 1,\n  \"age\": 40,\n  \"knee\": left}"),
              HasSubstr("the answers are not valid JSON: line 3, column"));
  EXPECT_THAT(error_of(""), HasSubstr("not valid JSON: line 1, column 1"));
  EXPECT_THAT(error_of("{\"version\": 1,}"), HasSubstr("not valid JSON: line 1"));
  EXPECT_THAT(error_of(std::string(kMinimal) + " trailing"), HasSubstr("not valid JSON"));
  EXPECT_THAT(error_of("{\"version\": 1, \"age\": \"\xff\"}"), HasSubstr("not valid JSON"));
}

TEST(ParseAnswers, NonObjectsAreRejected) {
  EXPECT_THAT(error_of("[1, 2]"), HasSubstr("the answers are a list, not a JSON object"));
  EXPECT_THAT(error_of("\"hello\""), HasSubstr("the answers are text, not a JSON object"));
  EXPECT_THAT(error_of("null"), HasSubstr("not a JSON object"));
  EXPECT_THAT(error_of("42"), HasSubstr("the answers are a number, not a JSON object"));
}

TEST(ParseAnswers, ReportsEveryProblemOnItsOwnLine) {
  const std::string message =
      error_of(R"({"version": 1, "age": 4, "knee": "up", "pain_now": 30, "swelling": "no", "x": 1})");
  EXPECT_THAT(message, HasSubstr("age: 4"));
  EXPECT_THAT(message, HasSubstr("knee: \"up\""));
  EXPECT_THAT(message, HasSubstr("pain_now: 30"));
  EXPECT_THAT(message, HasSubstr("swelling: \"no\""));
  EXPECT_THAT(message, HasSubstr("\"x\": unknown field"));
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 4);
}

TEST(ParseAnswers, DeepNestingIsBoundedAndReported) {
  const std::string deep = with(R"("location": )" + std::string(100000, '[') + std::string(100000, ']'));
  const std::string message = error_of(deep);
  EXPECT_THAT(message, HasSubstr("nest lists or objects more than 32 deep"));
  EXPECT_THAT(message, HasSubstr("line 1, column"));
  // Unbalanced, and brackets inside strings do not count.
  EXPECT_THAT(error_of(std::string(5000, '[')), HasSubstr("more than 32 deep"));
  EXPECT_TRUE(parse_answers(with(R"("location": ["front"], "days": ["mon"])")).ok());
  EXPECT_THAT(error_of(with("\"" + std::string(200, '[') + "\": 1")), HasSubstr("unknown field"));
}

TEST(ParseAnswers, NestedListsSayWhatIsWrong) {
  const std::string message = error_of(with(R"("location": [["front"]])"));
  EXPECT_THAT(message, HasSubstr("location: item 1 is a list inside the list (lists cannot be nested)"));
  EXPECT_THAT(message, HasSubstr(R"(such as ["front"])"));
  EXPECT_THAT(message, Not(HasSubstr("is a list; expected a list")));
  EXPECT_THAT(error_of(with(R"("days": ["mon", {"d": 1}])")), HasSubstr("days: item 2 is an object inside the list"));
  EXPECT_THAT(error_of(with(R"("equipment": ["chair", 3])")), HasSubstr("equipment: item 2 is not a name (3 is a"));
}

TEST(ParseAnswers, ControlCharactersAreEscapedInMessages) {
  for (const std::string& bad : {std::string("fr\x1b[2Jont"), std::string("a\0b", 3), std::string("x\x7fy"),
                                 std::string("c\xc2\x9b"
                                             "1m")}) {
    const std::string json_text = nlohmann::json(bad).dump();
    for (const std::string& doc :
         {with(R"("knee": )" + json_text), with(R"("location": [)" + json_text + "]"), with(json_text + ": true"),
          with(R"("days": ["mon", "mon"], "location": ["front", )" + json_text + "]")}) {
      const std::string message = error_of(doc);
      for (char c : message) {
        const auto u = static_cast<unsigned char>(c);
        EXPECT_FALSE(u < 0x20 && c != '\n') << "raw control character in: " << message;
        EXPECT_NE(u, 0x7f) << message;
      }
      EXPECT_EQ(message.find("\xc2\x9b"), std::string::npos) << message;
    }
  }
  EXPECT_THAT(error_of(with(R"("knee": "le\u001bft")")), HasSubstr(R"(le\x1bft)"));
}

TEST(AnswersToJson, WritesCanonicalOrderAndOnlyKnownOptionalNumbers) {
  auto parsed = parse_answers(kMinimal);
  ASSERT_TRUE(parsed.ok());
  const auto doc = answers_to_json(*parsed);
  std::vector<std::string> keys;
  for (const auto& item : doc.items()) keys.push_back(item.key());
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(keys.front(), "version");
  EXPECT_EQ(keys[1], "age");
  EXPECT_EQ(keys[2], "knee");
  EXPECT_EQ(keys[3], "pain_now");
  EXPECT_FALSE(doc.contains("pain_worst_week"));
  EXPECT_FALSE(doc.contains("duration_weeks"));
  EXPECT_FALSE(doc.contains("onset"));
  EXPECT_FALSE(doc.contains("injury_days_ago"));
  EXPECT_FALSE(doc.contains("weeks_since_knee_surgery"));
  EXPECT_EQ(doc["can_kneel"], true);
  EXPECT_EQ(doc["days"].size(), 7u);
  EXPECT_EQ(doc["minutes_per_session"], 20);
  EXPECT_TRUE(doc["age"].is_number_integer());
  // Spec table order for every field written.
  std::vector<std::string> expected;
  for (const auto& name : answer_field_names())
    if (doc.contains(name)) expected.push_back(name);
  EXPECT_EQ(keys, expected);
}

TEST(AnswersToJson, RoundTripsEveryField) {
  Answers a;
  a.age = 58;
  a.knee = KneeSide::kRight;
  a.pain_now = 6;
  a.pain_worst_week = 8;
  a.duration_weeks = 0.1;
  a.location = {PainLocation::kBack, PainLocation::kWhole};
  a.onset = Onset::kInjury;
  a.injury_days_ago = 1.25;
  a.could_walk_4_steps_after_injury = false;
  a.kneecap_or_fibula_tender = true;
  a.gives_way = true;
  a.weeks_since_knee_surgery = 100;
  a.can_get_down_to_floor = false;
  a.equipment = {Equipment::kStep, Equipment::kCounter};
  a.days = {Weekday::kSun};
  a.minutes_per_session = 90;
  a.runner = true;
  const std::string text = answers_to_json(a).dump();
  auto back = parse_answers(text);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(answers_to_json(*back).dump(), text);
  EXPECT_DOUBLE_EQ(*back->duration_weeks, 0.1);
  EXPECT_EQ(back->location, a.location);
  EXPECT_EQ(back->days, a.days);
  EXPECT_EQ(back->equipment, a.equipment);
}

TEST(AnswersToJson, RoundTripsDefaults) {
  const std::string text = answers_to_json(*parse_answers(kMinimal)).dump();
  auto back = parse_answers(text);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(answers_to_json(*back).dump(), text);
  EXPECT_THAT(text, Not(HasSubstr("null")));
}

}  // namespace
}  // namespace kc
