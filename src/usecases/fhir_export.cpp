#include "usecases/fhir_export.h"

#include <fmt/format.h>

#include <map>

#include "core/intake/parse.h"
#include "core/triage/level.h"
#include "usecases/check_in.h"
#include "usecases/fhir_codes.h"
#include "usecases/fhir_resources.h"
#include "usecases/program.h"

namespace kc::usecases {
namespace {

using fhir::Entry;
using fhir::Json;

Json entry_of(const Entry& e, BundleType type) {
  Json j{{"fullUrl", e.full_url}, {"resource", e.resource}};
  if (type == BundleType::kTransaction) {
    j["request"] = Json{{"method", "POST"}, {"url", e.resource.at("resourceType")}};
  }
  return j;
}

std::string session_url(const fhir::Frame& f, const tracking::History& h, std::optional<store::Id> id) {
  if (!id) return "";
  for (const auto& s : h.sessions) {
    if (s.id == *id) return fhir::uuid_for(f.seed, fhir::session_key(s));
  }
  return "";
}

}  // namespace

fhir::Json fhir_bundle(const PersonRecords& records, const FhirContent& content, TimePoint now, BundleType type) {
  const std::string seed = fhir::instant_text(records.answers.recorded_at);
  const fhir::Frame f{seed, fhir::uuid_for(seed, "Patient"), content.catalog};
  const tracking::History& h = records.history;
  const Answers answers = parse_answers(records.answers.json).value();  // checked by person_records
  std::vector<Entry> entries{fhir::patient(f, records.person), fhir::age(f, answers, records.answers.recorded_at),
                             fhir::condition(f, answers, records.answers.recorded_at),
                             fhir::intake_response(f, records.answers)};
  entries.push_back(fhir::triage(f, "Observation/triage/intake", evaluate(answers, content.rules),
                                 records.answers.recorded_at, entries.back().full_url));
  auto plan = fhir::care_plan(f, h.plan, h.changes);
  if (!records.program_changes.empty()) {
    Json& notes = plan.front().resource["note"];
    if (!notes.is_array()) notes = Json::array();
    for (auto& n : fhir::program_change_notes(f, records.program_changes)) notes.push_back(std::move(n));
  }
  const std::string care_plan = plan.front().full_url;
  if (records.clearance) {
    Entry cleared = fhir::clearance(f, *records.clearance, care_plan);
    plan.front().resource["supportingInfo"] = Json::array({fhir::reference(cleared.full_url)});
    entries.insert(entries.end(), plan.begin(), plan.end());
    entries.push_back(std::move(cleared));
  } else {
    entries.insert(entries.end(), plan.begin(), plan.end());
  }
  for (const auto& s : h.sessions) {
    const auto parts = fhir::session(f, s, h.logs, care_plan);
    entries.insert(entries.end(), parts.begin(), parts.end());
  }
  std::map<std::string, int> seen;  // the same measure at the same instant: told apart by a count
  for (const auto& m : h.measurements) {
    std::string key = fmt::format("{}/{}", m.measure, fhir::instant_text(m.taken_at));
    if (const int n = seen[key]++; n > 0) key += fmt::format("#{}", n);
    entries.push_back(fhir::measurement(f, m, session_url(f, h, m.session), "Measurement/" + key));
  }
  for (const auto& c : h.check_ins) {
    entries.push_back(fhir::check_in_response(f, c));
    if (c.red_flags.empty()) continue;
    const std::string key = "Observation/triage/check-in/" + fhir::instant_text(c.at);
    entries.push_back(
        fhir::triage(f, key, triage_with_signs(answers, c.red_flags, content.rules), c.at, entries.back().full_url));
  }
  Json bundle;
  bundle["resourceType"] = "Bundle";
  bundle["identifier"] = Json{{"system", fhir::kBundleIds}, {"value", fhir::uuid_for(seed, "Bundle")}};
  bundle["type"] = type == BundleType::kTransaction ? "transaction" : "collection";
  bundle["timestamp"] = fhir::instant_text(now);
  Json list = Json::array();
  for (const auto& e : entries) list.push_back(entry_of(e, type));
  bundle["entry"] = std::move(list);
  return bundle;
}

Result<PersonRecords> person_records(store::Store& store, const std::string& person) {
  auto loaded = load_program(store, person, true);
  if (!loaded) return loaded.error();
  auto answers = store.latest_answers(loaded->person.id);
  if (!answers) return answers.error();
  if (!*answers || !parse_answers((*answers)->json)) {
    return make_error(fmt::format("the stored intake answers of \"{}\" are missing or cannot be read", person));
  }
  auto clearance = clearance_for(store, loaded->plan);
  if (!clearance) return clearance.error();
  auto changes = store.program_changes(loaded->person.id);
  if (!changes) return changes.error();
  return PersonRecords{loaded->person, **answers, std::move(loaded).value().history, std::move(clearance).value(),
                       std::move(changes).value()};
}

Result<fhir::Json> export_fhir(store::Store& store, const Clock& clock, const FhirContent& content,
                               const std::string& person, BundleType type) {
  auto records = person_records(store, person);
  if (!records) return records.error();
  return fhir_bundle(*records, content, clock.now(), type);
}

}  // namespace kc::usecases
