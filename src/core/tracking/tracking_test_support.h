// Scripted weeks for the progression tests: a small catalog, a plan, and helpers that log
// sessions, next-morning check-ins and pain ratings into a History as the store would.
#pragma once

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/store/records.h"
#include "core/tracking/judge.h"

namespace kc::tracking::testing {

inline Exercise make_exercise(const std::string& id, Kind kind, const Dose& dose) {
  Exercise e;
  e.id = id;
  e.name = id;
  e.kind = kind;
  e.dose = dose;
  return e;
}

inline Dose reps_dose(int sets, int reps, std::optional<int> reps_max) {
  Dose d;
  d.sets = sets;
  d.reps = reps;
  d.reps_max = reps_max;
  d.tempo = Tempo{2, 1, 2};
  return d;
}

inline Dose hold_dose(int sets, int reps, int seconds, std::optional<int> seconds_max) {
  Dose d;
  d.sets = sets;
  d.reps = reps;
  d.hold_seconds = seconds;
  d.hold_seconds_max = seconds_max;
  return d;
}

// squat (strength, 2 x 10 up to 15) with an easier "chair-squat" and a harder "step-up";
// "calf-stretch" (3 x 30 s holds, up to 45 s) with a parameter-only harder variant.
inline Catalog test_catalog() {
  Exercise squat = make_exercise("squat", Kind::kStrength, reps_dose(2, 10, 15));
  squat.easier = {Variant{"chair-squat", "", "sit to a chair"}};
  squat.harder = {Variant{"step-up", "", "step up onto a stair"}};
  Exercise chair = make_exercise("chair-squat", Kind::kStrength, reps_dose(2, 8, 12));
  Exercise step = make_exercise("step-up", Kind::kStrength, reps_dose(3, 10, 12));
  Exercise calf = make_exercise("calf-stretch", Kind::kStretch, hold_dose(1, 3, 30, 45));
  calf.harder = {Variant{"", "lean", "lean further into the wall"}};
  Dose breaths;
  breaths.sets = 1;
  breaths.reps = 2;
  breaths.hold_breaths = 6;
  Exercise breathe = make_exercise("child-pose", Kind::kStretch, breaths);
  return Catalog({squat, chair, step, calf, breathe});
}

inline CivilDate day(int n) { return make_date(2025, 3, 3) + date::days{n}; }  // day(0) is Monday 3 March 2025
inline TimePoint at(int n, int hour) { return TimePoint{day(n)} + std::chrono::hours{hour}; }

// A history with one plan: session A = squat, calf-stretch; every day planned for 6 weeks.
class Script {
 public:
  explicit Script(int baseline_pain = 4) {
    h.plan.id = 1;
    h.plan.person = 1;
    h.plan.start = day(0);
    h.plan.weeks = 6;
    h.plan.level = "go";
    h.plan.baseline_pain = baseline_pain;
    store::PlanSession a{"A", "strength", "Strength", {}};
    a.exercises.push_back({"squat", "strength", reps_dose(2, 10, 15), "quads"});
    a.exercises.push_back({"calf-stretch", "flexibility", hold_dose(1, 3, 30, 45), "calves"});
    h.plan.sessions.push_back(a);
    for (int i = 0; i < 42; ++i) h.plan.calendar.push_back({day(i), i / 7 + 1, "A"});
    h.plan.reviews.push_back(day(41));
  }

  // Logs session A on day n at 18:00: each exercise's outcome, the pain during it.
  store::Id session(int n, std::optional<int> pain_during,
                    std::vector<store::ExerciseOutcome> outcomes = {store::ExerciseOutcome::kDone,
                                                                    store::ExerciseOutcome::kDone},
                    store::SessionStatus status = store::SessionStatus::kFinished) {
    store::SessionLog s;
    s.id = next_id++;
    s.person = 1;
    s.plan = 1;
    s.date = day(n);
    s.session = "A";
    s.started_at = at(n, 18);
    s.ended_at = at(n, 18) + std::chrono::minutes{20};
    s.status = status;
    s.pain_during = pain_during;
    h.sessions.push_back(s);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      store::ExerciseLog log;
      log.id = next_id++;
      log.session = s.id;
      log.person = 1;
      log.position = static_cast<int>(i);
      log.exercise_id = h.plan.sessions[0].exercises[i].exercise_id;
      log.outcome = outcomes[i];
      h.logs.push_back(log);
    }
    if (pain_during) rate(store::kPainDuring, n, *pain_during, 18);
    return s.id;
  }

  void rate(const char* measure, int n, double value, int hour = 8) {
    store::Measurement m;
    m.id = next_id++;
    m.person = 1;
    m.measure = measure;
    m.taken_at = at(n, hour);
    m.date = day(n);
    m.value = value;
    h.measurements.push_back(m);
  }

  // Runs the rules after session `id` (on its day) and applies the changes.
  std::vector<Judgement> after(store::Id id, const Catalog& c) {
    const auto& s = *std::find_if(h.sessions.begin(), h.sessions.end(), [&](auto& x) { return x.id == id; });
    const int n = static_cast<int>((s.date - day(0)).count());
    auto j = judge_after_session(h, id, c, all, day(n));
    apply(j, at(n, 19), day(n));
    return j;
  }

  // A check-in on day n at 08:00 with next-morning pain `pain`: runs the rules, stores the
  // rating, the check-in and the changes.
  std::vector<Judgement> check_in(int n, int pain, const Catalog& c) {
    auto j = judge_at_check_in(h, pain, c, all, day(n), at(n, 8));
    rate(store::kPainNextMorning, n, pain);
    store::CheckIn ci;
    ci.id = next_id++;
    ci.person = 1;
    ci.at = at(n, 8);
    ci.date = day(n);
    ci.next_morning_pain = pain;
    h.check_ins.push_back(ci);
    apply(j, at(n, 8), day(n));
    return j;
  }

  static const Judgement& of(const std::vector<Judgement>& js, const std::string& id) {
    return *std::find_if(js.begin(), js.end(), [&](const Judgement& j) { return j.plan_exercise_id == id; });
  }

  CurrentDose dose(const std::string& id) const { return current_doses(h.plan, h.changes).at(id); }

  History h;
  CanDo all = [](const Exercise&) { return true; };

 private:
  void apply(const std::vector<Judgement>& j, TimePoint t, CivilDate d) {
    for (auto c : to_changes(j, h.plan, t, d)) {
      c.id = next_id++;
      h.changes.push_back(c);
    }
  }
  store::Id next_id = 100;
};

}  // namespace kc::tracking::testing
