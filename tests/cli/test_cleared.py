""""I have been seen and cleared" through the real binary: `kneecoach cleared` records who cleared
the person, when and their limits, builds the program keeping to them, and the morning check-in
honours the clearance for exactly the warning signs it covers (docs/triage-rules.md)."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import kctest
from kctest import CONTENT, run
from test_intake import GRADUAL, script

TODAY = "2025-03-05"
FLAGGED = kctest.answers(gives_way=True, calf_pain_or_swelling=True)  # see a clinician; urgent
KNEELING = {"hip-flexor-stretch", "lunge", "knee-bounce"}  # content/exercises: demands [kneeling]
SIGNS = ["hot_red_swollen", "fever_or_unwell", "calf_pain_or_swelling", "locked", "numb_or_cold_foot",
         "deformity", "gives_way", "swelling", "night_or_rest_pain", "pain_getting_worse"]


class Cleared(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kc_cleared_")
        self.answers = os.path.join(self.dir, "answers.json")
        with open(self.answers, "w") as f:
            json.dump(FLAGGED, f)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def kc(self, command, *args, stdin=None):
        return run("--content", CONTENT, command, "--data-dir", self.dir, *args, stdin=stdin)

    def cleared(self, *extra, on="2025-03-04"):
        return self.kc("cleared", "--answers", self.answers, "--by", "Ann Lee", "--role", "physiotherapist", "--on", on,
                       "--referred-on", "2025-03-02", "--start", TODAY, "--date", TODAY, *extra)

    def sql(self, query):
        import sqlite3
        con = sqlite3.connect(os.path.join(self.dir, "kneecoach.db"))
        try:
            return con.execute(query).fetchall()
        finally:
            con.close()

    def check_in(self, day, signs):
        text = "2\n" + ("yes\n" + "".join("yes\n" if s in signs else "no\n" for s in SIGNS) if signs else "no\n")
        return self.kc("check-in", "--date", day, stdin=text)

    def test_a_referral_at_init_points_to_the_path_for_later(self):
        proc = self.kc("init", "--answers", self.answers, "--date", TODAY)
        self.assertEqual(proc.returncode, 3, proc.stdout + proc.stderr)
        self.assertIn("kneecoach cleared --answers FILE --by NAME --role ROLE --on DATE", proc.stdout)

    def test_cleared_builds_a_program_that_keeps_the_limits_and_says_who_cleared_it(self):
        proc = self.cleared("--no-kneeling", "--pain-ceiling", "3", "--avoid", "wall-sit", "--note", "Walk daily.")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        text = " ".join(proc.stdout.split())
        self.assertIn("Cleared by Ann Lee (physiotherapist) on Tue 4 Mar 2025 for: calf pain or swelling, gives way.",
                      text)
        self.assertIn("no kneeling; pain during exercise 3/10 at most; not these exercises: Wall sit", text)
        self.assertIn('Their note: "Walk daily."', text)
        self.assertIn("above 3 out of 10", text)
        rows = self.sql("SELECT c.json, p.level FROM clearance c JOIN plan p ON p.id = c.plan_id")
        self.assertEqual(len(rows), 1)
        kept = json.loads(rows[0][0])
        self.assertEqual(kept["flags"], ["calf-pain-or-swelling", "gives-way"])
        self.assertEqual(kept["limits"]["pain_ceiling"], 3)
        self.assertEqual(rows[0][1], "caution")
        planned = {r[0] for r in self.sql("SELECT DISTINCT exercise_id FROM plan_exercise")}
        self.assertTrue(planned)
        self.assertFalse(planned & (KNEELING | {"wall-sit"}), planned)
        # The plan JSON carries it, for every surface.
        plan = json.loads(self.sql("SELECT plan_json FROM plan")[0][0])
        self.assertEqual(plan["clearance"]["clinician"], "Ann Lee")

    def test_the_pain_ceiling_is_the_limit_the_session_and_progression_keep_to(self):
        self.assertEqual(self.cleared("--pain-ceiling", "3").returncode, 0)
        (day,) = self.sql("SELECT min(date) FROM plan_day")[0]
        today = self.kc("today", "--date", day)
        self.assertIn("above 3 out of 10 (your clinician set a ceiling of 3/10)", " ".join(today.stdout.split()))
        steps = json.loads(self.kc("session", "--date", day, "--steps-json").stdout)
        self.assertEqual(steps["pain_most"], 3)
        self.assertIn("above 3 is too much (your clinician set a ceiling of 3/10)", steps["pain_scale_help"])
        # 4/10 is acceptable under the usual 5, too much under this clinician's 3: the doses come down.
        proc = self.kc("session", "--fast", "--date", day, stdin="4\n")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("Above 3 is too much (your clinician set a ceiling of 3/10)", " ".join(proc.stdout.split()))
        eased = self.sql("SELECT reason FROM dose_change WHERE decision = 'ease'")
        self.assertTrue(eased)
        self.assertIn("4/10 (too much), above 3: your clinician set a ceiling of 3/10", eased[0][0])

    def test_without_a_ceiling_pain_4_is_acceptable(self):
        self.assertEqual(self.cleared().returncode, 0)
        (day,) = self.sql("SELECT min(date) FROM plan_day")[0]
        proc = self.kc("session", "--fast", "--date", day, stdin="4\n")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("Up to 5 during exercise is acceptable", " ".join(proc.stdout.split()))
        self.assertEqual(self.sql("SELECT count(*) FROM dose_change WHERE decision = 'ease'")[0][0], 0)

    def test_the_handout_says_who_cleared_the_person(self):
        self.assertEqual(self.cleared().returncode, 0)
        pdf = os.path.join(self.dir, "plan.pdf")
        proc = self.kc("handout", "-o", pdf)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.split())
        self.assertIn("Cleared by Ann Lee (physiotherapist) on Tue 4 Mar 2025 for: calf pain or swelling, gives way",
                      text)

    def test_bad_input_is_exit_2_and_stores_nothing(self):
        cases = [
            (["--on", "2025-03-06"], "in the future"),
            (["--on", "2025-03-01"], "before the warning sign of Sun 2 Mar 2025"),
            (["--avoid", "moon-walk"], "limits.avoid[0]: \"moon-walk\" is not an exercise"),
            (["--on", "4 March"], "--on \"4 March\" is not a date"),
        ]
        for args, message in cases:
            on = args[1] if args[0] == "--on" else "2025-03-04"
            extra = [] if args[0] == "--on" else args
            proc = self.cleared(*extra, on=on)
            self.assertEqual(proc.returncode, 2, f"{args}: {proc.stdout}{proc.stderr}")
            self.assertIn(message, proc.stderr)
        blank = self.kc("cleared", "--answers", self.answers, "--by", " ", "--role", "GP", "--on", "2025-03-04",
                        "--date", TODAY)
        self.assertEqual(blank.returncode, 2)
        self.assertIn("clinician: missing", blank.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "kneecoach.db")) and
                         self.sql("SELECT count(*) FROM person")[0][0])

    def test_nothing_to_clear_without_a_warning_sign(self):
        with open(self.answers, "w") as f:
            json.dump(kctest.answers(), f)
        proc = self.cleared()
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertIn("nothing to clear", proc.stderr)

    def test_the_check_in_honours_exactly_the_cleared_signs(self):
        self.assertEqual(self.cleared().returncode, 0)
        quiet = self.check_in("2025-03-06", [])
        self.assertEqual(quiet.returncode, 0, quiet.stdout + quiet.stderr)
        # The same sign again is new: it stops.
        again = self.check_in("2025-03-07", ["gives_way"])
        self.assertEqual(again.returncode, 3, again.stdout + again.stderr)
        self.assertIn("program is stopped", again.stdout)

    def test_a_program_stopped_at_a_check_in_is_cleared_from_the_stored_answers(self):
        with open(self.answers, "w") as f:
            json.dump(kctest.answers(), f)
        self.assertEqual(self.kc("init", "--answers", self.answers, "--start", TODAY, "--date", TODAY).returncode, 0)
        stopped = self.check_in("2025-03-06", ["gives_way"])
        self.assertEqual(stopped.returncode, 3, stopped.stdout + stopped.stderr)
        self.assertIn("kneecoach cleared --by NAME --role ROLE --on DATE", stopped.stdout)
        early = self.kc("cleared", "--by", "Bo Chan", "--role", "GP", "--on", "2025-03-05", "--date", "2025-03-08")
        self.assertEqual(early.returncode, 2, early.stdout + early.stderr)
        self.assertIn("before the warning sign of Thu 6 Mar 2025", early.stderr)
        proc = self.kc("cleared", "--by", "Bo Chan", "--role", "GP", "--on", "2025-03-07", "--date", "2025-03-08")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("Cleared by Bo Chan (GP) on Fri 7 Mar 2025 for: gives way.", " ".join(proc.stdout.split()))
        self.assertEqual(self.kc("today", "--date", "2025-03-08").returncode, 0)

    def test_a_different_sign_at_a_check_in_stops_for_itself_alone(self):
        self.assertEqual(self.cleared().returncode, 0)
        locked = self.check_in("2025-03-06", ["locked"])
        self.assertEqual(locked.returncode, 3, locked.stdout + locked.stderr)
        text = " ".join(locked.stdout.split())
        self.assertIn("stuck and will not straighten", text)  # the locked-knee rule's reason
        self.assertNotIn("blood clot", text)  # the cleared calf sign is not a reason again


# The terminal's questions in order (tests/cli/test_intake.py), with a hot, red, swollen knee at
# question 13: the questionnaire stops there.
HOT_KNEE = [(qid, "yes" if qid in ("swelling", "hot_red_swollen") else answer) for qid, answer in GRADUAL]
STOP = [qid for qid, _ in HOT_KNEE].index("hot_red_swollen") + 1


class ClearedAfterAnEarlyStop(unittest.TestCase):
    """Issue 14: `kneecoach intake` stopped by a warning sign saves only the answers given, and
    `kneecoach cleared` asks the questions never asked (not their defaults), clearing only the
    signs present at the stop."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kc_cleared_early_")
        self.answers = os.path.join(self.dir, "answers.json")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def kc(self, command, *args, stdin=None):
        return run("--content", CONTENT, command, "--data-dir", self.dir, *args, stdin=stdin)

    def cleared(self, *extra, stdin=""):
        return self.kc("cleared", *extra, "--by", "Ann Lee", "--role", "GP", "--on", "2025-03-04", "--start", TODAY,
                       "--date", TODAY, stdin=stdin)

    def stopped_intake(self):
        proc = run("intake", "-o", self.answers, stdin=script(HOT_KNEE))
        self.assertEqual(proc.returncode, 3, proc.stdout + proc.stderr)
        return proc

    def stored_answers(self):
        import sqlite3
        con = sqlite3.connect(os.path.join(self.dir, "kneecoach.db"))
        try:
            return [json.loads(row[0]) for row in con.execute("SELECT json FROM answers")]
        finally:
            con.close()

    def test_a_stopped_intake_saves_only_the_answers_given(self):
        proc = self.stopped_intake()
        self.assertIn("kneecoach cleared --answers " + self.answers, " ".join(proc.stdout.split()))
        with open(self.answers) as f:
            doc = json.load(f)
        self.assertEqual(list(doc), ["version"] + [qid for qid, _ in HOT_KNEE[:STOP]])
        self.assertNotIn("equipment", doc)  # never asked: no default stands in for it
        self.assertNotIn("fever_or_unwell", doc)
        # Still a valid answers document, with the same referral.
        triage = run("triage", "--answers", self.answers, "--json")
        self.assertEqual(triage.returncode, 3, triage.stdout + triage.stderr)
        self.assertEqual(json.loads(triage.stdout)["level"], "urgent")

    def test_cleared_asks_the_questions_left_and_builds_from_the_real_answers(self):
        self.stopped_intake()
        proc = self.cleared("--answers", self.answers, stdin=script(HOT_KNEE[STOP:]))
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        text = " ".join(proc.stdout.split())
        self.assertIn("the questions after it were never asked. Your clearance covers the signs it shows (hot swollen knee)", text)
        self.assertIn("fever", text)  # question 14 was asked
        self.assertIn("Cleared by Ann Lee (GP) on Tue 4 Mar 2025 for: hot swollen knee.", text)
        [stored] = self.stored_answers()
        self.assertEqual(stored["equipment"], ["chair", "wall"])  # what was typed, not a default
        self.assertEqual(stored["days"], ["mon", "wed", "fri"])
        self.assertEqual(stored["minutes_per_session"], 25)
        self.assertIs(stored["hot_red_swollen"], True)

    def test_cleared_with_the_questions_left_unanswered_saves_nothing(self):
        self.stopped_intake()
        proc = self.cleared("--answers", self.answers, stdin="")
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertIn("the answers ended before every question was answered", proc.stderr)
        self.assertIn("nothing was saved", proc.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "kneecoach.db")), "no store is made for nothing")

    def test_a_new_sign_in_the_questions_left_still_stops(self):
        self.stopped_intake()
        rest = [(qid, "yes" if qid == "calf_pain_or_swelling" else answer) for qid, answer in HOT_KNEE[STOP:]]
        proc = self.cleared("--answers", self.answers, stdin=script(rest))
        self.assertEqual(proc.returncode, 3, proc.stdout + proc.stderr)
        text = " ".join(proc.stdout.split())
        self.assertIn("covers only the warning signs that were there; nothing was saved", text)
        self.assertNotIn("numb", text.split("calf")[-1])  # no question after the new sign
        self.assertFalse(os.path.exists(os.path.join(self.dir, "kneecoach.db")), "no store is made for nothing")

    def test_cleared_with_no_records_asks_every_question_and_clears_the_first_stop(self):
        proc = self.cleared(stdin=script(HOT_KNEE))
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        text = " ".join(proc.stdout.split())
        self.assertIn("Your clearance covers them, so the questions go on", text)
        self.assertIn("Cleared by Ann Lee (GP) on Tue 4 Mar 2025 for: hot swollen knee.", text)
        [stored] = self.stored_answers()
        self.assertEqual(stored["equipment"], ["chair", "wall"])

    def test_init_stopped_on_the_terminal_points_to_cleared_without_a_file(self):
        proc = self.kc("init", "--date", TODAY, stdin=script(HOT_KNEE))
        self.assertEqual(proc.returncode, 3, proc.stdout + proc.stderr)
        self.assertIn("`kneecoach cleared --by NAME --role ROLE --on DATE`", proc.stdout)

    def test_a_whole_answers_file_is_not_asked_again(self):
        with open(self.answers, "w") as f:
            json.dump(FLAGGED, f)  # its signs, then later questions answered: a whole document
        proc = self.cleared("--answers", self.answers, "--referred-on", "2025-03-02", stdin="")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertNotIn("never asked", proc.stdout)


if __name__ == "__main__":
    unittest.main()
