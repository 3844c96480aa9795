"""The tracking commands through the real binary: init -> today -> session -> check-in ->
measure -> progress -> export, the store on disk, wrong answers at prompts, red flags, and a
store from a newer schema.

Sessions are played with `kneecoach session --fast` (virtual clock) when that command is
built; otherwise they are written into the store exactly as the player writes them.
"""
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

import test_intake
import kctest
from kctest import CONTENT, run

START = "2025-03-03"  # a Monday


def answers(**fields):
    return json.dumps(kctest.answers(**fields))


def next_day(iso):
    return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=1)).isoformat()


def has_session_command():
    proc = run("session", "--help")
    return proc.returncode == 0 and "--fast" in proc.stdout


class Person:
    """One data folder and the commands run against it."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="kc_tracking_")
        self.db = os.path.join(self.dir, "kneecoach.db")

    def kc(self, command, *args, stdin=None, env=None):
        argv = ["--content", CONTENT, *command.split(), "--data-dir", self.dir, *args]
        return run(*argv, stdin=stdin, env=env)

    def init(self, text=None, date=START):
        path = os.path.join(self.dir, "answers.json")
        with open(path, "w") as f:
            f.write(text or answers())
        return self.kc("init", "--answers", path, "--start", START, "--date", date)

    def sql(self, query, *params):
        con = sqlite3.connect(self.db)
        try:
            return con.execute(query, params).fetchall()
        finally:
            con.close()

    def session(self, date, pain, outcome="done"):
        """Does the session planned on `date`, rating pain during it `pain`."""
        if has_session_command() and outcome == "done":
            proc = self.kc("session", "--fast", "--date", date, stdin=f"{pain}\n")
            assert proc.returncode == 0, proc.stdout + proc.stderr
            return proc.stdout
        con = sqlite3.connect(self.db)
        person, plan = con.execute("SELECT person_id, id FROM plan WHERE stopped_at IS NULL").fetchone()
        (session,) = con.execute("SELECT session FROM plan_day WHERE plan_id = ? AND date = ?", (plan, date)).fetchone()
        at = f"{date}T18:00:00.000Z"
        cur = con.execute(
            "INSERT INTO session_log (person_id, plan_id, date, session, started_at, ended_at, status, pain_during) "
            "VALUES (?, ?, ?, ?, ?, ?, 'finished', ?)", (person, plan, date, session, at, f"{date}T18:30:00.000Z", pain))
        sid = cur.lastrowid
        for pos, ex, dose in con.execute(
                "SELECT position, exercise_id, dose FROM plan_exercise WHERE plan_id = ? AND session = ? ORDER BY position",
                (plan, session)).fetchall():
            con.execute(
                "INSERT INTO exercise_log (session_id, person_id, position, exercise_id, outcome, planned_dose, sets_done,"
                " reps_done, holds_done, seconds, finished_at) VALUES (?, ?, ?, ?, ?, ?, 1, 10, 0, 60, ?)",
                (sid, person, pos, ex, outcome, dose, at))
        con.execute("INSERT INTO measurement (person_id, measure, taken_at, date, value, session_id) "
                    "VALUES (?, 'pain-during', ?, ?, ?, ?)", (person, at, date, pain, sid))
        con.commit()
        con.close()
        return ""

    def planned_dates(self):
        return [d for (d,) in self.sql("SELECT date FROM plan_day ORDER BY date")]

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class InitTodayTest(unittest.TestCase):
    def setUp(self):
        self.p = Person()

    def tearDown(self):
        self.p.cleanup()

    def test_init_stores_answers_and_plan_in_a_wal_store(self):
        proc = self.p.init()
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("Saved for 'me'", proc.stdout)
        self.assertEqual(self.p.sql("PRAGMA journal_mode"), [("wal",)])
        self.assertEqual(self.p.sql("PRAGMA integrity_check"), [("ok",)])
        self.assertEqual(self.p.sql("SELECT name FROM person"), [("me",)])
        (doc,) = self.p.sql("SELECT json FROM answers")[0]
        self.assertEqual(json.loads(doc)["age"], 67)
        (plan_json,) = self.p.sql("SELECT plan_json FROM plan")[0]
        self.assertEqual(json.loads(plan_json)["format"], "kneecoach-plan")
        self.assertGreater(len(self.p.planned_dates()), 10)
        self.assertTrue(all(d >= START for d in self.p.planned_dates()))

    def test_init_asks_the_questions_when_no_answers_file_is_given(self):
        proc = self.p.kc("init", "--start", START, "--date", START, stdin=test_intake.script(test_intake.GRADUAL))
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        (doc,) = self.p.sql("SELECT json FROM answers")[0]
        self.assertEqual(json.loads(doc)["days"], ["mon", "wed", "fri"])

    def test_a_referral_at_init_stores_nothing(self):
        proc = self.p.init(answers(hot_red_swollen=True, fever_or_unwell=True))
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn("Nothing was saved", proc.stdout)
        self.assertFalse(os.path.exists(self.p.db))
        proc = self.p.kc("today")
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("kneecoach init", proc.stderr)

    def test_bad_answers_file_is_exit_2(self):
        proc = self.p.init('{"version": 1, "age": 300}')
        self.assertEqual(proc.returncode, 2)
        self.assertIn("age", proc.stderr)

    def test_today_shows_the_session_or_the_next_one(self):
        self.assertEqual(self.p.init().returncode, 0)
        proc = self.p.kc("today", "--date", START, "--json")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        today = json.loads(proc.stdout)
        self.assertTrue(today["scheduled"])
        self.assertIn(today["session"], ("A", "B"))
        self.assertGreater(len(today["exercises"]), 3)
        self.assertIn("sets", today["exercises"][0]["dose"])
        text = self.p.kc("today", "--date", START).stdout
        self.assertIn("Today, Mon 3 Mar 2025 (week 1 of 6)", text)
        off = self.p.kc("today", "--date", "2025-03-04")
        self.assertEqual(off.returncode, 0)
        self.assertIn("No session today", off.stdout)
        self.assertIn("Next session: Wed 5 Mar 2025", off.stdout)
        self.assertIn("starts on", self.p.kc("today", "--date", "2025-03-01").stdout)
        bad = self.p.kc("today", "--date", "3/3/2025")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("YYYY-MM-DD", bad.stderr)

    def test_people_are_kept_apart(self):
        self.assertEqual(self.p.init().returncode, 0)
        other = self.p.kc("today", "--person", "bob")
        self.assertEqual(other.returncode, 1)
        self.assertIn("no program yet for 'bob'", other.stderr)


class ProgressionThroughTheBinaryTest(unittest.TestCase):
    def setUp(self):
        self.p = Person()
        self.assertEqual(self.p.init().returncode, 0)

    def tearDown(self):
        self.p.cleanup()

    def check_in(self, date, text):
        return self.p.kc("check-in", "--date", date, stdin=text)

    def test_init_today_session_check_in_progress(self):
        days = self.p.planned_dates()
        proc = self.p.kc("measure pain", "--date", days[0], stdin="3\n5\n")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.p.session(days[0], 1)
        proc = self.check_in("2025-03-04", "2\nno\n")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("Saved: next-morning pain 2/10", proc.stdout)
        self.assertIn("step up", proc.stdout)
        self.assertIn("had settled by the next morning", proc.stdout)
        changes = self.p.sql("SELECT decision, reason FROM dose_change")
        self.assertTrue(changes)
        self.assertTrue(all(d == "progress" for d, _ in changes))

        # Too much pain during the next session eases at once; the doses shown by `today` follow.
        out = self.p.session(days[1], 7)
        if out:
            self.assertIn("ease off", out)
        else:  # no player: the check-in applies the same rule
            self.check_in(next_day(days[1]), "3\nno\n")
        eased = self.p.sql("SELECT reason FROM dose_change WHERE decision = 'ease'")
        self.assertTrue(eased)
        self.assertIn("above 5", eased[0][0])
        today = json.loads(self.p.kc("today", "--date", days[2], "--json").stdout)
        self.assertTrue(any(e["reason"] for e in today["exercises"]))

        proc = self.p.kc("progress", "--date", days[2])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("Sessions: 2 done of 3 planned so far", proc.stdout)
        self.assertIn("Dose changes:", proc.stdout)
        self.assertIn("Current doses:", proc.stdout)

    def test_a_second_check_in_of_the_day_needs_replace(self):
        days = self.p.planned_dates()
        self.assertEqual(self.p.kc("measure pain", "--date", days[0], stdin="3\n5\n").returncode, 0)
        self.p.session(days[0], 1)
        day = next_day(days[0])
        first = self.check_in(day, "2\nno\n")
        self.assertEqual(first.returncode, 0, first.stdout + first.stderr)
        self.assertEqual({d for (d,) in self.p.sql("SELECT decision FROM dose_change")}, {"progress"})

        again = self.check_in(day, "6\nno\n")
        self.assertEqual(again.returncode, 2, again.stdout + again.stderr)
        self.assertIn("already checked in", again.stderr)
        self.assertIn("next-morning pain 2/10", again.stderr)
        self.assertIn("kneecoach check-in --replace", again.stderr)
        self.assertIn("Nothing was saved", again.stderr)
        self.assertEqual(self.p.sql("SELECT next_morning_pain FROM check_in"), [(2,)])

        # Replaced by pain 8, above the usual 3: the step up is undone and the session eased instead.
        replaced = self.p.kc("check-in", "--date", day, "--replace", stdin="8\nno\n")
        self.assertEqual(replaced.returncode, 0, replaced.stdout + replaced.stderr)
        self.assertIn("replaces the check-in already saved (next-morning pain 2/10)", replaced.stdout)
        self.assertIn("ease off", replaced.stdout)
        self.assertEqual(self.p.sql("SELECT next_morning_pain FROM check_in"), [(8,)])
        self.assertEqual({d for (d,) in self.p.sql("SELECT decision FROM dose_change")}, {"ease"})
        self.assertEqual(self.p.sql("SELECT count(*) FROM measurement WHERE measure = 'pain-next-morning'"), [(1,)])

    def test_a_repeat_session_is_kept_and_counted_once(self):
        days = self.p.planned_dates()
        self.p.session(days[0], 1)
        self.p.session(days[0], 1)
        self.assertEqual(self.p.sql("SELECT count(*) FROM session_log"), [(2,)])
        proc = self.p.kc("progress", "--date", days[0])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("Sessions: 1 done of 1 planned so far", proc.stdout)

    def test_wrong_answers_at_prompts_are_explained_and_asked_again(self):
        proc = self.check_in("2025-03-04", "eleven\n11\n\n2\nmaybe\nno\n")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn('"eleven" is not a whole number. Type a whole number from 0 to 10.', proc.stdout)
        self.assertIn("11 is out of range. Type a whole number from 0 to 10.", proc.stdout)
        self.assertIn('"maybe" is not an answer to this question. Type yes or no.', proc.stdout)
        self.assertEqual(self.p.sql("SELECT next_morning_pain FROM check_in"), [(2,)])
        self.assertEqual(proc.stdout.count("how much does your knee hurt"), 4)

    def test_input_ending_early_saves_nothing(self):
        proc = self.check_in("2025-03-04", "2\n")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("nothing was saved", proc.stderr)
        self.assertEqual(self.p.sql("SELECT count(*) FROM check_in"), [(0,)])

    def test_a_red_flag_at_check_in_stops_the_program(self):
        flags = "yes\n" + "no\n" * 9  # hot, red, swollen; nothing else
        proc = self.check_in("2025-03-04", "6\nyes\n" + flags)
        self.assertEqual(proc.returncode, 3, proc.stdout + proc.stderr)
        self.assertIn("program is stopped", proc.stdout)
        self.assertEqual(self.p.sql("SELECT stopped_program, red_flags FROM check_in"), [(1, '["hot_red_swollen"]')])
        today = self.p.kc("today", "--date", "2025-03-05")
        self.assertEqual(today.returncode, 3)
        self.assertIn("stopped", today.stderr)
        self.assertEqual(self.p.kc("progress", "--date", "2025-03-05").returncode, 0)

    def test_measures_psfs_chair_stand_grc(self):
        fake = {"KNEECOACH_FAKE_TIME": "2025-03-03T09:00:00Z"}
        proc = self.p.kc("measure psfs", "--date", START, stdin="\nstairs\nkneeling, gardening\n\n4\nten\n3\n")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("Name at least 1 activity", proc.stdout)
        self.assertIn('"ten" is not a whole number', proc.stdout)
        proc = self.p.kc("measure chair-stand", "--date", START, stdin="\n9\nwomen\nwoman\n", env=fake)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("Go!", proc.stdout)
        self.assertIn("Stop!", proc.stdout)
        self.assertIn('"women" is not one of the answers', proc.stdout)
        self.assertIn("fewer than 11 stands is below average", proc.stdout)
        proc = self.p.kc("measure grc", "--date", "2025-03-20", stdin="3\n")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.p.kc("measure psfs", "--date", "2025-03-20", stdin="6\n5\n")
        self.p.kc("measure chair-stand", "--date", "2025-03-20", stdin="\n12\nwoman\n", env=fake)
        rows = self.p.sql("SELECT measure, value, items FROM measurement ORDER BY id")
        self.assertEqual(rows[0][0], "psfs")
        self.assertAlmostEqual(rows[0][1], 3.5)
        self.assertIn("kneeling, gardening", rows[0][2])
        proc = self.p.kc("progress", "--date", "2025-03-21")
        text = " ".join(proc.stdout.split())  # progress wraps at 80 columns
        self.assertIn("PSFS (mean of your activities, 0-10): 3.5 on 2025-03-03 -> 5.5 on 2025-03-20: +2.0", text)
        self.assertIn("30-second chair stand: 9.0 stands on 2025-03-03 -> 12.0 stands on 2025-03-20: +3.0", text)
        self.assertIn("Global rating of change: +3 (somewhat better)", text)

    def test_progress_svg_charts_are_valid_and_csv_has_every_log(self):
        days = self.p.planned_dates()
        self.p.kc("measure pain", "--date", days[0], stdin="4\n5\n")
        self.p.session(days[0], 2)
        self.check_in("2025-03-04", "3\nno\n")
        self.p.session(days[1], 4)
        self.check_in(next_day(days[1]), "4\nno\n")
        self.p.kc("measure chair-stand", "--date", days[1], stdin="\n10\nman\n",
                  env={"KNEECOACH_FAKE_TIME": "2025-03-05"})
        out = os.path.join(self.p.dir, "charts")
        proc = self.p.kc("progress", "--date", "2025-03-12", "--svg", out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        for name in ("pain.svg", "adherence.svg", "chair-stand.svg"):
            path = os.path.join(out, name)
            self.assertTrue(os.path.exists(path), name)
            lint = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
            self.assertEqual(lint.returncode, 0, lint.stderr)
        with open(os.path.join(out, "pain.svg")) as f:
            svg = f.read()
        self.assertIn("0-2: safe", svg)
        self.assertIn("over 5: too much", svg)
        with open(os.path.join(out, "adherence.svg")) as f:
            self.assertIn("missed", f.read())

        csv_dir = os.path.join(self.p.dir, "csv")
        proc = self.p.kc("export csv", "-o", csv_dir)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        files = sorted(os.listdir(csv_dir))
        self.assertEqual(files, ["check_ins.csv", "dose_changes.csv", "exercises.csv", "measurements.csv",
                                 "plan.csv", "sessions.csv"])
        with open(os.path.join(csv_dir, "sessions.csv"), newline="") as f:
            self.assertEqual(len(f.read().strip().splitlines()), 3)
        with open(os.path.join(csv_dir, "measurements.csv"), newline="") as f:
            text = f.read()
        self.assertIn("chair-stand", text)
        self.assertIn("pain-next-morning", text)


class SchemaTest(unittest.TestCase):
    def setUp(self):
        self.p = Person()
        self.assertEqual(self.p.init().returncode, 0)

    def tearDown(self):
        self.p.cleanup()

    def test_a_store_from_a_newer_schema_is_refused_and_not_altered(self):
        con = sqlite3.connect(self.p.db)
        con.execute("INSERT INTO schema_version (version) VALUES (99)")
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        with open(self.p.db, "rb") as f:
            before = f.read()
        for command in ("today", "progress", "check-in"):
            proc = self.p.kc(command, stdin="2\nno\n")
            self.assertEqual(proc.returncode, 1, command)
            self.assertIn("newer kneecoach (schema version 99", proc.stderr)
            self.assertIn("The store was not changed", proc.stderr)
        with open(self.p.db, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_data_dir_from_the_environment(self):
        home = tempfile.mkdtemp(prefix="kc_home_")
        try:
            path = os.path.join(self.p.dir, "answers.json")
            proc = run("--content", CONTENT, "init", "--answers", path, "--start", START,
                       env={"KNEECOACH_HOME": home})
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertTrue(os.path.exists(os.path.join(home, "kneecoach.db")))
            xdg = tempfile.mkdtemp(prefix="kc_xdg_")
            env = {"XDG_DATA_HOME": xdg, "KNEECOACH_HOME": ""}
            proc = run("--content", CONTENT, "init", "--answers", path, "--start", START, env=env)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertTrue(os.path.exists(os.path.join(xdg, "kneecoach", "kneecoach.db")))
            shutil.rmtree(xdg, ignore_errors=True)
        finally:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
