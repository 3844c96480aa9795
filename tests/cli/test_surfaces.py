"""The session's steps from one source, through the real binary: `kneecoach session --steps-json`
(the document GET /api/v1/people/{id}/session serves, which the browser player plays) against what
the terminal player actually says and when, on the fast clock, for several plans
(tests/data/surfaces/*.json). tests/browser/surfaces.test.mjs compares the same steps with the
browser player's, and the browser's questions with `kneecoach intake`'s."""
import glob
import json
import os
import re
import tempfile
import unittest

from kctest import run, run_json

HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = sorted(glob.glob(os.path.join(HERE, "..", "data", "surfaces", "*.json")))
DATE = "2025-03-03"  # a Monday: every plan of tests/data/surfaces exercises on Mondays
LINE = re.compile(r"^\[(\d\d):(\d\d)\] (.*)$")


def steps_json(path, date=DATE):
    proc, doc = run_json("session", "--answers", path, "--date", date, "--steps-json")
    assert proc.returncode == 0, proc.stderr
    return doc


def said(doc):
    """What the terminal player should say, and when (whole seconds), from the steps alone."""
    out = []
    t = 0
    for s in doc["steps"]:
        out.append((t // 1000, s["text"]))
        if s["reminder"]:
            out.append(((t + s["ms"] - s["reminder"]["before_ms"]) // 1000, s["reminder"]["text"]))
        t += s["ms"]
    out.append((t // 1000, "Session complete. Well done!"))
    return out


def transcript(path, date=DATE):
    """What the terminal player said, and when, playing the whole session on the fast clock."""
    proc = run("session", "--answers", path, "--date", date, "--fast", stdin="2\n")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = []
    for line in proc.stdout.splitlines():
        m = LINE.match(line)
        if m:
            out.append((int(m.group(1)) * 60 + int(m.group(2)), m.group(3)))
    return out


class SessionStepsFromOneSource(unittest.TestCase):
    def test_there_are_several_plans(self):
        self.assertGreaterEqual(len(PLANS), 4)
        ids = set()
        for path in PLANS:
            ids |= {e["id"] for e in steps_json(path)["exercises"]}
        self.assertGreaterEqual(len(ids), 8, "the plans cover many different exercises")

    def test_the_terminal_player_says_each_step_as_the_steps_json_lays_it_out(self):
        for path in PLANS:
            with self.subTest(plan=os.path.basename(path)):
                doc = steps_json(path)
                self.assertTrue(doc["scheduled"], "a session is planned on the start day")
                self.assertGreater(len(doc["steps"]), 20)
                self.assertEqual(transcript(path), said(doc))

    def test_holds_are_holds_of_their_seconds_on_each_side(self):
        seen = 0
        for path in PLANS:
            doc = steps_json(path)
            for index, e in enumerate(doc["exercises"]):
                d = e["dose"]
                mine = [s for s in doc["steps"] if s["exercise"] == index]
                if d["hold_seconds"] is None:
                    continue
                seen += 1
                self.assertFalse([s for s in mine if s["kind"] == "move"], f"{e['id']} is played as holds, never reps")
                holds = [s for s in mine if s["kind"] == "hold"]
                sides = 2 if d["sides"] == "each" else 1
                self.assertEqual(len(holds), d["sets"] * d["reps"] * sides, e["id"])
                self.assertTrue(all(s["ms"] == d["hold_seconds"] * 1000 for s in holds), e["id"])
                self.assertEqual(sum(s["completes_unit"] for s in mine), len(holds), e["id"])
                if d["sides"] == "each":
                    self.assertEqual({s["side"] for s in holds}, {"right", "left"})
        self.assertGreater(seen, 0, "some plan has a hold exercise")

    def test_the_calf_stretch_is_two_holds_of_30_seconds_on_each_side(self):
        for path in PLANS:
            doc = steps_json(path)
            calf = [i for i, e in enumerate(doc["exercises"]) if e["id"] == "calf-stretch" and e["dose"]["reps"] == 2]
            if not calf:
                continue
            e = doc["exercises"][calf[0]]
            self.assertTrue(e["dose_text"].startswith("2 holds of 30 s"), e["dose_text"])
            self.assertIn("on each side", e["dose_text"])
            texts = [s["text"] for s in doc["steps"] if s["exercise"] == calf[0] and s["kind"] == "hold"]
            self.assertEqual(texts, ["Right leg. Hold for 30 seconds (1 of 2)", "Hold for 30 seconds (2 of 2)",
                                     "Left leg. Hold for 30 seconds (1 of 2)", "Hold for 30 seconds (2 of 2)"])
            return
        self.fail("no plan has the calf stretch at 2 holds")

    def test_reps_are_paced_at_the_tempo(self):
        for path in PLANS:
            doc = steps_json(path)
            for index, e in enumerate(doc["exercises"]):
                tempo = e["dose"]["tempo"]
                if e["dose"]["hold_seconds"] is not None or e["dose"]["hold_breaths"] is not None or not tempo:
                    continue
                moves = [s for s in doc["steps"] if s["exercise"] == index and s["kind"] == "move"]
                want = [p for p in ("up", "hold", "down") if tempo[p] > 0]
                self.assertEqual([s["phase"] for s in moves[: len(want)]], want, e["id"])
                self.assertEqual([s["ms"] for s in moves[: len(want)]], [tempo[p] * 1000 for p in want], e["id"])
                return
        self.fail("no plan has a rep exercise with a tempo")

    def test_a_day_without_a_session_says_so(self):
        path = [p for p in PLANS if "three-days" in p][0]
        doc = steps_json(path, "2025-03-04")  # a Tuesday: not one of its days
        self.assertFalse(doc["scheduled"])
        self.assertEqual(doc["steps"], [])
        self.assertEqual(doc["exercises"], [])

    def test_steps_json_of_a_stored_program_needs_one(self):
        with tempfile.TemporaryDirectory() as home:
            proc = run("session", "--steps-json", "--data-dir", home)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("kneecoach init", proc.stderr)


if __name__ == "__main__":
    unittest.main()
