// A clinician's program editing (usecases/program_changes.h): the program with the catalog's
// candidates, and one change at a time.
#include <fmt/format.h>

#include <algorithm>

#include "adapters/http/body_check.h"
#include "adapters/http/clinic_routes.h"
#include "adapters/http/idempotency.h"
#include "core/catalog/describe.h"
#include "core/catalog/vocabulary.h"
#include "usecases/program_changes.h"
#include "usecases/view_json.h"

namespace kc::http {
namespace {

Response refused_or(const Error& e, const std::string& id) {
  return e.code == errc::kForbidden || e.code == errc::kNotFound ? no_person(id) : clinic_error(e);
}

// The exercises of the program, each once, at the dose in force, with its limit.
Json exercises_json(const usecases::ClinicianProgram& p) {
  Json out = Json::array();
  std::vector<std::string> seen;
  for (const auto& s : p.program.sessions) {
    for (const auto& d : s.exercises) {
      if (std::find(seen.begin(), seen.end(), d.plan_exercise_id) != seen.end()) continue;
      seen.push_back(d.plan_exercise_id);
      const auto limit = p.limits.find(d.plan_exercise_id);
      Json j = usecases::dose_in_force_json(d);
      j["id"] = d.plan_exercise_id;
      j["limit"] = limit == p.limits.end() ? Json(nullptr) : dose_to_json(limit->second);
      j["limit_text"] = limit == p.limits.end() ? Json(nullptr) : Json(describe_dose(limit->second));
      out.push_back(j);
    }
  }
  return out;
}

Json candidates_json(const std::vector<usecases::Candidate>& candidates) {
  Json out = Json::array();
  for (const auto& c : candidates) {
    out.push_back(Json{{"id", c.exercise->id},
                       {"name", c.exercise->name},
                       {"kind", std::string(to_string(c.exercise->kind))},
                       {"allowed", c.allowed},
                       {"in_program", c.in_program},
                       {"why", c.why}});
  }
  return out;
}

// body[key]: {"sets", "reps", "hold_seconds"?}; nullopt when absent or null.
std::optional<usecases::DoseSetting> setting(BodyCheck& check, const Json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!check.object(*it, key, {"sets", "reps", "hold_seconds"})) return std::nullopt;
  const auto sets = check.integer(*it, key, "sets", -1000000, 1000000, true);
  const auto reps = check.integer(*it, key, "reps", -1000000, 1000000, true);
  const auto hold = it->contains("hold_seconds") && !(*it)["hold_seconds"].is_null()
                        ? check.integer(*it, key, "hold_seconds", -1000000, 1000000, true)
                        : std::nullopt;
  if (!sets || !reps) return std::nullopt;
  return usecases::DoseSetting{*sets, *reps, hold};
}

std::optional<usecases::ChangeRequest> read_change(BodyCheck& check) {
  const Json& body = check.doc();
  if (!check.object(body, "",
                    {"kind", "exercise", "replacement", "dose", "limit", "text", "reason", "override_reason"})) {
    return std::nullopt;
  }
  usecases::ChangeRequest r;
  const auto text = [&](const char* key, bool required) {
    return check.text(body, "", key, usecases::kMaxChangeText * 4, required).value_or("");
  };
  r.kind = text("kind", true);
  r.exercise = text("exercise", false);
  r.replacement = text("replacement", false);
  r.text = text("text", false);
  r.reason = text("reason", false);
  r.override_reason = text("override_reason", false);
  r.dose = setting(check, body, "dose");
  r.limit = setting(check, body, "limit");
  if (!check.ok()) return std::nullopt;
  return r;
}

}  // namespace

Response clinic_program(ClinicState& s, const ClinicCall& call, const std::string& id) {
  if (s.catalog == nullptr) return error_response(500, "internal", "the exercise catalog is not loaded");
  auto p = usecases::program_for_clinician(s.clinic, caller_of(call), *s.catalog, id);
  if (!p) return refused_or(p.error(), id);
  Json changes = Json::array();
  for (const auto& c : p->program.program_changes) changes.push_back(usecases::program_change_json(c));
  Json j{{"person", id},
         {"exercises", exercises_json(*p)},
         {"paused", p->paused.has_value()},
         {"pause", usecases::pause_json(p->paused)},
         {"changes", changes},
         {"candidates", candidates_json(p->candidates)},
         {"in_force", usecases::program_in_force_json(p->program)}};
  return json_response(200, j.dump());
}

Response clinic_program_change(ClinicState& s, const ClinicCall& call, const std::string& id) {
  if (s.catalog == nullptr) return error_response(500, "internal", "the exercise catalog is not loaded");
  // Authorised (and audited) before the keyed transaction, which a refusal would roll back.
  auto editor = usecases::may_change_program(s.clinic, caller_of(call), id);
  if (!editor) return refused_or(editor.error(), id);
  return with_idempotency(s.clinic.records, call.request, [&] {
    BodyCheck check(call.request.body);
    const auto request = read_change(check);
    if (!request) return check.error();
    auto made = usecases::change_program(s.clinic, *editor, *s.catalog, *request);
    if (!made) return refused_or(made.error(), id);
    Response reply = json_response(201, Json{{"change", usecases::program_change_json(*made)}}.dump());
    reply.headers.emplace_back("Location", fmt::format("/api/v1/clinic/people/{}/program", id));
    return reply;
  });
}

}  // namespace kc::http
