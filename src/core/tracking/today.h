// What to do on a given day: the scheduled session with each exercise at its current dose
// (the plan's starting dose changed by every stored DoseChange, in order). Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/exercise.h"
#include "core/plan/civil_date.h"
#include "core/store/records.h"

namespace kc::tracking {

// One plan exercise as it stands now.
struct CurrentDose {
  std::string plan_exercise_id;  // as in the plan
  std::string exercise_id;       // what to do now (another id after a variant swap)
  Dose dose;
  std::string reason;                   // the reason of the latest change, empty when still the starting dose
  std::optional<CivilDate> changed_on;  // the date of the latest change, nullopt when still the starting dose
};

// Current doses keyed by plan exercise id: the plan's doses with `changes` applied in order
// (changes of other plans are ignored).
std::map<std::string, CurrentDose> current_doses(const store::PlanRecord& plan,
                                                 const std::vector<store::DoseChange>& changes);

// One exercise of a session to do, in order.
struct SessionItem {
  int position = 0;   // 0-based; ExerciseLog::position
  std::string block;  // "strength" or "flexibility"
  CurrentDose current;
};

// A session template resolved to current doses.
struct SessionToDo {
  std::string session;  // "A" or "B"
  std::string kind;
  std::string title;
  std::vector<SessionItem> items;
};

// The session template `session_id` ("A"/"B") at current doses, or nullopt when the plan has none.
std::optional<SessionToDo> session_to_do(const store::PlanRecord& plan, const std::string& session_id,
                                         const std::vector<store::DoseChange>& changes);

struct Today {
  CivilDate date;
  std::optional<store::PlanDay> scheduled;  // a session is planned on `date`
  std::optional<SessionToDo> session;       // with scheduled: what to do
  bool done = false;                        // a finished session is already logged on `date`
  std::optional<store::PlanDay> next;       // the next planned day after `date`, if any
  bool before_start = false;                // `date` is before the plan starts
  bool after_end = false;                   // `date` is after the last planned session
  bool stopped = false;                     // the plan was stopped
};

// What `date` holds in `plan`, given the stored changes and sessions.
Today today(const store::PlanRecord& plan, const std::vector<store::DoseChange>& changes,
            const std::vector<store::SessionLog>& sessions, CivilDate date);

}  // namespace kc::tracking
