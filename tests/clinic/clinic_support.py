"""Helpers for the clinic server's integration tests (tests/clinic): a fresh PostgreSQL database
per test class in the cluster of the CTest fixture `postgres` (KNEECOACH_TEST_PG_URL), the real
`kneecoach clinic` commands, a running `kneecoach clinic serve`, and signed-in HTTP clients."""
import atexit
import base64
import hashlib
import hmac
import http.client
import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import tempfile
import time
import unittest


def _load_kctest():
    """tests/cli/kctest.py: the binary, the content and the intake answers every test uses."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli", "kctest.py")
    spec = importlib.util.spec_from_file_location("kctest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_kctest = _load_kctest()
BIN, CONTENT, answers, run = _kctest.BIN, _kctest.CONTENT, _kctest.answers, _kctest.run

PG_URL = os.environ.get("KNEECOACH_TEST_PG_URL", "")
PG_BIN = "/usr/lib/postgresql/15/bin"
FAKE_TIME = "2025-03-03T08:00:00Z"
PASSWORD = "correct horse battery"
# The server's key file (sealing TOTP secrets) for this test process: made by the first
# `clinic init`, passed to every command and server through $KNEECOACH_CLINIC_KEY.
# Its folder is removed when the test process exits (it holds a secret, and a test run leaves
# no folders behind).
_KEY_DIR = tempfile.mkdtemp(prefix="kc-clinic-key-")
atexit.register(shutil.rmtree, _KEY_DIR, True)
KEY_FILE = os.path.join(_KEY_DIR, "clinic.key")


def need_postgres(test_case):
    """Skips the class when run by hand without the fixture's cluster; under CTest the URL is set."""
    return unittest.skipUnless(PG_URL, "KNEECOACH_TEST_PG_URL is not set (run through ctest: fixture postgres)")(
        test_case)


def with_database(url, name):
    """`url` (the fixture's, database postgres) pointing at database `name` instead."""
    base, _, query = url.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")


def psql(url, sql):
    """Runs `sql` with psql on `url`; returns its output (tuples only, unaligned)."""
    proc = subprocess.run([f"{PG_BIN}/psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise AssertionError(f"psql failed: {proc.stderr}")
    return proc.stdout.strip()


def new_database():
    """Creates an empty database in the fixture's cluster; returns its URL."""
    name = "kc_" + secrets.token_hex(6)
    psql(PG_URL, f"CREATE DATABASE {name}")
    return with_database(PG_URL, name)


def admin_file(folder, username="admin", password=PASSWORD, json_form=False):
    path = os.path.join(folder, "admin.json" if json_form else "admin.txt")
    with open(path, "w", encoding="utf-8") as f:
        if json_form:
            json.dump({"username": username, "password": password}, f)
        else:
            f.write(f"username={username}\npassword={password}\n")
    return path


def clinic(*args, stdin=None, env=None):
    """Runs `kneecoach clinic ARGS`; returns the CompletedProcess."""
    full = {"KNEECOACH_FAKE_TIME": FAKE_TIME, "KNEECOACH_CLINIC_KEY": KEY_FILE}
    full.update(env or {})
    return run("clinic", *args, stdin=stdin, env=full)


def init_clinic(url, folder):
    """`clinic init` with the admin `admin`; fails the test when it does not exit 0."""
    proc = clinic("init", "--db", url, "--admin-file", admin_file(folder))
    assert proc.returncode == 0, proc.stderr
    return proc


def add_clinician(url, username):
    proc = clinic("clinician", "add", "--db", url, username, stdin=PASSWORD + "\n")
    assert proc.returncode == 0, proc.stderr


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ClinicServer:
    """A running `kneecoach clinic serve` on a free loopback port."""

    def __init__(self, url, fake_time=FAKE_TIME, extra=(), tls=None, host="127.0.0.1", threads=4, web=None,
                 key_file=KEY_FILE):
        """`web`: the built web app's folder to serve (default none: the API only)."""
        self.port = free_port()
        self.url = url
        self.tls = tls  # (cert, key) or None
        self.host = host
        env = dict(os.environ)
        env.pop("KNEECOACH_CONTENT", None)
        env["KNEECOACH_CLINIC_KEY"] = key_file
        if fake_time:
            env["KNEECOACH_FAKE_TIME"] = fake_time
        args = [BIN, "--content", CONTENT, "clinic", "serve", "--db", url, "--host", host, "--port", str(self.port),
                "--threads", str(threads), "--web", web or os.path.join(tempfile.gettempdir(), "kc-no-web"), *extra]
        if tls:
            args += ["--tls-cert", tls[0], "--tls-key", tls[1]]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.banner = self.proc.stdout.readline()
        if "serving on" not in self.banner:
            self.proc.kill()
            out, err = self.proc.communicate(timeout=10)
            raise AssertionError(f"the clinic server did not start: {self.banner}{out}{err}")

    def client(self):
        return Client(self)

    def stop(self, sig=signal.SIGTERM):
        """Stops the server; returns (exit status, stdout, stderr)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        out, err = self.proc.communicate(timeout=30)
        return self.proc.returncode, out, err


class Client:
    """One browser: its own session cookie."""

    def __init__(self, server):
        self.server = server
        self.cookie = None

    def connection(self):
        if self.server.tls:
            ctx = ssl.create_default_context(cafile=self.server.tls[0])
            return http.client.HTTPSConnection("localhost", self.server.port, timeout=60, context=ctx)
        return http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)

    def request(self, method, path, body=None, headers=None):
        """(status, headers dict with lower-case names, body bytes); keeps a Set-Cookie."""
        conn = self.connection()
        hdrs = dict(headers or {})
        host = "localhost" if self.server.tls else "127.0.0.1"
        hdrs.setdefault("Host", f"{host}:{self.server.port}")
        if self.cookie:
            hdrs.setdefault("Cookie", self.cookie)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            hdrs.setdefault("Content-Type", "application/json")
        elif method == "POST":
            data = b"{}"
            hdrs.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        got = resp.read()
        headers_out = {k.lower(): v for k, v in resp.getheaders()}
        cookie = headers_out.get("set-cookie")
        if cookie:
            value = cookie.split(";")[0]
            self.cookie = None if value.endswith("=") else value
        conn.close()
        return resp.status, headers_out, got

    def json(self, method, path, body=None, expect=None):
        status, headers, got = self.request(method, path, body)
        if expect is not None and status != expect:
            raise AssertionError(f"{method} {path}: {status}, expected {expect}: {got[:600]!r}")
        try:
            return status, json.loads(got) if got else None
        except (json.JSONDecodeError, UnicodeDecodeError):
            return status, got

    def login(self, username, password=PASSWORD, totp=None, expect=200):
        body = {"username": username, "password": password}
        if totp is not None:
            body["totp"] = totp
        return self.json("POST", "/api/v1/clinic/login", body, expect=expect)


def totp_code(secret, at=None):
    """RFC 6238's code (HMAC-SHA1, 6 digits, 30-second steps) of base32 `secret` at unix time `at`
    (now when None): what an authenticator app shows."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    step = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1000000:06d}"


def intake_body():
    """A POST /api/v1/people body that makes a program (no red flag)."""
    return {"answers": answers(), "start": "2025-03-03"}


def invite_and_accept(server, clinician, username):
    """The clinician invites `username`, who accepts with PASSWORD and answers the intake.
    Returns (the patient's signed-in Client, their person id)."""
    _, invite = clinician.json("POST", "/api/v1/clinic/invites", {"username": username}, expect=201)
    patient = server.client()
    token = re.search(r"invite=([A-Za-z0-9_-]+)", invite["link"]).group(1)
    patient.json("POST", "/api/v1/clinic/invites/accept", {"token": token, "password": PASSWORD}, expect=200)
    _, created = patient.json("POST", "/api/v1/people", intake_body(), expect=201)
    return patient, created["person"]["id"]
