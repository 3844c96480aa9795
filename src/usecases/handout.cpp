#include "usecases/handout.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/catalog/exercise_json.h"
#include "core/common/text.h"
#include "core/plan/plan_json.h"
#include "core/plan/profile.h"
#include "core/tracking/feedback.h"
#include "core/tracking/next_step.h"
#include "core/tracking/plan_record.h"
#include "core/tracking/review.h"
#include "usecases/program.h"

namespace kc::usecases {
namespace {

std::vector<std::string> string_list(const Json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (const Json& s : j[key])
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

std::string text_of(const Json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::vector<std::pair<std::string, std::string>> week_days(const Json& plan) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!plan.contains("week") || !plan["week"].is_array()) return out;
  for (const Json& d : plan["week"]) {
    const std::string day = capitalised(text_of(d, "day"));
    const std::string session =
        d.contains("session") && d["session"].is_string() ? d["session"].get<std::string>() : "";
    out.emplace_back(day, session.empty() ? "rest" : session);
  }
  return out;
}

// The planner's "start_easier" of each plan exercise id, from the plan document.
std::string start_easier_of(const Json& plan, const std::string& id) {
  for (const Json& s : plan["sessions"]) {
    if (!s.contains("exercises") || !s["exercises"].is_array()) continue;
    for (const Json& item : s["exercises"])
      if (text_of(item, "id") == id) return text_of(item, "start_easier");
  }
  return "";
}

// Where an exercise comes from, in words (the article file names stay in the content files).
std::string source_of(const Exercise& e) {
  if (e.from_articles) return "the web guides to stretching and strengthening for knee pain that kneecoach is built on";
  return join(e.references, "; ");
}

// Everything the card of one plan exercise needs.
struct CardInput {
  const Json& plan;
  const Catalog& catalog;
  const tracking::CanDo& can_do;
};

Status add_card(const DoseInForce& d, const std::string& session, const CardInput& in,
                std::vector<std::pair<std::string, HandoutCard>>& cards) {
  const Catalog& catalog = in.catalog;
  for (auto& [id, c] : cards)
    if (id == d.plan_exercise_id) {
      c.doses.emplace_back(session, d.dose_text);
      return Ok{};
    }
  HandoutCard card;
  card.exercise = catalog.find(d.exercise_id);
  if (card.exercise == nullptr)
    return make_error(errc::kContent, "exercise",
                      fmt::format("the plan names exercise '{}', which is not in the catalog", d.exercise_id));
  card.doses.emplace_back(session, d.dose_text);
  card.changed = change_note(d);
  card.reason = d.why;
  // The planner's easier start belongs to the exercise it planned, not to a variant swapped in since.
  if (d.exercise_id == d.plan_exercise_id) card.start_easier = start_easier_of(in.plan, d.plan_exercise_id);
  card.form_cues = card.exercise->cues;
  card.harder = tracking::next_step(*card.exercise, d.dose, catalog, in.can_do, d.changed_on);
  card.source = source_of(*card.exercise);
  cards.emplace_back(d.plan_exercise_id, std::move(card));
  return Ok{};
}

}  // namespace

std::vector<std::string> dose_lines(const HandoutCard& card) {
  std::vector<std::string> out;
  if (card.doses.empty()) return out;
  const bool same = std::all_of(card.doses.begin(), card.doses.end(),
                                [&](const auto& d) { return d.second == card.doses.front().second; });
  if (same) {
    std::vector<std::string> ids;
    for (const auto& d : card.doses) ids.push_back(d.first);
    const std::string which = ids.size() == 1 ? "Session " + ids.front() : "Sessions " + join(ids, " and ");
    out.push_back(fmt::format("{}: {}", which, card.doses.front().second));
  } else {
    for (const auto& [id, dose] : card.doses) out.push_back(fmt::format("Session {}: {}", id, dose));
  }
  if (!card.changed.empty()) out.push_back(card.changed);
  return out;
}

namespace {

std::vector<HandoutDay> log_of(const store::PlanRecord& plan) {
  std::vector<HandoutDay> out;
  for (const store::PlanDay& d : plan.calendar) out.push_back({describe_day(d.date), d.week, d.session});
  return out;
}

}  // namespace

Result<Handout> handout_of(const store::PlanRecord& plan, const std::vector<store::DoseChange>& changes,
                           const Catalog& catalog, const tracking::CanDo& can_do, CivilDate date) {
  const Json doc = Json::parse(plan.plan_json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("sessions") || !doc["sessions"].is_array())
    return make_error(errc::kContent, "plan",
                      "the stored plan has no readable plan document; build one again with `kneecoach init`");
  const ProgramCalendar calendar{plan.start, plan.weeks};
  Handout h;
  h.minutes = doc.value("minutes_per_session", 0);
  h.period = fmt::format("{} weeks, {} to {}", plan.weeks, describe_day(calendar.start), describe_date(calendar.end()));
  h.as_of = fmt::format("Doses in force on {} ({}).", describe_day(date), calendar.describe(date));
  h.harder_rule = "Make an exercise harder " + tracking::step_up_condition() + ".";
  h.review = fmt::format(
      "Review on {}: {}.{}", describe_day(tracking::review_date(plan)), tracking::review_goal(plan.baseline_pain),
      plan.baseline_pain > 0 ? " If it has not, or it has got worse, see a physiotherapist or doctor." : "");
  h.log = log_of(plan);
  h.week = week_days(doc);
  h.cautions = string_list(doc, "cautions");
  h.safety = string_list(doc, "safety");
  std::vector<std::pair<std::string, HandoutCard>> cards;
  for (const SessionInForce& s : sessions_in_force(plan, changes, catalog)) {
    HandoutSession session{s.id, s.title, s.minutes, {}};
    for (const DoseInForce& d : s.exercises) {
      session.lines.push_back(fmt::format("{}: {}", d.name, d.dose_text));
      if (Status st = add_card(d, s.id, CardInput{doc, catalog, can_do}, cards); !st) return st.error();
    }
    h.sessions.push_back(std::move(session));
  }
  if (cards.empty()) return make_error(errc::kContent, "plan", "the plan has no exercises");
  for (auto& [id, card] : cards) h.cards.push_back(std::move(card));
  return h;
}

Result<Handout> handout(store::Store& store, const Clock& clock, const Content& content, const ViewRequest& request) {
  auto program = program_in_force(store, clock, content, request);
  if (!program) return program.error();
  auto can_do = can_do_for(store, program->plan);
  if (!can_do) return can_do.error();
  auto made = handout_of(program->plan, program->changes, content.catalog, *can_do, program->date);
  if (!made) return made;
  Handout out = std::move(made).value();
  auto sessions = store.sessions(program->plan.person);
  if (!sessions) return sessions.error();
  auto logs = store.exercise_logs(program->plan.person);
  if (!logs) return logs.error();
  std::vector<store::SessionLog> of_plan;
  for (const auto& s : *sessions)
    if (s.plan == program->plan.id) of_plan.push_back(s);
  // The latest thing said of each exercise goes on its card.
  for (const tracking::Said& said : tracking::everything_said(of_plan, *logs)) {
    for (HandoutCard& card : out.cards)
      if (card.exercise->id == said.exercise_id) card.said = tracking::said_sentence(said);
  }
  return out;
}

Result<Handout> handout_of_new_plan(const Plan& plan, const Answers& answers, const Catalog& catalog) {
  const store::PlanRecord record =
      tracking::to_record(plan, 0, answers.pain_now, TimePoint{}, plan_to_json(plan).dump());
  const Profile profile = make_profile(answers, plan.level);
  const tracking::CanDo can_do = [&profile](const Exercise& e) { return feasible(e, profile); };
  return handout_of(record, {}, catalog, can_do, plan.start);
}

}  // namespace kc::usecases
