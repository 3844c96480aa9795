// Parses an iCalendar file with ical.js and prints what the kneecoach tests check, as JSON:
// {"timezones": [TZID...], "events": [{uid, summary, description, start, end, start_utc, end_utc,
// tzid, all_day}]}. Usage: node parse_ics.mjs FILE  (FILE "-" reads standard input).
// Exits 1 with the parser's message when the file cannot be parsed.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const path = process.argv[2] ?? "-";
const text = readFileSync(path === "-" ? 0 : path, "utf8");

try {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timezones = calendar.getAllSubcomponents("vtimezone").map((tz) => {
    const zone = new ICAL.Timezone(tz);
    ICAL.TimezoneService.register(zone);
    return zone.tzid;
  });
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const start = event.startDate;
    const end = event.endDate;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: start.toString(),
      end: end.toString(),
      start_utc: start.isDate ? null : start.toJSDate().toISOString(),
      end_utc: end.isDate ? null : end.toJSDate().toISOString(),
      tzid: start.timezone ?? (start.zone ? start.zone.tzid : null),
      all_day: start.isDate,
    };
  });
  process.stdout.write(JSON.stringify({ timezones, events }, null, 2) + "\n");
} catch (error) {
  process.stderr.write(`parse_ics: ${error.message}\n`);
  process.exit(1);
}
