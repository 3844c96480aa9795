"""`kneecoach triage` through the real binary: levels, JSON shape, exit statuses, bad answers."""
import json
import os
import re
import shutil
import tempfile
import unittest

from kctest import CONTENT, run, run_json, write_temp

BASE = {"version": 1, "age": 40, "knee": "left", "pain_now": 2}


def answers(**extra):
    doc = dict(BASE)
    doc.update(extra)
    return json.dumps(doc)


def triage_json(text):
    """Runs `triage --answers - --json` with `text` on stdin."""
    return run_json("triage", "--answers", "-", "--json", stdin=text)


class LevelsAndExitStatus(unittest.TestCase):
    def check(self, doc, level, status, rules=None):
        proc, data = triage_json(doc)
        self.assertEqual(proc.returncode, status, proc.stderr)
        self.assertEqual(data["level"], level)
        if rules is not None:
            self.assertEqual([r["rule"] for r in data["reasons"]], rules)
        return data

    def test_go_has_no_reasons_and_exit_0(self):
        data = self.check(answers(), "go", 0, [])
        self.assertTrue(data["advice"])

    def test_caution_exits_0(self):
        self.check(answers(pain_now=6), "caution", 0, ["high-pain"])

    def test_see_clinician_exits_3(self):
        self.check(answers(sharp_pain=True), "see_clinician", 3, ["sharp-pain"])

    def test_urgent_exits_3(self):
        self.check(answers(hot_red_swollen=True), "urgent", 3, ["hot-swollen-knee"])

    def test_emergency_exits_3(self):
        self.check(answers(hot_red_swollen=True, fever_or_unwell=True), "emergency", 3,
                   ["hot-swollen-knee-with-fever"])

    def test_ottawa_rule_within_a_week_of_an_injury(self):
        self.check(answers(onset="injury", injury_days_ago=2, kneecap_or_fibula_tender=True), "urgent", 3,
                   ["ottawa-bony-tenderness"])
        self.check(answers(onset="injury", injury_days_ago=10, kneecap_or_fibula_tender=True), "urgent", 3,
                   ["injury-tender-bone"])
        self.check(answers(age=33, onset="injury", injury_days_ago=8, can_bend_to_90=False), "urgent", 3,
                   ["injury-cannot-bend-90"])
        self.check(answers(onset="injury", injury_days_ago=10), "caution", 0, ["recent-injury"])
        self.check(answers(age=60, onset="injury", injury_days_ago=1), "urgent", 3, ["ottawa-age-55"])

    def test_most_serious_wins_and_every_fired_rule_is_listed(self):
        data = self.check(answers(age=80, pain_now=6, locked=True, numb_or_cold_foot=True), "emergency", 3)
        # A referral lists only the reasons for it: the cautions (pain above 5, age) do not fire.
        self.assertEqual([r["rule"] for r in data["reasons"]], ["numb-or-cold-foot", "locked-knee"])


class JsonShape(unittest.TestCase):
    def test_exact_keys_and_types(self):
        proc, data = triage_json(answers(gives_way=True, sharp_pain=True, runner=True, location=["front"]))
        self.assertEqual(proc.returncode, 3)
        self.assertEqual(list(data.keys()), ["level", "reasons", "advice"])
        self.assertIsInstance(data["advice"], str)
        self.assertEqual(len(data["reasons"]), 2)
        for reason in data["reasons"]:
            self.assertEqual(list(reason.keys()), ["rule", "message"])
            self.assertRegex(reason["rule"], r"^[a-z0-9]+(-[a-z0-9]+)*$")
            self.assertGreater(len(reason["message"]), 20)

    def test_one_json_object_and_nothing_else(self):
        proc = run("triage", "--answers", "-", "--json", stdin=answers())
        self.assertEqual(proc.stdout.count("\n"), 1)
        self.assertEqual(json.loads(proc.stdout)["reasons"], [])
        self.assertEqual(proc.stderr, "")

    def test_reads_a_file(self):
        path = write_temp(answers(locked=True))
        try:
            proc, data = run_json("triage", "--answers", path, "--json")
            self.assertEqual(proc.returncode, 3)
            self.assertEqual(data["level"], "urgent")
        finally:
            os.unlink(path)


class TextOutput(unittest.TestCase):
    def test_referral_in_plain_words(self):
        proc = run("triage", "--answers", "-", stdin=answers(calf_pain_or_swelling=True))
        self.assertEqual(proc.returncode, 3)
        self.assertIn("URGENT - be seen by a doctor today", proc.stdout)
        self.assertIn("blood clot", proc.stdout)
        self.assertIn("[calf-pain-or-swelling]", proc.stdout)
        self.assertIn("What to do:", proc.stdout)
        self.assertIn("kneecoach does not replace a clinician", proc.stdout)

    def test_go(self):
        proc = run("triage", "--answers", "-", stdin=answers())
        self.assertEqual(proc.returncode, 0)
        self.assertIn("GO - the program may start", proc.stdout)
        self.assertIn("kneecoach does not replace a clinician", proc.stdout)

    def test_caution_lists_the_cautions(self):
        proc = run("triage", "--answers", "-", stdin=answers(age=78))
        self.assertEqual(proc.returncode, 0)
        self.assertIn("Cautions:", proc.stdout)
        self.assertIn("[older-adult]", proc.stdout)


class BadAnswers(unittest.TestCase):
    def check_rejected(self, text, *needles):
        proc = run("triage", "--answers", "-", "--json", stdin=text)
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertEqual(proc.stdout, "")
        for needle in needles:
            self.assertIn(needle, proc.stderr)
        return proc.stderr

    def test_out_of_range(self):
        self.check_rejected(answers(pain_now=11),
                            "pain_now: 11 is out of range; expected a whole number from 0 to 10")
        self.check_rejected(answers(age=5), "age: 5 is out of range; expected a whole number from 12 to 110")
        self.check_rejected(answers(minutes_per_session=200), "minutes_per_session: 200 is out of range")
        self.check_rejected(answers(duration_weeks=-3), "duration_weeks: -3 is out of range; expected a number of 0")

    def test_wrong_types(self):
        self.check_rejected(answers(age=40.5), "age: 40.5 is a decimal number; expected a whole number")
        self.check_rejected(answers(swelling="yes"), 'swelling: "yes" is text; expected true or false')
        self.check_rejected(answers(location="front"), 'location: "front" is text; expected a list of')
        self.check_rejected(answers(injury_days_ago="2"), 'injury_days_ago: "2" is text; expected a number')

    def test_unknown_names(self):
        self.check_rejected(answers(knee="lft"), 'knee: "lft" is not one of the choices', 'did you mean "left"?')
        self.check_rejected(answers(days=["mon", "tues"]), 'days: "tues" is not one of the choices')
        self.check_rejected(answers(equipment=["chair", "sofa"]), 'equipment: "sofa" is not one of the choices')

    def test_unknown_field(self):
        self.check_rejected(answers(hot_red_swolen=True), '"hot_red_swolen": unknown field; did you mean '
                                                          '"hot_red_swollen"?')

    def test_missing_required_fields(self):
        err = self.check_rejected(json.dumps({"version": 1, "age": 40}), "knee: missing", "pain_now: missing")
        self.assertNotIn("age: missing", err)

    def test_deep_nesting_is_refused_without_a_crash(self):
        deep = '{"version": 1, "age": 40, "knee": "left", "pain_now": 2, "location": ' + "[" * 100000 + "]" * 100000 + "}"
        for command in ("triage", "plan"):
            proc = run(command, "--answers", "-", "--json", stdin=deep)
            self.assertEqual(proc.returncode, 2, f"{command}: {proc.returncode} {proc.stderr[:200]}")
            self.assertIn("more than 32 deep", proc.stderr)

    def test_control_characters_are_escaped_in_messages(self):
        controls = re.compile("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]")
        for bad in ("le\x1b[2Jft", "x\x00y", "z\x7f", "q\x9b1m"):
            # Escaped in the JSON (valid JSON): the field errors echo the value.
            text = json.dumps({"version": 1, "age": 40, "knee": bad, "pain_now": 2, "location": [bad]})
            proc = run("triage", "--answers", "-", "--json", stdin=text)
            self.assertEqual(proc.returncode, 2)
            self.assertIn("knee:", proc.stderr)
            self.assertIn("location:", proc.stderr)
            self.assertIsNone(controls.search(proc.stderr), repr(proc.stderr))
            # Raw in the text (not valid JSON where it is a control character): the syntax error.
            proc = run("triage", "--answers", "-", "--json", stdin='{"version": 1, "knee": "' + bad + '"}')
            self.assertEqual(proc.returncode, 2)
            self.assertIsNone(controls.search(proc.stderr), repr(proc.stderr))

    def test_nested_lists_say_what_is_wrong(self):
        err = self.check_rejected(answers(location=[["front"]]),
                                  "location: item 1 is a list inside the list (lists cannot be nested)")
        self.assertNotIn("is a list; expected a list", err)

    def test_version(self):
        self.check_rejected(answers(version=2), "version: 2 is not supported; expected 1")

    def test_malformed_json_gives_line_and_column(self):
        self.check_rejected('{"version": 1,\n "age": 40,\n "knee": left}',
                            "the answers are not valid JSON: line 3, column")
        self.check_rejected("", "not valid JSON")
        self.check_rejected("[1, 2]", "not a JSON object")

    def test_unreadable_file(self):
        proc = run("triage", "--answers", "/nonexistent/answers.json")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("/nonexistent/answers.json: cannot open the file", proc.stderr)

    def test_answers_option_is_required(self):
        self.assertEqual(run("triage").returncode, 2)


class BrokenRules(unittest.TestCase):
    def test_bad_rules_file_gives_file_and_line(self):
        root = tempfile.mkdtemp()
        try:
            shutil.copytree(CONTENT, os.path.join(root, "content"))
            rules = os.path.join(root, "content", "triage", "rules.yaml")
            with open(rules) as f:
                text = f.read()
            with open(rules, "w") as f:
                f.write(text.replace("{field: locked, is: true}", "{field: lockd, is: true}"))
            proc = run("--content", os.path.join(root, "content"), "triage", "--answers", "-", stdin=answers())
            self.assertEqual(proc.returncode, 2)
            self.assertRegex(proc.stderr, r"rules\.yaml:\d+: .*unknown answer field 'lockd'; did you mean 'locked'\?")
        finally:
            shutil.rmtree(root)


if __name__ == "__main__":
    unittest.main()
