"""`kneecoach handout`: the printable PDF, checked with poppler-utils and qpdf."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

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
        self.assertGreaterEqual(pages, 1 + len(names))  # a first page, then the cards
        fonts = tool("pdffonts", pdf).splitlines()[2:]
        self.assertTrue(fonts)
        for line in fonts:
            self.assertEqual(line.split()[-5], "yes", f"font not embedded: {line}")
        text = squash(tool("pdftotext", pdf, "-"))
        for e in exercises:
            self.assertIn(e["name"], text)
            self.assertIn(squash(e["dose_text"]), text)
        for heading in ("Your week", "When to stop, and whom to call", "How to do it", "Form cues"):
            self.assertIn(heading, text)
        self.assertIn("No syntax or stream encoding errors", tool("qpdf", "--check", pdf))

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
