"""`kneecoach intake` through the real binary, driven by answers on a pipe."""
import json
import os
import tempfile
import unittest

from kctest import run

# The questions asked after a gradual onset, in order, with a plain answer for each.
GRADUAL = [
    ("age", "52"), ("knee", "left"), ("pain_now", "3"), ("pain_worst_week", "5"), ("duration_weeks", "6"),
    ("location", "front, inner"), ("onset", "gradual"), ("can_walk_4_steps_now", "yes"),
    ("can_bend_to_90", "yes"), ("locked", "no"), ("gives_way", "no"), ("swelling", "no"),
    ("hot_red_swollen", "no"), ("fever_or_unwell", "no"), ("calf_pain_or_swelling", "no"),
    ("numb_or_cold_foot", "no"), ("deformity", "no"), ("sharp_pain", "no"), ("pain_getting_worse", "no"),
    ("night_or_rest_pain", "no"), ("unexplained_weight_loss", "no"), ("cancer_history", "no"),
    ("morning_stiffness_over_30_min", "no"), ("joint_replacement", "no"), ("weeks_since_knee_surgery", "none"),
    ("underlying_condition", "no"), ("runner", "no"), ("can_kneel", "yes"), ("can_get_down_to_floor", "no"),
    ("equipment", "chair, wall"), ("days", "mon, wed, fri"), ("minutes_per_session", "25"),
]

# After an injury, these come straight after `onset` (can_walk_4_steps_now is asked of everyone).
INJURY = [
    ("injury_days_ago", "3"), ("could_walk_4_steps_after_injury", "yes"), ("can_walk_4_steps_now", "yes"),
    ("kneecap_or_fibula_tender", "yes"), ("pop_at_injury", "no"), ("swelled_within_hours", "no"),
]

INJURY_PROMPTS = ["How many days ago did the injury happen?", "Straight after the injury",
                  "bony bump on the outer side", "did you feel or hear a pop?", "swell up within a few hours"]


def script(steps):
    return "".join(answer + "\n" for _, answer in steps)


def injury_steps(**overrides):
    steps = []
    for qid, answer in GRADUAL:
        if qid == "can_walk_4_steps_now":
            continue
        steps.append((qid, "injury" if qid == "onset" else answer))
        if qid == "onset":
            steps.extend(INJURY)
    return [(qid, overrides.get(qid, answer)) for qid, answer in steps]


class IntakeTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.out = os.path.join(self.dir, "answers.json")

    def tearDown(self):
        if os.path.exists(self.out):
            os.unlink(self.out)
        os.rmdir(self.dir)

    def intake(self, text):
        return run("intake", "-o", self.out, stdin=text)

    def saved(self):
        with open(self.out) as f:
            text = f.read()
        return text, json.loads(text)

    def test_gradual_onset_writes_the_answers_and_skips_injury_questions(self):
        proc = self.intake(script(GRADUAL))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        for prompt in INJURY_PROMPTS:
            self.assertNotIn(prompt, proc.stdout)
        text, doc = self.saved()
        self.assertEqual(list(doc.keys())[:4], ["version", "age", "knee", "pain_now"])
        self.assertEqual(doc["version"], 1)
        self.assertEqual(doc["age"], 52)
        self.assertEqual(doc["knee"], "left")
        self.assertEqual(doc["pain_worst_week"], 5)
        self.assertEqual(doc["duration_weeks"], 6)
        self.assertEqual(doc["location"], ["front", "inner"])
        self.assertEqual(doc["onset"], "gradual")
        self.assertNotIn("injury_days_ago", doc)
        self.assertNotIn("weeks_since_knee_surgery", doc)
        self.assertIs(doc["can_get_down_to_floor"], False)
        self.assertEqual(doc["equipment"], ["chair", "wall"])
        self.assertEqual(doc["days"], ["mon", "wed", "fri"])
        self.assertEqual(doc["minutes_per_session"], 25)
        self.assertIn("kneecoach triage --answers " + self.out, proc.stdout)
        # The saved file is valid input for triage.
        triage = run("triage", "--answers", self.out, "--json")
        self.assertEqual(triage.returncode, 0, triage.stderr)
        self.assertEqual(json.loads(triage.stdout)["level"], "go")

    def test_injury_questions_follow_an_injury(self):
        proc = self.intake(script(injury_steps(kneecap_or_fibula_tender="no")))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        for prompt in INJURY_PROMPTS:
            self.assertIn(prompt, proc.stdout)
        _, doc = self.saved()
        self.assertEqual(doc["onset"], "injury")
        self.assertEqual(doc["injury_days_ago"], 3)
        self.assertIs(doc["kneecap_or_fibula_tender"], False)

    def test_a_tender_bone_after_a_recent_injury_stops_the_questions_there(self):
        proc = self.intake(script(injury_steps()))
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn("bony bump on the outer side", proc.stdout)
        self.assertNotIn("did you feel or hear a pop?", proc.stdout)
        self.assertIn("[ottawa-bony-tenderness]", proc.stdout)
        self.assertEqual(proc.stdout.count("> "), 11)
        _, doc = self.saved()
        self.assertIs(doc["kneecap_or_fibula_tender"], True)
        triage = run("triage", "--answers", self.out, "--json")
        self.assertEqual(triage.returncode, 3)
        self.assertEqual(json.loads(triage.stdout)["reasons"][0]["rule"], "ottawa-bony-tenderness")

    def test_a_hot_swollen_knee_at_question_13_stops_the_questions_at_once(self):
        # Issue 14: hot, red and swollen answered at question 13 was followed by 18 more questions.
        steps = [(qid, "yes" if qid in ("swelling", "hot_red_swollen") else answer) for qid, answer in GRADUAL]
        proc = self.intake(script(steps))
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertEqual(proc.stdout.count("> "), 13)
        self.assertIn("13. Is the knee hot, red or swollen", proc.stdout)
        self.assertNotIn("fever", proc.stdout.split("13. Is the knee hot")[1].split("A hot, red or swollen knee")[0])
        self.assertIn("Your answers show a warning sign, so the other questions are not needed", proc.stdout)
        self.assertIn("Be seen by a doctor today", proc.stdout)
        self.assertNotIn("kneecoach triage --answers", proc.stdout)
        _, doc = self.saved()
        self.assertIs(doc["hot_red_swollen"], True)
        triage = run("triage", "--answers", self.out, "--json")
        self.assertEqual(triage.returncode, 3)
        result = json.loads(triage.stdout)
        self.assertEqual(result["level"], "urgent")
        self.assertEqual([r["rule"] for r in result["reasons"]], ["hot-swollen-knee"])

    def test_init_stops_at_the_warning_sign_and_saves_nothing(self):
        steps = [(qid, "yes" if qid == "locked" else answer) for qid, answer in GRADUAL]
        data = tempfile.mkdtemp()
        try:
            proc = run("init", "--data-dir", data, stdin=script(steps))
            self.assertEqual(proc.returncode, 3, proc.stderr)
            self.assertEqual(proc.stdout.count("> "), 10)
            self.assertIn("[locked-knee]", proc.stdout)
            self.assertIn("Nothing was saved", proc.stdout)
            self.assertEqual(os.listdir(data), [])
        finally:
            os.rmdir(data)

    def test_wrong_answers_are_explained_and_asked_again(self):
        wrong = {"age": ["fifty", "130"], "pain_now": ["3.5"], "pain_worst_week": [""], "swelling": ["maybe"]}
        steps = []
        for qid, answer in GRADUAL:
            steps.extend((qid, w) for w in wrong.get(qid, []))
            steps.append((qid, answer))
        proc = self.intake(script(steps))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn('"fifty" is not a whole number. Please type a whole number from 12 to 110.', proc.stdout)
        self.assertIn("130 is out of range. Please type a whole number from 12 to 110.", proc.stdout)
        self.assertIn('"3.5" is not a whole number. Please type a whole number from 0 to 10.', proc.stdout)
        self.assertIn("Please type an answer.", proc.stdout)
        self.assertIn("Please answer yes or no.", proc.stdout)
        asked = proc.stdout.split("Check them before they are saved")[0]  # then the review lists every answer
        self.assertEqual(asked.count("How old are you?"), 1)  # the question once, then only the prompt
        self.assertEqual(asked.count("> "), len(steps))
        _, doc = self.saved()
        self.assertEqual(doc["age"], 52)
        self.assertEqual(doc["pain_now"], 3)

    def test_unknown_choice_suggests_the_closest(self):
        steps = list(GRADUAL)
        steps[1:2] = [("knee", "lfet"), ("knee", "1")]
        proc = self.intake(script(steps))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn('"lfet" is not one of the choices. Did you mean left?', proc.stdout)

    def test_end_of_input_is_an_error_and_nothing_is_written(self):
        proc = self.intake(script(GRADUAL[:10]))
        self.assertEqual(proc.returncode, 2)
        self.assertIn("the answers ended before every question was answered", proc.stderr)
        self.assertIn("nothing was saved", proc.stderr)
        self.assertFalse(os.path.exists(self.out))
        self.assertEqual(run("intake", stdin="").returncode, 2)

    def test_without_output_file_the_document_goes_to_stdout(self):
        proc = run("intake", stdin=script(GRADUAL))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        doc = json.loads(proc.stdout)  # the questions went to stderr
        self.assertEqual(doc["age"], 52)
        self.assertIn("How old are you?", proc.stderr)
        triage = run("triage", "--answers", "-", "--json", stdin=proc.stdout)
        self.assertEqual(triage.returncode, 0, triage.stderr)


if __name__ == "__main__":
    unittest.main()
