"""Shared helpers for the integration tests that drive the real kneecoach binary."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

BIN = os.environ.get("KNEECOACH_BIN", "build/release/src/app/kneecoach")
CONTENT = os.environ.get("KNEECOACH_CONTENT", "content")
REPO = os.environ.get("KNEECOACH_REPO", ".")


def run(*args, stdin=None, env=None, timeout=60):
    """Runs kneecoach with `args`; returns the CompletedProcess (text mode)."""
    full_env = dict(os.environ)
    full_env.pop("KNEECOACH_CONTENT", None)  # tests pass --content explicitly when they need to
    if env:
        full_env.update(env)
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, env=full_env, timeout=timeout)


def run_json(*args, **kwargs):
    """Runs kneecoach and parses stdout as JSON; fails loudly with stderr if it is not JSON."""
    proc = run(*args, **kwargs)
    try:
        return proc, json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        raise AssertionError(f"not JSON ({e}); exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")


def write_temp(text, suffix=".json", directory=None):
    """Writes `text` to a new temporary file and returns its path."""
    fd, path = tempfile.mkstemp(suffix=suffix, dir=directory)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    return path


def answers(**fields):
    """Intake answers (format v1) of a 67-year-old with gradual front-of-knee pain, every piece of
    equipment and three days a week; `fields` replace or add answers."""
    base = {
        "version": 1, "age": 67, "knee": "left", "pain_now": 4, "location": ["front"], "onset": "gradual",
        "equipment": ["chair", "step", "wall", "mat", "books", "counter", "band"], "minutes_per_session": 30,
        "days": ["mon", "wed", "fri"],
    }
    base.update(fields)
    return base


class StoreTestCase(unittest.TestCase):
    """A test with a folder of its own: `data` for the store, `answers` (the file of ANSWERS_TEXT)
    and `env` with no audio device. init_store() sets a person up from the answers on DATE."""
    ANSWERS_TEXT = ""
    DATE = ""
    PREFIX = "kc-"

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix=self.PREFIX)
        self.data = os.path.join(self.tmp, "data")
        self.answers = write_temp(self.ANSWERS_TEXT, directory=self.tmp)
        self.env = {"XDG_RUNTIME_DIR": self.tmp, "PULSE_SERVER": ""}  # no audio device

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def init_store(self):
        proc = run("init", "--answers", self.answers, "--data-dir", self.data, "--date", self.DATE)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)


def close_terminal(proc, master, slave):
    """Kills `proc` if it still runs and closes both ends of its pseudo-terminal."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    os.close(master)
    os.close(slave)
