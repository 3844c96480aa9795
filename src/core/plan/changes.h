// A clinician's changes to a person's program (add, remove, swap, dose, limit, pause, resume,
// message: store::ProgramChange), checked against the planner's safety rules and applied to the
// stored plan. Pure. The use case (usecases/program_changes.h) checks each change before it is
// stored; everything that shows or runs the program (today, the plan, sessions, progression)
// sees the plan with the changes applied (usecases/program.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/plan/profile.h"
#include "core/store/records.h"

namespace kc {

// Why the planner's rules refuse `change` for this person, in plain words naming the rule, or
// empty when they allow it:
//  - add, swap: the exercise added (the replacement) is one the planner leaves out for them
//    (shortfall.h: excluded_because), e.g. "the planner leaves out the Kneeling hip flexor
//    stretch for this person: it needs kneeling";
//  - add, swap, dose: a dose above the most the progression rules ever reach for the exercise
//    (dose_above_rules).
// Requires the change's exercises to be in `catalog`.
std::string rule_against(const store::ProgramChange& change, const Catalog& catalog, const Profile& p);

// When `d` goes beyond the most progression would ever give `e` (sets up to the catalog's, or
// kStrengthMaxSets for strengthening; reps or holds up to the catalog's reps_max; hold seconds
// up to hold_seconds_max): which, in words. Empty when within.
std::string dose_above_rules(const Exercise& e, const Dose& d);

// Whether a step of progression from `from_id` to `to_id` at `to` keeps within a clinician's
// `limit` (none: always): the same exercise, and no more sets, reps or hold seconds than the
// limit's. The one check progression applies (tracking/progression.cpp).
bool within_limit(const std::optional<Dose>& limit, const std::string& from_id, const std::string& to_id,
                  const Dose& to);

// `base` with the sets, reps and hold seconds a clinician set (the rest, such as reps_max and
// the sides, stays).
Dose with_setting(Dose base, int sets, int reps, std::optional<int> hold_seconds);

// The plan with the clinician's changes of this plan applied, in order (changes of other plans
// are ignored):
//  - add: the exercise joins every session that has its block (strengthening: the strength
//    sessions; stretches and mobility: every session), after the last exercise of that block,
//    at the change's dose and in its block, its reason "Added by <by>: <reason>";
//  - remove: it leaves every session;
//  - swap: the replacement takes its place at the change's dose, its reason "Swapped in for
//    <exercise id> by <by>: <reason>";
//  - pause: no session is scheduled from the pause's date until a resume's date (the calendar
//    days in between are dropped; the program's weeks do not move).
// Dose, limit and message change nothing here (clinician_doses, limits_of, pause_of).
// An add or swap without a dose changes nothing (the use case gives each its dose and block).
store::PlanRecord apply_changes(const store::PlanRecord& plan, const std::vector<store::ProgramChange>& changes);

// The block an exercise joins: "strength" for strengthening, else "flexibility".
std::string block_of(const Exercise& e);

// The stored dose changes with each clinician's dose setting of this plan among them, as a dose
// change at its time (reason "Set by <by>: <reason>", decision by whether it is more or less
// than the dose in force then), so the dose in force and progression build on it. `plan` is the
// plan with the changes applied; `stored` in time order.
std::vector<store::DoseChange> clinician_doses(const store::PlanRecord& plan, std::vector<store::DoseChange> stored,
                                               const std::vector<store::ProgramChange>& changes);

// The limits in force by plan exercise id: the latest limit change of each (one without a
// dose lifts the limit).
std::map<std::string, Dose> limits_of(const store::PlanRecord& plan, const std::vector<store::ProgramChange>& changes);

// The pause in force on the plan (the latest pause with no resume after it), or nullopt.
std::optional<store::ProgramChange> pause_of(const store::PlanRecord& plan,
                                             const std::vector<store::ProgramChange>& changes);

// The messages among `changes` sent after `seen` (the person's latest finished session or
// check-in: what they have not seen yet), in order; every message when `seen` is nullopt.
std::vector<store::ProgramChange> messages_since(const std::vector<store::ProgramChange>& changes,
                                                 std::optional<TimePoint> seen);

}  // namespace kc
