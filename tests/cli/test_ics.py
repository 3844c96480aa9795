"""`kneecoach export ics` through the real binary: the calendar validates with python3-vobject,
parses with npm ical.js (tests/js, installed by scripts/setup), has one event per session with
the exercises and doses in its description, is time-zone aware and byte-for-byte repeatable."""
import datetime
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import vobject

from kctest import CONTENT, REPO, run, run_json

ANSWERS = os.path.join(REPO, "tests", "data", "plan", "inner-go.json")
PARSE_ICS = os.path.join(REPO, "tests", "js", "parse_ics.mjs")
START = "2025-03-24"  # Europe/London moves to summer time on Sunday 30 March 2025


def export(*extra, env=None, answers=ANSWERS, stdin=None):
    return run("--content", CONTENT, "export", "ics", "--answers", answers, *extra, env=env, stdin=stdin)


def plan_json(*extra, answers=ANSWERS):
    proc, data = run_json("--content", CONTENT, "plan", "--answers", answers, "--json", *extra)
    assert proc.returncode == 0, proc.stderr
    return data


def parse_with_ical_js(text):
    node = shutil.which("node")
    if node is None:
        raise AssertionError("node is not installed; run scripts/setup")
    if not os.path.isdir(os.path.join(REPO, "tests", "js", "node_modules", "ical.js")):
        raise AssertionError("tests/js/node_modules is missing; run scripts/setup (npm ci --prefix tests/js)")
    proc = subprocess.run([node, PARSE_ICS, "-"], input=text, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise AssertionError(f"ical.js could not parse the calendar: {proc.stderr}")
    return json.loads(proc.stdout)


def session_events(calendar):
    return [e for e in calendar.vevent_list if e.summary.value.startswith("Knee exercises")]


class IcsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        cls.path = os.path.join(cls.dir, "plan.ics")
        proc = export("--start", START, "--tz", "Europe/London", "--time", "07:30", "-o", cls.path)
        assert proc.returncode == 0, proc.stderr
        with open(cls.path, encoding="utf-8", newline="") as f:
            cls.text = f.read()
        cls.plan = plan_json("--start", START)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_validates_with_vobject(self):
        calendar = vobject.readOne(self.text)
        calendar.validate(raiseException=True)
        self.assertEqual(calendar.version.value, "2.0")
        self.assertIn("\r\n", self.text)

    def test_one_event_per_session_and_one_per_review(self):
        calendar = vobject.readOne(self.text)
        sessions = session_events(calendar)
        self.assertEqual(len(sessions), len(self.plan["calendar"]))
        self.assertEqual(len(calendar.vevent_list), len(self.plan["calendar"]) + len(self.plan["reviews"]))
        dates = [e.dtstart.value.date().isoformat() for e in sessions]
        self.assertEqual(dates, [c["date"] for c in self.plan["calendar"]])
        uids = [e.uid.value for e in calendar.vevent_list]
        self.assertEqual(len(set(uids)), len(uids))

    def test_descriptions_list_every_exercise_with_its_dose(self):
        calendar = vobject.readOne(self.text)
        by_id = {s["id"]: s for s in self.plan["sessions"]}
        for event, entry in zip(session_events(calendar), self.plan["calendar"]):
            session = by_id[entry["session"]]
            description = event.description.value
            self.assertIn(f"Session {session['id']}", description)
            for exercise in session["exercises"]:
                self.assertIn(f"{exercise['name']}: {exercise['dose_text']}", description)
            self.assertIn("pain goes above 5 out of 10", description)
            length = event.dtend.value - event.dtstart.value
            self.assertEqual(length, datetime.timedelta(minutes=session["minutes"]))

    def test_times_follow_the_time_zone_across_the_clock_change(self):
        calendar = vobject.readOne(self.text)
        sessions = session_events(calendar)
        first, after = sessions[0].dtstart.value, [e for e in sessions if e.dtstart.value.month == 4][0].dtstart.value
        self.assertEqual((first.hour, first.minute), (7, 30))
        self.assertEqual(first.utcoffset(), datetime.timedelta(0))
        self.assertEqual(after.utcoffset(), datetime.timedelta(hours=1))
        self.assertIn("DTSTART;TZID=Europe/London:20250324T073000", self.text)

    def test_parses_with_ical_js(self):
        parsed = parse_with_ical_js(self.text)
        self.assertEqual(parsed["timezones"], ["Europe/London"])
        events = [e for e in parsed["events"] if not e["all_day"]]
        self.assertEqual(len(events), len(self.plan["calendar"]))
        self.assertEqual(events[0]["start_utc"], "2025-03-24T07:30:00.000Z")
        april = [e for e in events if e["start"].startswith("2025-04")][0]
        self.assertTrue(april["start_utc"].endswith("T06:30:00.000Z"), april)
        for event in events:
            self.assertEqual(event["tzid"], "Europe/London")
            self.assertIn("Session", event["description"])
        reviews = [e for e in parsed["events"] if e["all_day"]]
        self.assertEqual([r["start"] for r in reviews], [r["date"] for r in self.plan["reviews"]])

    def test_two_runs_are_byte_identical(self):
        again = export("--start", START, "--tz", "Europe/London", "--time", "07:30")
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(again.stdout.replace("\r\n", "\n"), self.text.replace("\r\n", "\n"))

    def test_utc_times_need_no_vtimezone(self):
        proc = export("--start", START, "--tz", "UTC")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertNotIn("VTIMEZONE", proc.stdout)
        self.assertIn("DTSTART:20250324T180000Z", proc.stdout)
        vobject.readOne(proc.stdout).validate(raiseException=True)
        parsed = parse_with_ical_js(proc.stdout)
        self.assertEqual(parsed["events"][0]["start_utc"], "2025-03-24T18:00:00.000Z")

    def test_zone_defaults_to_tz_from_the_environment(self):
        proc = export("--start", START, env={"TZ": "America/New_York"})
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("TZID:America/New_York", proc.stdout)
        vobject.readOne(proc.stdout).validate(raiseException=True)
        parsed = parse_with_ical_js(proc.stdout)
        # 18:00 in New York on 24 March 2025 (daylight time, UTC-4) is 22:00 UTC.
        self.assertEqual(parsed["events"][0]["start_utc"], "2025-03-24T22:00:00.000Z")


class IcsErrorTest(unittest.TestCase):
    def test_bad_options_exit_2(self):
        self.assertEqual(export("--start", START, "--tz", "Mars/Olympus").returncode, 2)
        self.assertEqual(export("--start", START, "--time", "25:00").returncode, 2)
        self.assertEqual(export("--start", "2025-3-24").returncode, 2)
        self.assertEqual(export().returncode, 2)  # --start is required

    def test_referral_exits_3_and_writes_nothing(self):
        directory = tempfile.mkdtemp()
        try:
            answers = os.path.join(directory, "a.json")
            out = os.path.join(directory, "plan.ics")
            with open(answers, "w") as f:
                json.dump({"version": 1, "age": 40, "knee": "left", "pain_now": 3, "locked": True}, f)
            proc = export("--start", START, "-o", out, answers=answers)
            self.assertEqual(proc.returncode, 3, proc.stderr)
            self.assertFalse(os.path.exists(out))
        finally:
            shutil.rmtree(directory)

    def test_too_little_exits_4(self):
        answers = json.dumps({"version": 1, "age": 40, "knee": "left", "pain_now": 2, "equipment": ["chair"],
                              "days": ["sat", "sun"]})
        proc = export("--start", START, answers="-", stdin=answers)
        self.assertEqual(proc.returncode, 4, proc.stderr)
        self.assertNotIn("BEGIN:VCALENDAR", proc.stdout)


if __name__ == "__main__":
    unittest.main()
