// A clinician's caseload sorted by who needs attention, flags marked seen, and clinicians' notes.
#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <variant>

#include "adapters/http/clinic_routes.h"
#include "core/common/text.h"
#include "core/store/codec.h"
#include "usecases/clinic/attention.h"

namespace kc::http {
namespace {

using Json = nlohmann::json;

std::string when(TimePoint t) { return store::format_instant(t); }

Json flag_json(const clinic::Flag& f) {
  return Json{{"kind", std::string(clinic::flag_kind_name(f.kind))},
              {"since", when(f.since)},
              {"detail", f.detail},
              {"seen", f.seen},
              {"seen_note", f.seen_note ? Json(*f.seen_note) : Json(nullptr)}};
}

Json row_json(const usecases::clinic::CaseloadRow& row) {
  const auto& e = row.entry;
  Json flags = Json::array();
  for (const auto& f : row.flags) flags.push_back(flag_json(f));
  Json pain = Json::array();
  for (const auto& p : row.pain) pain.push_back(Json{{"date", to_iso(p.date)}, {"pain", p.pain}});
  Json last = nullptr;
  if (row.last_check_in) {
    last = Json{{"at", when(row.last_check_in->at)},
                {"pain", row.last_check_in->next_morning_pain},
                {"level", row.last_check_in->triage_level}};
  }
  return Json{{"username", e.username},
              {"person", e.person_name},
              {"state", std::string(clinic::account_state_name(e.state))},
              {"added_at", when(e.added_at)},
              {"unread_notifications", e.unread_notifications},
              {"flags", flags},
              {"attention", row.attention},
              {"adherence",
               Json{{"done", row.adherence.done}, {"planned", row.adherence.planned}, {"weeks", row.adherence.weeks}}},
              {"pain", pain},
              {"last_check_in", last}};
}

Response bad_field(const std::string& field, const std::string& message) {
  return error_response(400, "bad_request", fmt::format("{}: {}", field, message), field);
}

// The flag kind named `text`, or a 400 reply naming `field` and the kinds.
std::variant<clinic::FlagKind, Response> flag_kind(const std::string& field, const std::string& text) {
  if (auto kind = clinic::flag_kind_from_name(text)) return *kind;
  return bad_field(field, fmt::format("\"{}\" is not a flag kind; expected {}", printable(text.substr(0, 40)),
                                      join_or(clinic::flag_kind_names())));
}

// The caseload query from ?q=&flag=; a 400 reply naming the parameter when one is malformed.
std::variant<usecases::clinic::CaseloadQuery, Response> caseload_query(const Request& r) {
  usecases::clinic::CaseloadQuery q;
  for (const auto& [name, value] : r.query) {
    if (name == "q") {
      q.text = value;
    } else if (name == "flag") {
      auto kind = flag_kind("flag", value);
      if (auto* bad = std::get_if<Response>(&kind)) return *bad;
      q.flag = std::get<clinic::FlagKind>(kind);
    } else {
      return bad_field(name, "no such parameter (q, flag)");
    }
  }
  return q;
}

// Refuses any field of `body` not in `known`.
std::optional<Response> only_fields(const Json& body, std::initializer_list<const char*> known) {
  for (const auto& item : body.items()) {
    const std::string& name = item.key();  // a named variable: clang 14 cannot capture a binding
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return name == k; })) {
      return error_response(400, errc::kUnknownField,
                            fmt::format("{}: not a field here (expected {})", printable(name.substr(0, 40)),
                                        join(std::vector<std::string>(known.begin(), known.end()))),
                            name);
    }
  }
  return std::nullopt;
}

// A string field that may be absent or null ("" then); a 400 reply when it is another type.
std::variant<std::string, Response> optional_text(const Json& body, const char* name) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string()) return error_response(400, errc::kWrongType, fmt::format("{}: expected a string", name), name);
  return it->get<std::string>();
}

// A required string field; a 400 reply when absent or of another type.
std::variant<std::string, Response> required_text(const Json& body, const char* name) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    return error_response(400, errc::kMissing, fmt::format("{}: required", name), name);
  }
  return optional_text(body, name);
}

Response refused_or(const Error& e, const std::string& id) {
  return e.code == errc::kForbidden || e.code == errc::kNotFound ? no_person(id) : clinic_error(e);
}

Json note_json(const clinic::ClinicianNote& n) {
  return Json{{"id", n.id}, {"at", when(n.at)}, {"author", n.author_name}, {"text", n.text}};
}

}  // namespace

Response clinic_caseload(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  auto query = caseload_query(call.request);
  if (auto* bad = std::get_if<Response>(&query)) return *bad;
  auto rows = usecases::clinic::caseload_by_attention(s.clinic, caller_of(call),
                                                      std::get<usecases::clinic::CaseloadQuery>(query), s.sign_names);
  if (!rows) return clinic_error(rows.error());
  Json list = Json::array();
  for (const auto& row : *rows) list.push_back(row_json(row));
  return json_response(200, Json{{"patients", list}}.dump());
}

Response clinic_flag_seen(ClinicState& s, const ClinicCall& call, const std::string& id) {
  Json body;
  if (auto bad = json_body(call.request, body)) return *bad;
  if (auto bad = only_fields(body, {"kind", "note"})) return *bad;
  auto kind_text = required_text(body, "kind");
  if (auto* bad = std::get_if<Response>(&kind_text)) return *bad;
  auto kind = flag_kind("kind", std::get<std::string>(kind_text));
  if (auto* bad = std::get_if<Response>(&kind)) return *bad;
  auto note = optional_text(body, "note");
  if (auto* bad = std::get_if<Response>(&note)) return *bad;
  auto seen = usecases::clinic::mark_flag_seen(s.clinic, caller_of(call), id, std::get<clinic::FlagKind>(kind),
                                               std::get<std::string>(note));
  if (!seen) return refused_or(seen.error(), id);
  return json_response(200, Json{{"kind", std::string(clinic::flag_kind_name(seen->kind))},
                                 {"seen_at", when(seen->seen_at)},
                                 {"note", seen->note}}
                                .dump());
}

Response clinic_notes(ClinicState& s, const ClinicCall& call, const std::string& id) {
  auto notes = usecases::clinic::clinician_notes(s.clinic, caller_of(call), id);
  if (!notes) return refused_or(notes.error(), id);
  Json list = Json::array();
  for (const auto& n : *notes) list.push_back(note_json(n));
  return json_response(200, Json{{"notes", list}}.dump());
}

Response clinic_add_note(ClinicState& s, const ClinicCall& call, const std::string& id) {
  Json body;
  if (auto bad = json_body(call.request, body)) return *bad;
  if (auto bad = only_fields(body, {"text"})) return *bad;
  auto text = required_text(body, "text");
  if (auto* bad = std::get_if<Response>(&text)) return *bad;
  auto note = usecases::clinic::add_clinician_note(s.clinic, caller_of(call), id, std::get<std::string>(text));
  if (!note) return refused_or(note.error(), id);
  return json_response(201, note_json(*note).dump());
}

}  // namespace kc::http
