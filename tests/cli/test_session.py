"""`kneecoach session` through the real binary: the player in a pseudo-terminal (keys, screen,
terminal restored), scripted runs on the fast clock, the per-exercise log kept on quit and on
SIGKILL, the pain rating re-asked on a bad answer, and the voice (--voice-out WAV, --voice
with no audio device)."""
import csv
import json
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import termios
import fcntl
import time
import unittest

from kctest import BIN, StoreTestCase, close_terminal, run, write_temp

DATE = "2025-03-03"  # a Monday
ANSWERS = json.dumps({
    "version": 1, "age": 45, "knee": "left", "pain_now": 2, "location": ["front"], "onset": "gradual",
    "equipment": ["chair", "step", "wall", "mat", "books", "counter", "band"], "minutes_per_session": 20,
    "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
})
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def plain(text):
    return ANSI.sub("", text)


class Pty:
    """kneecoach running in a pseudo-terminal: send keys, wait for text on the screen."""

    def __init__(self, *args, env=None, rows=40, cols=100):
        self.master, self.slave = pty.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.cooked = termios.tcgetattr(self.slave)
        full_env = dict(os.environ)
        full_env.pop("KNEECOACH_CONTENT", None)
        full_env.update(env or {})
        self.proc = subprocess.Popen([BIN, *args], stdin=self.slave, stdout=self.slave, stderr=self.slave,
                                     env=full_env, start_new_session=True)
        self.output = ""

    def _read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        self.output += data.decode("utf-8", "replace")
        return bool(data)

    def expect(self, pattern, timeout=15, since=0):
        """Waits until `pattern` (a regex) appears in the plain output after offset `since`;
        returns the match."""
        deadline = time.monotonic() + timeout
        while True:
            m = re.search(pattern, plain(self.output[since:]))
            if m:
                return m
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {pattern!r}; screen so far:\n{plain(self.output)[-3000:]}")
            if not self._read(min(left, 0.2)) and self.proc.poll() is not None:
                self._read(0.1)
                if not re.search(pattern, plain(self.output[since:])):
                    raise AssertionError(f"exited {self.proc.returncode} before {pattern!r}:\n{plain(self.output)[-3000:]}")

    def mark(self):
        """An offset to expect() only what comes after now."""
        self._read(0.05)
        return len(self.output)

    def send(self, keys):
        os.write(self.master, keys.encode())

    def finish(self, timeout=15):
        """Reads until the process exits; returns its exit status."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read(0.1)
        while self._read(0.05):
            pass
        if self.proc.poll() is None:
            self.proc.kill()
            raise AssertionError(f"did not exit; screen:\n{plain(self.output)[-3000:]}")
        return self.proc.returncode

    def terminal_settings(self):
        return termios.tcgetattr(self.slave)

    def close(self):
        close_terminal(self.proc, self.master, self.slave)


class SessionTestCase(StoreTestCase):
    ANSWERS_TEXT = ANSWERS
    DATE = DATE
    PREFIX = "kc-session-"

    def session(self, *args, stdin="", timeout=60):
        return run("session", "--data-dir", self.data, "--date", DATE, *args, stdin=stdin, env=self.env,
                   timeout=timeout)

    def exported(self, name):
        out = os.path.join(self.tmp, "csv")
        proc = run("export", "csv", "--data-dir", self.data, "-o", out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with open(os.path.join(out, name), newline="") as f:
            return list(csv.DictReader(f))

    def pty(self, *args):
        p = Pty("session", "--data-dir", self.data, "--date", DATE, *args, env=self.env)
        self.addCleanup(p.close)
        return p


class PlayerInATerminalTest(SessionTestCase):
    def test_keys_screen_pause_back_next_quit_and_the_pain_question(self):
        self.init_store()
        p = self.pty("--clock-scale", "10")
        p.expect(r"Exercise 1 of \d+")
        p.expect(r"GET READY\s+0:\d\d")
        p.expect(r"\[[█░]+\] \d+% · about \d+ min left")
        p.expect(r"space pause · n next exercise · b back · q quit")
        p.expect(r"Rep 2 of \d+")  # a rep done, paced at the tempo
        self.assertRegex(plain(p.output), r"█")  # the big count
        # b well into the exercise restarts it; n leaves it for the next one.
        at = p.mark()
        p.send("b")
        p.expect(r"Exercise 1 of \d+.*\n[\s\S]*GET READY", since=at)
        at = p.mark()
        p.send("n")
        p.expect(r"Exercise 2 of \d+", since=at)
        # Space pauses: the countdown stands still; space again goes on.
        at = p.mark()
        p.send(" ")
        first = p.expect(r"PAUSED\s+(\d+:\d\d)", since=at).group(1)
        time.sleep(1.0)  # ten seconds of session time at --clock-scale 10
        at2 = p.mark()
        self.assertNotRegex(plain(p.output[at2:]), r"(GET READY|LIFT|HOLD|REST)\s+\d+:\d\d")
        last = re.findall(r"PAUSED\s+(\d+:\d\d)", plain(p.output[at:]))[-1]
        self.assertEqual(first, last)
        at = p.mark()
        p.send(" ")
        p.expect(r"(GET READY|LIFT|LOWER|HOLD|REST)\s+\d+:\d\d", since=at)
        # q ends the session and asks the pain rating, again after a wrong answer.
        p.send("q")
        p.expect(r"You stopped the session")
        p.expect(r"How much did your knee hurt during this session\?")
        at = p.mark()
        p.send("11\r")
        p.expect(r"'11' is not a pain rating; type a whole number from 0 \(no pain\) to 10", since=at)
        p.expect(r"How much did your knee hurt during this session\?", since=at)
        p.send("2\r")
        p.expect(r"Pain 2/10 during the session")
        p.expect(r"Was any exercise too easy, too hard, or did one hurt\? \(y/N\)")
        p.send("\r")
        self.assertEqual(p.finish(), 0, plain(p.output)[-2000:])
        # The terminal is as it was: line editing and echo back on.
        settings = p.terminal_settings()
        self.assertTrue(settings[3] & termios.ICANON)
        self.assertTrue(settings[3] & termios.ECHO)
        self.assertIn("\x1b[?25h", p.output)  # the cursor shown again
        # What was done is kept: the first exercise partly (its better attempt), the rest skipped.
        rows = self.exported("exercises.csv")
        self.assertEqual(rows[0]["position"], "0")
        self.assertEqual(rows[0]["outcome"], "partly")
        self.assertGreaterEqual(int(rows[0]["reps_done"]), 1)
        self.assertTrue(all(r["outcome"] == "skipped" for r in rows[1:]), rows)
        sessions = self.exported("sessions.csv")
        self.assertEqual(len(sessions), 1)
        self.assertEqual(sessions[0]["status"], "quit")
        self.assertEqual(sessions[0]["pain_during"], "2")

    def test_the_fast_clock_runs_a_whole_session_in_the_terminal(self):
        self.init_store()
        p = self.pty("--fast")
        started = time.monotonic()
        p.expect(r"Session complete\. Well done!")
        p.expect(r"How much did your knee hurt")
        elapsed = time.monotonic() - started
        self.assertLess(elapsed, 10)
        p.send("1\r")
        p.expect(r"did one hurt\? \(y/N\)")
        p.send("\r")
        self.assertEqual(p.finish(), 0, plain(p.output)[-2000:])
        rows = self.exported("exercises.csv")
        self.assertGreaterEqual(len(rows), 3)
        self.assertTrue(all(r["outcome"] == "done" for r in rows), rows)

    def test_sigterm_restores_the_terminal(self):
        self.init_store()
        p = self.pty("--clock-scale", "1")
        p.expect(r"GET READY")
        self.assertFalse(p.terminal_settings()[3] & termios.ECHO)  # raw mode while playing
        p.proc.send_signal(signal.SIGTERM)
        self.assertEqual(p.finish(), -signal.SIGTERM)
        settings = p.terminal_settings()
        self.assertTrue(settings[3] & termios.ICANON)
        self.assertTrue(settings[3] & termios.ECHO)


class ScriptedSessionTest(SessionTestCase):
    def test_a_scripted_session_writes_a_transcript_and_logs_every_exercise(self):
        self.init_store()
        started = time.monotonic()
        proc = self.session("--fast", "--keys", "100s p 30s p n", stdin="0\n")
        wall = time.monotonic() - started
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertLess(wall, 10)
        out = proc.stdout
        self.assertRegex(out, r"\[00:00\] First: ")
        # Each exercise's own phase words (content phase_words): ankle circles circle, the
        # squat sits back and stands up, the bridge keeps the default Lift / Lower.
        self.assertRegex(out, r"\[00:20\] .*Rep 1 of \d+: Circle")
        self.assertRegex(out, r"Rep 1 of \d+: Sit back\n\[\d\d:\d\d\] hold\n\[\d\d:\d\d\] stand up")
        self.assertRegex(out, r"Rep 1 of \d+: Lift\n\[\d\d:\d\d\] hold\n\[\d\d:\d\d\] lower")
        self.assertRegex(out, r"\[01:40\] Paused")
        self.assertRegex(out, r"\[02:10\] Going on")
        self.assertIn("Session complete. Well done!", out)
        self.assertIn("Pain 0/10 during the session", out)
        rows = self.exported("exercises.csv")
        self.assertEqual(rows[0]["outcome"], "partly")  # left with n after 100 s of it
        self.assertTrue(all(r["outcome"] == "done" for r in rows[1:]), rows)

    def test_pain_is_asked_again_until_it_is_a_number_from_0_to_10(self):
        self.init_store()
        proc = self.session("--fast", stdin="abc\n-1\n\n7\n")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.count("How much did your knee hurt during this session?"), 4)
        self.assertIn("'abc' is not a pain rating", proc.stdout)
        self.assertIn("'-1' is not a pain rating", proc.stdout)
        self.assertIn("nothing is not a pain rating", proc.stdout)
        self.assertIn("Pain 7/10 during the session. Above 5 is too much", proc.stdout)
        self.assertEqual(self.exported("sessions.csv")[0]["pain_during"], "7")

    def test_after_the_pain_rating_each_exercise_can_be_called_too_easy_too_hard_or_it_hurt(self):
        self.init_store()
        proc = self.session("--fast", stdin="1\ny\nsoso\np\ne\n")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("How did each exercise feel? Enter: about right, e: too easy, h: too hard, p: it hurt.", proc.stdout)
        self.assertIn("Please press Enter (about right), or type e (too easy), h (too hard) or p (it hurt).", proc.stdout)
        self.assertIn("ease off", proc.stdout)
        self.assertIn("why: you said it hurt, so the next session is easier", proc.stdout)
        self.assertIn("keep for now: you said it was too easy: tomorrow's check-in steps it up", proc.stdout)

    def test_quitting_at_once_logs_everything_skipped_and_asks_no_pain(self):
        self.init_store()
        proc = self.session("--fast", "--keys", "q")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertNotIn("How much did your knee hurt", proc.stdout)
        rows = self.exported("exercises.csv")
        self.assertTrue(rows and all(r["outcome"] == "skipped" for r in rows), rows)
        self.assertEqual(self.exported("sessions.csv")[0]["status"], "quit")

    def test_a_kill_keeps_every_exercise_finished_before_it(self):
        self.init_store()
        env = dict(os.environ, **self.env)
        env.pop("KNEECOACH_CONTENT", None)
        proc = subprocess.Popen([BIN, "session", "--data-dir", self.data, "--date", DATE, "--clock-scale", "400"],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                text=True)
        seen = ""
        while proc.poll() is None:
            seen += proc.stdout.readline()
            if len(re.findall(r"\] Next: ", seen)) >= 2:  # two exercises finished, a third begun
                proc.send_signal(signal.SIGKILL)
                break
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        self.assertEqual(proc.returncode, -signal.SIGKILL, seen)
        rows = self.exported("exercises.csv")
        positions = {int(r["position"]): r["outcome"] for r in rows}
        self.assertEqual(positions.get(0), "done", rows)
        self.assertEqual(positions.get(1), "done", rows)

    def test_no_session_planned_says_when_the_next_one_is(self):
        proc = run("init", "--answers", write_temp(json.dumps(dict(json.loads(ANSWERS), days=["tue", "thu"])),
                                                   directory=self.tmp),
                   "--data-dir", self.data, "--date", DATE)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        proc = self.session("--fast")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("No session is planned for Mon 3 Mar 2025", proc.stdout)
        self.assertIn("Next session: Tue 4 Mar 2025", proc.stdout)

    def test_without_a_program_it_says_to_run_init(self):
        proc = self.session("--fast")
        self.assertEqual(proc.returncode, 1)
        self.assertIn("kneecoach init", proc.stderr)

    def test_a_bad_key_script_is_refused(self):
        self.init_store()
        proc = self.session("--fast", "--keys", "n x")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("'x' is not a key or a wait", proc.stderr)

    def test_fast_and_clock_scale_exclude_each_other(self):
        proc = self.session("--fast", "--clock-scale", "10")
        self.assertEqual(proc.returncode, 2)

    def test_answers_try_out_plays_without_a_store(self):
        proc = run("session", "--answers", self.answers, "--date", DATE, "--fast", "--keys", "30s q",
                   "--data-dir", self.data, stdin="1\n", env=self.env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("nothing is saved", proc.stdout)
        self.assertFalse(os.path.exists(os.path.join(self.data, "kneecoach.db")))


class VoiceTest(SessionTestCase):
    def test_voice_out_writes_a_valid_non_empty_wav(self):
        self.assertIsNotNone(shutil.which("soxi"), "soxi (sox) is needed: run scripts/setup")
        self.init_store()
        wav = os.path.join(self.tmp, "cues.wav")
        proc = self.session("--fast", "--keys", "60s q", "--voice-out", wav, stdin="1\n")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        info = subprocess.run(["soxi", wav], capture_output=True, text=True)
        self.assertEqual(info.returncode, 0, info.stderr)
        self.assertRegex(info.stdout, r"Channels\s+: 1")
        self.assertRegex(info.stdout, r"Precision\s+: 16-bit")
        seconds = float(subprocess.run(["soxi", "-D", wav], capture_output=True, text=True).stdout)
        self.assertGreater(seconds, 3.0)  # a card and a dozen rep cues, spoken
        stat = subprocess.run(["sox", wav, "-n", "stat"], capture_output=True, text=True).stderr
        amplitude = float(re.search(r"Maximum amplitude:\s+([0-9.]+)", stat).group(1))
        self.assertGreater(amplitude, 0.05)  # not silence

    def test_voice_without_an_audio_device_goes_on_silently(self):
        self.init_store()
        proc = self.session("--fast", "--voice", stdin="1\n")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr, "")
        self.assertIn("Session complete", proc.stdout)

    def test_voice_out_to_an_unwritable_place_fails_clearly(self):
        self.init_store()
        proc = self.session("--fast", "--voice-out", os.path.join(self.tmp, "no", "such", "dir", "x.wav"),
                            stdin="1\n")
        self.assertEqual(proc.returncode, 1)
        self.assertIn("cannot write", proc.stderr)


if __name__ == "__main__":
    unittest.main()
