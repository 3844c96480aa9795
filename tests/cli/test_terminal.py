"""The terminal as a person sees it (issue 14): `kneecoach session` and `kneecoach intake` in a real
pseudo-terminal, with pyte as the screen, at 80x24 and 60x20. The session is drawn in place (the
header stays, nothing scrolls, no word is broken), follows a resize, and puts the terminal back on
Ctrl-Z; the intake edits with the arrow keys, drops a terminal's replies, goes back and reviews.
`today` and `progress` fit the window, and on a pipe nothing carries an escape code."""
import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
import unittest

import pyte

from kctest import BIN, StoreTestCase, close_terminal, run

DATE = "2025-03-03"  # a Monday
ANSWERS = {
    "version": 1, "age": 45, "knee": "left", "pain_now": 2, "location": ["front"], "onset": "gradual",
    "equipment": ["chair", "step", "wall", "mat", "books", "counter", "band"], "minutes_per_session": 20,
    "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
}
WORD = re.compile(r"[A-Za-z]+")
# The player's own words, besides those of the content and the cues (session --steps-json).
UI_WORDS = ("kneecoach session exercise of get ready how to do it remember paused space pause goes on n next b back "
            "q quit about min left set rep hold right left leg side sides both switch rest release breathe in out "
            "lift lower mon tue wed thu fri sat sun jan feb mar apr may jun jul aug sep oct nov dec")


class Term:
    """kneecoach in a pseudo-terminal of `cols` x `rows` (its controlling terminal, so that a resize
    sends SIGWINCH), drawn by pyte. `raw` keeps every byte written."""

    def __init__(self, args, cols, rows, env=None, program=None):
        self.master, self.slave = pty.openpty()
        self.cols, self.rows = cols, rows
        self._winsize()
        full_env = dict(os.environ)
        full_env.pop("KNEECOACH_CONTENT", None)
        full_env.update({"TERM": "xterm", "LANG": "C.UTF-8"})
        full_env.update(env or {})
        slave = self.slave

        def controlling_terminal():
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(program or [BIN, *args], stdin=slave, stdout=slave, stderr=slave, env=full_env,
                                     preexec_fn=controlling_terminal)
        self.screen = pyte.HistoryScreen(cols, rows, history=5000)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        self.scrolled = 0  # lines that left the top of the screen

    def _winsize(self):
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))

    def resize(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        self._winsize()  # the kernel sends SIGWINCH to the terminal's foreground process group

    def pump(self, timeout=0.05):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:
            return False
        self.raw += data
        before = len(self.screen.history.top)
        self.stream.feed(data)
        self.scrolled += max(0, len(self.screen.history.top) - before)
        return bool(data)

    def text(self):
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, pattern, timeout=15, check=None):
        """Reads until `pattern` is on the screen; calls check() after every read."""
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.text()):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {pattern!r}; screen:\n{self.text()}")
            if not self.pump(0.1) and self.proc.poll() is not None:
                self.pump(0.1)
                if not re.search(pattern, self.text()):
                    raise AssertionError(f"exited {self.proc.returncode} before {pattern!r}:\n{self.text()}")
            if check:
                check()
        return re.search(pattern, self.text())

    def watch(self, seconds, check):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.pump(0.05):
                check()

    def send(self, data):
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    def settings(self):
        return termios.tcgetattr(self.slave)

    def finish(self, timeout=15):
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self.pump(0.1)
        while self.pump(0.05):
            pass
        if self.proc.poll() is None:
            raise AssertionError(f"did not exit; screen:\n{self.text()}")
        return self.proc.returncode

    def close(self):
        close_terminal(self.proc, self.master, self.slave)


class TerminalTestCase(StoreTestCase):
    ANSWERS_TEXT = json.dumps(ANSWERS)
    DATE = DATE
    PREFIX = "kc"

    def term(self, args, cols, rows, program=None):
        t = Term(args, cols, rows, env=self.env, program=program)
        self.addCleanup(t.close)
        return t


class SessionScreenTest(TerminalTestCase):
    def vocabulary(self):
        proc = run("session", "--data-dir", self.data, "--date", DATE, "--steps-json")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        words = set(WORD.findall(UI_WORDS))
        words.update(WORD.findall(proc.stdout))
        return {w.lower() for w in words}

    def assert_fits(self, t, vocabulary):
        """The screen as drawn: the header on the first line, the keys on the last one, nothing in the
        last column (no line ran on), no line scrolled away, and every word a whole word."""
        lines = [line.rstrip() for line in t.screen.display]
        self.assertTrue(lines[0].startswith("kneecoach · Session A"), t.text())
        self.assertEqual(t.scrolled, 0, "a frame scrolled the screen")
        for line in lines:
            self.assertLessEqual(len(line), t.cols - 1, f"a line runs to the last column:\n{t.text()}")
        broken = [w for w in WORD.findall(t.text()) if w.lower() not in vocabulary]
        self.assertEqual(broken, [], f"words broken or unknown:\n{t.text()}")

    def play(self, cols, rows):
        self.init_store()
        vocabulary = self.vocabulary()
        t = self.term(["session", "--data-dir", self.data, "--date", DATE, "--clock-scale", "25"], cols, rows)
        t.wait_for(r"GET READY")
        self.assert_fits(t, vocabulary)
        self.assertRegex(t.text(), r"How to do it:\n\s+1\. ")
        t.wait_for(r"Rep \d+ of 10", timeout=10)  # the card, then the reps: the big count and the cues
        t.watch(1.5, lambda: self.assert_fits(t, vocabulary))
        self.assertRegex(t.text(), r"(space pause|Paused).*q quit\s*$")
        self.assertIn(b"\x1b[?1049h", t.raw)  # the alternate screen: the frames leave no scrollback
        t.send("q")
        t.wait_for(r"How much did your knee hurt")  # on the terminal's own screen again
        self.assertIn(b"\x1b[?1049l", t.raw)
        t.send("1\r")
        t.wait_for(r"too easy, too hard, or did one hurt\? \(y/N\)")  # Enter takes the shown default
        t.send("\r")
        self.assertEqual(t.finish(), 0)
        return t

    def test_80x24_is_drawn_in_place_with_whole_words(self):
        self.play(80, 24)

    def test_60x20_is_still_usable(self):
        t = self.play(60, 20)
        self.assertNotIn("mid-word", t.text())

    def test_a_resize_redraws_at_the_new_size(self):
        self.init_store()
        vocabulary = self.vocabulary()
        t = self.term(["session", "--data-dir", self.data, "--date", DATE, "--clock-scale", "5"], 80, 24)
        t.wait_for(r"GET READY")
        t.resize(60, 20)
        t.watch(0.5, lambda: None)
        t.scrolled = 0  # a frame drawn for the old size as the window changed may scroll once, as on any terminal
        self.assert_fits(t, vocabulary)
        self.assertRegex(t.text(), r"q quit\s*$")
        t.resize(100, 30)
        t.watch(0.5, lambda: None)
        t.scrolled = 0
        t.watch(0.5, lambda: self.assert_fits(t, vocabulary))
        self.assert_fits(t, vocabulary)
        t.send("q")
        self.assertEqual(t.finish(), 0)

    def test_ctrl_z_restores_the_terminal_and_the_resume_redraws_paused(self):
        self.init_store()
        # A job-control shell, as a person has: Ctrl-Z stops kneecoach, the shell's `fg` resumes it.
        script = f"{BIN} session --data-dir {self.data} --date {DATE} --clock-scale 5"
        t = self.term([], 80, 24, program=["bash", "--norc", "--noprofile", "-i"])
        t.wait_for(r"[$#]")
        t.send(script + "\n")
        t.wait_for(r"GET READY")
        at = len(t.raw)
        t.send("\x1a")  # Ctrl-Z
        t.wait_for(r"Stopped")
        self.assertIn(b"\x1b[?1049l\x1b[?25h", t.raw[at:])  # the screen and the cursor put back before stopping
        at = len(t.raw)
        t.send("fg\n")
        deadline = time.monotonic() + 10
        while b"PAUSED" not in t.raw[at:] and time.monotonic() < deadline:
            t.pump(0.1)
        self.assertIn(b"\x1b[?1049h", t.raw[at:])  # the full screen again, redrawn, still paused
        self.assertIn(b"PAUSED", t.raw[at:])
        self.assertFalse(t.settings()[3] & termios.ECHO, "raw mode again after fg")
        t.send("q")
        t.wait_for(r"You stopped the session")
        t.send("echo exit=$?\n")  # a stopped job's command list is dropped by the shell: asked on its own
        t.wait_for(r"exit=0")
        t.send("exit\n")

    def test_a_pipe_gets_plain_text(self):
        self.init_store()
        proc = run("session", "--data-dir", self.data, "--date", DATE, "--fast", "--keys", "30s q", stdin="",
                   env=self.env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertNotIn("\x1b", proc.stdout)
        self.assertIn("[00:00] First: Ankle circles", proc.stdout)


class PhaseWordsTest(TerminalTestCase):
    def test_ankle_circles_circle_and_set_2_goes_the_other_way(self):
        self.init_store()
        proc = run("session", "--data-dir", self.data, "--date", DATE, "--fast", "--keys", "170s q", stdin="",
                   env=self.env)
        out = proc.stdout
        self.assertIn("(2 s circle, 2 s finish the circle)", out)  # the dose text
        self.assertRegex(out, r"Set 1 of 2\. Clockwise\. Right leg\. Rep 1 of 10: Circle")
        self.assertRegex(out, r"Set 2 of 2\. The other way round\. Right leg\. Rep 1 of 10: Circle")
        self.assertRegex(out, r"The other way round\. Left leg\. Rep 1 of 10: Circle")
        self.assertNotRegex(out.split("Next:")[0], r"\b[Ll]ift\b|\b[Ll]ower\b")
        today = " ".join(run("today", "--data-dir", self.data, "--date", DATE).stdout.split())  # wrapped at 80
        self.assertIn("(2 s circle, 2 s finish the circle)", today)


class FitsTheWindowTest(TerminalTestCase):
    def test_today_and_progress_wrap_at_80_on_a_pipe_and_at_the_window_on_a_terminal(self):
        self.init_store()
        for command in (["today"], ["progress"]):
            proc = run(*command, "--data-dir", self.data, "--date", DATE)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertNotIn("\x1b", proc.stdout)
            for line in proc.stdout.splitlines():
                self.assertLessEqual(len(line), 80, line)
            # 72 columns: the `kneecoach session ...` command with this test's folder is never broken
            t = self.term([*command, "--data-dir", self.data, "--date", DATE], 72, 100)
            self.assertEqual(t.finish(), 0)
            words = set(WORD.findall(proc.stdout))
            for line in t.text().splitlines():
                self.assertLessEqual(len(line), 72, t.text())
            self.assertEqual([w for w in WORD.findall(t.text()) if w not in words], [], t.text())
        today = run("today", "--data-dir", self.data, "--date", DATE).stdout
        self.assertRegex(today, r"\n    4\. .*\n       \S")  # a wrapped item goes on under its text
        self.assertRegex(today, r"`kneecoach session --date \S+ --data-dir \S+`")  # a command stays whole


# Answers up to the last question, as typed; the terminal test edits some on the way.
GRADUAL = [
    "52", "left", "3", "5", "6 weeks", "front, inner", "gradual", "yes", "yes", "no", "no", "no", "no", "no", "no",
    "no", "no", "no", "no", "no", "no", "no", "no", "no", "none", "no", "no", "yes", "no", "chair, wall",
    "mon, wed, fri",
]


class IntakeInATerminalTest(TerminalTestCase):
    def intake(self, cols=80, rows=24):
        self.out = os.path.join(self.tmp, "answers.json")
        return self.term(["intake", "-o", self.out], cols, rows)

    def answer(self, t, text):
        """Types `text` and Enter, then waits for the next prompt: a "> " after the line ends (an
        edit redraws the line, "\\r> le", so a "> " before the newline is the same prompt, and keys
        sent then reach a terminal not yet in the editor's raw mode, which echoes them)."""
        at = len(t.raw)
        t.send(text + "\r")
        deadline = time.monotonic() + 10
        while b"> " not in t.raw[at:].partition(b"\n")[2] and t.proc.poll() is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"no next prompt after {text!r}:\n{t.text()}")
            t.pump(0.1)
        return self.editing(t)

    def editing(self, t):
        """Waits until the line editor has the terminal (its raw mode: the terminal's own echo
        off). libedit draws the prompt before it switches, so keys sent on seeing the prompt
        could still reach the terminal's echo, which shows an arrow key as ^[[D (a 2-core CI
        machine, the ASan build at -O0, 2026-12-07)."""
        deadline = time.monotonic() + 10
        while t.settings()[3] & termios.ECHO and t.proc.poll() is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"the line editor never took the terminal:\n{t.text()}")
            t.pump(0.02)
        return t

    def test_arrow_keys_edit_back_goes_back_and_the_review_changes_an_answer(self):
        t = self.intake()
        t.wait_for(r"How old are you\?")
        t.wait_for(r"(?m)^>$")
        self.editing(t)
        # "2", Left, "5": the arrow moves the cursor, nothing like ^[[D is shown or kept.
        t.send("2")
        t.send("\x1b[D")
        self.answer(t, "5")
        t.wait_for(r"Which knee hurts\?")
        self.answer(t, "left")
        t.wait_for(r"right now, from 0 to 10\?")
        # "<" goes back; the answer given comes back typed, to edit: Backspace, then "right".
        self.answer(t, "<")
        t.wait_for(r"> left\s*$")
        self.answer(t, "\x7f" * 4 + "right")
        t.wait_for(r"right now, from 0 to 10\?")
        # A terminal's reply to a query (a cursor position report) in the middle of an answer.
        t.send("3")
        t.send("\x1b[24;1R")
        self.answer(t, "")
        for text in GRADUAL[3:]:
            self.answer(t, text)
        t.wait_for(r"How many minutes")
        self.answer(t, "")  # Enter alone: the default, 20
        t.wait_for(r"Check them before they are saved")
        self.assertNotIn("^[", t.text())
        self.answer(t, "")  # the first page of the review; then the rest
        t.wait_for(r"to save them")
        review = t.text()
        self.assertRegex(review, r"\d+\. How many minutes .* — 20 minutes")
        self.answer(t, "1")  # change the age
        t.wait_for(r"How old are you\?")
        self.answer(t, "\x01\x0b67")  # Ctrl-A, Ctrl-K: the old answer gone
        t.wait_for(r"Check them before they are saved")
        t.send("\r")
        t.wait_for(r"to save them")
        t.send("\r")
        self.assertEqual(t.finish(), 0, t.text())
        with open(self.out) as f:
            doc = json.load(f)
        self.assertEqual(doc["age"], 67)
        self.assertEqual(doc["knee"], "right")
        self.assertEqual(doc["pain_now"], 3)
        self.assertEqual(doc["duration_weeks"], 6)
        self.assertEqual(doc["minutes_per_session"], 20)
        self.assertNotIn(b"^[", t.raw)
        self.assertNotIn(b"24;1R", t.raw)
        self.assertTrue(t.settings()[3] & termios.ECHO)

    def test_a_change_in_the_review_asks_what_it_opens(self):
        t = self.intake(60, 20)
        t.wait_for(r"How old are you\?")
        for text in GRADUAL:
            self.answer(t, text)
        self.answer(t, "25")
        t.wait_for(r"Check them before they are saved")
        for line in t.text().splitlines():
            self.assertLessEqual(len(line), 60)
        self.answer(t, "7")  # onset: now an injury, which opens the injury questions
        t.wait_for(r"How did the pain start\?")
        self.answer(t, "\x15injury")  # Ctrl-U clears the line
        t.wait_for(r"How many days ago did the injury happen\?")
        for text in ["10", "yes", "no", "no", "no"]:
            self.answer(t, text)
        t.wait_for(r"Check them before they are saved")
        t.send("\r")
        t.wait_for(r"Check them|to save them")
        while t.proc.poll() is None:
            t.send("\r")
            t.pump(0.3)
        self.assertEqual(t.finish(), 0, t.text())
        with open(self.out) as f:
            doc = json.load(f)
        self.assertEqual(doc["onset"], "injury")
        self.assertEqual(doc["injury_days_ago"], 10)


class IntakeOnAPipeTest(TerminalTestCase):
    def test_back_and_review_work_on_a_pipe_too(self):
        out = os.path.join(self.tmp, "answers.json")
        lines = ["52", "left", "<", "", "3"] + GRADUAL[3:] + ["25", "1", "60", ""]
        proc = run("intake", "-o", out, stdin="".join(x + "\n" for x in lines))
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertNotIn("\x1b", proc.stdout)
        self.assertIn("(Enter keeps left)", proc.stdout)
        self.assertIn("Check them before they are saved", proc.stdout)
        with open(out) as f:
            doc = json.load(f)
        self.assertEqual(doc["age"], 60)
        self.assertEqual(doc["knee"], "left")


if __name__ == "__main__":
    unittest.main()
