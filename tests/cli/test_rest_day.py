"""A rest day in the terminal: `today` offers the next session today anyway or a move to another
day (the browser's offer, through the same use cases: usecases/move_session.h, the session
player); `kneecoach move` and `kneecoach session --anyway` do them."""
import re
import unittest

from test_tracking import Person

REST = "2025-03-04"  # a Tuesday: the program (Mon, Wed, Fri from Mon 3 Mar) rests
FAKE = {"KNEECOACH_FAKE_TIME": f"{REST}T09:00:00Z"}


class RestDay(unittest.TestCase):
    def setUp(self):
        self.p = Person()
        proc = self.p.init()
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)

    def tearDown(self):
        self.p.cleanup()

    def today(self):
        proc = self.p.kc("today", "--date", REST, env=FAKE)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        return " ".join(proc.stdout.split())

    def test_today_offers_the_next_session_anyway_or_a_move(self):
        text = self.today()
        self.assertIn("No session today", text)
        self.assertRegex(text, rf"To do session [AB] today instead: `kneecoach session --anyway --date {REST} --data-dir")
        self.assertIn("Or move it to another day with `kneecoach move --to DATE", text)
        days = re.findall(r"\((\d{4}-\d\d-\d\d)\)", text.split("it can go to", 1)[1])
        self.assertTrue(days, text)
        self.assertNotIn("2025-03-05", days)  # it is planned there already

    def test_move_moves_the_next_session_to_an_offered_day_and_refuses_others(self):
        text = self.today()
        day = re.findall(r"\((\d{4}-\d\d-\d\d)\)", text.split("it can go to", 1)[1])[0]
        before = self.p.sql("SELECT date FROM plan_day ORDER BY date")
        proc = self.p.kc("move", "--to", day, env=FAKE)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("moved from Wed 5 Mar 2025", proc.stdout)
        after = self.p.sql("SELECT date FROM plan_day ORDER BY date")
        self.assertIn((day,), after)
        self.assertNotIn(("2025-03-05",), after)
        self.assertEqual(len(before), len(after))
        # A day already holding a session: exit 2, nothing changes.
        bad = self.p.kc("move", "--to", "2025-03-07", env=FAKE)
        self.assertEqual(bad.returncode, 2, bad.stdout + bad.stderr)
        self.assertEqual(self.p.sql("SELECT date FROM plan_day ORDER BY date"), after)
        self.assertEqual(self.p.kc("move", "--to", "someday", env=FAKE).returncode, 2)

    def test_session_anyway_does_the_next_session_today(self):
        proc = self.p.kc("session", "--anyway", "--fast", "--date", REST, stdin="2\n", env=FAKE)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        (next_session,) = self.p.sql("SELECT session FROM plan_day WHERE date = '2025-03-05'")[0]
        self.assertEqual(self.p.sql("SELECT date, session, status FROM session_log"), [(REST, next_session, "finished")])
        # Without --anyway a rest day plays nothing.
        plain = self.p.kc("session", "--fast", "--date", REST, env=FAKE)
        self.assertIn("No session is planned", plain.stdout)


if __name__ == "__main__":
    unittest.main()
