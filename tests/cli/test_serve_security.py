"""Each attack of issue 12 (docs/security.md) replayed through the real `kneecoach serve`: a
rebinding Host, cross-site writes with the three content types a browser sends without a
preflight, a foreign Origin on the WebSocket, a frame header announcing 1 GiB (the server's
memory stays flat), pipelined requests, a 20 MB body, over-long addresses and headers, unknown
methods, HEAD, and the security headers on every kind of reply."""
import base64
import json
import os
import re
import signal
import socket
import sqlite3
import struct
import tempfile
import unittest

from kctest import CONTENT, answers, run, write_temp
from serve_support import Server, stop_and_remove, stub_web

START = "2025-03-03"
LEGACY_ID = "0123456789abcdef"  # 16 hex digits, as the server issued before ids came from the CSPRNG
SIMPLE_TYPES = ("text/plain; charset=application/json", "multipart/form-data; boundary=application/json",
                "application/x-www-form-urlencoded")
CALF = {"next_morning_pain": 3, "red_flags": ["calf_pain_or_swelling"]}


def rss_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        return int(re.search(r"VmRSS:\s+(\d+) kB", f.read()).group(1))


def read_responses(sock, count, timeout=30, heads=()):
    """Reads `count` HTTP responses (Content-Length framed) from `sock`: [(status, headers, body)].
    The replies numbered in `heads` answer HEAD requests: they have no body."""
    sock.settimeout(timeout)
    data = b""
    out = []
    while len(out) < count:
        end = data.find(b"\r\n\r\n")
        if end >= 0:
            head = data[:end].decode("latin-1").split("\r\n")
            headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in head[1:])}
            length = 0 if len(out) in heads else int(headers.get("content-length", "0"))
            if len(data) >= end + 4 + length:
                out.append((int(head[0].split()[1]), headers, data[end + 4:end + 4 + length]))
                data = data[end + 4 + length:]
                continue
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"the connection closed after {len(out)} of {count} replies")
        data += chunk
    return out


def client_frame(opcode, payload, fin=True, announce=None):
    """A masked client WebSocket frame; `announce` overrides the length in the header."""
    n = len(payload) if announce is None else announce
    head = bytes([(0x80 if fin else 0) | opcode])
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack(">H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack(">Q", n)
    key = os.urandom(4)
    return head + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


def read_frame(sock):
    """One server frame: (opcode, payload)."""
    def exactly(n):
        buf = b""
        while len(buf) < n:
            chunk = sock.recv(n - len(buf))
            if not chunk:
                raise AssertionError("the connection closed mid-frame")
            buf += chunk
        return buf
    b0, b1 = exactly(2)
    n = b1 & 0x7F
    if n == 126:
        n = struct.unpack(">H", exactly(2))[0]
    elif n == 127:
        n = struct.unpack(">Q", exactly(8))[0]
    return b0 & 0x0F, exactly(n)


class SecurityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kc-security-")
        cls.data = os.path.join(cls.tmp, "data")
        # A store made by the CLI: the default person "me" and one with an old-style API id.
        plan_answers = write_temp(json.dumps(answers()), directory=cls.tmp)
        for person in ("me", LEGACY_ID):
            proc = run("--content", CONTENT, "init", "--answers", plan_answers, "--data-dir", cls.data,
                       "--person", person)
            assert proc.returncode == 0, proc.stderr
        cls.server = Server(cls.data, stub_web(cls.tmp))
        cls.port = cls.server.port
        cls.origin = f"http://127.0.0.1:{cls.port}"
        _, _, body = cls.server.request("POST", "/api/v1/people", body={"answers": answers(), "start": START})
        cls.pid = json.loads(body)["person"]["id"]

    @classmethod
    def tearDownClass(cls):
        stop_and_remove(cls.server, cls.tmp, signal.SIGTERM)

    def raw(self, data):
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        self.addCleanup(sock.close)
        sock.sendall(data)
        return sock

    def check_ins(self):
        db = sqlite3.connect(os.path.join(self.data, "kneecoach.db"))
        try:
            return db.execute("SELECT count(*) FROM check_in").fetchone()[0]
        finally:
            db.close()

    def assert_error(self, reply, status, code):
        got, headers, body = reply
        self.assertEqual(got, status, body[:300])
        self.assertTrue(headers["content-type"].startswith("application/json"), headers)
        self.assertEqual(json.loads(body)["error"]["code"], code)
        self.assertTrue(json.loads(body)["error"]["message"])

    # --- DNS rebinding and ids ---
    def test_a_rebinding_host_gets_nothing(self):
        for host in ("attacker.example", f"attacker.example:{self.port}", f"127.0.0.1.attacker.example:{self.port}",
                     f"localhost:{self.port + 1}"):
            for path in (f"/api/v1/people/{self.pid}/plan", "/", "/api/v1/health"):
                with self.subTest(host=host, path=path):
                    reply = self.server.request("GET", path, headers={"Host": host})
                    self.assert_error(reply, 421, "bad_host")
                    self.assertNotIn(b"sessions", reply[2])
                    self.assertNotIn("set-cookie", reply[1])
        for host in (f"localhost:{self.port}", f"[::1]:{self.port}", f"127.0.0.1:{self.port}"):
            self.assertEqual(self.server.request("GET", "/api/v1/health", headers={"Host": host})[0], 200)

    def test_ids_are_random_old_ids_stay_valid_and_cli_names_are_not_served(self):
        self.assertRegex(self.pid, r"^[0-9a-f]{32}$")
        self.assertEqual(self.server.request("GET", f"/api/v1/people/{LEGACY_ID}/plan")[0], 200)
        self.assert_error(self.server.request("GET", "/api/v1/people/me/plan"), 404, "not_found")
        self.assert_error(self.server.request("POST", "/api/v1/people/me/check-ins", body=CALF), 404, "not_found")

    def test_the_api_needs_the_session_cookie(self):
        self.assert_error(self.server.request("GET", f"/api/v1/people/{self.pid}/plan", cookie=False), 403,
                          "no_credential")
        self.assert_error(self.server.request("GET", f"/api/v1/people/{self.pid}/plan",
                                              headers={"Cookie": f"kneecoach_{self.port}={'0' * 64}"}),
                          403, "no_credential")
        _, headers, _ = self.server.request("GET", "/", cookie=False)
        cookie = headers["set-cookie"]
        for attribute in ("HttpOnly", "SameSite=Strict", "Path=/"):
            self.assertIn(attribute, cookie)
        self.assertEqual(self.server.request("GET", "/api/v1/health", cookie=False)[0], 200)

    # --- cross-site writes ---
    def test_cross_site_writes_are_refused_and_store_nothing(self):
        before = self.check_ins()
        path = f"/api/v1/people/{self.pid}/check-ins"
        body = json.dumps(CALF).encode()
        for ctype in SIMPLE_TYPES:
            with self.subTest(content_type=ctype):
                # As a browser sends it from another site: foreign Origin, no SameSite=Strict cookie.
                self.assert_error(self.server.request("POST", path, raw=body, cookie=False, headers={
                    "Content-Type": ctype, "Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}),
                    403, "cross_origin")
                # Even with the cookie, the foreign Origin alone is refused.
                self.assert_error(self.server.request("POST", path, raw=body, headers={
                    "Content-Type": ctype, "Origin": "https://evil.example"}), 403, "cross_origin")
                # From the app's own origin, only JSON is taken.
                self.assert_error(self.server.request("POST", path, raw=body, headers={
                    "Content-Type": ctype, "Origin": self.origin, "Sec-Fetch-Site": "same-origin"}),
                    415, "bad_media_type")
        # Another port on the same machine is the same site, not the same origin.
        self.assert_error(self.server.request("POST", path, body=CALF, headers={
            "Origin": "http://localhost:3000", "Sec-Fetch-Site": "same-site"}), 403, "cross_origin")
        self.assertEqual(self.check_ins(), before)
        today = self.server.request("GET", f"/api/v1/people/{self.pid}/today?date={START}")
        self.assertEqual(today[0], 200, "the program was not stopped")

    def test_json_in_any_case_with_parameters_is_taken(self):
        reply = self.server.request("POST", "/api/v1/triage", raw=json.dumps(answers()).encode(),
                                    headers={"Content-Type": "APPLICATION/JSON; charset=UTF-8", "Origin": self.origin,
                                             "Sec-Fetch-Site": "same-origin"})
        self.assertEqual(reply[0], 200, reply[2][:300])

    # --- the WebSocket ---
    def handshake(self, origin=True, cookie=True):
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [f"GET /api/v1/analyze?exercise=partial-squat HTTP/1.1", f"Host: 127.0.0.1:{self.port}",
                 "Upgrade: websocket", "Connection: Upgrade", f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
        if origin:
            lines.append(f"Origin: {origin if isinstance(origin, str) else self.origin}")
        if cookie:
            lines.append(f"Cookie: {self.server.cookie}")
        sock = self.raw(("\r\n".join(lines) + "\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(1)
            if not chunk:
                break
            head += chunk
        return sock, int(head.split()[1]), head

    def test_a_foreign_origin_cannot_open_the_socket(self):
        for origin, cookie in (("https://evil.example", True), (f"http://localhost:{self.port}", True),
                               (False, True), (True, False)):
            with self.subTest(origin=origin, cookie=cookie):
                _, status, _ = self.handshake(origin, cookie)
                self.assertEqual(status, 403)
        sock, status, _ = self.handshake()
        self.assertEqual(status, 101)
        self.assertEqual(json.loads(read_frame(sock)[1])["type"], "ready")

    def test_a_1_gib_frame_header_is_closed_and_memory_stays_flat(self):
        pid = self.server.proc.pid
        before = rss_kib(pid)
        for _ in range(5):
            sock, status, _ = self.handshake()
            self.assertEqual(status, 101)
            read_frame(sock)  # ready
            sock.sendall(client_frame(1, b"", announce=1 << 30)[:14])  # the 14-byte header alone
            opcode, payload = read_frame(sock)
            self.assertEqual(opcode, 8)
            self.assertEqual(struct.unpack(">H", payload[:2])[0], 1009)
            self.assertIn(b"message over 1048576 bytes", payload)
        after = rss_kib(pid)
        print(f"\nserver RSS before {before} KiB, after five 1 GiB frame headers {after} KiB")
        self.assertLess(after - before, 16 * 1024)

    def test_fragments_are_reassembled_and_pings_answered(self):
        sock, _, _ = self.handshake()
        read_frame(sock)
        frame = json.dumps({"t": 0, "w": 640, "h": 480, "lm": []}).encode()
        sock.sendall(client_frame(1, frame[:5], fin=False) + client_frame(9, b"hi") +
                     client_frame(0, frame[5:12], fin=False) + client_frame(0, frame[12:]))
        self.assertEqual(read_frame(sock), (10, b"hi"))
        opcode, payload = read_frame(sock)
        self.assertEqual((opcode, json.loads(payload)["type"]), (1, "frame"))

    def test_a_flood_of_messages_is_closed_with_a_reason(self):
        sock, _, _ = self.handshake()
        read_frame(sock)
        sock.sendall(b"".join(client_frame(1, b"{}") for _ in range(1500)))
        while True:
            opcode, payload = read_frame(sock)
            if opcode == 8:
                break
        self.assertEqual(struct.unpack(">H", payload[:2])[0], 1008)
        self.assertIn(b"messages a second", payload)

    # --- HTTP correctness ---
    def test_pipelined_requests_are_all_answered_in_order(self):
        person = json.dumps({"answers": answers(), "start": START}).encode()
        requests = [
            f"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n",
            f"POST /api/v1/people HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nCookie: {self.server.cookie}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(person)}\r\n\r\n{person.decode()}",
            f"GET /api/v1/exercises/wall-sit HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nCookie: {self.server.cookie}"
            "\r\n\r\n",
            f"GET /nothing.js HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n",
            f"HEAD /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n",
        ]
        sock = self.raw("".join(requests).encode())
        replies = read_responses(sock, len(requests), heads={4})
        self.assertEqual([r[0] for r in replies], [200, 201, 200, 404, 200])
        self.assertEqual(json.loads(replies[0][2])["status"], "ok")
        self.assertEqual(json.loads(replies[2][2])["id"], "wall-sit")
        # More than RESTinio's 16 reply slots at once: still every one, in order.
        many = "".join(f"GET /api/v1/exercises/{e} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                       f"Cookie: {self.server.cookie}\r\n\r\n" for e in ["wall-sit", "nosuch"] * 30)
        replies = read_responses(self.raw(many.encode()), 60)
        self.assertEqual([r[0] for r in replies], [200, 404] * 30)

    def test_a_20_mb_body_gets_413_and_the_connection_goes_on(self):
        size = 20 * 1000 * 1000
        head = (f"POST /api/v1/people HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nCookie: {self.server.cookie}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n").encode()
        pid = self.server.proc.pid
        before = rss_kib(pid)
        sock = self.raw(head)
        chunk = b" " * (1 << 20)
        for _ in range(size // len(chunk)):
            sock.sendall(chunk)
        sock.sendall(b" " * (size % len(chunk)))
        self.assert_error(read_responses(sock, 1)[0], 413, "too_large")
        self.assertLess(rss_kib(pid) - before, 16 * 1024)
        sock.sendall(f"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode())
        self.assertEqual(read_responses(sock, 1)[0][0], 200)
        # Chunked: the same.
        chunked = (f"POST /api/v1/triage HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nCookie: {self.server.cookie}\r\n"
                   "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
        chunked += b"".join(b"10000\r\n" + b" " * 0x10000 + b"\r\n" for _ in range(40)) + b"0\r\n\r\n"
        self.assert_error(read_responses(self.raw(chunked), 1)[0], 413, "too_large")

    def test_long_addresses_and_headers_get_414_and_431(self):
        host = f"Host: 127.0.0.1:{self.port}\r\n"
        cases = [
            (f"GET /api/v1/exercises?{'a' * 20000} HTTP/1.1\r\n{host}\r\n", 414, "uri_too_long"),
            (f"GET /api/v1/health HTTP/1.1\r\n{host}X-Big: {'b' * 40000}\r\n\r\n", 431, "headers_too_large"),
            (f"GET /api/v1/health HTTP/1.1\r\n{host}" + "".join(f"X-H{i}: 1\r\n" for i in range(150)) + "\r\n",
             431, "headers_too_large"),
            (f"GET /api/v1/health HTTP/1.1\r\n{host}{'N' * 1000}: 1\r\n\r\n", 431, "headers_too_large"),
        ]
        for request, status, code in cases:
            with self.subTest(status=status, size=len(request)):
                self.assert_error(read_responses(self.raw(request.encode()), 1)[0], status, code)

    def test_headers_within_the_limits_are_kept_whole(self):
        # An empty value, then the cookie: both fields survive the limit callbacks.
        value = "v" * 16 * 1024
        request = (f"GET /api/v1/people/{self.pid}/plan HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nX-Empty:\r\n"
                   f"X-Full: {value}\r\n" + "".join(f"X-H{i}: 1\r\n" for i in range(95)) +
                   f"Cookie: {self.server.cookie}\r\n\r\n")
        self.assertEqual(read_responses(self.raw(request.encode()), 1)[0][0], 200)

    def test_unknown_methods_get_501(self):
        for method in ("PUT", "DELETE", "PATCH", "PROPFIND", "OPTIONS"):
            with self.subTest(method=method):
                reply = read_responses(self.raw(
                    f"{method} /api/v1/exercises HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                    "Content-Length: 0\r\n\r\n".encode()), 1)[0]
                self.assert_error(reply, 501, "not_implemented")
        # A method http_parser does not know fails the parse: the connection closes, nothing else.
        sock = self.raw(f"BREW /pot HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode())
        self.assertEqual(sock.recv(100), b"")
        self.assertEqual(self.server.request("GET", "/api/v1/health")[0], 200)

    def test_head_works_on_every_get_route(self):
        for path in ("/", "/api/v1/health", "/api/v1/exercises", "/api/v1/exercises/wall-sit/svg",
                     f"/api/v1/people/{self.pid}/plan", f"/api/v1/people/{self.pid}/today?date={START}",
                     f"/api/v1/people/{self.pid}/progress", f"/api/v1/people/{self.pid}/handout.pdf",
                     f"/api/v1/people/{self.pid}/calendar.ics", "/api/v1/intake/questions", "/api/v1/measures",
                     f"/api/v1/people/{self.pid}/measures"):
            with self.subTest(path=path):
                got, got_headers, got_body = self.server.request("GET", path)
                sock = self.raw(f"HEAD {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                                f"Cookie: {self.server.cookie}\r\n\r\n".encode())
                sock.settimeout(30)
                head = b""
                while b"\r\n\r\n" not in head:
                    head += sock.recv(65536)
                status = int(head.split()[1])
                self.assertEqual(status, got)
                self.assertTrue(head.endswith(b"\r\n\r\n"), "HEAD has no body")
                self.assertIn(f"content-length: {len(got_body)}".encode(), head.lower())
                self.assertIn(b"content-type: " + got_headers["content-type"].encode(), head.lower())

    def test_every_reply_carries_the_security_headers(self):
        for path in ("/", f"/api/v1/people/{self.pid}/plan", f"/api/v1/people/{self.pid}/handout.pdf",
                     f"/api/v1/people/{self.pid}/calendar.ics", "/api/v1/nothing"):
            with self.subTest(path=path):
                _, headers, _ = self.server.request("GET", path)
                self.assertEqual(headers["x-content-type-options"], "nosniff")
                self.assertEqual(headers["referrer-policy"], "no-referrer")
                self.assertIn("frame-ancestors 'none'", headers["content-security-policy"])
                if path != "/":
                    self.assertEqual(headers["cache-control"], "no-store")
        _, headers, _ = self.server.request("GET", "/")
        csp = headers["content-security-policy"]
        self.assertIn("script-src 'self' 'wasm-unsafe-eval';", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertNotIn("unsafe-eval'", csp.replace("wasm-unsafe-eval'", ""))


class AllowHostTest(unittest.TestCase):
    def test_allow_host_adds_a_name(self):
        tmp = tempfile.mkdtemp(prefix="kc-allow-host-")
        server = Server(os.path.join(tmp, "data"), stub_web(tmp), extra=("--allow-host", "knee.test"))
        try:
            self.assertEqual(server.request("GET", "/api/v1/health", headers={"Host": f"knee.test:{server.port}"})[0],
                             200)
            self.assertEqual(server.request("GET", "/api/v1/health", headers={"Host": f"other.test:{server.port}"})[0],
                             421)
        finally:
            stop_and_remove(server, tmp, signal.SIGTERM)


if __name__ == "__main__":
    unittest.main()
