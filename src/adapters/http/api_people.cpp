// People and their program: setting up (answers -> triage -> plan), the plan, today's
// session, the handout PDF and the calendar.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "adapters/calendar/ics.h"
#include "adapters/http/api_routes.h"
#include "adapters/http/body_check.h"
#include "adapters/http/tokens.h"
#include "core/intake/parse.h"
#include "core/plan/changes.h"
#include "core/plan/plan_json.h"
#include "core/store/codec.h"
#include "core/tracking/plan_record.h"
#include "core/tracking/review.h"
#include "core/tracking/today.h"
#include "usecases/calendar.h"
#include "usecases/clearance.h"
#include "usecases/handout.h"
#include "usecases/set_up.h"
#include "usecases/today.h"
#include "usecases/view_json.h"

namespace kc::http {
namespace {

Json person_json(const store::Person& p) {
  return Json{{"id", p.name}, {"created_at", store::format_instant(p.created_at)}};
}

// Writes the handout to a temporary file and reads it back.
Result<std::string> handout_bytes(const usecases::Handout& handout, const usecases::HandoutPrinter& printer,
                                  const std::string& paper) {
  std::string path = (std::filesystem::temp_directory_path() / "kneecoach-handout-XXXXXX").string();
  const int fd = mkstemp(path.data());
  if (fd < 0) return make_error("cannot create a temporary file for the handout");
  close(fd);
  const Status written = printer.print(handout, paper, path);
  std::string bytes;
  if (written) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    bytes = buffer.str();
  }
  std::remove(path.c_str());
  if (!written) return written.error();
  return bytes;
}

// The reply to setting a person up, after what `j` holds already (status, triage, ...): 200 with
// the referral (nothing stored: no program may start), 422 with what is missing, or 201 with the
// person and their plan.
Response setup_reply(Json j, const usecases::SetupOutcome& set, const std::string& name) {
  switch (set.program.status) {
    case usecases::SetupStatus::kReferral:
      j["status"] = "referral";
      j["person"] = nullptr;
      j["plan"] = nullptr;
      return json_response(200, j.dump());
    case usecases::SetupStatus::kTooLittle:
      j["status"] = "too-little";
      j["shortfall"] = shortfall_to_json(PlanOutcome{std::nullopt, set.program.missing, set.program.enough_alone});
      return json_response(422, j.dump());
    case usecases::SetupStatus::kCreated:
      break;
  }
  j["status"] = "created";
  j["person"] = person_json(*set.person);
  j["plan"] = Json::parse(set.plan_record->plan_json);
  Response reply = json_response(201, j.dump());
  reply.headers.emplace_back("Location", "/api/v1/people/" + name + "/plan");
  return reply;
}

// Answers with a clearance ("I have been seen and cleared", usecases/clearance.h): the person is
// set up under it, or gets the coded reason why not.
// `answers`: nullopt for a person whose stopped program is cleared (their stored answers and the
// signs of the check-in that stopped it). `prefix`: where the clearance sits in the body
// ("clearance." in POST /people, "" in POST /people/{id}/clearance), for the fields of errors.
Response post_cleared_person(ApiState& s, const std::string& id, std::optional<Answers> answers, const Json& body,
                             std::optional<CivilDate> referred_on, std::optional<CivilDate> start,
                             std::optional<int> weeks, const std::string& prefix) {
  auto clearance = clearance_from_json(body);
  if (!clearance) {
    Error e = clearance.error();
    e.field = prefix + e.field;
    e.message = prefix + e.message;
    return error_reply(e);
  }
  const bool existing_person = !id.empty();
  const std::string name = existing_person ? id : new_person_id();
  usecases::ClearRequest request{name,
                                 std::move(answers),
                                 std::move(clearance).value(),
                                 referred_on,
                                 start,
                                 weeks.value_or(kDefaultWeeks),
                                 !existing_person};
  auto out = usecases::clear_and_set_up(*s.store, *s.clock, usecases::Content{s.catalog, &s.rules}, request);
  if (!out) {
    Error e = out.error();
    if (e.field != "answers" && e.field != "person") {
      e.field = prefix + e.field;
      e.message = prefix + e.message;
    }
    return error_reply(e);
  }
  if (s.triaged && existing_person) s.triaged(name, out->now, "clearance");
  Json j;
  j["triage"] = triage_to_json(out->now);
  j["clearance"] = Json::parse(clearance_to_json(out->clearance).dump());
  return setup_reply(std::move(j), out->setup, name);
}

}  // namespace

Response post_person(ApiState& s, const Request& r, const std::string& id) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"answers", "start", "weeks", "clearance", "referred_on"})) {
    return check.error();
  }
  const Json& doc = check.doc();
  if (!doc.contains("answers")) {
    check.fail("missing_field", "answers", "answers: missing; expected the intake answers (format version 1)");
    return check.error();
  }
  const auto start = check.date(doc, "", "start");
  const auto weeks = check.integer(doc, "", "weeks", 1, kMaxWeeks, false);
  const auto referred_on = check.date(doc, "", "referred_on");
  if (doc.contains("clearance")) {
    // `flags`: the signs the clinician saw when the questions stopped early (usecases/clearance.h).
    check.object(doc.at("clearance"), "clearance.", {"clinician", "role", "cleared_on", "flags", "limits"});
    if (check.ok() && doc.at("clearance").contains("limits")) {
      check.object(doc.at("clearance").at("limits"), "clearance.limits.",
                   {"no_kneeling", "no_deep_knee_bend", "pain_ceiling", "avoid", "note"});
    }
  }
  if (!check.ok()) return check.error();
  auto answers = parse_answers(doc.at("answers").dump());
  if (!answers) return answers_error(answers.error().message, "answers.");
  if (doc.contains("clearance")) {
    return post_cleared_person(s, id, std::move(answers).value(), doc.at("clearance"), referred_on, start, weeks,
                               "clearance.");
  }

  const TriageResult triage = evaluate(*answers, s.rules);
  const Moment now = moment_at(s, std::nullopt);
  // The clinic server passes the patient's own person (made with their invite); else a new one.
  const bool existing_person = !id.empty();
  std::string name = existing_person ? id : new_person_id();
  for (int tries = 0; tries < 5 && !existing_person; ++tries) {
    auto existing = s.store->find_person(name);
    if (!existing) return internal_error(existing.error().message);
    if (!*existing) break;
    name = new_person_id();
  }
  // The person, answers and plan are stored in one transaction: all or nothing.
  auto set = usecases::set_up_person(
      *s.store, *s.clock, s.catalog,
      {*answers, triage, start.value_or(now.date), weeks.value_or(kDefaultWeeks), name, !existing_person});
  if (!set) return error_reply(set.error());
  if (s.triaged && existing_person) s.triaged(name, triage, "intake");
  Json j;
  j["status"] = "";
  j["triage"] = triage_to_json(triage);
  return setup_reply(std::move(j), *set, name);
}

Response post_clearance(ApiState& s, const Request& r, const std::string& id) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"clinician", "role", "cleared_on", "limits", "start", "weeks"})) {
    return check.error();
  }
  const Json& doc = check.doc();
  const auto start = check.date(doc, "", "start");
  const auto weeks = check.integer(doc, "", "weeks", 1, kMaxWeeks, false);
  if (doc.contains("limits")) {
    check.object(doc.at("limits"), "limits.", {"no_kneeling", "no_deep_knee_bend", "pain_ceiling", "avoid", "note"});
  }
  if (!check.ok()) return check.error();
  Json clearance = doc;
  clearance.erase("start");
  clearance.erase("weeks");
  return post_cleared_person(s, id, std::nullopt, clearance, std::nullopt, start, weeks, "");
}

Response get_plan(ApiState& s, const Request& r, const std::string& id) {
  auto date = date_query(r);
  if (auto* e = std::get_if<Response>(&date)) return *e;
  auto program = usecases::program_in_force(*s.store, *s.clock, usecases::Content{s.catalog},
                                            {id, std::get<std::optional<CivilDate>>(date), true});
  if (!program) return error_reply(program.error());
  Json doc = Json::parse(program->plan.plan_json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return internal_error("the stored plan has no readable plan document");
  const auto& plan = program->plan;
  Json j;
  j["person"] = person_json(program->person);
  j["stopped"] = plan.stopped_at ? Json{{"at", store::format_instant(*plan.stopped_at)}, {"reason", plan.stop_reason}}
                                 : Json(nullptr);
  j["plan"] = doc;
  j["in_force"] = usecases::program_in_force_json(*program);
  j["paused"] = usecases::pause_json(pause_of(plan, program->program_changes));
  usecases::add_program_changes(j, program->program_changes);
  return json_response(200, j.dump());
}

Response get_today(ApiState& s, const Request& r, const std::string& id) {
  auto date = date_query(r);
  if (auto* e = std::get_if<Response>(&date)) return *e;
  const Moment when = moment_at(s, std::get<std::optional<CivilDate>>(date));
  const std::string key = id + "/today/" + to_iso(when.date);
  if (s.cache) {
    if (auto kept = s.cache->find(key)) return *kept;
  }
  auto outcome = usecases::today(*s.store, *s.clock, usecases::Content{s.catalog}, {id, when.date, false});
  if (!outcome) return error_reply(outcome.error());
  Response reply = json_response(200, usecases::today_json(*outcome, s.catalog).dump());
  if (s.cache) s.cache->keep(key, reply);
  return reply;
}

Response get_handout(ApiState& s, const Request& r, const std::string& id) {
  const auto it = r.query.find("paper");
  const std::string paper = it == r.query.end() ? "a4" : it->second;
  auto date = date_query(r);
  if (auto* e = std::get_if<Response>(&date)) return *e;
  auto handout = usecases::handout(*s.store, *s.clock, usecases::Content{s.catalog},
                                   {id, std::get<std::optional<CivilDate>>(date), false});
  if (!handout) return error_reply(handout.error());
  auto bytes = [&] {
    const std::lock_guard<std::mutex> lock(s.print_lock);
    return handout_bytes(*handout, *s.printer, paper);
  }();
  if (!bytes && bytes.error().field == "paper") return error_response(400, "bad_query", bytes.error().message, "paper");
  if (!bytes) return internal_error(bytes.error().message);
  Response reply;
  reply.content_type = "application/pdf";
  reply.body = std::move(bytes).value();
  reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"kneecoach-handout.pdf\"");
  return reply;
}

Response get_calendar(ApiState& s, const Request& r, const std::string& id) {
  const auto time_it = r.query.find("time");
  const auto time = parse_clock_time(time_it == r.query.end() ? "18:00" : time_it->second);
  if (!time) return error_response(400, "bad_query", "time: expected HH:MM on a 24-hour clock, e.g. 18:00", "time");
  const auto tz_it = r.query.find("tz");
  auto zone = calendar::resolve_zone(tz_it == r.query.end() ? "UTC" : tz_it->second, nullptr);
  if (!zone) return error_response(400, "bad_query", zone.error().message, "tz");
  auto date = date_query(r);
  if (auto* e = std::get_if<Response>(&date)) return *e;
  auto model = usecases::calendar(*s.store, *s.clock, usecases::Content{s.catalog},
                                  {id, std::get<std::optional<CivilDate>>(date), false});
  if (!model) return error_reply(model.error());
  const calendar::IcsOptions ics{time->first, time->second, *zone, KNEECOACH_VERSION};
  Response reply;
  reply.content_type = "text/calendar; charset=utf-8";
  reply.body = calendar::calendar_to_ics(*model, ics);
  reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"kneecoach.ics\"");
  return reply;
}

}  // namespace kc::http
