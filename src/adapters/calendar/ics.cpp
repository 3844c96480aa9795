#include "adapters/calendar/ics.h"

#include <date/tz.h>
#include <fmt/format.h>
#include <libical/ical.h>

#include <memory>

namespace kc::calendar {
namespace {

using Component = std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)>;

// A floating date-time (no zone) with the fields of `moment`.
icaltimetype floating(date::local_seconds moment) {
  const date::local_days day = date::floor<date::days>(moment);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss hms{moment - day};
  icaltimetype t = icaltime_null_time();
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  t.hour = static_cast<int>(hms.hours().count());
  t.minute = static_cast<int>(hms.minutes().count());
  t.second = static_cast<int>(hms.seconds().count());
  t.is_date = 0;
  return t;
}

icaltimetype utc(std::chrono::sys_seconds moment) {
  icaltimetype t = floating(date::local_seconds{moment.time_since_epoch()});
  t.zone = icaltimezone_get_utc_timezone();
  return t;
}

// A session time: local wall-clock time in the zone (written with TZID), or UTC when the zone is UTC.
icaltimetype session_time(date::local_seconds moment, const IcsOptions& o) {
  return o.zone.utc() ? utc(std::chrono::sys_seconds{moment.time_since_epoch()}) : floating(moment);
}

icaltimetype ical_date(CivilDate d) {
  const date::year_month_day ymd{d};
  icaltimetype t = icaltime_null_date();
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return t;
}

// DTSTAMP: fixed at the program's start date, 00:00 UTC, so the file is the same on every run.
icaltimetype stamp(const usecases::CalendarModel& m) { return utc(std::chrono::sys_seconds{m.calendar.start}); }

// A date-time property in the options' zone: TZID=zone, or UTC with a Z.
icalproperty* zoned(icalproperty* prop, const IcsOptions& o) {
  if (!o.zone.utc()) icalproperty_add_parameter(prop, icalparameter_new_tzid(o.zone.name.c_str()));
  return prop;
}

icalcomponent* vtimezone(const usecases::CalendarModel& m, const IcsOptions& o) {
  icalcomponent* tz = icalcomponent_new_vtimezone();
  icalcomponent_add_property(tz, icalproperty_new_tzid(o.zone.name.c_str()));
  const auto from = std::chrono::sys_seconds{m.calendar.start - date::days{2}};
  const auto to = std::chrono::sys_seconds{m.calendar.end() + date::days{3}};
  for (const Observance& ob : observances(o.zone, from, to)) {
    icalcomponent* part = ob.daylight ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
    // DTSTART of an observance is the local time of the onset, in the offset before it.
    const date::local_seconds local{(ob.onset + ob.offset_from).time_since_epoch()};
    icalcomponent_add_property(part, icalproperty_new_dtstart(floating(local)));
    icalcomponent_add_property(part, icalproperty_new_tzoffsetfrom(static_cast<int>(ob.offset_from.count())));
    icalcomponent_add_property(part, icalproperty_new_tzoffsetto(static_cast<int>(ob.offset_to.count())));
    icalcomponent_add_property(part, icalproperty_new_tzname(ob.abbreviation.c_str()));
    icalcomponent_add_component(tz, part);
  }
  return tz;
}

std::string session_key(const usecases::CalendarSession& s) {
  return fmt::format("{}|session|{}", to_iso(s.date), s.session);
}

icalcomponent* session_event(const usecases::CalendarModel& m, const usecases::CalendarSession& s, const IcsOptions& o,
                             const std::string& seed) {
  icalcomponent* ev = icalcomponent_new_vevent();
  icalcomponent_add_property(ev, icalproperty_new_uid(stable_uid(seed, session_key(s)).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp(m)));
  const date::local_seconds begin =
      date::local_days{s.date.time_since_epoch()} + std::chrono::minutes{o.hour * 60 + o.minute};
  const date::local_seconds end = begin + std::chrono::minutes{s.minutes};
  icalcomponent_add_property(ev, zoned(icalproperty_new_dtstart(session_time(begin, o)), o));
  icalcomponent_add_property(ev, zoned(icalproperty_new_dtend(session_time(end, o)), o));
  const std::string summary = fmt::format("Knee exercises, session {} (week {})", s.session, s.week);
  icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_description(session_description(s, m.as_of, m.pain_limit).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_categories("Exercise"));
  return ev;
}

icalcomponent* review_event(const usecases::CalendarModel& m, const usecases::CalendarReview& r,
                            const std::string& seed) {
  icalcomponent* ev = icalcomponent_new_vevent();
  const std::string key = fmt::format("{}|review|{}", to_iso(r.date), r.week);
  icalcomponent_add_property(ev, icalproperty_new_uid(stable_uid(seed, key).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp(m)));
  icalcomponent_add_property(ev, icalproperty_new_dtstart(ical_date(r.date)));
  icalcomponent_add_property(ev, icalproperty_new_dtend(ical_date(r.date + date::days{1})));
  const std::string summary = fmt::format("Knee program review (end of week {})", r.week);
  icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_description(r.what.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  return ev;
}

}  // namespace

std::string stable_uid(std::string_view seed, std::string_view key) {
  std::uint64_t h = 14695981039346656037ULL;
  auto mix = [&h](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
  };
  mix(seed);
  mix("\x1f");
  mix(key);
  return fmt::format("kc-{:016x}@kneecoach", h);
}

std::string session_description(const usecases::CalendarSession& session, const std::string& as_of,
                                const PainLimit& pain_limit) {
  std::string out = fmt::format("Session {}: {} (about {} minutes)\n", session.session, session.title, session.minutes);
  if (!as_of.empty()) out += as_of + "\n";
  int n = 0;
  for (const auto& item : session.exercises) {
    out += fmt::format("{}. {}: {}\n", ++n, item.name, item.dose_text);
    if (item.changed_on) out += fmt::format("   ({})\n", usecases::change_note(item));
  }
  out += "\n" + pain_stop_advice(pain_limit) +
         " Pain should settle by the next morning; if not, do less next time.\n"
         "See how to do each exercise with: kneecoach exercises show ID\n"
         "kneecoach does not replace a doctor or physiotherapist.";
  return out;
}

std::string calendar_to_ics(const usecases::CalendarModel& model, const IcsOptions& options) {
  Component cal{icalcomponent_new_vcalendar(), &icalcomponent_free};
  const std::string prodid = fmt::format("-//kneecoach//kneecoach {}//EN", options.version);
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid(prodid.c_str()));
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  if (!options.zone.utc()) icalcomponent_add_component(cal.get(), vtimezone(model, options));
  const std::string seed = model.uid_seed + "|" + to_iso(model.calendar.start);
  for (const auto& s : model.sessions) icalcomponent_add_component(cal.get(), session_event(model, s, options, seed));
  for (const auto& r : model.reviews) icalcomponent_add_component(cal.get(), review_event(model, r, seed));
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out = text != nullptr ? text : "";
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace kc::calendar
