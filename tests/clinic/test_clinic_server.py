"""The clinic server process: TLS with a self-signed certificate, refusing to listen beyond
loopback without TLS, concurrent requests on several threads, no acknowledged write lost when
it is SIGKILLed mid-write, and the admin commands (init from a file, clinicians, backup and
restore with pg_restore)."""
import json
import os
import signal
import subprocess
import tempfile
import threading
import time
import unittest

from clinic_support import (PASSWORD, PG_BIN, ClinicServer, add_clinician, clinic, init_clinic, invite_and_accept,
                            need_postgres, new_database, psql, with_database)


def self_signed(folder):
    """A certificate and key for localhost and 127.0.0.1, made by openssl req."""
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days",
                    "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


class RefusalTest(unittest.TestCase):
    """Needs no database: the options are refused first."""

    def test_no_listening_beyond_loopback_without_tls(self):
        for host in ("0.0.0.0", "192.0.2.10", "::"):
            proc = clinic("serve", "--db", "postgresql:///nowhere", "--host", host)
            self.assertEqual(proc.returncode, 2, proc.stderr)
            self.assertIn("without TLS", proc.stderr)
            self.assertIn("--tls-cert", proc.stderr)

    def test_half_a_tls_pair(self):
        proc = clinic("serve", "--db", "postgresql:///nowhere", "--tls-cert", "cert.pem")
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("go together", proc.stderr)

    def test_connections_out_of_range(self):
        for bad in ("0", "201", "many"):
            proc = clinic("serve", "--db", "postgresql:///nowhere", "--connections", bad)
            self.assertEqual(proc.returncode, 2, proc.stderr)
            self.assertIn("--connections", proc.stderr)

    def test_an_unreadable_certificate(self):
        proc = clinic("serve", "--db", "postgresql:///nowhere", "--tls-cert", "/nonexistent.pem", "--tls-key",
                      "/nonexistent.key")
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("/nonexistent.pem", proc.stderr)


@need_postgres
class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp()
        cls.db = new_database()
        init_clinic(cls.db, cls.folder)
        add_clinician(cls.db, "carol")

    def test_tls(self):
        cert, key = self_signed(self.folder)
        server = ClinicServer(self.db, tls=(cert, key))
        self.addCleanup(server.stop)
        self.assertIn("https://", server.banner)
        client = server.client()
        client.json("GET", "/api/v1/health", expect=200)
        client.login("carol")
        client.json("GET", "/api/v1/clinic/caseload", expect=200)
        # Another page's Origin is refused; the app's own (https) is not.
        status, _, _ = client.request("GET", "/api/v1/clinic/me",
                                      headers={"Origin": f"http://localhost:{server.port}"})
        self.assertEqual(status, 403)
        status, _, _ = client.request("GET", "/api/v1/clinic/me",
                                      headers={"Origin": f"https://localhost:{server.port}"})
        self.assertEqual(status, 200)
        # Plain HTTP on the TLS port gets no HTTP reply.
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        with self.assertRaises(Exception):
            conn.request("GET", "/api/v1/health", headers={"Host": f"127.0.0.1:{server.port}"})
            conn.getresponse().read()

    def test_tls_beyond_loopback_is_allowed(self):
        cert, key = self_signed(self.folder)
        server = ClinicServer(self.db, tls=(cert, key), host="0.0.0.0")
        self.addCleanup(server.stop)
        server.client().json("GET", "/api/v1/health", expect=200)

    def test_requests_run_on_several_threads(self):
        server = ClinicServer(self.db, threads=4)
        self.addCleanup(server.stop)
        clients = []
        for _ in range(4):
            c = server.client()
            c.login("carol")
            clients.append(c)
        # Four sign-ins at once: each checks an argon2id hash (~0.1 s of CPU and 64 MiB); on one
        # thread they would queue, on four they overlap. What matters: all four answer right.
        results = []

        def one():
            results.append(server.client().request("POST", "/api/v1/clinic/login",
                                                   {"username": "carol", "password": PASSWORD})[0])

        threads = [threading.Thread(target=one) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [200] * 8)

    def test_fewer_connections_than_threads(self):
        # 8 request threads on 4 connections, one of them kept for reads (postgres::pool_for):
        # sign-ins (writes) and caseload pages (reads) at once all answer.
        server = ClinicServer(self.db, threads=8, extra=("--connections", "4"))
        self.addCleanup(server.stop)
        self.assertIn("(8 threads, 4 database connections)", server.banner)
        carol = server.client()
        carol.login("carol")
        results = []

        def sign_in():
            results.append(server.client().request("POST", "/api/v1/clinic/login",
                                                   {"username": "carol", "password": PASSWORD})[0])

        def page():
            results.append(carol.request("GET", "/api/v1/clinic/caseload")[0])

        threads = [threading.Thread(target=f) for f in (sign_in, page) * 6]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [200] * 12)

    def test_no_acknowledged_write_is_lost_on_sigkill(self):
        server = ClinicServer(self.db, threads=4)
        clinician = server.client()
        clinician.login("carol")
        patient, pid = invite_and_accept(server, clinician, "killed")
        acknowledged = []
        lock = threading.Lock()
        stop = threading.Event()

        def writer(n):
            i = 0
            while not stop.is_set():
                note = f"w{n}-{i}"
                try:
                    status, _, _ = patient.request("POST", f"/api/v1/people/{pid}/measures",
                                                   {"measure": "pain-now", "value": i % 10, "note": note})
                except OSError:
                    return
                if status == 201 or status == 200:
                    with lock:
                        acknowledged.append(note)
                i += 1

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        time.sleep(2.0)
        server.proc.send_signal(signal.SIGKILL)
        stop.set()
        for t in threads:
            t.join()
        server.stop(signal.SIGKILL)
        self.assertGreater(len(acknowledged), 10)

        again = ClinicServer(self.db)
        self.addCleanup(again.stop)
        back = again.client()
        back.login("killed")
        _, doc = back.json("GET", f"/api/v1/clinic/people/{pid}/export", expect=200)
        stored = set()
        for m in doc.get("measurements", []):
            stored.add(m.get("note", ""))
        lost = [n for n in acknowledged if n not in stored]
        print(f"\nkill test: {len(acknowledged)} acknowledged writes, {len(lost)} lost")
        self.assertEqual(lost, [])

    def test_admin_file_forms_and_clinicians(self):
        db = new_database()
        path = os.path.join(self.folder, "admin.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"username": "root-admin", "password": PASSWORD}, f)
        proc = clinic("init", "--db", db, "--admin-file", path)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        again = clinic("init", "--db", db, "--admin-file", path)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("has an admin already", again.stdout)
        bad = os.path.join(self.folder, "bad.txt")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("user=x\n")
        proc = clinic("init", "--db", new_database(), "--admin-file", bad)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("bad.txt:1", proc.stderr)
        add_clinician(db, "ivy")
        listed = clinic("clinician", "list", "--db", db)
        self.assertIn("ivy\tactive", listed.stdout)
        short = clinic("clinician", "add", "--db", db, "joanne", stdin="short\n")
        self.assertEqual(short.returncode, 2)
        self.assertIn("password", short.stderr)
        self.assertEqual(clinic("clinician", "disable", "--db", db, "ivy").returncode, 0)
        self.assertIn("ivy\tdisabled", clinic("clinician", "list", "--db", db).stdout)
        reset = clinic("password-reset", "--db", db, "ivy", stdin="another good password\n")
        self.assertEqual(reset.returncode, 0, reset.stderr)

    def test_purge_audit_keeps_the_recent_rows_and_records_itself(self):
        db = new_database()
        init_clinic(db, self.folder)
        add_clinician(db, "kim")  # rows at FAKE_TIME (2025-03-03)
        old_rows = int(psql(db, "SELECT count(*) FROM audit"))
        self.assertGreater(old_rows, 0)
        later = {"KNEECOACH_FAKE_TIME": "2025-03-13T08:00:00Z"}
        kept = clinic("purge-audit", "--db", db, "--older-than", "30", env=later)
        self.assertEqual(kept.returncode, 0, kept.stderr)
        self.assertIn("Purged 0 audit rows", kept.stdout)
        purged = clinic("purge-audit", "--db", db, "--older-than", "5", env=later)
        self.assertEqual(purged.returncode, 0, purged.stderr)
        self.assertIn(f"Purged {old_rows} audit rows from before 2025-03-08T08:00:00.000Z", purged.stdout)
        rows = psql(db, "SELECT actor, action, detail FROM audit ORDER BY id").splitlines()
        # Left: each purge's own two rows (the allowed purge_audit, then audit_purged with the count),
        # written at 2025-03-13, after the cut-off.
        self.assertEqual([r.split("|")[1] for r in rows], ["purge_audit", "audit_purged"] * 2)
        self.assertIn(f"{old_rows} rows before 2025-03-08T08:00:00.000Z", rows[-1])
        self.assertTrue(all(r.startswith("-1|") for r in rows), rows)  # the host operator
        for bad in ("0", "x"):
            refused = clinic("purge-audit", "--db", db, "--older-than", bad)
            self.assertEqual(refused.returncode, 2, refused.stderr)
            self.assertIn("--older-than", refused.stderr)

    def test_backup_and_restore(self):
        server = ClinicServer(self.db)
        clinician = server.client()
        clinician.login("carol")
        invite_and_accept(server, clinician, "backed-up")
        server.stop()
        dump = os.path.join(self.folder, "clinic.dump")
        proc = clinic("backup", "--db", self.db, "-o", dump)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(os.path.getsize(dump) > 0)
        restored = new_database()
        subprocess.run([f"{PG_BIN}/pg_restore", "--no-owner", "--exit-on-error", "--dbname", restored, dump],
                       check=True, capture_output=True)
        back = ClinicServer(restored)
        self.addCleanup(back.stop)
        c = back.client()
        c.login("carol")
        _, caseload = c.json("GET", "/api/v1/clinic/caseload", expect=200)
        self.assertIn("backed-up", [p["username"] for p in caseload["patients"]])
        failed = clinic("backup", "--db", with_database(self.db, "no_such_db"), "-o", dump)
        self.assertEqual(failed.returncode, 1)
        self.assertTrue(os.path.getsize(dump) > 0, "a failed backup must not replace a good one")


if __name__ == "__main__":
    unittest.main()
