"""Every view tells the same story (issue 13): after check-ins raise the doses, the handout text,
the ICS description and the program served to the web page all show the dose `today` shows, and
one date gets the same program week in the plan, today, progress, the charts, the handout, the
calendar and the API. The program starts on a Wednesday, so a Monday-first week would disagree.
"""
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

import vobject

import serve_support
from kctest import CONTENT, run

START = "2025-03-05"  # a Wednesday
PERSON = "0123456789abcdef0123456789abcdef"  # an id the API accepts too
ANSWERS = {
    "version": 1, "age": 50, "knee": "left", "pain_now": 2, "location": ["front"], "onset": "gradual",
    "equipment": ["chair", "step", "wall", "mat", "books", "counter", "band"], "minutes_per_session": 30,
    "days": ["mon", "wed", "fri"],
}


def squash(text):
    return re.sub(r"\s+", " ", text)


def next_day(iso):
    return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=1)).isoformat()


def program_week(iso):
    """The rule of docs/plan-format.md, written out once here to check every surface against."""
    return (datetime.date.fromisoformat(iso) - datetime.date.fromisoformat(START)).days // 7 + 1


class ViewsAgreeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kc_views_")
        path = os.path.join(cls.dir, "answers.json")
        with open(path, "w") as f:
            json.dump(ANSWERS, f)
        proc = cls.kc("init", "--answers", path, "--start", START, "--date", START)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        cls.dates = [d["date"] for d in cls.plan_json()["calendar"]]
        # Two sessions with no pain during, each followed by a settled next morning: the doses
        # step up once (one step a week, docs/progression.md).
        for day in (cls.dates[0], cls.dates[3]):
            proc = cls.kc("session", "--fast", "--date", day, stdin="0\n")
            assert proc.returncode == 0, proc.stdout + proc.stderr
            proc = cls.kc("check-in", "--date", next_day(day), stdin="1\nno\n")
            assert proc.returncode == 0, proc.stdout + proc.stderr
        # A day in the third week of the program: a Wednesday-to-Tuesday week, so the Monday
        # before it is still week 2.
        cls.day = cls.dates[7]
        cls.env = {"KNEECOACH_FAKE_TIME": f"{cls.day}T08:00:00Z"}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def kc(cls, command, *args, stdin=None, env=None):
        return run("--content", CONTENT, *command.split(), "--data-dir", cls.dir, "--person", PERSON, *args,
                   stdin=stdin, env=env)

    @classmethod
    def plan_json(cls):
        con = __import__("sqlite3").connect(os.path.join(cls.dir, "kneecoach.db"))
        try:
            (doc,) = con.execute("SELECT plan_json FROM plan ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            con.close()
        return json.loads(doc)

    def today(self, date=None):
        proc = self.kc("today", "--date", date or self.day, "--json")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return json.loads(proc.stdout)

    def test_progression_changed_some_doses(self):
        today = self.today()
        changed = [e for e in today["exercises"] if e["changed_on"]]
        self.assertTrue(changed, today)
        starting = {e["id"]: e["dose_text"] for s in self.plan_json()["sessions"] for e in s["exercises"]}
        self.assertTrue(any(starting.get(e["exercise"]) != e["dose_text"] for e in changed))

    def test_handout_shows_the_doses_today_shows(self):
        pdf = os.path.join(self.dir, "handout.pdf")
        proc = self.kc("handout", "-o", pdf, env=self.env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        text = squash(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout)
        for e in self.today()["exercises"]:
            self.assertIn(squash(f"{e['name']}: {e['dose_text']}"), text)
            if e["changed_on"]:
                self.assertIn(squash(e["reason"]), text)
        self.assertIn(f"(week {program_week(self.day)} of 6)", text)

    def test_calendar_without_answers_shows_the_doses_today_shows(self):
        ics = os.path.join(self.dir, "knee.ics")
        proc = self.kc("export ics", "--tz", "UTC", "-o", ics, env=self.env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with open(ics, encoding="utf-8") as f:
            cal = vobject.readOne(f.read())
        events = {}
        for ev in cal.vevent_list:
            if "Knee exercises" in ev.summary.value:
                events[ev.dtstart.value.date().isoformat()] = ev
        self.assertEqual(sorted(events), self.dates)
        event = events[self.day]
        description = event.description.value
        for n, e in enumerate(self.today()["exercises"], 1):
            self.assertIn(f"{n}. {e['name']}: {e['dose_text']}", description)
        # Every event carries the doses in force on the day of export, past and future alike.
        self.assertEqual(squash(events[self.dates[0]].description.value), squash(description))
        for day, ev in events.items():
            self.assertIn(f"(week {program_week(day)})", ev.summary.value)

    def test_calendar_start_needs_answers(self):
        proc = self.kc("export ics", "--start", START)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("--start needs --answers", proc.stderr)

    def test_one_date_one_week_number_everywhere(self):
        week = program_week(self.day)
        self.assertEqual(week, 3)
        plan = {d["date"]: d["week"] for d in self.plan_json()["calendar"]}
        self.assertEqual(plan[self.day], week)
        for date, w in plan.items():
            self.assertEqual(w, program_week(date), date)
        self.assertEqual(self.today()["week"], week)
        self.assertEqual(self.today()["week_text"], f"week {week} of 6")
        proc = self.kc("today", "--date", self.day)
        self.assertIn(f"(week {week} of 6)", " ".join(proc.stdout.split()))  # progress wraps at 80 columns
        charts = os.path.join(self.dir, "charts")
        proc = self.kc("progress", "--date", self.day, "--svg", charts)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn(f"(week {week} of 6)", " ".join(proc.stdout.split()))
        # The adherence chart: one row per program week, and the day in the row of its week.
        svg = ET.parse(os.path.join(charts, "adherence.svg")).getroot()
        texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
        self.assertEqual([t for t in texts if t and t.startswith("week ")], [f"week {n}" for n in range(1, 7)])
        pain = ET.parse(os.path.join(charts, "pain.svg")).getroot()
        ticks = [t.text for t in pain.iter("{http://www.w3.org/2000/svg}text") if t.text and t.text.startswith("week ")]
        self.assertEqual(ticks, [f"week {n}" for n in range(1, 7)])
        # Outside the program the views say so, with no week 0 or 7.
        after = (datetime.date.fromisoformat(START) + datetime.timedelta(days=43)).isoformat()
        self.assertIsNone(self.today(after)["week"])
        self.assertIn("after the program", self.today(after)["week_text"])

    def test_the_api_serves_the_same_doses_and_weeks(self):
        server = serve_support.Server(self.dir, serve_support.stub_web(self.dir), fake_time=f"{self.day}T08:00:00Z")
        try:
            status, _, body = server.request("GET", f"/api/v1/people/{PERSON}/plan")
            self.assertEqual(status, 200, body)
            in_force = json.loads(body)["in_force"]
            self.assertEqual(in_force["week"], program_week(self.day))
            served = {e["exercise"]: e for s in in_force["sessions"] for e in s["exercises"]}
            for e in self.today()["exercises"]:
                self.assertEqual(served[e["exercise"]]["dose_text"], e["dose_text"])
                self.assertEqual(served[e["exercise"]]["changed_on"], e["changed_on"])
            status, _, body = server.request("GET", f"/api/v1/people/{PERSON}/today")
            self.assertEqual(status, 200, body)
            self.assertEqual(json.loads(body), self.today())
            status, _, body = server.request("GET", f"/api/v1/people/{PERSON}/progress")
            self.assertEqual(status, 200, body)
            progress = json.loads(body)
            self.assertEqual(progress["week"], program_week(self.day))
            self.assertEqual([w["week"] for w in progress["weeks"]], list(range(1, 7)))
            self.assertEqual(progress["weeks"][0]["start"], START)
            self.assertEqual([(b["lowest"], b["highest"]) for b in progress["pain_bands"]], [(0, 2), (3, 5), (6, 10)])
            for s in progress["sessions"]:
                self.assertEqual(s["week"], program_week(s["date"]))
            status, _, body = server.request("GET", f"/api/v1/people/{PERSON}/calendar.ics")
            self.assertEqual(status, 200, body)
            proc = self.kc("export ics", "--tz", "UTC", env=self.env)  # text mode reads CRLF as LF
            self.assertEqual(body.decode().replace("\r\n", "\n"), proc.stdout)
        finally:
            server.stop(signal.SIGTERM)


if __name__ == "__main__":
    unittest.main()
