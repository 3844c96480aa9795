#include "usecases/clinic/data_rights.h"

#include "core/catalog/exercise_json.h"
#include "core/store/codec.h"
#include "usecases/clinic/authorize.h"

namespace kc::usecases::clinic {
namespace {

namespace core = kc::clinic;
using store::format_instant;

Json instant(const std::optional<TimePoint>& t) { return t ? Json(format_instant(*t)) : Json(nullptr); }
Json number(const std::optional<int>& n) { return n ? Json(*n) : Json(nullptr); }

// A stored JSON document as JSON (kept as text when it does not parse).
Json embedded(const std::string& text) {
  Json parsed = Json::parse(text, nullptr, false);
  return parsed.is_discarded() ? Json(text) : parsed;
}

Json session_json(const store::SessionLog& s) {
  return Json{{"id", s.id},
              {"plan", s.plan},
              {"date", to_iso(s.date)},
              {"session", s.session},
              {"started_at", format_instant(s.started_at)},
              {"ended_at", instant(s.ended_at)},
              {"status", store::to_string(s.status)},
              {"pain_during", number(s.pain_during)}};
}

Json log_json(const store::ExerciseLog& l) {
  return Json{
      {"id", l.id},
      {"session", l.session},
      {"position", l.position},
      {"exercise_id", l.exercise_id},
      {"outcome", store::to_string(l.outcome)},
      {"planned", dose_to_json(l.planned)},
      {"sets_done", l.sets_done},
      {"reps_done", l.reps_done},
      {"holds_done", l.holds_done},
      {"seconds", l.seconds},
      {"pain", number(l.pain)},
      {"finished_at", format_instant(l.finished_at)},
      {"feedback",
       l.feedback == store::ExerciseFeedback::kNone ? Json(nullptr) : Json(std::string(store::to_string(l.feedback)))},
      {"camera", l.camera_json.empty() ? Json(nullptr) : embedded(l.camera_json)}};
}

Json measurement_json(const store::Measurement& m) {
  Json items = Json::array();
  for (const auto& item : m.items) items.push_back(Json{{"label", item.label}, {"value", item.value}});
  return Json{{"id", m.id},
              {"measure", m.measure},
              {"taken_at", format_instant(m.taken_at)},
              {"date", to_iso(m.date)},
              {"value", m.value},
              {"items", items},
              {"session", m.session ? Json(*m.session) : Json(nullptr)},
              {"note", m.note}};
}

Json check_in_json(const store::CheckIn& c) {
  return Json{{"id", c.id},
              {"at", format_instant(c.at)},
              {"date", to_iso(c.date)},
              {"next_morning_pain", c.next_morning_pain},
              {"red_flags", c.red_flags},
              {"triage_level", c.triage_level},
              {"stopped_program", c.stopped_program}};
}

Json change_json(const store::DoseChange& c) {
  return Json{{"id", c.id},
              {"plan", c.plan},
              {"at", format_instant(c.at)},
              {"date", to_iso(c.date)},
              {"exercise_id", c.exercise_id},
              {"now_doing", c.now_doing},
              {"decision", store::to_string(c.decision)},
              {"from", dose_to_json(c.from)},
              {"to", dose_to_json(c.to)},
              {"reason", c.reason}};
}

Json program_change_json(const store::ProgramChange& c) {
  return Json{{"id", c.id},
              {"plan", c.plan == 0 ? Json(nullptr) : Json(c.plan)},
              {"at", format_instant(c.at)},
              {"date", to_iso(c.date)},
              {"kind", std::string(store::to_string(c.kind))},
              {"exercise", c.exercise},
              {"replacement", c.replacement},
              {"block", c.block},
              {"dose", c.dose ? dose_to_json(*c.dose) : Json(nullptr)},
              {"text", c.text},
              {"by", c.by},
              {"reason", c.reason},
              {"override_reason", c.override_reason},
              {"overridden_rule", c.overridden_rule}};
}

Json note_json(const core::ClinicianNote& n) {
  return Json{{"id", n.id}, {"at", format_instant(n.at)}, {"author", n.author_name}, {"text", n.text}};
}

Json plan_json(const store::PlanRecord& p) {
  return Json{{"id", p.id},
              {"created_at", format_instant(p.created_at)},
              {"start", to_iso(p.start)},
              {"weeks", p.weeks},
              {"level", p.level},
              {"stopped_at", instant(p.stopped_at)},
              {"stop_reason", p.stop_reason},
              {"plan", embedded(p.plan_json)}};
}

template <typename T, typename F>
Result<Json> list_json(const Result<std::vector<T>>& rows, F&& to_json) {
  if (!rows) return rows.error();
  Json out = Json::array();
  for (const auto& row : *rows) out.push_back(to_json(row));
  return out;
}

// The person with this id.
Result<store::Person> person_by_id(Clinic& clinic, store::PersonId id) {
  auto found = clinic.records.find_person_by_id(id);
  if (!found) return found.error();
  if (!*found) return make_error(errc::kNotFound, "person", "no such person");
  return **found;
}

Result<Json> records_json(store::Store& records, store::PersonId id) {
  Json out = Json::object();
  auto answers = records.latest_answers(id);
  if (!answers) return answers.error();
  out["answers"] = *answers ? Json{{"recorded_at", format_instant((*answers)->recorded_at)},
                                   {"triage_level", (*answers)->triage_level},
                                   {"answers", embedded((*answers)->json)}}
                            : Json(nullptr);
  auto plan = records.latest_plan(id);
  if (!plan) return plan.error();
  out["plan"] = *plan ? plan_json(**plan) : Json(nullptr);
  const std::pair<const char*, Result<Json>> lists[] = {
      {"sessions", list_json(records.sessions(id), session_json)},
      {"exercise_logs", list_json(records.exercise_logs(id), log_json)},
      {"measurements", list_json(records.measurements(id, ""), measurement_json)},
      {"check_ins", list_json(records.check_ins(id), check_in_json)},
      {"dose_changes", list_json(records.dose_changes(id), change_json)},
  };
  for (const auto& [key, list] : lists) {
    if (!list) return list.error();
    out[key] = *list;
  }
  // A clinician's program changes, and apart from them the messages they sent (kind message).
  auto changes = records.program_changes(id);
  if (!changes) return changes.error();
  out["program_changes"] = Json::array();
  out["clinician_messages"] = Json::array();
  for (const auto& c : *changes) {
    if (c.kind == store::ChangeKind::kMessage) {
      out["clinician_messages"].push_back(
          Json{{"id", c.id}, {"at", format_instant(c.at)}, {"by", c.by}, {"text", c.text}});
    } else {
      out["program_changes"].push_back(program_change_json(c));
    }
  }
  return out;
}

// What the patient's clinicians wrote and reviewed: notes, flags marked seen (each clinician's
// reviews of this patient), the red-flag notifications they were sent.
Result<Json> clinicians_json(Clinic& clinic, store::PersonId id) {
  Json out = Json::object();
  auto notes = list_json(clinic.store.notes(id), note_json);
  if (!notes) return notes.error();
  out["clinician_notes"] = *notes;
  auto clinicians = clinic.store.clinicians_of(id);
  if (!clinicians) return clinicians.error();
  out["flag_reviews"] = Json::array();
  out["notifications"] = Json::array();
  for (const AccountId c : *clinicians) {
    auto reviews = clinic.store.flag_reviews(c);
    if (!reviews) return reviews.error();
    for (const auto& r : *reviews) {
      if (r.patient != id) continue;
      out["flag_reviews"].push_back(Json{{"id", r.id},
                                         {"clinician", r.clinician},
                                         {"kind", std::string(core::flag_kind_name(r.kind))},
                                         {"seen_at", format_instant(r.seen_at)},
                                         {"note", r.note}});
    }
    auto sent = clinic.store.notifications(c, false);
    if (!sent) return sent.error();
    for (const auto& n : *sent) {
      if (n.patient != id) continue;
      out["notifications"].push_back(Json{{"id", n.id},
                                          {"clinician", n.clinician},
                                          {"at", format_instant(n.at)},
                                          {"kind", n.kind},
                                          {"message", n.message},
                                          {"read_at", instant(n.read_at)}});
    }
  }
  return out;
}

Result<Json> access_json(Clinic& clinic, store::PersonId id) {
  core::AuditFilter filter;
  filter.patient = id;
  filter.limit = 10000;
  Json out = Json::array();
  for (;;) {
    auto rows = clinic.store.audit(filter);
    if (!rows) return rows.error();
    for (const auto& r : *rows) {
      out.push_back(Json{{"at", format_instant(r.at)},
                         {"actor", r.actor},
                         {"role", r.role ? Json(std::string(role_name(*r.role))) : Json(nullptr)},
                         {"action", r.action},
                         {"detail", r.detail},
                         {"outcome", std::string(audit_outcome_name(r.outcome))}});
    }
    if (static_cast<int>(rows->size()) < filter.limit) return out;
    filter.offset += filter.limit;
  }
}

}  // namespace

Result<std::string> export_patient(Clinic& clinic, const Caller& caller, store::PersonId patient) {
  if (auto ok = authorize(clinic, caller, Action::kExportRecord, patient, "export"); !ok) return ok.error();
  auto person = person_by_id(clinic, patient);
  if (!person) return person.error();
  auto account = clinic.store.find_account_by_person(patient);
  if (!account) return account.error();
  auto records = records_json(clinic.records, patient);
  if (!records) return records.error();
  auto clinicians = clinicians_json(clinic, patient);
  if (!clinicians) return clinicians.error();
  auto access = access_json(clinic, patient);
  if (!access) return access.error();
  Json doc{
      {"format", "kneecoach-patient-export"},
      {"version", 1},
      {"exported_at", format_instant(clinic.clock.now())},
      {"person", Json{{"id", person->id}, {"name", person->name}, {"created_at", format_instant(person->created_at)}}}};
  doc["account"] = *account ? Json{{"username", (*account)->username},
                                   {"state", std::string(account_state_name((*account)->state))},
                                   {"created_at", format_instant((*account)->created_at)}}
                            : Json(nullptr);
  for (const auto& [key, value] : records->items()) doc[key] = value;
  for (const auto& [key, value] : clinicians->items()) doc[key] = value;
  doc["access_log"] = *access;
  return doc.dump(2);
}

Status delete_patient_data(Clinic& clinic, const Caller& caller, store::PersonId patient) {
  if (auto ok = authorize(clinic, caller, Action::kDeleteRecord, patient, "delete"); !ok) return ok;
  auto account = clinic.store.find_account_by_person(patient);
  if (!account) return account.error();
  // The records first: if the account's deletion then fails, a retry finds it and finishes.
  if (auto s = clinic.records.delete_person(patient); !s) return s;
  if (*account) {
    if (auto s = clinic.store.delete_patient((*account)->id, core::account_key((*account)->username)); !s) return s;
  }
  return record_event(clinic, caller, core::event::kPatientDeleted, core::AuditOutcome::kAllowed,
                      *account ? (*account)->username : "", patient);
}

}  // namespace kc::usecases::clinic
