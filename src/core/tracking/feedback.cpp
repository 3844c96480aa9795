#include "core/tracking/feedback.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/plan/civil_date.h"

namespace kc::tracking {
namespace {

using store::DoseDecision;
using store::ExerciseFeedback;

Decision keep(const Decision& base, std::string rule, std::string reason) {
  return Decision{DoseDecision::kHold, std::move(rule), std::move(reason), base.to, base.now_doing};
}

// One step down because of what the person said, or a hold at the easiest dose.
Decision ease_for(const ExerciseEvidence& ev, const std::string& rule, const std::string& because,
                  const Catalog& catalog, const CanDo& can_do) {
  std::string why;
  auto step = step_down(*ev.exercise, ev.current.dose, catalog, can_do, why);
  if (!step) {
    return Decision{DoseDecision::kHold, rule + "-at-easiest",
                    because +
                        ". It is already at its easiest dose: do it gently within a pain-free range, or ask a "
                        "physiotherapist whether to leave it out",
                    ev.current.dose, ev.current.exercise_id};
  }
  return Decision{DoseDecision::kEase, rule, fmt::format("{}: {}", because, why), step->second, step->first};
}

Decision after_session(const Decision& base, const ExerciseEvidence& ev, const PainLimit& limit, const Catalog& catalog,
                       const CanDo& can_do) {
  if (base.decision == DoseDecision::kEase) return base;  // pain above the acceptable limit already eased it
  switch (ev.feedback) {
    case ExerciseFeedback::kHurt:
      return ease_for(ev, "said-it-hurt", "you said it hurt, so the next session is easier", catalog, can_do);
    case ExerciseFeedback::kTooHard:
      return ease_for(ev, "said-too-hard", "you said it was too hard, so the next session is easier", catalog, can_do);
    case ExerciseFeedback::kTooEasy:
      if (base.rule == "not-done") {
        return keep(base, "said-too-easy-not-done",
                    "you said it was too easy, but it was not done in this session, so the dose stays");
      }
      if (base.rule != "await-check-in") return base;
      return keep(base, "said-too-easy-await-check-in",
                  fmt::format("you said it was too easy: tomorrow's check-in steps it up if the pain during it was {} "
                              "or less and has settled by the morning{}",
                              safe_pain_most(limit), limit.from_clinician() ? " (" + pain_limit_why(limit) + ")" : ""));
    case ExerciseFeedback::kNone:
      break;
  }
  return base;
}

Decision at_check_in(const Decision& base, const ExerciseEvidence& ev, const Catalog& catalog, const CanDo& can_do) {
  switch (ev.feedback) {
    case ExerciseFeedback::kHurt:
      if (base.decision != DoseDecision::kProgress) return base;
      return keep(base, "said-it-hurt-no-step-up", "you said it hurt last session, so the dose is not raised");
    case ExerciseFeedback::kTooHard:
      if (base.decision != DoseDecision::kProgress) return base;
      return keep(base, "said-too-hard-no-step-up", "you said it was too hard last session, so the dose is not raised");
    case ExerciseFeedback::kTooEasy: {
      if (base.rule != "changed-this-week") return base;
      std::string why;
      auto step = step_up(*ev.exercise, ev.current.dose, catalog, can_do, why);
      if (!step) return base;
      return Decision{DoseDecision::kProgress, "said-too-easy",
                      fmt::format("you said it was too easy, the pain during it was {}/10 and it had settled by the "
                                  "morning, so it steps up without waiting a week: {}",
                                  ev.pain_during.value_or(0), why),
                      step->second, step->first};
    }
    case ExerciseFeedback::kNone:
      break;
  }
  return base;
}

}  // namespace

std::optional<store::ExerciseFeedback> feedback_from_word(const std::string& word) {
  if (word.empty()) return ExerciseFeedback::kNone;
  if (word == "too-easy") return ExerciseFeedback::kTooEasy;
  if (word == "too-hard") return ExerciseFeedback::kTooHard;
  if (word == "hurt") return ExerciseFeedback::kHurt;
  return std::nullopt;
}

std::string feedback_words(store::ExerciseFeedback said) {
  switch (said) {
    case ExerciseFeedback::kTooEasy:
      return "too easy";
    case ExerciseFeedback::kTooHard:
      return "too hard";
    case ExerciseFeedback::kHurt:
      return "it hurt";
    case ExerciseFeedback::kNone:
      break;
  }
  return "";
}

std::vector<Said> everything_said(const std::vector<store::SessionLog>& sessions,
                                  const std::vector<store::ExerciseLog>& logs) {
  std::vector<Said> out;
  for (const auto& l : logs) {
    if (l.feedback == ExerciseFeedback::kNone) continue;
    const auto s = std::find_if(sessions.begin(), sessions.end(), [&](const auto& x) { return x.id == l.session; });
    if (s == sessions.end()) continue;
    out.push_back({s->id, s->date, l.position, l.exercise_id, l.feedback});
  }
  std::stable_sort(out.begin(), out.end(), [](const Said& a, const Said& b) {
    return a.date != b.date         ? a.date < b.date
           : a.session != b.session ? a.session < b.session
                                    : a.position < b.position;
  });
  return out;
}

std::string said_sentence(const Said& said) {
  return fmt::format("You said \"{}\" after the session of {}.", feedback_words(said.feedback),
                     describe_day(said.date));
}

Decision with_feedback(const Decision& base, const ExerciseEvidence& evidence, Moment moment, const PainLimit& limit,
                       const Catalog& catalog, const CanDo& can_do) {
  if (evidence.feedback == ExerciseFeedback::kNone || evidence.exercise == nullptr) return base;
  if (moment == Moment::kAfterSession) return after_session(base, evidence, limit, catalog, can_do);
  return at_check_in(base, evidence, catalog, can_do);
}

}  // namespace kc::tracking
