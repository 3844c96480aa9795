"""Commands as a new user meets them (issue 14 item 5): unknown command words, the session a
`today --date` shows, and a store that is missing, empty or damaged (`kneecoach doctor`)."""
import os
import sqlite3
import unittest

from kctest import run
from test_tracking import Person, START


class CommandWordsTest(unittest.TestCase):
    def test_an_unknown_command_is_named_with_exit_2(self):
        for argv, word, where in [(["bogus"], "bogus", "kneecoach command"),
                                  (["bogus", "--help"], "bogus", "kneecoach command"),
                                  (["measure", "bogus"], "bogus", "`kneecoach measure`"),
                                  (["exercises", "lisst"], "lisst", "`kneecoach exercises`"),
                                  (["--content", "content", "export", "pdf"], "pdf", "`kneecoach export`")]:
            proc = run(*argv)
            self.assertEqual(proc.returncode, 2, argv)
            self.assertIn(f"'{word}' is not a", proc.stderr)
            self.assertIn(where, proc.stderr)
            self.assertEqual(proc.stdout, "", "no help printed in its place")
        self.assertIn("Did you mean `kneecoach exercises list`?", run("exercises", "lisst").stderr)
        self.assertIn("pain, psfs, chair-stand or grc", run("measure", "bogus").stderr)

    def test_a_group_without_its_command_lists_them(self):
        proc = run("measure")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("`kneecoach measure` needs a command: pain, psfs, chair-stand or grc", proc.stderr)
        self.assertEqual(run("measure", "--help").returncode, 0)
        self.assertEqual(run("--version").returncode, 0)

    def test_words_of_a_real_command_still_reach_it(self):
        proc = run("today", "extra", "--data-dir", "/nonexistent")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("extra", proc.stderr)


class StoreTest(unittest.TestCase):
    def setUp(self):
        self.p = Person()

    def tearDown(self):
        self.p.cleanup()

    def test_today_with_a_date_suggests_the_session_of_that_date(self):
        self.assertEqual(self.p.init().returncode, 0)
        proc = self.p.kc("today", "--date", START)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn(f"`kneecoach session --date {START} --data-dir {self.p.dir}`", proc.stdout)
        # The suggestion works as written.
        steps = self.p.kc("session", "--date", START, "--steps-json")
        self.assertEqual(steps.returncode, 0, steps.stderr)

    def test_today_in_an_empty_folder_makes_no_store(self):
        folder = os.path.join(self.p.dir, "new")
        proc = run("today", "--data-dir", folder)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("no program yet", proc.stderr)
        self.assertIn("kneecoach init", proc.stderr)
        self.assertFalse(os.path.exists(folder))
        for command in (["progress"], ["check-in"], ["session", "--steps-json"], ["measure", "pain"]):
            self.assertEqual(run(*command, "--data-dir", folder, stdin="").returncode, 1, command)
            self.assertFalse(os.path.exists(folder), command)

    def test_an_empty_store_is_not_replaced_and_the_doctor_restores_the_backup(self):
        self.assertEqual(self.p.init().returncode, 0)
        backup = self.p.db + ".backup"
        self.assertTrue(os.path.exists(backup), "the automatic backup is made when the store is opened")
        open(self.p.db, "w").close()  # truncated to 0 bytes
        proc = self.p.kc("today", "--date", START)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("is empty (0 bytes)", proc.stderr)
        self.assertIn("kneecoach doctor", proc.stderr)
        self.assertEqual(os.path.getsize(self.p.db), 0, "not silently replaced")
        check = self.p.kc("doctor")
        self.assertEqual(check.returncode, 1)
        self.assertIn("it is empty (0 bytes)", check.stdout)
        self.assertIn("kneecoach doctor --repair", check.stdout)
        self.assertEqual(os.path.getsize(self.p.db), 0, "checking changes nothing")
        fixed = self.p.kc("doctor", "--repair")
        self.assertEqual(fixed.returncode, 0, fixed.stdout + fixed.stderr)
        self.assertIn("backup", fixed.stdout)
        self.assertIn("The store is healthy.", fixed.stdout)
        kept = [f for f in os.listdir(self.p.dir) if ".damaged-" in f]
        self.assertEqual(len(kept), 1, os.listdir(self.p.dir))
        self.assertEqual(self.p.kc("today", "--date", START).returncode, 0)

    def test_a_damaged_store_says_what_is_wrong_and_what_to_do(self):
        self.assertEqual(self.p.init().returncode, 0)
        os.unlink(self.p.db + ".backup")
        with open(self.p.db, "r+b") as f:
            f.seek(0)
            f.write(b"this is no database" * 10)
        proc = self.p.kc("today", "--date", START)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("may be damaged", proc.stderr)
        self.assertIn("kneecoach doctor", proc.stderr)
        check = self.p.kc("doctor")
        self.assertEqual(check.returncode, 1)
        self.assertIn("There is no automatic backup", check.stdout)
        fixed = self.p.kc("doctor", "--repair")
        self.assertEqual(fixed.returncode, 0, fixed.stdout)
        self.assertIn("Run `kneecoach init` to start again", " ".join(fixed.stdout.split()))
        self.assertFalse(os.path.exists(self.p.db))
        self.assertEqual(self.p.init().returncode, 0)

    def test_answers_that_do_not_parse_stop_the_session_before_it_starts(self):
        self.assertEqual(self.p.init().returncode, 0)
        con = sqlite3.connect(self.p.db)
        con.execute("UPDATE answers SET json = '{\"version\": 1, \"age\": 300}'")
        con.commit()
        con.close()
        proc = self.p.kc("session", "--fast", "--date", START, stdin="2\n")
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn("the stored answers cannot be read", proc.stderr)
        self.assertNotIn("Get ready", proc.stdout)
        self.assertEqual(self.p.sql("SELECT count(*) FROM session_log"), [(0,)], "nothing was played or stored")
        check = self.p.kc("doctor")
        self.assertEqual(check.returncode, 1)
        self.assertIn("the stored answers of 'me' cannot be read", check.stdout)
        self.assertIn("kneecoach init --person me", " ".join(check.stdout.split()))


class MeasuresTest(unittest.TestCase):
    """The measures in the terminal (issue 14 item 4)."""

    def setUp(self):
        self.p = Person()
        self.assertEqual(self.p.init().returncode, 0)

    def tearDown(self):
        self.p.cleanup()

    def test_grc_takes_a_plus_and_shows_its_range_with_signs(self):
        proc = self.p.kc("measure grc", "--date", START, stdin="+8\n+3\n")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("(\u22127 to +7): ", proc.stdout)
        self.assertIn("+8 is out of range. Type a whole number from \u22127 to +7.", proc.stdout)
        self.assertIn("  +3  somewhat better", proc.stdout)
        self.assertIn("\u22127  a very great deal worse", proc.stdout)
        self.assertNotIn("-7-7", proc.stdout)
        self.assertEqual(self.p.sql("SELECT value FROM measurement WHERE measure = 'grc'"), [(3.0,)])
        minus = self.p.kc("measure grc", "--date", START, stdin="\u22122\n")
        self.assertEqual(minus.returncode, 0, minus.stdout)

    def test_psfs_shows_the_score_it_saved(self):
        proc = self.p.kc("measure psfs", "--date", START, stdin="stairs\nkneeling\n\n4\n3\n")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("Your score: 3.5 out of 10, the mean of your 2 activities.", proc.stdout)
        self.assertEqual(self.p.sql("SELECT value FROM measurement WHERE measure = 'psfs'"), [(3.5,)])

    def test_wrapped_bullets_show_their_dash_once(self):
        # The chair stand has five instructions, some longer than a line.
        proc = self.p.kc("measure chair-stand", "--date", START, stdin="")
        lines = proc.stdout.splitlines()
        bullets = [i for i, line in enumerate(lines) if line.startswith("  - ")]
        self.assertEqual(len(bullets), 5, proc.stdout)
        continued = [line for line in lines[bullets[0]:bullets[-1] + 2] if line.startswith("    ")]
        self.assertTrue(continued, "a long instruction wraps under its text")
        for measure in ("pain", "psfs", "chair-stand", "grc"):
            out = self.p.kc("measure " + measure, "--date", START, stdin="").stdout
            self.assertFalse([line for line in out.splitlines() if len(line) > 80], measure)


if __name__ == "__main__":
    unittest.main()
