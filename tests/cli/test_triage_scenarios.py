"""The triage scenario set (tests/data/triage/scenarios) through the real binary: every case gets
its level and exit status from `triage` and `plan`, a program only when the level allows one,
and a referral holds no advice meant for people who may exercise."""
import json
import os
import re
import unittest

from kctest import CONTENT, REPO, run, run_json

SCENARIOS = os.path.join(REPO, "tests", "data", "triage", "scenarios", "scenarios.json")
ORDER = ["go", "caution", "see_clinician", "urgent", "emergency"]

# Words that only make sense to someone who may start exercising now.
EXERCISE_ONLY = [r"easier versions", r"fewer repetitions", r"of this program", r"start (gently|the)",
                 r"build (up|strength)", r"lighter effort", r"exercises like these", r"cut back on"]
# Timing that contradicts a level's headline.
TOO_SLOW = {"emergency": [r"within (days|weeks|the next week)", r"\bsoon\b", r"book an appointment"],
            "urgent": [r"within weeks", r"within the next week", r"\bsoon\b", r"book an appointment"],
            "see_clinician": [r"\btoday\b", r"same day", r"straight away", r"\bnow\b"]}


def load():
    with open(SCENARIOS) as f:
        data = json.load(f)
    return data["base"], data["cases"]


def answers_of(base, case):
    doc = dict(base)
    doc.update(case["answers"])
    return json.dumps(doc)


class Scenarios(unittest.TestCase):
    def test_the_set_is_broad(self):
        _, cases = load()
        self.assertGreaterEqual(len(cases), 80)
        levels = {c["level"] for c in cases}
        self.assertEqual(levels, set(ORDER))
        for c in cases:
            self.assertTrue(c["why"], c["id"])
        self.assertEqual(len({c["id"] for c in cases}), len(cases))

    def test_every_case_gets_its_level_from_triage(self):
        base, cases = load()
        wrong = []
        for case in cases:
            proc, data = run_json("--content", CONTENT, "triage", "--answers", "-", "--json", stdin=answers_of(base, case))
            expected_exit = 0 if case["level"] in ("go", "caution") else 3
            if data["level"] != case["level"] or proc.returncode != expected_exit:
                wrong.append(f'{case["id"]}: got {data["level"]} (exit {proc.returncode}), '
                             f'expected {case["level"]}: {case["why"]}')
            self.assertEqual(list(data.keys()), ["level", "reasons", "advice"], case["id"])
            self.assertEqual(data["reasons"] == [], data["level"] == "go", case["id"])
        self.assertEqual(wrong, [], "\n".join(wrong))

    def test_referrals_say_one_thing(self):
        base, cases = load()
        for case in cases:
            if case["level"] in ("go", "caution"):
                continue
            _, data = run_json("--content", CONTENT, "triage", "--answers", "-", "--json", stdin=answers_of(base, case))
            for reason in data["reasons"]:
                for pattern in EXERCISE_ONLY + TOO_SLOW[data["level"]]:
                    self.assertIsNone(re.search(pattern, reason["message"], re.I),
                                      f'{case["id"]}: [{reason["rule"]}] says "{pattern}" under {data["level"]}')

    def test_plan_gives_a_program_exactly_when_the_level_allows(self):
        base, cases = load()
        for case in cases:
            proc = run("--content", CONTENT, "plan", "--answers", "-", "--json", "--start", "2026-01-05", stdin=answers_of(base, case))
            if case["level"] in ("go", "caution"):
                self.assertEqual(proc.returncode, 0, f'{case["id"]}: {proc.stdout[:300]} {proc.stderr}')
                plan = json.loads(proc.stdout)
                self.assertTrue(plan["sessions"][0]["exercises"], case["id"])
            else:
                self.assertEqual(proc.returncode, 3, f'{case["id"]}: {proc.stdout[:300]} {proc.stderr}')
                self.assertEqual(json.loads(proc.stdout)["level"], case["level"], case["id"])


class ContradictionsAreReadTowardSafety(unittest.TestCase):
    def triage(self, **fields):
        doc = {"version": 1, "age": 40, "knee": "left", "pain_now": 3}
        doc.update(fields)
        return run_json("--content", CONTENT, "triage", "--answers", "-", "--json", stdin=json.dumps(doc))[1]

    def test_an_injury_date_with_gradual_onset_is_read_as_an_injury_and_said_so(self):
        data = self.triage(onset="gradual", injury_days_ago=3, can_bend_to_90=False)
        self.assertEqual(data["level"], "urgent")
        self.assertIn("ottawa-cannot-bend-90", [r["rule"] for r in data["reasons"]])
        self.assertIn("read as a knee injury", data["advice"])

    def test_worst_pain_below_now_is_read_as_now_and_said_so(self):
        data = self.triage(pain_now=8, pain_worst_week=1)
        self.assertEqual(data["level"], "see_clinician")
        self.assertIn("the worst was read as 8/10", data["advice"])

    def test_go_keeps_empty_reasons_with_a_note(self):
        data = self.triage(pain_now=2, pain_worst_week=0)
        self.assertEqual(data["level"], "go")
        self.assertEqual(data["reasons"], [])
        self.assertIn("read as 2/10", data["advice"])


if __name__ == "__main__":
    unittest.main()
