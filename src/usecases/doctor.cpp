#include "usecases/doctor.h"

#include <fmt/format.h>

#include "core/intake/parse.h"

namespace kc::usecases {
namespace {

// Each person's latest answers that do not parse, in a store that opened.
Status check_answers(const Ports& ports, const std::string& data_dir, DoctorReport& report) {
  auto store = ports.open_store(data_dir);
  if (!store) {
    report.problems.push_back(store.error().message);
    return Ok{};
  }
  auto people = (*store)->people();
  if (!people) return people.error();
  for (const auto& person : *people) {
    auto record = (*store)->latest_answers(person.id);
    if (!record) return record.error();
    if (!*record) continue;
    if (auto answers = parse_answers((*record)->json); !answers) {
      report.problems.push_back(
          fmt::format("the stored answers of '{}' cannot be read: {}", person.name, answers.error().message));
      report.advice.push_back(fmt::format(
          "Run `kneecoach init --person {}` to answer the questions again; the records are kept.", person.name));
    }
  }
  return Ok{};
}

void explain_file(DoctorReport& report) {
  const StoreFileHealth& f = report.file;
  for (const auto& problem : f.problems) report.problems.push_back(fmt::format("the store {}: {}", f.path, problem));
  if (f.problems.empty()) return;
  if (!f.backup.empty()) {
    report.advice.push_back(fmt::format(
        "Run `kneecoach doctor --repair` to set the store aside (it is kept) and restore the automatic backup "
        "written {}; records made since then are not in it.",
        f.backup_written));
  } else {
    report.advice.push_back(
        "There is no automatic backup. Run `kneecoach doctor --repair` to set the store aside (it is kept), then "
        "`kneecoach init` to start again.");
  }
}

}  // namespace

Result<DoctorReport> doctor(const Ports& ports, const std::string& data_dir, bool repair) {
  if (!ports.check_store || !ports.open_store || !ports.repair_store)
    return make_error("this kneecoach cannot check its store (no store adapter)");
  DoctorReport report;
  report.file = ports.check_store(data_dir);
  if (!report.file.problems.empty() && repair) {
    auto done = ports.repair_store(data_dir, !report.file.backup.empty());
    if (!done) return done.error();
    report.repaired.push_back(*done);
    report.file = ports.check_store(data_dir);
  }
  explain_file(report);
  if (report.file.exists && report.file.problems.empty()) {
    if (auto s = check_answers(ports, data_dir, report); !s) return s.error();
  }
  return report;
}

}  // namespace kc::usecases
