#include "adapters/postgres/caseload_records.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "adapters/postgres/database.h"
#include "adapters/postgres/plan_cache.h"
#include "adapters/postgres/row.h"
#include "core/store/rows.h"

namespace kc::postgres {
namespace {

using Tx = pqxx::transaction_base;
using Patients = std::map<store::PersonId, clinic::PatientRecords>;

// The page's window: its first day and today, as the store keeps dates (YYYY-MM-DD).
struct Window {
  std::string from;
  std::string to;
};

// Every statement below is prepared (row.h exec) and takes the caseload's persons as one array
// ($1, bigint[] text), so each reads only their rows through an index on (person_id, ...): no
// statement scans a whole table (EXPLAIN ANALYZE in bench/clinic/README.md; the indexes on date
// are the store schema's version 6, made covering in its version 8). None sorts: each person's
// rows are put in time order here (in_time_order), which costs far less than PostgreSQL's sort
// of the page's thousands of rows by their text instants.

// The plan's row without its JSON (the flags never read it; it is the largest column).
constexpr const char* kPlanRowColumns =
    "id, person_id, answers_id, created_at, start_date, weeks, level, baseline_pain, reviews, '' AS plan_json, "
    "stopped_at, stop_reason";
static_assert(std::string_view(store::kPlanColumns).ends_with("plan_json, stopped_at, stop_reason"),
              "kPlanRowColumns follows store::kPlanColumns");

// Each person's latest plan, then the clearance it was built under (its JSON, or NULL), then its
// days from $2 through $3 as one array of {date, week, session} texts (a row each would be 35 rows
// a person). Its days after today are not read: early in a program they outnumber the window's.
constexpr const char* kPlans =
    "SELECT {}, (SELECT c.json FROM clearance c WHERE c.plan_id = plan.id AND c.person_id = plan.person_id), "
    "ARRAY(SELECT ARRAY[d.date, d.week::text, d.session] FROM plan_day d WHERE d.plan_id = plan.id AND "
    "d.date >= $2 AND d.date <= $3 ORDER BY d.date) "
    "FROM (SELECT DISTINCT ON (person_id) * FROM plan WHERE person_id = ANY($1::bigint[]) "
    "ORDER BY person_id, created_at DESC, id DESC) plan";

// Sessions dated from $2 (from session_log_by_person_date alone: it holds every column), and each
// person's latest finished or quit one when it is dated before $2 (from $2 on, the first part has
// it), so the two parts never share a row and need no de-duplication.
constexpr const char* kSessions =
    "SELECT {0} FROM session_log WHERE person_id = ANY($1::bigint[]) AND date >= $2 UNION ALL "
    "SELECT last.* FROM unnest($1::bigint[]) AS p(id) CROSS JOIN LATERAL (SELECT {0} FROM session_log s "
    "WHERE s.person_id = p.id AND s.status <> 'in-progress' ORDER BY s.started_at DESC, s.id DESC LIMIT 1) last "
    "WHERE last.date < $2";
// A pain rating's row as kPain reads it: which of the three kinds it is (0, 1, 2: kRatingKinds),
// then its columns but the measure, its items and its note (the flags and the sparkline read
// neither; RatingRow puts them back for store::read_measurement). Each column is in
// measurement_by_person_date, so PostgreSQL reads the ratings from that index alone (the store
// schema's version 8), not one table page per rating; and the page's thousands of ratings do not
// each carry the measure's name and two constants (PostgreSQL spent about 15% of the statement's
// time writing them out, bench/clinic/README.md).
constexpr std::array<std::string_view, 3> kRatingKinds{store::kPainNow, store::kPainNextMorning, store::kPainDuring};
constexpr const char* kRatingColumns = "id, person_id, taken_at, date, value, session_id";
// Each kind of rating ($3, $4, $5) is read as its own range of that index, (person, measure, date
// from $2): PostgreSQL 15 does not search an index-only scan by a list on a later column
// (`measure IN (...)`), so with one statement it read each person's every measurement of all time
// and filtered them, a cost that grew with the length of their history, not with the page's weeks.
constexpr const char* kPain =
    "SELECT 0, {0} FROM measurement WHERE person_id = ANY($1::bigint[]) AND measure = $3 AND date >= $2 UNION ALL "
    "SELECT 1, {0} FROM measurement WHERE person_id = ANY($1::bigint[]) AND measure = $4 AND date >= $2 UNION ALL "
    "SELECT 2, {0} FROM measurement WHERE person_id = ANY($1::bigint[]) AND measure = $5 AND date >= $2";

// A row of kPain read as a row of store::kMeasurementColumns, for store::read_measurement: the
// measure named by its kind, empty items and note.
class RatingRow {
 public:
  explicit RatingRow(const Row& row) : row_(row) {}
  std::int64_t int64(int column) const { return row_.int64(at(column)); }
  double real(int column) const { return row_.real(at(column)); }
  std::string text(int column) const { return std::string(view(column)); }
  std::string_view view(int column) const {
    switch (column) {
      case kMeasure:
        return kRatingKinds.at(static_cast<std::size_t>(row_.integer(0)));
      case kItems:
        return "[]";
      case kNote:
        return "";
      default:
        return row_.view(at(column));
    }
  }
  bool is_null(int column) const { return row_.is_null(at(column)); }

 private:
  // kMeasurementColumns's columns: id, person_id, measure, taken_at, date, value, items, session_id, note.
  static constexpr int kMeasure = 2;
  static constexpr int kItems = 6;
  static constexpr int kNote = 8;
  // Where the column `column` of kMeasurementColumns is in kPain's row (not for the three above).
  static int at(int column) {
    static constexpr std::array<int, 9> kFrom{1, 2, -1, 3, 4, 5, -1, 6, -1};
    const int from = kFrom.at(static_cast<std::size_t>(column));
    if (from < 0) throw pqxx::usage_error(fmt::format("a rating's column {} is not read from kPain's row", column));
    return from;
  }
  const Row& row_;
};
static_assert(std::string_view(store::kMeasurementColumns) ==
                  "id, person_id, measure, taken_at, date, value, items, session_id, note",
              "RatingRow follows store::kMeasurementColumns");
// The check-ins whose level refers (check_in_referred) and each person's latest: the flags read
// no other (a check-in's pain is a measurement, read above).
constexpr const char* kCheckIns =
    "SELECT {} FROM check_in WHERE id IN ("
    "SELECT id FROM check_in WHERE person_id = ANY($1::bigint[]) AND triage_level NOT IN ('go', 'caution') "
    "UNION ALL SELECT last.id FROM unnest($1::bigint[]) AS p(id) CROSS JOIN LATERAL (SELECT id FROM check_in c "
    "WHERE c.person_id = p.id ORDER BY c.at DESC, c.id DESC LIMIT 1) last)";

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

// A plan day's texts, read by the same row reader as a plan_day row (date, week, session).
struct DayTexts {
  std::vector<std::string> texts;
  std::string text(int column) const { return texts.at(static_cast<std::size_t>(column)); }
  std::string_view view(int column) const { return texts.at(static_cast<std::size_t>(column)); }
  int integer(int column) const { return std::stoi(text(column)); }
};

// The plan days of kPlans's array `days` ({{date, week, session}, ...}) into `plan`'s calendar.
Status read_days(const pqxx::field& days, store::PlanRecord& plan) {
  auto parser = days.as_array();
  DayTexts day;
  int depth = 0;
  for (;;) {
    auto [what, text] = parser.get_next();
    if (what == pqxx::array_parser::done) break;
    if (what == pqxx::array_parser::row_start && ++depth == 2) day.texts.clear();
    if (what == pqxx::array_parser::string_value) day.texts.push_back(std::move(text));
    if (what == pqxx::array_parser::null_value)
      return make_error("store: a plan day without its date, week or session");
    if (what != pqxx::array_parser::row_end || depth-- != 2) continue;
    if (day.texts.size() != 3) return make_error("store: a plan day is not {date, week, session}");
    auto read = store::read_plan_day(day);
    if (!read) return read.error();
    plan.calendar.push_back(std::move(read).value());
  }
  return Ok{};
}

Status read_plans(Tx& tx, const std::string& persons, const Window& window, Patients& out) {
  static const std::string sql = fmt::format(kPlans, kPlanRowColumns);
  for (const auto& r : exec(tx, sql, persons, window.from, window.to)) {
    auto plan = store::read_plan(Row(r));
    if (!plan) return plan.error();
    auto& records = out[plan->person];
    records.plan = std::move(plan).value();
    const auto clearance = r[r.size() - 2];
    if (!clearance.is_null()) records.clearance_json = clearance.c_str();
    if (auto days = read_days(r[r.size() - 1], *records.plan); !days) return days;
  }
  return Ok{};
}

Status read_sessions(Tx& tx, const std::string& persons, const Window& window, Patients& out) {
  static const std::string sql = fmt::format(kSessions, store::kSessionColumns);
  return each(exec(tx, sql, persons, window.from), store::read_session<Row>,
              [&](store::SessionLog s) { out[s.person].sessions.push_back(std::move(s)); });
}

Status read_pain(Tx& tx, const std::string& persons, const Window& window, Patients& out) {
  static const std::string sql = fmt::format(kPain, kRatingColumns);
  return each(
      exec(tx, sql, persons, window.from, std::string(kRatingKinds[0]), std::string(kRatingKinds[1]),
           std::string(kRatingKinds[2])),
      [](const Row& row) { return store::read_measurement(RatingRow(row)); },
      [&](store::Measurement m) { out[m.person].pain.push_back(std::move(m)); });
}

Status read_check_ins(Tx& tx, const std::string& persons, const Window& /*window*/, Patients& out) {
  static const std::string sql = fmt::format(kCheckIns, store::kCheckInColumns);
  return each(exec(tx, sql, persons), store::read_check_in<Row>,
              [&](store::CheckIn c) { out[c.person].check_ins.push_back(std::move(c)); });
}

// A person's sessions by (started_at, id), ratings by (taken_at, id) and check-ins by (at, id):
// the order the store's other reads give them in.
void in_time_order(clinic::PatientRecords& r) {
  std::sort(r.sessions.begin(), r.sessions.end(),
            [](const auto& a, const auto& b) { return std::tie(a.started_at, a.id) < std::tie(b.started_at, b.id); });
  std::sort(r.pain.begin(), r.pain.end(),
            [](const auto& a, const auto& b) { return std::tie(a.taken_at, a.id) < std::tie(b.taken_at, b.id); });
  std::sort(r.check_ins.begin(), r.check_ins.end(),
            [](const auto& a, const auto& b) { return std::tie(a.at, a.id) < std::tie(b.at, b.id); });
}

// --- the plan cache (plan_cache.h) ---

// Each person's plan version (none: 0).
constexpr const char* kPlanVersions = "SELECT person_id, version FROM plan_version WHERE person_id = ANY($1::bigint[])";

Result<std::map<store::PersonId, std::int64_t>> read_plan_versions(Tx& tx, const std::string& persons) {
  std::map<store::PersonId, std::int64_t> out;
  for (const auto& r : exec(tx, kPlanVersions, persons)) {
    const Row row(r);
    out[row.int64(0)] = row.int64(1);
  }
  return out;
}

// Reads the plans of `persons` into `out`: again only those whose version moved since `cache`
// kept them (or read for another window), which it then keeps.
Status read_plans_cached(Tx& tx, const std::vector<store::PersonId>& persons, const Window& window, CivilDate from,
                         CivilDate to, PlanCache& cache, Patients& out) {
  auto read = read_plan_versions(tx, array_of(persons));
  if (!read) return read.error();
  const auto versions = std::move(read).value();
  const auto version_of = [&](store::PersonId p) {
    const auto it = versions.find(p);
    return it == versions.end() ? std::int64_t{0} : it->second;
  };
  const auto kept = cache.find(persons);
  std::vector<store::PersonId> stale;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const KeptPlan* k = kept[i].get();
    if (k != nullptr && k->from == from && k->to == to && k->version == version_of(persons[i])) {
      out[persons[i]].plan = k->plan;
      out[persons[i]].clearance_json = k->clearance_json;
    } else {
      stale.push_back(persons[i]);
    }
  }
  if (stale.empty()) return Ok{};
  if (auto st = read_plans(tx, array_of(stale), window, out); !st) return st;
  std::vector<std::pair<store::PersonId, std::shared_ptr<const KeptPlan>>> fresh;
  fresh.reserve(stale.size());
  for (const store::PersonId p : stale) {
    const clinic::PatientRecords& r = out[p];
    fresh.emplace_back(p,
                       std::make_shared<const KeptPlan>(KeptPlan{from, to, version_of(p), r.plan, r.clearance_json}));
  }
  cache.put(fresh);
  return Ok{};
}

}  // namespace

Result<std::vector<clinic::PatientRecords>> read_caseload_records(Tx& tx, clinic::AccountId clinician, CivilDate from,
                                                                  CivilDate to, PlanCache* cache) {
  std::vector<store::PersonId> ids;
  for (const auto& r : exec(tx,
                            "SELECT a.person_id FROM caseload c JOIN account a ON a.id = c.patient_id "
                            "WHERE c.clinician_id = $1 AND a.person_id IS NOT NULL ORDER BY a.person_id",
                            clinician)) {
    ids.push_back(r[0].as<store::PersonId>());
  }
  return read_records_of(tx, ids, from, to, cache);
}

Result<std::vector<clinic::PatientRecords>> read_records_of(Tx& tx, const std::vector<store::PersonId>& persons,
                                                            CivilDate from, CivilDate to, PlanCache* cache) {
  if (persons.empty()) return std::vector<clinic::PatientRecords>{};
  Patients patients;
  for (const store::PersonId person : persons) patients[person].person = person;
  const std::string ids = array_of(persons);
  const Window window{store::iso(from), store::iso(to)};
  // Only a committed snapshot may be kept: a read joined to a write could keep what it then rolls back.
  const Status plans = cache != nullptr && is_read_snapshot(tx)
                           ? read_plans_cached(tx, persons, window, from, to, *cache, patients)
                           : read_plans(tx, ids, window, patients);
  if (!plans) return plans.error();
  for (auto* read : {read_sessions, read_pain, read_check_ins}) {
    if (auto st = read(tx, ids, window, patients); !st) return st.error();
  }
  std::vector<clinic::PatientRecords> out;
  out.reserve(patients.size());
  for (auto& [person, records] : patients) {
    in_time_order(records);
    out.push_back(std::move(records));
  }
  return out;
}

}  // namespace kc::postgres
