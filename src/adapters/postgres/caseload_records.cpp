#include "adapters/postgres/caseload_records.h"

#include <fmt/format.h>

#include <map>
#include <string>

#include "adapters/postgres/row.h"
#include "core/store/rows.h"

namespace kc::postgres {
namespace {

using Tx = pqxx::transaction_base;
using Patients = std::map<store::PersonId, clinic::PatientRecords>;

// The persons on the clinician's caseload ($1), for `person_id IN (...)`.
constexpr const char* kOnCaseload =
    "(SELECT a.person_id FROM caseload c JOIN account a ON a.id = c.patient_id "
    "WHERE c.clinician_id = $1 AND a.person_id IS NOT NULL)";

// Each person's latest plan id.
std::string latest_plans() {
  return fmt::format(
      "(SELECT DISTINCT ON (person_id) id FROM plan WHERE person_id IN {} ORDER BY person_id, created_at DESC, id "
      "DESC)",
      kOnCaseload);
}

// Reads every row of `rows` with `read` and hands it to `put` with the person it belongs to.
template <typename Read, typename Put>
Status each(const pqxx::result& rows, Read&& read, Put&& put) {
  for (const auto& r : rows) {
    auto item = read(Row(r));
    if (!item) return item.error();
    put(std::move(item).value());
  }
  return Ok{};
}

Status read_plans(Tx& tx, clinic::AccountId clinician, const std::string& from, Patients& out) {
  std::map<store::Id, store::PlanRecord*> by_id;
  auto plans = each(
      tx.exec_params(fmt::format("SELECT {} FROM plan WHERE id IN {}", store::kPlanColumns, latest_plans()), clinician),
      store::read_plan<Row>, [&](store::PlanRecord p) {
        auto& slot = out[p.person].plan;
        slot = std::move(p);
        by_id[slot->id] = &*slot;
      });
  if (!plans) return plans;
  for (const auto& r : tx.exec_params(fmt::format("SELECT date, week, session, plan_id FROM plan_day "
                                                  "WHERE plan_id IN {} AND date >= $2 ORDER BY plan_id, date",
                                                  latest_plans()),
                                      clinician, from)) {
    auto day = store::read_plan_day(Row(r));
    if (!day) return day.error();
    const auto it = by_id.find(r[3].as<store::Id>());
    if (it != by_id.end()) it->second->calendar.push_back(*day);
  }
  return Ok{};
}

Status read_sessions(Tx& tx, clinic::AccountId clinician, const std::string& from, Patients& out) {
  return each(tx.exec_params(fmt::format("SELECT {0} FROM session_log WHERE person_id IN {1} AND (date >= $2 OR id IN "
                                         "(SELECT DISTINCT ON (person_id) id FROM session_log WHERE person_id IN {1} "
                                         "AND status <> 'in-progress' ORDER BY person_id, started_at DESC, id DESC)) "
                                         "ORDER BY person_id, started_at, id",
                                         store::kSessionColumns, kOnCaseload),
                             clinician, from),
              store::read_session<Row>, [&](store::SessionLog s) { out[s.person].sessions.push_back(std::move(s)); });
}

Status read_pain(Tx& tx, clinic::AccountId clinician, const std::string& from, Patients& out) {
  return each(tx.exec_params(fmt::format("SELECT {} FROM measurement WHERE person_id IN {} AND measure IN ($3, $4, $5) "
                                         "AND date >= $2 ORDER BY person_id, taken_at, id",
                                         store::kMeasurementColumns, kOnCaseload),
                             clinician, from, std::string(store::kPainNow), std::string(store::kPainNextMorning),
                             std::string(store::kPainDuring)),
              store::read_measurement<Row>, [&](store::Measurement m) { out[m.person].pain.push_back(std::move(m)); });
}

Status read_check_ins(Tx& tx, clinic::AccountId clinician, const std::string& from, Patients& out) {
  return each(
      tx.exec_params(fmt::format("SELECT {0} FROM check_in WHERE person_id IN {1} AND (date >= $2 OR triage_level "
                                 "NOT IN ('go', 'caution') OR id IN (SELECT DISTINCT ON (person_id) id FROM check_in "
                                 "WHERE person_id IN {1} ORDER BY person_id, at DESC, id DESC)) "
                                 "ORDER BY person_id, at, id",
                                 store::kCheckInColumns, kOnCaseload),
                     clinician, from),
      store::read_check_in<Row>, [&](store::CheckIn c) { out[c.person].check_ins.push_back(std::move(c)); });
}

}  // namespace

Result<std::vector<clinic::PatientRecords>> read_caseload_records(Tx& tx, clinic::AccountId clinician, CivilDate from) {
  Patients patients;
  for (const auto& r : tx.exec_params(fmt::format("SELECT person_id FROM {} AS p", kOnCaseload), clinician)) {
    const auto person = r[0].as<store::PersonId>();
    patients[person].person = person;
  }
  const std::string since = store::iso(from);
  for (auto* read : {read_plans, read_sessions, read_pain, read_check_ins}) {
    if (auto st = read(tx, clinician, since, patients); !st) return st.error();
  }
  std::vector<clinic::PatientRecords> out;
  out.reserve(patients.size());
  for (auto& [person, records] : patients) out.push_back(std::move(records));
  return out;
}

}  // namespace kc::postgres
