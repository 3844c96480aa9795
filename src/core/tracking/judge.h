// Gathering the evidence for the progression rules from a person's stored history, and
// turning decisions into DoseChange records. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/store/records.h"
#include "core/tracking/progression.h"

namespace kc::tracking {

// Everything stored about one person's current plan.
struct History {
  store::PlanRecord plan;
  std::vector<store::SessionLog> sessions;
  std::vector<store::ExerciseLog> logs;
  std::vector<store::Measurement> measurements;
  std::vector<store::DoseChange> changes;
  std::vector<store::CheckIn> check_ins;
  std::map<std::string, Dose> limits;  // a clinician's limits by plan exercise id (core/plan/changes.h)
  PainLimit pain_limit;                // the acceptable pain: acceptable_pain(the clearance's ceiling)
};

// One plan exercise's decision.
struct Judgement {
  std::string plan_exercise_id;
  std::string name;  // of the exercise done now (catalog name, or the id when unknown)
  CurrentDose before;
  Decision decision;
};

// The usual pain level before `before`: the latest "pain now" rating taken earlier, else the
// plan's baseline (intake pain_now).
int usual_pain(const History& h, TimePoint before);

// Mean next-morning pain over the 7 days ending `day` (offset 0) or the 7 before (offset 7);
// nullopt with fewer than 2 ratings in the window.
std::optional<double> weekly_mean(const History& h, CivilDate day, int offset_days);

// Right after session `session` ended: the rules at Moment::kAfterSession for each exercise
// of that session (only too much pain can change a dose).
std::vector<Judgement> judge_after_session(const History& h, store::Id session, const Catalog& catalog,
                                           const CanDo& can_do, CivilDate today);

// The session a check-in at `now` on `today` judges: among the finished or quit sessions of the
// plan dated today or yesterday that started after the previous check-in, the better attempt
// (attempts.h) of the latest such day; nullopt if none.
std::optional<store::SessionLog> session_for_check_in(const History& h, CivilDate today, TimePoint now);

// At a check-in reporting `next_morning` pain (not yet in `h`): the rules at Moment::kCheckIn
// for every plan exercise.
std::vector<Judgement> judge_at_check_in(const History& h, int next_morning, const Catalog& catalog,
                                         const CanDo& can_do, CivilDate today, TimePoint now);

// The changes (progress and ease) among `judgements` as records for the store.
std::vector<store::DoseChange> to_changes(const std::vector<Judgement>& judgements, const store::PlanRecord& plan,
                                          TimePoint at, CivilDate date);

}  // namespace kc::tracking
