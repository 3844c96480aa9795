#include "core/intake/consistency.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "core/intake/answer_fields.h"

namespace kc {
namespace {

using ::testing::HasSubstr;

TEST(ReadSafely, ConsistentAnswersAreKeptWithoutNotes) {
  Answers a;
  a.onset = Onset::kGradual;
  a.pain_now = 3;
  a.pain_worst_week = 5;
  const Reading r = read_safely(a);
  EXPECT_TRUE(r.notes.empty());
  EXPECT_EQ(r.answers.onset, Onset::kGradual);
  EXPECT_EQ(r.answers.pain_worst_week, 5);
}

TEST(ReadSafely, InjuryAnswersWithGradualOnsetAreReadAsAnInjury) {
  for (auto change : std::vector<void (*)(Answers&)>{
           [](Answers& a) { a.injury_days_ago = 3; }, [](Answers& a) { a.could_walk_4_steps_after_injury = false; },
           [](Answers& a) { a.pop_at_injury = true; }, [](Answers& a) { a.swelled_within_hours = true; }}) {
    Answers a;
    a.onset = Onset::kGradual;
    change(a);
    const Reading r = read_safely(a);
    EXPECT_EQ(r.answers.onset, Onset::kInjury);
    ASSERT_EQ(r.notes.size(), 1U);
    EXPECT_THAT(r.notes[0], HasSubstr("You said the pain came on gradually"));
    EXPECT_THAT(r.notes[0], HasSubstr("read as a knee injury"));
  }
}

TEST(ReadSafely, InjuryAnswersWithoutOnsetAreReadAsAnInjury) {
  Answers a;
  a.injury_days_ago = 10;
  const Reading r = read_safely(a);
  EXPECT_EQ(r.answers.onset, Onset::kInjury);
  ASSERT_EQ(r.notes.size(), 1U);
  EXPECT_THAT(r.notes[0], HasSubstr("You did not say how the pain started"));
}

TEST(ReadSafely, WorstPainBelowPainNowIsReadAsPainNow) {
  Answers a;
  a.pain_now = 7;
  a.pain_worst_week = 2;
  const Reading r = read_safely(a);
  EXPECT_EQ(r.answers.pain_worst_week, 7);
  ASSERT_EQ(r.notes.size(), 1U);
  EXPECT_THAT(r.notes[0], HasSubstr("the worst was read as 7/10"));
}

// Every field read_safely_inputs leaves out really is left out: a changed value of any other
// field changes nothing read_safely derives (onset, pain_worst_week).
TEST(ReadSafely, TheReadFieldsDependOnTheirInputsOnly) {
  Answers base;
  base.onset = Onset::kGradual;
  base.pain_now = 5;
  base.pain_worst_week = 6;
  for (const AnswerField& f : answer_fields()) {
    for (std::string_view read : {"onset", "pain_worst_week"}) {
      const auto inputs = read_safely_inputs(read);
      if (std::find(inputs.begin(), inputs.end(), f.name) != inputs.end()) continue;
      Answers changed = base;
      const FieldValue now = f.get(base);
      if (const auto* b = std::get_if<bool>(&now))
        f.set(changed, FieldValue{!*b});
      else if (f.type == FieldType::kInteger || f.type == FieldType::kNumber)
        f.set(changed, FieldValue{f.min});
      const AnswerField* out = find_answer_field(read);
      EXPECT_EQ(out->get(read_safely(changed).answers), out->get(read_safely(base).answers)) << f.name << " " << read;
    }
  }
  EXPECT_EQ(read_safely_inputs("age"), std::vector<std::string_view>{"age"});
}

}  // namespace
}  // namespace kc
