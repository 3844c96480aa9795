"""`kneecoach handout`: the printable PDF, checked with poppler-utils and qpdf."""
import datetime
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

import test_tracking
from kctest import CONTENT, REPO, run, run_json

ANSWERS = os.path.join(REPO, "tests", "data", "plan", "inner-go.json")
START = "2025-03-03"


def tool(*args):
    proc = subprocess.run(list(args), capture_output=True, text=True)
    if proc.returncode != 0:
        raise AssertionError(f"{args[0]} failed: {proc.stderr}")
    return proc.stdout


def squash(text):
    return re.sub(r"\s+", " ", text)


class HandoutTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kc_handout_")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def handout(self, *args):
        out = os.path.join(self.dir, "plan.pdf")
        proc = run("--content", CONTENT, "handout", *args, "-o", out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return out

    def planned(self):
        _, plan = run_json("--content", CONTENT, "plan", "--answers", ANSWERS, "--start", START, "--json")
        return [item for session in plan["sessions"] for item in session["exercises"]]

    def test_a4_handout_names_every_exercise_and_dose_with_fonts_embedded(self):
        pdf = self.handout("--answers", ANSWERS, "--start", START)
        info = tool("pdfinfo", pdf)
        self.assertIn("A4", info)
        exercises = self.planned()
        names = {e["name"] for e in exercises}
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        # A first page, the safety page, the log, then the cards: two to a page where they fit.
        self.assertLessEqual(pages, 3 + (len(names) + 1) // 2 + 2, f"{pages} pages for {len(names)} cards")
        fonts = tool("pdffonts", pdf).splitlines()[2:]
        self.assertTrue(fonts)
        for line in fonts:
            self.assertEqual(line.split()[-5], "yes", f"font not embedded: {line}")
        text = squash(tool("pdftotext", pdf, "-"))
        for e in exercises:
            self.assertIn(e["name"], text)
            self.assertIn(squash(e["dose_text"]), text)
        for heading in ("Your week", "When to stop, and whom to call", "How to do it", "Form cues",
                        "Your sessions: tick each one you do", "Making an exercise harder", "Your review"):
            self.assertIn(heading, text)
        self.assertIn("No syntax or stream encoding errors", tool("qpdf", "--check", pdf))

    def pages_text(self, pdf):
        return [squash(page) for page in tool("pdftotext", pdf, "-").split("\f")]

    def test_dates_as_people_write_them_and_a_tick_box_for_every_planned_session(self):
        pdf = self.handout("--answers", ANSWERS, "--start", START)
        text = squash(tool("pdftotext", pdf, "-"))
        self.assertIsNone(re.search(r"\d{4}-\d{2}-\d{2}", text), "an ISO date in the handout")
        self.assertIn("6 weeks, Mon 3 Mar to Sun 13 Apr 2025", text)
        _, plan = run_json("--content", CONTENT, "plan", "--answers", ANSWERS, "--start", START, "--json")
        dates = [datetime.date.fromisoformat(d["date"]) for d in plan["calendar"]]
        self.assertEqual(text.count("\u2610"), len(dates))  # one tick box per planned session
        for d in dates:
            self.assertIn(f"\u2610 {d:%a} {d.day} {d:%b}", text)
        self.assertIn("Review on Sun 13 Apr", text)

    def test_says_when_to_make_each_exercise_harder_from_the_progression_rule(self):
        pdf = self.handout("--answers", ANSWERS, "--start", START)
        text = squash(tool("pdftotext", pdf, "-"))
        # The rule's own numbers (src/core/tracking/progression.h, core/common/pain.h).
        self.assertIn("pain of 2/10 or less", text)
        self.assertIn("at most one step every 7 days", text)
        cards = len({e["name"] for e in self.planned()})
        self.assertEqual(text.count("Next step up, when it feels easy:"), cards)
        self.assertIn("more reps: 10 -> 12 (up to 15)", text)  # the partial squat's 10 reps, building to 15

    def test_no_article_jargon_and_the_sources_in_words(self):
        pdf = self.handout("--answers", ANSWERS, "--start", START)
        text = squash(tool("pdftotext", pdf, "-"))
        self.assertNotRegex(text.lower(), r"article|\.txt\b")
        self.assertIn("Where these exercises come from", text)

    def test_the_safety_rules_have_room_before_any_exercise(self):
        pdf = self.handout("--answers", ANSWERS, "--start", START)
        pages = self.pages_text(pdf)
        safety = [i for i, p in enumerate(pages) if "When to stop, and whom to call" in p]
        self.assertEqual(len(safety), 1)
        page = pages[safety[0]]
        self.assertNotIn("How to do it", page)
        self.assertNotIn("Your week", page)
        self.assertIn("See a doctor the same day", page)

    def stored_handout(self, person, day):
        """The text of the handout of `person`'s stored program, printed as on `day`."""
        out = os.path.join(self.dir, f"stored-{day}.pdf")
        proc = run("--content", CONTENT, "handout", "--data-dir", person.dir, "-o", out,
                   env={"KNEECOACH_FAKE_TIME": day})
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return squash(tool("pdftotext", out, "-"))

    def test_the_current_dose_after_a_dose_change(self):
        person = test_tracking.Person()
        self.addCleanup(person.cleanup)
        self.assertEqual(person.init().returncode, 0)
        days = person.planned_dates()
        self.assertEqual(person.kc("measure pain", "--date", days[0], stdin="3\n5\n").returncode, 0)
        person.session(days[0], 1)
        checked = person.kc("check-in", "--date", test_tracking.next_day(days[0]), stdin="2\nno\n")
        self.assertEqual(checked.returncode, 0, checked.stdout + checked.stderr)
        self.assertTrue(person.sql("SELECT 1 FROM dose_change WHERE decision = 'progress'"))
        shown = days[1]
        _, today = run_json("--content", CONTENT, "today", "--date", shown, "--json", "--data-dir", person.dir)
        text = self.stored_handout(person, shown)
        d = datetime.date.fromisoformat(shown)
        self.assertIn(f"Doses in force on {d:%a} {d.day} {d:%b}", text)
        changed = [e for e in today["exercises"] if e["reason"]]
        self.assertTrue(changed)
        for e in changed:  # the raised dose, not the starting one, with when and why it changed
            self.assertIn(squash(e["dose_text"]), text)
        self.assertIn("Changed on Tue 4 Mar 2025", text)

    def test_what_the_person_said_of_an_exercise_is_on_its_card(self):
        person = test_tracking.Person()
        self.addCleanup(person.cleanup)
        self.assertEqual(person.init().returncode, 0)
        day = person.planned_dates()[0]
        played = person.kc("session", "--fast", "--date", day, stdin="2\ny\nh\n")
        self.assertEqual(played.returncode, 0, played.stdout + played.stderr)
        said = person.sql("SELECT exercise_id FROM exercise_log WHERE feedback = 'too-hard'")
        self.assertEqual(len(said), 1, person.sql("SELECT exercise_id, feedback FROM exercise_log"))
        text = self.stored_handout(person, day)
        d = datetime.date.fromisoformat(day)
        self.assertIn(f'You said "too hard" after the session of {d:%a} {d.day} {d:%b}.', text)

    def test_nothing_is_cut_off(self):
        pdf = self.handout("--answers", ANSWERS, "--start", START, "--paper", "letter")
        self.assertIn("612 x 792", tool("pdfinfo", pdf))
        html = tool("pdftotext", "-bbox", pdf, "-")
        root = ET.fromstring(html.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
        words = 0
        for page in root.iter("page"):
            width, height = float(page.get("width")), float(page.get("height"))
            for word in page.iter("word"):
                words += 1
                self.assertGreaterEqual(float(word.get("xMin")), 20, word.text)
                self.assertLessEqual(float(word.get("xMax")), width - 20, word.text)
                self.assertGreaterEqual(float(word.get("yMin")), 20, word.text)
                self.assertLessEqual(float(word.get("yMax")), height - 20, word.text)
        self.assertGreater(words, 500)

    def test_from_the_stored_plan(self):
        data = os.path.join(self.dir, "data")
        proc = run("--content", CONTENT, "init", "--answers", ANSWERS, "--start", START, "--date", START,
                   "--data-dir", data)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        pdf = self.handout("--data-dir", data)
        text = squash(tool("pdftotext", pdf, "-"))
        for e in self.planned():
            self.assertIn(e["name"], text)

    def test_without_a_program_or_answers_says_what_to_do(self):
        proc = run("--content", CONTENT, "handout", "--data-dir", os.path.join(self.dir, "none"),
                   "-o", os.path.join(self.dir, "x.pdf"))
        self.assertEqual(proc.returncode, 1)
        self.assertIn("kneecoach init", proc.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "x.pdf")))

    def test_a_referral_gives_no_handout(self):
        with open(ANSWERS, encoding="utf-8") as f:
            answers = json.load(f)
        answers["hot_red_swollen"] = True
        path = os.path.join(self.dir, "answers.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(answers, f)
        out = os.path.join(self.dir, "plan.pdf")
        proc = run("--content", CONTENT, "handout", "--answers", path, "--start", START, "-o", out)
        self.assertEqual(proc.returncode, 3)
        self.assertFalse(os.path.exists(out))

    def test_bad_paper_is_bad_input(self):
        proc = run("--content", CONTENT, "handout", "--answers", ANSWERS, "--paper", "a5",
                   "-o", os.path.join(self.dir, "x.pdf"))
        self.assertEqual(proc.returncode, 2)


if __name__ == "__main__":
    unittest.main()
