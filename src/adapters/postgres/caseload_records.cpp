#include "adapters/postgres/caseload_records.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/postgres/clinic_rows.h"
#include "adapters/postgres/row.h"
#include "core/store/rows.h"

namespace kc::postgres {
namespace {

using Tx = pqxx::transaction_base;
using Patients = std::map<store::PersonId, clinic::PatientRecords>;

// Every statement below is prepared (row.h exec) and takes the caseload's persons as one array
// ($1, bigint[] text), so each reads only their rows through an index on (person_id, ...): no
// statement scans a whole table (EXPLAIN ANALYZE in bench/clinic/README.md; the indexes on date
// are the store schema's version 6).

// The plan's row without its JSON (the flags never read it; it is the largest column).
constexpr const char* kPlanRowColumns =
    "id, person_id, answers_id, created_at, start_date, weeks, level, baseline_pain, reviews, '' AS plan_json, "
    "stopped_at, stop_reason";
static_assert(std::string_view(store::kPlanColumns).ends_with("plan_json, stopped_at, stop_reason"),
              "kPlanRowColumns follows store::kPlanColumns");

// Which rows the caseload reads, for the persons of the bigint[] expression `persons` ($2: the
// window's first date; $3-$5: the pain measures), shared by the statements below and the page's.
// Each person's latest plan.
std::string latest_plans(std::string_view persons) {
  return fmt::format(
      "SELECT DISTINCT ON (person_id) {} FROM plan WHERE person_id = ANY({}) ORDER BY person_id, created_at DESC, "
      "id DESC",
      kPlanRowColumns, persons);
}
// The ids of the sessions dated from $2, and of each person's latest finished or quit one.
std::string session_ids(std::string_view persons) {
  return fmt::format(
      "SELECT id FROM session_log WHERE person_id = ANY({0}) AND date >= $2 UNION ALL SELECT last.id FROM "
      "unnest({0}) AS p(id) CROSS JOIN LATERAL (SELECT id FROM session_log s WHERE s.person_id = p.id AND "
      "s.status <> 'in-progress' ORDER BY s.started_at DESC, s.id DESC LIMIT 1) last",
      persons);
}
// The pain ratings dated from $2.
std::string pain_where(std::string_view persons) {
  return fmt::format("person_id = ANY({}) AND measure IN ($3, $4, $5) AND date >= $2", persons);
}
// The ids of the check-ins dated from $2, of those whose level refers (check_in_referred), and
// of each person's latest.
std::string check_in_ids(std::string_view persons) {
  return fmt::format(
      "SELECT id FROM check_in WHERE person_id = ANY({0}) AND date >= $2 UNION ALL SELECT id FROM check_in WHERE "
      "person_id = ANY({0}) AND triage_level NOT IN ('go', 'caution') UNION ALL SELECT last.id FROM unnest({0}) "
      "AS p(id) CROSS JOIN LATERAL (SELECT id FROM check_in c WHERE c.person_id = p.id ORDER BY c.at DESC, "
      "c.id DESC LIMIT 1) last",
      persons);
}

// The statements of read_records_of: the persons are $1 (bigint[] text).
constexpr const char* kPersonsArg = "$1::bigint[]";
const std::string& plans_sql() {
  static const std::string sql = latest_plans(kPersonsArg);
  return sql;
}
constexpr const char* kPlanDays =
    "SELECT date, week, session, plan_id FROM plan_day WHERE plan_id = ANY($1::bigint[]) AND date >= $2 "
    "ORDER BY plan_id, date";
const std::string& sessions_sql() {
  static const std::string sql = fmt::format(
      "SELECT {} FROM session_log WHERE id IN ({}) ORDER BY person_id, "
      "started_at, id",
      store::kSessionColumns, session_ids(kPersonsArg));
  return sql;
}
const std::string& pain_sql() {
  static const std::string sql = fmt::format("SELECT {} FROM measurement WHERE {} ORDER BY person_id, taken_at, id",
                                             store::kMeasurementColumns, pain_where(kPersonsArg));
  return sql;
}
const std::string& check_ins_sql() {
  static const std::string sql = fmt::format("SELECT {} FROM check_in WHERE id IN ({}) ORDER BY person_id, at, id",
                                             store::kCheckInColumns, check_in_ids(kPersonsArg));
  return sql;
}

// `ids` as a PostgreSQL array literal, e.g. "{3,5,8}".
template <typename Ids>
std::string array_of(const Ids& ids) {
  std::string out = "{";
  for (const auto& id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + "}";
}

// Reads every row of `rows` with `read` and hands it to `put`.
template <typename Read, typename Put>
Status each(const pqxx::result& rows, Read&& read, Put&& put) {
  for (const auto& r : rows) {
    auto item = read(Row(r));
    if (!item) return item.error();
    put(std::move(item).value());
  }
  return Ok{};
}

Status read_plans(Tx& tx, const std::string& persons, const std::string& from, Patients& out) {
  std::map<store::Id, store::PlanRecord*> by_id;
  auto plans = each(exec(tx, plans_sql(), persons), store::read_plan<Row>, [&](store::PlanRecord p) {
    auto& slot = out[p.person].plan;
    slot = std::move(p);
    by_id[slot->id] = &*slot;
  });
  if (!plans) return plans;
  std::vector<store::Id> ids;
  ids.reserve(by_id.size());
  for (const auto& [id, plan] : by_id) ids.push_back(id);
  for (const auto& r : exec(tx, kPlanDays, array_of(ids), from)) {
    auto day = store::read_plan_day(Row(r));
    if (!day) return day.error();
    const auto it = by_id.find(r[3].as<store::Id>());
    if (it != by_id.end()) it->second->calendar.push_back(*day);
  }
  return Ok{};
}

Status read_sessions(Tx& tx, const std::string& persons, const std::string& from, Patients& out) {
  return each(exec(tx, sessions_sql(), persons, from), store::read_session<Row>,
              [&](store::SessionLog s) { out[s.person].sessions.push_back(std::move(s)); });
}

Status read_pain(Tx& tx, const std::string& persons, const std::string& from, Patients& out) {
  return each(exec(tx, pain_sql(), persons, from, std::string(store::kPainNow), std::string(store::kPainNextMorning),
                   std::string(store::kPainDuring)),
              store::read_measurement<Row>, [&](store::Measurement m) { out[m.person].pain.push_back(std::move(m)); });
}

Status read_check_ins(Tx& tx, const std::string& persons, const std::string& from, Patients& out) {
  return each(exec(tx, check_ins_sql(), persons, from), store::read_check_in<Row>,
              [&](store::CheckIn c) { out[c.person].check_ins.push_back(std::move(c)); });
}

// --- the whole caseload page in one statement ---
//
// The list, every patient's records and the clinician's reviews as one UNION ALL: each row is
// (kind, three sort keys, its columns as a JSON array of texts), read back through Row's text
// form by the same readers as above. One statement is one snapshot and one round trip, where
// the statements above are seven in a transaction (its BEGIN and COMMIT included).

enum class PageRow { kEntry = 0, kPlan, kPlanDay, kSession, kPainRating, kCheckIn, kReview };

// "x.a::text, x.b::text, ..." for the comma-separated `columns` (an "expr AS name" keeps its name).
std::string texts_of(std::string_view alias, std::string_view columns) {
  std::string out;
  while (!columns.empty()) {
    const auto comma = columns.find(", ");
    std::string_view column = columns.substr(0, comma);
    columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 2);
    if (const auto as = column.find(" AS "); as != std::string_view::npos) column = column.substr(as + 4);
    out += fmt::format("{}{}.{}::text", out.empty() ? "" : ", ", alias, column);
  }
  return out;
}

const std::string& page_sql() {
  static const std::string sql = [] {
    const std::string persons = "(SELECT persons FROM ids)::bigint[]";  // a cast: an array, not ANY (subquery)
    return fmt::format(
        "WITH list AS (SELECT c.clinician_id, a.id AS patient_id, a.username, coalesce(a.person_id, 0) AS person, "
        "coalesce(p.name, '') AS person_name, a.state, c.added_at, (SELECT count(*) FROM notification n "
        "WHERE n.clinician_id = c.clinician_id AND n.patient_person = a.person_id AND n.read_at IS NULL) AS unread "
        "FROM caseload c JOIN account a ON a.id = c.patient_id LEFT JOIN person p ON p.id = a.person_id "
        "WHERE c.clinician_id = $1), "
        "ids AS (SELECT coalesce(array_agg(person), '{{}}'::bigint[]) AS persons FROM list WHERE person <> 0), "
        "plans AS ({plans}) "
        "SELECT 0 AS kind, 0::bigint AS k1, x.username AS k2, 0::bigint AS k3, json_build_array({entry}) FROM list x "
        "UNION ALL SELECT 1, x.person_id, '', x.id, json_build_array({plan}) FROM plans x "
        "UNION ALL SELECT 2, x.plan_id, x.date, 0, json_build_array(x.date::text, x.week::text, x.session::text, "
        "x.plan_id::text) FROM plan_day x WHERE x.plan_id IN (SELECT id FROM plans) AND x.date >= $2 "
        "UNION ALL SELECT 3, x.person_id, x.started_at, x.id, json_build_array({session}) FROM session_log x "
        "WHERE x.id IN ({session_ids}) "
        "UNION ALL SELECT 4, x.person_id, x.taken_at, x.id, json_build_array({measurement}) FROM measurement x "
        "WHERE {pain_where} "
        "UNION ALL SELECT 5, x.person_id, x.at, x.id, json_build_array({check_in}) FROM check_in x "
        "WHERE x.id IN ({check_in_ids}) "
        "UNION ALL SELECT 6, 0, '', 0, json_build_array({review}) FROM (SELECT DISTINCT ON (patient_person, kind) "
        "id, clinician_id, patient_person, kind, seen_at, note FROM flag_review WHERE clinician_id = $1 "
        "ORDER BY patient_person, kind, seen_at DESC, id DESC) x "
        "ORDER BY 1, 2, 3, 4",
        fmt::arg("plans", latest_plans(persons)), fmt::arg("session_ids", session_ids(persons)),
        fmt::arg("pain_where", pain_where(persons)), fmt::arg("check_in_ids", check_in_ids(persons)),
        fmt::arg("entry", texts_of("x",
                                   "clinician_id, patient_id, username, person, person_name, state, added_at, "
                                   "unread")),
        fmt::arg("plan", texts_of("x", store::kPlanColumns)),
        fmt::arg("session", texts_of("x", store::kSessionColumns)),
        fmt::arg("measurement", texts_of("x", store::kMeasurementColumns)),
        fmt::arg("check_in", texts_of("x", store::kCheckInColumns)),
        fmt::arg("review", texts_of("x", "id, clinician_id, patient_person, kind, seen_at, note")));
  }();
  return sql;
}

// The JSON array of texts (or nulls) a page row carries.
Row::Texts texts_in(const char* json) {
  Row::Texts out;
  for (const auto& value : nlohmann::json::parse(json)) {
    if (value.is_null()) {
      out.emplace_back();
    } else {
      out.emplace_back(value.get<std::string>());
    }
  }
  return out;
}

// Puts one page row where it belongs.
Status put_page_row(PageRow kind, const Row& row, clinic::ClinicStore::CaseloadPage& page, Patients& patients,
                    std::map<store::Id, store::PlanRecord*>& plans) {
  auto add = [](auto item, auto&& put) -> Status {
    if (!item) return item.error();
    put(std::move(item).value());
    return Ok{};
  };
  switch (kind) {
    case PageRow::kEntry:
      return add(read_caseload_entry(row), [&](clinic::CaseloadEntry e) {
        if (e.person != 0) patients[e.person].person = e.person;
        page.entries.push_back(std::move(e));
      });
    case PageRow::kPlan:
      return add(store::read_plan(row), [&](store::PlanRecord p) {
        auto& slot = patients[p.person].plan;
        slot = std::move(p);
        plans[slot->id] = &*slot;
      });
    case PageRow::kPlanDay:
      return add(store::read_plan_day(row), [&](store::PlanDay d) {
        const auto it = plans.find(row.int64(3));
        if (it != plans.end()) it->second->calendar.push_back(d);
      });
    case PageRow::kSession:
      return add(store::read_session(row),
                 [&](store::SessionLog l) { patients[l.person].sessions.push_back(std::move(l)); });
    case PageRow::kPainRating:
      return add(store::read_measurement(row),
                 [&](store::Measurement m) { patients[m.person].pain.push_back(std::move(m)); });
    case PageRow::kCheckIn:
      return add(store::read_check_in(row),
                 [&](store::CheckIn c) { patients[c.person].check_ins.push_back(std::move(c)); });
    case PageRow::kReview:
      return add(read_flag_review(row), [&](clinic::FlagReview r) { page.reviews.push_back(std::move(r)); });
    default:
      return make_error(fmt::format("clinic store: unknown caseload page row kind {}", static_cast<int>(kind)));
  }
}

}  // namespace

Result<std::vector<clinic::PatientRecords>> read_caseload_records(Tx& tx, clinic::AccountId clinician, CivilDate from) {
  std::vector<store::PersonId> ids;
  for (const auto& r : exec(tx,
                            "SELECT a.person_id FROM caseload c JOIN account a ON a.id = c.patient_id "
                            "WHERE c.clinician_id = $1 AND a.person_id IS NOT NULL ORDER BY a.person_id",
                            clinician)) {
    ids.push_back(r[0].as<store::PersonId>());
  }
  return read_records_of(tx, ids, from);
}

Result<std::vector<clinic::PatientRecords>> read_records_of(Tx& tx, const std::vector<store::PersonId>& persons,
                                                            CivilDate from) {
  if (persons.empty()) return std::vector<clinic::PatientRecords>{};
  Patients patients;
  for (const store::PersonId person : persons) patients[person].person = person;
  const std::string ids = array_of(persons);
  const std::string since = store::iso(from);
  for (auto* read : {read_plans, read_sessions, read_pain, read_check_ins}) {
    if (auto st = read(tx, ids, since, patients); !st) return st.error();
  }
  std::vector<clinic::PatientRecords> out;
  out.reserve(patients.size());
  for (auto& [person, records] : patients) out.push_back(std::move(records));
  return out;
}

Result<clinic::ClinicStore::CaseloadPage> read_caseload_page(Tx& tx, clinic::AccountId clinician, CivilDate from) {
  clinic::ClinicStore::CaseloadPage page;
  Patients patients;
  std::map<store::Id, store::PlanRecord*> plans;
  // Rows come by kind: the plans before their days, so every day finds its plan.
  for (const auto& r : exec(tx, page_sql(), clinician, store::iso(from), std::string(store::kPainNow),
                            std::string(store::kPainNextMorning), std::string(store::kPainDuring))) {
    const Row::Texts texts = texts_in(r[4].c_str());
    if (auto st = put_page_row(static_cast<PageRow>(r[0].as<int>()), Row(texts), page, patients, plans); !st)
      return st.error();
  }
  page.records.reserve(patients.size());
  for (auto& [person, records] : patients) page.records.push_back(std::move(records));
  return page;
}

}  // namespace kc::postgres
