#include "core/intake/consistency.h"

#include <fmt/format.h>

#include "core/common/text.h"

namespace kc {
namespace {

// The answers that only make sense after an injury, in plain words.
std::vector<std::string> injury_answers(const Answers& a) {
  std::vector<std::string> out;
  if (a.injury_days_ago) out.emplace_back("the injury was days ago");
  if (!a.could_walk_4_steps_after_injury) out.emplace_back("you could not take four steps after the injury");
  if (a.pop_at_injury) out.emplace_back("there was a pop when it happened");
  if (a.swelled_within_hours) out.emplace_back("the knee swelled within hours of the injury");
  return out;
}

void read_onset(Reading& r) {
  if (r.answers.onset == Onset::kInjury) return;
  const auto signs = injury_answers(r.answers);
  if (signs.empty()) return;
  const std::string said = r.answers.onset == Onset::kGradual ? "You said the pain came on gradually, but also that"
                                                              : "You did not say how the pain started, but said that";
  r.notes.push_back(fmt::format("{} {}; to be safe, your answers were read as a knee injury.", said, join_or(signs)));
  r.answers.onset = Onset::kInjury;
}

void read_worst_pain(Reading& r) {
  Answers& a = r.answers;
  if (!a.pain_worst_week || *a.pain_worst_week >= a.pain_now) return;
  r.notes.push_back(fmt::format(
      "Your worst pain in the past week ({}/10) was lower than your pain now ({}/10), so the worst was read as {}/10.",
      *a.pain_worst_week, a.pain_now, a.pain_now));
  a.pain_worst_week = a.pain_now;
}

}  // namespace

std::vector<std::string_view> read_safely_inputs(std::string_view field) {
  // Kept beside read_onset and read_worst_pain: the answers each reads.
  if (field == "onset")
    return {"onset", "injury_days_ago", "could_walk_4_steps_after_injury", "pop_at_injury", "swelled_within_hours"};
  if (field == "pain_worst_week") return {"pain_worst_week", "pain_now"};
  return {field};
}

Reading read_safely(const Answers& answers) {
  Reading r{answers, {}};
  read_onset(r);
  read_worst_pain(r);
  return r;
}

}  // namespace kc
