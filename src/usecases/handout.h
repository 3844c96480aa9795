// The handout use case: what a printed handout says (the week, the sessions and the safety rules,
// then a card per exercise), at the doses in force on the day it is printed, each saying when it
// last changed and why. The PDF renderer (adapters/render/handout_pdf) only draws this model.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/plan/plan.h"
#include "core/store/store.h"
#include "core/tracking/progression.h"
#include "usecases/content.h"
#include "usecases/program_view.h"

namespace kc::usecases {

// One exercise's card.
struct HandoutCard {
  const Exercise* exercise = nullptr;                      // what is done now (never null)
  std::vector<std::pair<std::string, std::string>> doses;  // (session id, the dose in force in words)
  std::string changed;                                     // change_note(...), or "" when unchanged
  std::string reason;                                      // why it is in the plan
  std::string start_easier;                                // or empty
  std::vector<std::string> form_cues;                      // the exercise's cues
  std::string harder;  // tracking::next_step from the dose in force: "more reps: 10 -> 12 (up to 15)"
  std::string source;  // where the exercise comes from, in words
  std::string said;    // what the person said of it last (tracking::said_sentence), or ""
};

// "Sessions A and B: 2 sets of 10 ..." when the doses agree, else one "Session X: ..." per session.
std::vector<std::string> dose_lines(const HandoutCard& card);

struct HandoutSession {
  std::string id;                  // "A"
  std::string title;               // "Strength, then stretching and mobility"
  int minutes = 0;                 // at the doses in force
  std::vector<std::string> lines;  // "Wall sit: 2 holds of 20 s"
};

// One planned session of the program calendar, for the tick-box log.
struct HandoutDay {
  std::string date;     // "Mon 3 Mar"
  int week = 1;         // program week
  std::string session;  // "A"
};

struct Handout {
  std::string period;           // "6 weeks, Mon 3 Mar to Sun 13 Apr 2025"
  std::string as_of;            // "Doses in force on Mon 17 Mar (week 3 of 6)."
  int minutes = 0;              // per session, as planned
  std::string harder_rule;      // "Make an exercise harder when ..." (tracking::step_up_condition)
  std::string review;           // "Review on Sun 13 Apr: your usual pain should have fallen ..."
  std::vector<HandoutDay> log;  // every planned session, in date order
  std::vector<std::pair<std::string, std::string>> week;  // ("Mon", "A"), ("Tue", "rest"), ...
  std::vector<HandoutSession> sessions;
  std::vector<std::string> cautions;
  std::vector<std::string> safety;
  std::vector<HandoutCard> cards;  // each plan exercise once, in session order
};

// The handout of `plan` (a stored program with its planner JSON in plan_json) at the doses in
// force after `changes`, as of `date`. Errors (errc::kContent): the plan document lacks sessions
// or names an exercise the catalog does not have.
// `can_do` says which harder variants the person can do (the next step up).
Result<Handout> handout_of(const store::PlanRecord& plan, const std::vector<store::DoseChange>& changes,
                           const Catalog& catalog, const tracking::CanDo& can_do, CivilDate date);

// The person's handout on the requested day. Errors: program_in_force's, handout_of's.
Result<Handout> handout(store::Store& store, const Clock& clock, const Content& content, const ViewRequest& request);

// The handout of a plan not yet stored (`kneecoach handout --answers`): the starting doses.
Result<Handout> handout_of_new_plan(const Plan& plan, const Answers& answers, const Catalog& catalog);

}  // namespace kc::usecases
