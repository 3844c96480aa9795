"""Nothing lost: kill kneecoach with SIGKILL at random moments, reopen the store, and check
`PRAGMA integrity_check` and that everything committed before the kill is still there.

* Sessions: `kneecoach session` runs a scripted session on a sped-up clock while this test
  watches the store through a read-only connection; every exercise log seen before the kill
  must still be there, unchanged, afterwards.
* Check-ins, measures and init: killed at random points of their (short) lives; each write
  is all or nothing (a check-in with its pain rating, the two pain ratings of `measure pain`,
  a whole plan).

The random seed is printed; set KNEECOACH_CRASH_SEED to replay a run and KNEECOACH_CRASH_RUNS
to change the number of runs (default 30 sessions and 30 of each short command).
"""
import datetime
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest

from kctest import BIN, CONTENT, run

RUNS = int(os.environ.get("KNEECOACH_CRASH_RUNS", "30"))
SEED = int(os.environ.get("KNEECOACH_CRASH_SEED", str(int(time.time()))))
START = "2025-03-03"
SCALE = "400"  # a 16-minute session takes about 2.5 s


def answers():
    return json.dumps({
        "version": 1, "age": 60, "knee": "right", "pain_now": 3, "location": ["front"], "onset": "gradual",
        "equipment": ["chair", "step", "wall", "mat", "books", "counter", "band"], "minutes_per_session": 30,
        "days": ["mon", "wed", "fri"],
    })


def env():
    e = dict(os.environ)
    e.pop("KNEECOACH_CONTENT", None)
    return e


def integrity(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchall(), con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()


def snapshot(db, query):
    """Rows of `query` through a read-only connection (never writes, never checkpoints)."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        return set(con.execute(query).fetchall())
    except sqlite3.Error:
        return None
    finally:
        con.close()


EXERCISE_LOGS = ("SELECT id, session_id, position, exercise_id, outcome, planned_dose, sets_done, reps_done, "
                 "holds_done, seconds, finished_at FROM exercise_log")


class CrashTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print(f"\ncrash test seed {SEED} (KNEECOACH_CRASH_SEED), {RUNS} runs", flush=True)

    def setUp(self):
        self.rng = random.Random(SEED)
        self.dir = tempfile.mkdtemp(prefix="kc_crash_")
        self.db = os.path.join(self.dir, "kneecoach.db")
        self.answers = os.path.join(self.dir, "answers.json")
        with open(self.answers, "w") as f:
            f.write(answers())

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def kc_args(self, *args):
        return [BIN, "--content", CONTENT, *args, "--data-dir", self.dir]

    def init(self):
        proc = run("--content", CONTENT, "init", "--answers", self.answers, "--start", START, "--date", START,
                   "--data-dir", self.dir)
        self.assertEqual(proc.returncode, 0, proc.stderr)

    def assert_sound(self, context):
        checks, foreign = integrity(self.db)
        self.assertEqual(checks, [("ok",)], context)
        self.assertEqual(foreign, [], context)

    def test_killed_sessions_keep_every_finished_exercise(self):
        if "--clock-scale" not in run("session", "--help").stdout:
            self.skipTest("`kneecoach session` is not built")
        self.init()
        con = sqlite3.connect(self.db)
        days = [d for (d,) in con.execute("SELECT date FROM plan_day ORDER BY date")]
        con.close()
        # Kill somewhere within a whole session's lifetime, measured here, so that the kills land
        # inside a session however long the program's doses make it and however busy the machine is.
        span = self.lifetime(["session", "--clock-scale", SCALE, "--date", days[-1]], "2\n")
        killed = completed = 0
        most_seen = 0
        for i in range(RUNS):
            day = days[i % len(days)]
            delay = self.rng.uniform(0.0, span)
            proc = subprocess.Popen(self.kc_args("session", "--clock-scale", SCALE, "--date", day),
                                    stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    env=env())
            proc.stdin.write(b"2\n")
            proc.stdin.flush()
            seen = set()
            end = time.monotonic() + delay
            while time.monotonic() < end and proc.poll() is None:
                rows = snapshot(self.db, EXERCISE_LOGS)
                if rows:
                    seen |= rows
                time.sleep(0.02)
            if proc.poll() is None:
                rows = snapshot(self.db, EXERCISE_LOGS)  # what is committed just before the kill
                if rows:
                    seen |= rows
                proc.send_signal(signal.SIGKILL)
                killed += 1
            else:
                completed += 1
            proc.wait(timeout=30)
            proc.stdin.close()
            proc.stderr.close()
            context = f"run {i} (seed {SEED}), killed after {delay:.2f} s"
            self.assert_sound(context)
            con = sqlite3.connect(self.db)
            after = set(con.execute(EXERCISE_LOGS).fetchall())
            con.close()
            self.assertLessEqual(seen, after, f"{context}: exercise logs lost: {seen - after}")
            most_seen = max(most_seen, len(seen))
        # The store still opens and works after all that.
        proc = run("--content", CONTENT, "progress", "--date", days[-1], "--data-dir", self.dir)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        print(f"sessions ({span:.2f} s each): {killed} killed, {completed} completed; up to {most_seen} exercise logs checked",
              flush=True)
        self.assertGreater(killed, RUNS // 2)
        self.assertGreater(most_seen, 0)

    def kill_at_random(self, args, stdin, max_delay):
        proc = subprocess.Popen(self.kc_args(*args), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=env())
        proc.stdin.write(stdin.encode())
        proc.stdin.flush()
        time.sleep(self.rng.uniform(0.0, max_delay))
        was_running = proc.poll() is None
        if was_running:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdin.close()
        return was_running

    def lifetime(self, args, stdin):
        t = time.monotonic()
        proc = subprocess.run(self.kc_args(*args), input=stdin, capture_output=True, text=True, env=env())
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        return time.monotonic() - t

    def test_killed_check_ins_and_measures_are_all_or_nothing(self):
        self.init()
        # Kill somewhere within a normal run's lifetime (measured, so kills land inside it).
        span = self.lifetime(["measure", "pain", "--date", START], "3\n4\n") * 1.2
        killed = 0
        for i in range(RUNS):
            day = (datetime.date(2025, 3, 4) + datetime.timedelta(days=i)).isoformat()
            before_checkins = snapshot(self.db, "SELECT id, date, next_morning_pain FROM check_in")
            before_pain = snapshot(self.db, "SELECT id, measure, value FROM measurement")
            killed += self.kill_at_random(["check-in", "--date", day], "2\nno\n", span)
            killed += self.kill_at_random(["measure", "pain", "--date", day], "3\n4\n", span)
            context = f"run {i} (seed {SEED})"
            self.assert_sound(context)
            con = sqlite3.connect(self.db)
            checkins = set(con.execute("SELECT id, date, next_morning_pain FROM check_in").fetchall())
            pain = set(con.execute("SELECT id, measure, value FROM measurement").fetchall())
            # A check-in and its next-morning rating are written together.
            (n_checkins,) = con.execute("SELECT count(*) FROM check_in").fetchone()
            (n_morning,) = con.execute("SELECT count(*) FROM measurement WHERE measure = 'pain-next-morning'").fetchone()
            (n_now,) = con.execute("SELECT count(*) FROM measurement WHERE measure = 'pain-now'").fetchone()
            (n_worst,) = con.execute("SELECT count(*) FROM measurement WHERE measure = 'pain-worst-24h'").fetchone()
            con.close()
            self.assertLessEqual(before_checkins or set(), checkins, context)
            self.assertLessEqual(before_pain or set(), pain, context)
            self.assertEqual(n_checkins, n_morning, context)
            self.assertEqual(n_now, n_worst, context)
        print(f"check-in and measure: {killed} of {2 * RUNS} runs killed while running", flush=True)
        self.assertGreater(killed, 0)

    def test_killed_init_leaves_no_half_plan(self):
        span = self.lifetime(["init", "--answers", self.answers, "--start", START, "--date", START], "") * 1.2
        shutil.rmtree(self.dir)
        os.makedirs(self.dir)
        with open(self.answers, "w") as f:
            f.write(answers())
        full = None
        for i in range(RUNS):
            self.kill_at_random(["init", "--answers", self.answers, "--start", START, "--date", START], "", span)
            if not os.path.exists(self.db):
                continue
            context = f"run {i} (seed {SEED})"
            self.assert_sound(context)
            con = sqlite3.connect(self.db)
            if not con.execute("SELECT 1 FROM sqlite_schema WHERE name = 'plan'").fetchall():
                con.close()  # killed before the first migration committed: an empty store
                continue
            plans = con.execute("SELECT p.id, (SELECT count(*) FROM plan_day d WHERE d.plan_id = p.id), "
                                "(SELECT count(*) FROM plan_exercise e WHERE e.plan_id = p.id) FROM plan p").fetchall()
            con.close()
            for _, days, exercises in plans:
                full = full or (days, exercises)
                self.assertEqual((days, exercises), full, f"{context}: a plan was saved in part")
        proc = run("--content", CONTENT, "today", "--date", START, "--data-dir", self.dir)
        self.assertIn(proc.returncode, (0, 1), proc.stderr)  # 1: every init was killed before its commit


if __name__ == "__main__":
    unittest.main()
