// The clinic store under load, run by hand (bench/clinic/README.md): 10,000 patients and 100
// clinicians in PostgreSQL; THREADS threads post durable writes (a whole session, or a
// next-morning check-in, each one transaction) while READERS threads load caseload pages of about
// 100 patients (the use case GET /api/v1/clinic/caseload runs: the audit row, the list, every
// patient's records and flags); then the same writes on the SQLite store. Prints writes/s and
// p50/p99 per kind.
//
//   kc_bench_clinic --db URL [--sqlite DIR] [--threads 60] [--readers 4] [--seconds 20]
//                   [--patients 10000] [--clinicians 100] [--pool N] [--split 1] [--rate N] [--page-rate N]
// --pool: the connections the threads share (default one per thread, threads + readers: 64); with
// fewer, a quarter of them is kept for reads, as clinic serve --connections does (pool_for).
// Before the timed run, every connection runs a write and a page (warm_up), as a running server's
// connections have, and every clinician's page is loaded once, as a running server's plan cache
// (postgres/plan_cache.h) holds the plans of the caseloads opened since it started.
// --split 1: the readers time the page's parts instead (the audit row, the store's read, the
// flags), each as the use case does it, and count the records read per page.
// --rate N: the writers offer N writes a second in all (open loop: each write has its due time,
// and its latency counts from then, so a write that waits for the one before it is charged for
// the wait); without it each writer posts its next write as soon as the last one is acknowledged
// (closed loop: the store's most, with the host's CPU saturated).
// --page-rate N: the readers load N caseload pages a second in all, the same way (page k is due
// k / N seconds after the start, taken by whichever reader is free, and its latency counts from
// then); without it each reader loads its next page as soon as the last one is shown.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "adapters/postgres/pg_clinic_store.h"
#include "adapters/postgres/pg_store.h"
#include "adapters/sqlite/sqlite_store.h"
#include "core/tracking/tracking_test_support.h"
#include "usecases/clinic/attention.h"
#include "usecases/clinic/authorize.h"
#include "usecases/clinic/testing/fakes.h"

namespace {

using namespace kc;  // NOLINT(google-build-using-namespace): a driver of the whole store
using Steady = std::chrono::steady_clock;
using tracking::testing::at;
using tracking::testing::day;

struct Args {
  std::string db;
  std::string sqlite_dir;
  int threads = 60;  // with the 4 readers, 64 connections (issue 16's "64 connections")
  int readers = 4;
  int seconds = 20;
  int patients = 10000;
  int clinicians = 100;
  int pool = 0;  // 0: threads + readers
  bool split = false;
  double rate = 0;       // writes/s offered in all; 0: as many as the store takes
  double page_rate = 0;  // caseload pages/s offered in all; 0: each reader back to back
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const std::string v = argv[i + 1];
    if (k == "--db")
      a.db = v;
    else if (k == "--sqlite")
      a.sqlite_dir = v;
    else if (k == "--threads")
      a.threads = std::stoi(v);
    else if (k == "--readers")
      a.readers = std::stoi(v);
    else if (k == "--seconds")
      a.seconds = std::stoi(v);
    else if (k == "--patients")
      a.patients = std::stoi(v);
    else if (k == "--clinicians")
      a.clinicians = std::stoi(v);
    else if (k == "--pool")
      a.pool = std::stoi(v);
    else if (k == "--split")
      a.split = v != "0";
    else if (k == "--rate")
      a.rate = std::stod(v);
    else if (k == "--page-rate")
      a.page_rate = std::stod(v);
    else {
      fmt::print(stderr, "kc_bench_clinic: unknown option {}\n", k);
      std::exit(2);
    }
  }
  if (a.db.empty()) {
    fmt::print(stderr,
               "usage: kc_bench_clinic --db URL [--sqlite DIR] [--threads N] [--readers N] [--seconds N] "
               "[--patients N] [--clinicians N] [--pool N] [--split 1] [--rate N] [--page-rate N]\n"
               "(scripts/pg-cluster start DIR; then --db \"$(scripts/pg-cluster url DIR)\")\n");
    std::exit(2);
  }
  return a;
}

void die(const std::string& what, const kc::Error& e) {
  fmt::print(stderr, "kc_bench_clinic: {}: {}\n", what, e.message);
  std::fflush(nullptr);
  std::_Exit(1);  // other threads may still run: no static destructors
}

// Latencies of one kind of request, in microseconds.
struct Samples {
  std::mutex mutex;
  std::vector<double> micros;
  std::atomic<long> failures{0};
  void add(std::vector<double>& local) {
    const std::lock_guard lock(mutex);
    micros.insert(micros.end(), local.begin(), local.end());
  }
  std::string report(const std::string& name, double seconds) {
    std::sort(micros.begin(), micros.end());
    auto pct = [&](double p) {
      return micros.empty() ? 0.0 : micros[static_cast<std::size_t>(p * static_cast<double>(micros.size() - 1))];
    };
    return fmt::format("{:<22} {:>8} ok {:>4} failed {:>9.0f}/s   p50 {:>7.2f} ms   p99 {:>7.2f} ms", name,
                       micros.size(), failures.load(), static_cast<double>(micros.size()) / seconds, pct(0.50) / 1000,
                       pct(0.99) / 1000);
  }
};

store::PlanRecord plan_for(store::PersonId person) {
  tracking::testing::Script script;
  store::PlanRecord p = script.h.plan;
  p.id = 0;
  p.person = person;
  p.created_at = at(0, 7);
  p.plan_json = "{}";
  return p;
}

// The person "patient-N" with answers and a plan (made when missing); returns the plan.
store::PlanRecord ensure_patient(store::Store& s, int n) {
  const std::string name = fmt::format("patient-{}", n);
  auto person = s.ensure_person(name, at(0, 7));
  if (!person) die("seeding " + name, person.error());
  auto plan = s.active_plan(person->id);
  if (!plan) die("seeding " + name, plan.error());
  if (*plan) return **plan;
  auto saved = s.save_setup({{0, person->id, at(0, 7), "{}", "go"}, plan_for(person->id)});
  if (!saved) die("seeding " + name, saved.error());
  return *saved->plan;
}

// Runs f(t) on n threads and waits.
template <typename F>
void in_threads(int n, const F& f) {
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(n));
  for (int t = 0; t < n; ++t) threads.emplace_back(f, t);
  for (auto& th : threads) th.join();
}

std::vector<store::PlanRecord> seed_store(store::Store& s, int patients, int threads) {
  std::vector<store::PlanRecord> plans(static_cast<std::size_t>(patients));
  std::atomic<int> next{0};
  in_threads(threads, [&](int) {
    for (int n = next++; n < patients; n = next++) plans[static_cast<std::size_t>(n)] = ensure_patient(s, n);
  });
  return plans;
}

// 100 clinician accounts, each with patients/clinicians patient accounts on its caseload.
std::vector<clinic::AccountId> seed_clinic(clinic::ClinicStore& c, const std::vector<store::PlanRecord>& plans,
                                           int clinicians, int threads) {
  std::vector<clinic::AccountId> ids(static_cast<std::size_t>(clinicians));
  std::atomic<int> next{0};
  in_threads(threads, [&](int) {
    for (int k = next++; k < clinicians; k = next++) {
      const std::string name = fmt::format("dr-{}", k);
      auto found = c.find_account_by_username(name);
      if (!found) die("seeding " + name, found.error());
      if (*found) {
        ids[static_cast<std::size_t>(k)] = (*found)->id;
        continue;
      }
      auto made = c.create_account({0, name, clinic::Role::kClinician, "h", {}, false, 0, {}, {}, at(0, 7)});
      if (!made) die("seeding " + name, made.error());
      ids[static_cast<std::size_t>(k)] = made->id;
      for (std::size_t p = static_cast<std::size_t>(k); p < plans.size(); p += static_cast<std::size_t>(clinicians)) {
        clinic::Account patient{0, fmt::format("pat-{}", p), clinic::Role::kPatient,        "h",     {}, false,
                                0, plans[p].person,          clinic::AccountState::kActive, at(0, 7)};
        clinic::Invite invite{0, fmt::format("l-{}", p), "c", made->id, 0, at(0, 8), at(7, 8), at(0, 9)};
        if (auto r = c.create_invited_patient(patient, invite); !r) die("seeding " + patient.username, r.error());
      }
    }
  });
  return ids;
}

// One write: a whole finished session with two exercise logs, or a check-in.
kc::Status write_one(store::Store& s, const store::PlanRecord& plan, int n) {
  const int d = n % 42;
  if (n % 2 == 0) {
    store::CheckIn ci{0, plan.person, at(d, 8) + std::chrono::milliseconds{n}, day(d), n % 10, {}, "go", false};
    auto r = s.save_check_in(ci, {}, "");
    return r ? kc::Status{kc::Ok{}} : kc::Status{r.error()};
  }
  store::SessionLog log{0,     plan.person, plan.id, day(d), "A", at(d, 18), at(d, 19), store::SessionStatus::kFinished,
                        n % 10};
  std::vector<store::ExerciseLog> logs(2);
  for (int i = 0; i < 2; ++i) {
    auto& e = logs[static_cast<std::size_t>(i)];
    e.person = plan.person;
    e.position = i;
    e.exercise_id = i == 0 ? "squat" : "calf-stretch";
    e.planned = tracking::testing::reps_dose(2, 10, 15);
    e.sets_done = 2;
    e.reps_done = 20;
    e.seconds = 90;
    e.finished_at = at(d, 18) + std::chrono::minutes{5 + i};
  }
  auto r = s.save_session(log, logs, {});
  return r ? kc::Status{kc::Ok{}} : kc::Status{r.error()};
}

// The caseload page needs no second factor: a Totp that never matches.
class NoTotp final : public usecases::clinic::Totp {
 public:
  std::optional<std::int64_t> match(const std::string& /*secret*/, std::string_view /*code*/,
                                    kc::TimePoint /*now*/) const override {
    return std::nullopt;
  }
  kc::Result<std::string> code(const std::string& /*secret*/, kc::TimePoint /*now*/) const override {
    return std::string();
  }
};

// The caseload page opens no sealed secret: a box without a key, which refuses every call.
class NoSecrets final : public usecases::clinic::SecretBox {
 public:
  kc::Result<std::string> seal(std::string_view /*plain*/, std::string_view /*context*/) const override {
    return kc::make_error(kc::errc::kFailed, "secret", "the benchmark has no key");
  }
  kc::Result<std::string> open(std::string_view /*sealed*/, std::string_view /*context*/) const override {
    return kc::make_error(kc::errc::kFailed, "secret", "the benchmark has no key");
  }
};

// What a clinician's caseload page costs the server, without HTTP: the use case behind GET
// /api/v1/clinic/caseload (its audit row, the list, the records and the flags of every patient)
// on the last day of the writes' 6 weeks, so their sessions and check-ins are in its window.
struct CaseloadPage {
  explicit CaseloadPage(clinic::ClinicStore& c, store::Store& s)
      : clock(at(41, 12)), clinic{c, s, clock, hasher, tokens, totp, secrets, {}} {}
  kc::Result<std::size_t> load(clinic::AccountId clinician) {
    auto rows = usecases::clinic::caseload_by_attention(clinic, caller_of(clinician), {});
    if (!rows) return rows.error();
    return rows->size();
  }
  // The same page in its parts, each timed (microseconds): the audit row (authorize), the store's
  // read (ClinicStore::caseload_page), every patient's flags, adherence and sparkline.
  struct Parts {
    double audit = 0, read = 0, flags = 0;
    std::size_t records = 0;  // plan days, sessions, ratings and check-ins read
    std::size_t shown = 0;    // flags, sparkline days and sessions done
  };
  kc::Result<std::size_t> load_in_parts(clinic::AccountId clinician, Parts& parts) {
    const auto begin = Steady::now();
    auto ok = usecases::clinic::authorize(clinic, caller_of(clinician), usecases::clinic::Action::kReadCaseload,
                                          std::nullopt, "caseload");
    if (!ok) return ok.error();
    const auto audited = Steady::now();
    const kc::CivilDate today = clock.today();
    auto page = clinic.store.caseload_page(clinician, today - date::days{clinic::kRecordsDays}, today);
    if (!page) return page.error();
    const auto read = Steady::now();
    for (const auto& r : page->records) {
      // Kept, so the compiler keeps the work: what the page's rows carry.
      parts.shown += clinic::flags(r, {}, today).size() + clinic::pain_sparkline(r, today).size() +
                     static_cast<std::size_t>(clinic::recent_adherence(r, today).done);
    }
    const auto done = Steady::now();
    parts.audit = std::chrono::duration<double, std::micro>(audited - begin).count();
    parts.read = std::chrono::duration<double, std::micro>(read - audited).count();
    parts.flags = std::chrono::duration<double, std::micro>(done - read).count();
    parts.records = 0;
    for (const auto& r : page->records) {
      parts.records += r.sessions.size() + r.pain.size() + r.check_ins.size() + (r.plan ? r.plan->calendar.size() : 0);
    }
    return page->entries.size();
  }
  static usecases::clinic::Caller caller_of(clinic::AccountId clinician) {
    return {{clinician, clinic::Role::kClinician, {}, "bench"}, "bench"};
  }
  kc::ManualClock clock;
  clinic::testing::FakeHasher hasher;
  clinic::testing::FakeTokens tokens;
  NoTotp totp;
  NoSecrets secrets;
  usecases::clinic::Clinic clinic;
};

double micros_since(Steady::time_point start) {
  return std::chrono::duration<double, std::micro>(Steady::now() - start).count();
}

// When request n of an open loop offering `per_second` requests a second from `start` is due.
Steady::time_point due(Steady::time_point start, long n, double per_second) {
  return start + std::chrono::duration_cast<Steady::duration>(
                     std::chrono::duration<double>(static_cast<double>(n) / per_second));
}

// Each pooled connection prepares a statement the first time it runs it (postgres/row.h exec),
// as a long-running server's connections did long before: `pool` threads write and load a page
// at once, three times over, so each connection has most likely run both before the timed run
// and no timed request pays for PostgreSQL's planning. Then every clinician's page once, so the
// plan cache holds every caseload's plans. Returns how many of them failed.
int warm_up(store::Store& s, clinic::ClinicStore& c, const std::vector<store::PlanRecord>& plans,
            const std::vector<clinic::AccountId>& clinicians, int pool) {
  CaseloadPage page(c, s);
  std::atomic<int> failed{0};
  for (int round = 0; round < 3; ++round) {
    in_threads(pool, [&](int t) {
      const auto i = static_cast<std::size_t>(t);
      if (!write_one(s, plans[i % plans.size()], t)) ++failed;
      if (!page.load(clinicians[i % clinicians.size()])) ++failed;
    });
  }
  std::atomic<std::size_t> next{0};
  in_threads(pool, [&](int) {
    for (std::size_t k = next++; k < clinicians.size(); k = next++) {
      if (!page.load(clinicians[k])) ++failed;
    }
  });
  return failed.load();
}

// Writers and caseload readers for `seconds`; prints one line per kind.
void run_load(const std::string& title, store::Store& s, clinic::ClinicStore* c,
              const std::vector<store::PlanRecord>& plans, const std::vector<clinic::AccountId>& clinicians,
              const Args& a) {
  Samples writes;
  Samples caseloads;
  Samples audits, reads, flags, records;  // --split: the page's parts (records: counts, not times)
  std::atomic<bool> stop{false};
  std::atomic<long> caseload_rows{0};
  std::atomic<long> next_page{0};  // --page-rate: the next page due, whichever reader takes it
  const int readers = c == nullptr ? 0 : a.readers;
  std::optional<CaseloadPage> page;  // one per run: its parts are thread-safe, as the server's are
  if (c != nullptr) page.emplace(*c, s);
  const auto start = Steady::now();
  std::thread timer([&] {
    std::this_thread::sleep_for(std::chrono::seconds(a.seconds));
    stop = true;
  });
  in_threads(a.threads + readers, [&](int t) {
    std::mt19937 rng(static_cast<unsigned>(t) * 7919U + 1U);
    std::vector<double> local;
    if (t >= a.threads) {
      std::uniform_int_distribution<std::size_t> pick(0, clinicians.size() - 1);
      while (!stop) {
        auto begin = Steady::now();
        if (a.page_rate > 0) {  // open loop: page k is due k / page_rate seconds after the start
          begin = due(start, next_page++, a.page_rate);
          std::this_thread::sleep_until(begin);
          if (stop) break;
        }
        CaseloadPage::Parts parts;
        auto load = a.split ? page->load_in_parts(clinicians[pick(rng)], parts) : page->load(clinicians[pick(rng)]);
        if (!load) {
          if (caseloads.failures++ == 0) fmt::print(stderr, "first failed caseload: {}\n", load.error().message);
          continue;
        }
        local.push_back(micros_since(begin));
        caseload_rows += static_cast<long>(*load);
        if (a.split) {
          std::vector<double> one{parts.audit};
          audits.add(one);
          one = {parts.read};
          reads.add(one);
          one = {parts.flags};
          flags.add(one);
          one = {static_cast<double>(parts.records)};
          records.add(one);
        }
      }
      caseloads.add(local);
      return;
    }
    std::uniform_int_distribution<std::size_t> pick(0, plans.size() - 1);
    for (int n = t; !stop; n += a.threads) {
      auto begin = Steady::now();
      if (a.rate > 0) {  // open loop: write n is due n / rate seconds after the start
        begin = due(start, n, a.rate);
        std::this_thread::sleep_until(begin);
        if (stop) break;
      }
      if (auto r = write_one(s, plans[pick(rng)], n); !r) {
        if (writes.failures++ == 0) fmt::print(stderr, "first failed write: {}\n", r.error().message);
        continue;
      }
      local.push_back(micros_since(begin));
    }
    writes.add(local);
  });
  timer.join();
  const double seconds = std::chrono::duration<double>(Steady::now() - start).count();
  fmt::print("{}\n  {}\n", title, writes.report("durable writes", seconds));
  if (a.rate > 0) {
    fmt::print("  (offered {:.0f} writes/s; each write's latency counts from its due time)\n", a.rate);
  }
  if (c != nullptr && !caseloads.micros.empty()) {
    const double per = static_cast<double>(caseload_rows.load()) / static_cast<double>(caseloads.micros.size());
    fmt::print("  {}   ({:.0f} patients each)\n", caseloads.report("caseload pages", seconds), per);
    if (a.page_rate > 0) {
      fmt::print("  (offered {:.0f} pages/s; each page's latency counts from its due time)\n", a.page_rate);
    }
    if (a.split) {
      fmt::print("    {}\n    {}\n    {}\n", audits.report("its audit row", seconds),
                 reads.report("its store read", seconds), flags.report("its flags", seconds));
      std::sort(records.micros.begin(), records.micros.end());
      fmt::print("    records read per page  p50 {:.0f}   p99 {:.0f}   (plan days, sessions, ratings, check-ins)\n",
                 records.micros[records.micros.size() / 2], records.micros[(records.micros.size() - 1) * 99 / 100]);
    }
  }
}

// The SQLite store shared by threads as one connection (SqliteStore is one connection; the
// personal server serialises its requests the same way).
class Serialised final : public store::Store {
 public:
  explicit Serialised(std::unique_ptr<store::Store> s) : s_(std::move(s)) {}
  kc::Result<store::Person> ensure_person(const std::string& n, kc::TimePoint t) override {
    return lock()->ensure_person(n, t);
  }
  kc::Result<std::optional<store::Person>> find_person(const std::string& n) override { return lock()->find_person(n); }
  kc::Result<std::optional<store::Person>> find_person_by_id(store::PersonId p) override {
    return lock()->find_person_by_id(p);
  }
  kc::Status move_plan_day(store::PersonId p, store::Id plan, kc::CivilDate from, kc::CivilDate to, int week) override {
    return lock()->move_plan_day(p, plan, from, to, week);
  }
  kc::Result<store::ProgramChange> add_program_change(const store::ProgramChange& c) override {
    return lock()->add_program_change(c);
  }
  kc::Result<std::vector<store::ProgramChange>> program_changes(store::PersonId p) override {
    return lock()->program_changes(p);
  }
  kc::Result<std::vector<store::Person>> people() override { return lock()->people(); }
  kc::Result<store::Person> create_person(const std::string& n, kc::TimePoint t) override {
    return lock()->create_person(n, t);
  }
  kc::Status delete_person(store::PersonId p) override { return lock()->delete_person(p); }
  kc::Result<Setup> save_setup(const Setup& s) override { return lock()->save_setup(s); }
  kc::Result<store::Person> create_person_with_records(const std::string& n, kc::TimePoint t,
                                                       const store::PersonRecords& r) override {
    return lock()->create_person_with_records(n, t, r);
  }
  kc::Result<NewPerson> create_person_with_setup(const std::string& n, kc::TimePoint t, Setup s) override {
    return lock()->create_person_with_setup(n, t, std::move(s));
  }
  kc::Result<std::optional<store::AnswersRecord>> latest_answers(store::PersonId p) override {
    return lock()->latest_answers(p);
  }
  kc::Result<std::optional<store::PlanRecord>> active_plan(store::PersonId p) override {
    return lock()->active_plan(p);
  }
  kc::Result<std::optional<store::PlanRecord>> latest_plan(store::PersonId p) override {
    return lock()->latest_plan(p);
  }
  kc::Result<std::optional<store::ClearanceRecord>> clearance_of_plan(store::PersonId p, store::Id plan) override {
    return lock()->clearance_of_plan(p, plan);
  }
  kc::Result<store::SessionLog> begin_session(const store::SessionLog& s) override { return lock()->begin_session(s); }
  kc::Result<store::ExerciseLog> log_exercise(const store::ExerciseLog& l) override { return lock()->log_exercise(l); }
  kc::Status end_session(store::Id s, store::SessionStatus st, kc::TimePoint t, std::optional<int> p) override {
    return lock()->end_session(s, st, t, p);
  }
  kc::Result<store::SessionLog> save_session(const store::SessionLog& s, const std::vector<store::ExerciseLog>& l,
                                             const std::vector<store::DoseChange>& c) override {
    return lock()->save_session(s, l, c);
  }
  kc::Result<std::vector<store::SessionLog>> sessions(store::PersonId p) override { return lock()->sessions(p); }
  kc::Result<std::vector<store::ExerciseLog>> exercise_logs(store::PersonId p) override {
    return lock()->exercise_logs(p);
  }
  kc::Result<store::Measurement> add_measurement(const store::Measurement& m) override {
    return lock()->add_measurement(m);
  }
  kc::Result<std::vector<store::Measurement>> add_measurements(const std::vector<store::Measurement>& m) override {
    return lock()->add_measurements(m);
  }
  kc::Result<std::vector<store::Measurement>> measurements(store::PersonId p, const std::string& m) override {
    return lock()->measurements(p, m);
  }
  kc::Result<store::CheckIn> save_check_in(const store::CheckIn& c, const std::vector<store::DoseChange>& d,
                                           const std::string& r) override {
    return lock()->save_check_in(c, d, r);
  }
  kc::Result<store::CheckIn> replace_check_in(store::Id i, const store::CheckIn& c,
                                              const std::vector<store::DoseChange>& d, const std::string& r) override {
    return lock()->replace_check_in(i, c, d, r);
  }
  kc::Result<std::vector<store::CheckIn>> check_ins(store::PersonId p) override { return lock()->check_ins(p); }
  kc::Result<std::vector<store::DoseChange>> add_dose_changes(const std::vector<store::DoseChange>& c) override {
    return lock()->add_dose_changes(c);
  }
  kc::Result<std::vector<store::DoseChange>> dose_changes(store::PersonId p) override {
    return lock()->dose_changes(p);
  }
  kc::Result<KeptReply> once(const std::string& k, const std::string& r, const KeyedWrite& w) override {
    return lock()->once(k, r, w);
  }

 private:
  // The store, with the lock held until the end of the full expression.
  struct Locked {
    std::unique_lock<std::mutex> lock;
    store::Store* s;
    store::Store* operator->() const { return s; }
  };
  Locked lock() { return Locked{std::unique_lock(m_), s_.get()}; }
  std::mutex m_;
  std::unique_ptr<store::Store> s_;
};

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  const int pool = a.pool > 0 ? a.pool : a.threads + a.readers;
  // The clinic server's pool (clinic serve --threads, --connections): fewer connections than
  // threads keep a quarter of them for reads (the caseload pages).
  postgres::Options options = postgres::pool_for(a.threads + a.readers, pool);
  options.serial_retries = 50;
  auto db = postgres::Database::open(a.db, options);
  if (!db) die("opening " + a.db, db.error());
  auto pg = postgres::open_store(*db);
  if (!pg) die("opening the store", pg.error());
  auto clinic = postgres::open_clinic_store(*db);
  if (!clinic) die("opening the clinic store", clinic.error());

  auto seeding = Steady::now();
  const auto plans = seed_store(**pg, a.patients, a.threads);
  const auto clinicians = seed_clinic(**clinic, plans, a.clinicians, a.threads);
  fmt::print("seeded {} patients and {} clinicians in {:.0f} s (PostgreSQL 15, fsync on, synchronous_commit on)\n",
             plans.size(), clinicians.size(), std::chrono::duration<double>(Steady::now() - seeding).count());
  if (const int failed = warm_up(**pg, **clinic, plans, clinicians, pool); failed > 0) {
    fmt::print(stderr, "warming up the {} connections: {} requests failed\n", pool, failed);
    return 1;
  }
  run_load(fmt::format("PostgreSQL: {} writer threads, {} caseload readers, {} connections, {} s{}", a.threads,
                       a.readers, pool, a.seconds, a.rate > 0 ? fmt::format(", {:.0f} writes/s offered", a.rate) : ""),
           **pg, clinic->get(), plans, clinicians, a);

  if (a.sqlite_dir.empty()) return 0;
  std::filesystem::create_directories(a.sqlite_dir);
  auto lite = sqlite::open_store((std::filesystem::path(a.sqlite_dir) / "kneecoach.db").string());
  if (!lite) die("opening the SQLite store", lite.error());
  Serialised shared(std::move(lite).value());
  const auto lite_plans = seed_store(shared, a.patients, 1);
  run_load(fmt::format("SQLite (WAL, synchronous=FULL, one connection): {} writer threads, {} s", a.threads, a.seconds),
           shared, nullptr, lite_plans, {}, a);
  return 0;
}
