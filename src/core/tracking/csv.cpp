#include "core/tracking/csv.h"

#include <fmt/format.h>

#include "core/store/codec.h"
#include "core/tracking/camera_log.h"
#include "core/tracking/progression.h"

namespace kc::tracking {
namespace {

std::string row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\r\n";
}

template <typename T>
std::string opt(const std::optional<T>& v) {
  return v ? fmt::format("{}", *v) : std::string();
}

std::string number(double v) {
  std::string s = fmt::format("{:.2f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<std::pair<std::string, std::string>> export_csv(const History& h) {
  using store::format_instant;
  std::string sessions =
      row({"session_id", "plan_id", "date", "session", "started_at", "ended_at", "status", "pain_during"});
  for (const auto& s : h.sessions) {
    sessions +=
        row({std::to_string(s.id), std::to_string(s.plan), to_iso(s.date), s.session, format_instant(s.started_at),
             s.ended_at ? format_instant(*s.ended_at) : "", std::string(to_string(s.status)), opt(s.pain_during)});
  }
  std::string exercises = row({"session_id", "position", "exercise_id", "outcome", "planned_dose", "planned_sets",
                               "planned_reps", "sets_done", "reps_done", "holds_done", "seconds", "pain", "finished_at",
                               "camera_reps", "camera_faulted_reps", "camera_faults"});
  for (const auto& l : h.logs) {
    std::vector<std::string> fields{
        std::to_string(l.session),         std::to_string(l.position),  l.exercise_id,
        std::string(to_string(l.outcome)), short_dose(l.planned),       std::to_string(l.planned.sets),
        std::to_string(l.planned.reps),    std::to_string(l.sets_done), std::to_string(l.reps_done),
        std::to_string(l.holds_done),      std::to_string(l.seconds),   opt(l.pain),
        format_instant(l.finished_at)};
    for (auto& f : camera_csv_fields(l.camera_json)) fields.push_back(std::move(f));
    exercises += row(fields);
  }
  std::string measurements = row({"measure", "date", "taken_at", "value", "items", "session_id", "note"});
  for (const auto& m : h.measurements) {
    std::string items;
    for (const auto& i : m.items) items += (items.empty() ? "" : "; ") + i.label + " = " + number(i.value);
    measurements +=
        row({m.measure, to_iso(m.date), format_instant(m.taken_at), number(m.value), items, opt(m.session), m.note});
  }
  std::string check_ins = row({"date", "at", "next_morning_pain", "red_flags", "triage_level", "stopped_program"});
  for (const auto& c : h.check_ins) {
    std::string flags;
    for (const auto& f : c.red_flags) flags += (flags.empty() ? "" : "; ") + f;
    check_ins += row({to_iso(c.date), format_instant(c.at), std::to_string(c.next_morning_pain), flags, c.triage_level,
                      c.stopped_program ? "yes" : "no"});
  }
  std::string changes = row({"date", "at", "exercise_id", "now_doing", "decision", "from", "to", "reason"});
  for (const auto& c : h.changes) {
    changes += row({to_iso(c.date), format_instant(c.at), c.exercise_id, c.now_doing,
                    std::string(to_string(c.decision)), short_dose(c.from), short_dose(c.to), c.reason});
  }
  std::string plan = row({"date", "week", "session"});
  for (const auto& d : h.plan.calendar) plan += row({to_iso(d.date), std::to_string(d.week), d.session});
  return {{"sessions.csv", sessions},   {"exercises.csv", exercises},  {"measurements.csv", measurements},
          {"check_ins.csv", check_ins}, {"dose_changes.csv", changes}, {"plan.csv", plan}};
}

}  // namespace kc::tracking
