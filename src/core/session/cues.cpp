#include "core/session/cues.h"

#include <fmt/format.h>

#include "core/catalog/describe.h"

namespace kc::session {
namespace {

long whole_seconds(Millis d) { return static_cast<long>((d.count() + 999) / 1000); }

// "Set 2 of 3. Left leg. " as the first rep or hold of a set or side begins; with sides
// taking turns (alternate), every rep or hold names its side.
std::string lead_in(const Step& step, const SessionExercise& ex) {
  const bool alternate = ex.dose.sides == Sides::kAlternate;
  std::string out;
  if (step.sets > 1 && step.rep == 1 && step.side != Side::kLeft)
    out += fmt::format("Set {} of {}. ", step.set, step.sets);
  const std::string set_word = set_word_of(step, ex);
  if (!set_word.empty() && step.rep == 1) out += set_word + ". ";
  if (step.side != Side::kBoth && (step.rep == 1 || alternate)) {
    std::string label = side_label(step.side, ex.side_word);
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
    out += label + ". ";
  }
  return out;
}

}  // namespace

std::string set_word_of(const Step& step, const SessionExercise& ex) {
  if (ex.set_words.empty() || step.set < 1) return "";
  return ex.set_words[static_cast<std::size_t>(step.set - 1) % ex.set_words.size()];
}

std::string phase_word(Phase phase, const SessionExercise& ex) {
  switch (phase) {
    case Phase::kUp:
      return ex.phase_words.up;
    case Phase::kHold:
      return ex.phase_words.hold;
    case Phase::kDown:
      return ex.phase_words.down;
    case Phase::kIn:
      return "Breathe in";
    case Phase::kOut:
      return "And out";
    case Phase::kNone:
      break;
  }
  return "";
}

std::string side_label(Side side, const std::string& side_word) {
  switch (side) {
    case Side::kRight:
      return "right " + side_word;
    case Side::kLeft:
      return "left " + side_word;
    case Side::kBoth:
      break;
  }
  return side_word == "leg" ? "both legs" : "both sides";
}

Cue entry_cue(const Step& step, const Step* previous, const std::vector<SessionExercise>& exercises) {
  const SessionExercise& ex = exercises.at(static_cast<std::size_t>(step.exercise));
  switch (step.kind) {
    case StepKind::kGetReady: {
      const char* which = step.exercise == 0 ? "First" : "Next";
      return {fmt::format("{}: {} — {}", which, ex.name, describe_dose(ex.dose, ex.phase_words)),
              fmt::format("{}: {}. Get ready.", which, ex.name)};
    }
    case StepKind::kMove: {
      const bool first_phase = previous == nullptr || previous->kind != StepKind::kMove || previous->rep != step.rep ||
                               previous->side != step.side || previous->set != step.set;
      const std::string lead = first_phase ? lead_in(step, ex) : "";
      std::string word = phase_word(step.phase, ex);
      if (!first_phase) word[0] = static_cast<char>(word[0] - 'A' + 'a');
      const std::string last = first_phase && step.rep == step.reps && step.reps > 1 ? "Last one. " : "";
      const std::string text = first_phase ? fmt::format("{}Rep {} of {}: {}", lead, step.rep, step.reps, word) : word;
      return {text, lead + last + word};
    }
    case StepKind::kHold: {
      const std::string lead = lead_in(step, ex);
      const std::string what = fmt::format("Hold for {} seconds", whole_seconds(step.duration));
      const std::string count = step.reps > 1 ? fmt::format(" ({} of {})", step.rep, step.reps) : "";
      return {lead + what + count, lead + what};
    }
    case StepKind::kBreath: {
      if (step.phase == Phase::kIn && step.breath == 1) {
        const std::string lead = lead_in(step, ex);
        const std::string what = fmt::format("Hold for {} slow breaths", step.breaths);
        const std::string count = step.reps > 1 ? fmt::format(" ({} of {})", step.rep, step.reps) : "";
        return {lead + what + count + ". Breathe in", lead + what + ". Breathe in"};
      }
      const std::string word = phase_word(step.phase, ex);
      return {fmt::format("Breath {} of {}: {}", step.breath, step.breaths, word),
              step.phase == Phase::kOut ? "and out" : word};
    }
    case StepKind::kRelease:
      return {"Release and relax", "Release, and relax"};
    case StepKind::kSwitch: {
      const std::string to = side_label(step.side, ex.side_word);
      return {"Switch to your " + to, "Switch to your " + to};
    }
    case StepKind::kRest: {
      const std::string what = fmt::format("Rest {} seconds", whole_seconds(step.duration));
      return {what, what};
    }
  }
  return {};
}

std::optional<Cue> reminder_cue(const Step& step) {
  const bool timed = step.kind == StepKind::kHold || step.kind == StepKind::kRest;
  if (!timed || step.duration < 2 * kReminderBefore) return std::nullopt;
  const std::string text = fmt::format("{} seconds left", whole_seconds(kReminderBefore));
  return Cue{text, text};
}

Cue end_cue(bool quit) {
  if (quit) return {"Session stopped. What you did is kept.", "Session stopped. What you did is kept."};
  return {"Session complete. Well done!", "Session complete. Well done!"};
}

Cue pause_cue(bool paused) {
  if (paused) return {"Paused — press space to go on", "Paused"};
  return {"Going on", "Going on"};
}

}  // namespace kc::session
