#include "usecases/session_steps_json.h"

#include "core/catalog/describe.h"
#include "core/common/pain.h"
#include "core/session/engine.h"

namespace kc::usecases {
namespace {

const char* kind_name(session::StepKind k) {
  switch (k) {
    case session::StepKind::kGetReady:
      return "get_ready";
    case session::StepKind::kMove:
      return "move";
    case session::StepKind::kHold:
      return "hold";
    case session::StepKind::kBreath:
      return "breath";
    case session::StepKind::kRelease:
      return "release";
    case session::StepKind::kSwitch:
      return "switch";
    case session::StepKind::kRest:
      return "rest";
  }
  return "get_ready";
}

const char* phase_name(session::Phase p) {
  switch (p) {
    case session::Phase::kNone:
      return "none";
    case session::Phase::kUp:
      return "up";
    case session::Phase::kHold:
      return "hold";
    case session::Phase::kDown:
      return "down";
    case session::Phase::kIn:
      return "in";
    case session::Phase::kOut:
      return "out";
  }
  return "none";
}

const char* side_name(session::Side s) {
  switch (s) {
    case session::Side::kBoth:
      return "both";
    case session::Side::kRight:
      return "right";
    case session::Side::kLeft:
      return "left";
  }
  return "both";
}

Json exercise_json(int position, const session::SessionExercise& e) {
  Json j;
  j["position"] = position;
  j["id"] = e.id;
  j["name"] = e.name;
  j["steps"] = e.steps;
  j["cues"] = e.cues;
  j["dose"] = dose_to_json(e.dose);
  j["dose_text"] = describe_dose(e.dose, e.phase_words);
  j["side_word"] = e.side_word;
  return j;
}

}  // namespace

Json play_step_json(const PlayStep& p) {
  const session::Step& s = p.step;
  Json j;
  j["kind"] = kind_name(s.kind);
  j["phase"] = phase_name(s.phase);
  j["exercise"] = s.exercise;
  j["set"] = s.set;
  j["sets"] = s.sets;
  j["side"] = side_name(s.side);
  j["rep"] = s.rep;
  j["reps"] = s.reps;
  j["breath"] = s.breath;
  j["breaths"] = s.breaths;
  j["ms"] = s.duration.count();
  j["completes_unit"] = s.completes_unit;
  j["completes_set"] = s.completes_set;
  j["text"] = p.cue.text;
  j["speech"] = p.cue.speech;
  if (p.reminder) {
    j["reminder"] = Json{
        {"before_ms", session::kReminderBefore.count()}, {"text", p.reminder->text}, {"speech", p.reminder->speech}};
  } else {
    j["reminder"] = nullptr;
  }
  return j;
}

Json session_day_json(const SessionDay& day, const std::vector<PlayStep>& steps) {
  Json j;
  j["date"] = to_iso(day.date);
  j["scheduled"] = day.session.has_value();
  const SessionToPlay* s = day.session ? &*day.session : nullptr;
  j["session"] = s != nullptr ? Json(s->session_id) : Json(nullptr);
  j["title"] = s != nullptr ? Json(s->title) : Json(nullptr);
  j["week"] = s != nullptr ? Json(s->week) : Json(nullptr);
  j["done"] = s != nullptr && s->done_already;
  j["next"] = day.next ? Json{{"date", to_iso(day.next->date)}, {"session", day.next->session}} : Json(nullptr);
  j["after_end"] = day.after_end;
  long long total = 0;
  for (const auto& p : steps) total += p.step.duration.count();
  j["total_ms"] = total;
  j["pain_advice"] = pain_stop_advice(day.pain_limit);
  j["pain_scale_help"] = pain_scale_help(day.pain_limit);
  j["pain_most"] = day.pain_limit.most;
  j["back_grace_ms"] = session::kBackGrace.count();
  Json exercises = Json::array();
  if (s != nullptr) {
    for (std::size_t i = 0; i < s->exercises.size(); ++i) {
      exercises.push_back(exercise_json(static_cast<int>(i), s->exercises[i]));
    }
  }
  j["exercises"] = exercises;
  Json list = Json::array();
  for (const auto& p : steps) list.push_back(play_step_json(p));
  j["steps"] = list;
  return j;
}

}  // namespace kc::usecases
