"""Two-factor sign-in through HTTP and the server's key file: the TOTP secret is sealed in the
database (the row read directly holds no base32 secret), enrolment takes a code computed here
(RFC 6238), sign-in then needs one, turning it off takes the password; a secret stored in clear
before is sealed at start; the server refuses a key file that is missing, the wrong size or
readable by others, and with another key fails closed."""
import os
import re
import stat
import tempfile
import time
import unittest

from clinic_support import (KEY_FILE, PASSWORD, ClinicServer, add_clinician, clinic, init_clinic, need_postgres,
                            new_database, psql, totp_code)

BASE32 = re.compile(r"[A-Z2-7]{32}")


def serve_refusal(db, key_file):
    """`clinic serve` with `key_file`; returns the CompletedProcess of a refused start."""
    return clinic("serve", "--db", db, "--port", "1", env={"KNEECOACH_CLINIC_KEY": key_file})


@need_postgres
class TotpTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp()
        cls.db = new_database()
        init_clinic(cls.db, cls.folder)
        add_clinician(cls.db, "tess")
        add_clinician(cls.db, "uma")

    def stored_secret(self, username):
        return psql(self.db, f"SELECT coalesce(totp_secret, '') FROM account WHERE username = '{username}'")

    def enrol(self, server, username):
        """Signs `username` in and turns TOTP on; returns (client, secret)."""
        client = server.client()
        client.login(username)
        _, enrolment = client.json("POST", "/api/v1/clinic/totp/enable", expect=200)
        client.json("POST", "/api/v1/clinic/totp/confirm", {"code": totp_code(enrolment["secret"])}, expect=200)
        return client, enrolment["secret"]

    def test_the_key_file_is_the_owners_only_and_32_bytes(self):
        mode = os.stat(KEY_FILE).st_mode
        self.assertEqual(stat.S_IMODE(mode), 0o600)
        self.assertEqual(os.path.getsize(KEY_FILE), 32)

    def test_enrol_sign_in_with_a_code_and_turn_it_off(self):
        server = ClinicServer(self.db, fake_time=None)
        try:
            client = server.client()
            client.login("tess")
            _, me = client.json("GET", "/api/v1/clinic/me", expect=200)
            self.assertFalse(me["account"]["totp_enabled"])
            _, enrolment = client.json("POST", "/api/v1/clinic/totp/enable", expect=200)
            secret = enrolment["secret"]
            self.assertRegex(secret, r"^[A-Z2-7]{32}$")
            self.assertEqual(enrolment["uri"], f"otpauth://totp/kneecoach:tess?secret={secret}&issuer=kneecoach"
                             "&algorithm=SHA1&digits=6&period=30")
            # The row read directly: sealed, and no base32 secret in it at all.
            row = self.stored_secret("tess")
            self.assertTrue(row.startswith("kc1:"), row)
            self.assertNotIn(secret, row)
            self.assertIsNone(BASE32.search(row), row)
            self.assertNotIn(secret, psql(self.db, "SELECT string_agg(detail, ' ') FROM audit"))
            status, wrong = client.json("POST", "/api/v1/clinic/totp/confirm", {"code": "000000"})
            self.assertEqual((status, wrong["error"]["field"]), (400, "totp"))
            client.json("POST", "/api/v1/clinic/totp/confirm", {"code": totp_code(secret)}, expect=200)
            _, me = client.json("GET", "/api/v1/clinic/me", expect=200)
            self.assertTrue(me["account"]["totp_enabled"])
            # Sign-in now needs the code: without it 401 on field totp; with the next step's code in.
            other = server.client()
            _, missing = other.login("tess", expect=401)
            self.assertEqual(missing["error"]["field"], "totp")
            other.login("tess", totp=totp_code(secret, at=time.time() + 30))
            status, body = other.json("POST", "/api/v1/clinic/totp/disable", {"password": "not the password"})
            self.assertEqual((status, body["error"]["field"]), (400, "password"))
            other.json("POST", "/api/v1/clinic/totp/disable", {"password": PASSWORD}, expect=200)
            self.assertEqual(self.stored_secret("tess"), "")
            server.client().login("tess")
            actions = psql(self.db, "SELECT action || ':' || outcome FROM audit WHERE action LIKE 'totp_%' "
                                    "AND detail LIKE 'tess%' ORDER BY id").splitlines()
            self.assertEqual(actions, ["totp_started:allowed", "totp_enabled:refused", "totp_enabled:allowed",
                                       "totp_disabled:refused", "totp_disabled:allowed"])
        finally:
            server.stop()

    def test_a_secret_in_clear_from_before_is_sealed_at_start(self):
        secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        psql(self.db, f"UPDATE account SET totp_secret = '{secret}', totp_enabled = true WHERE username = 'uma'")
        server = ClinicServer(self.db, fake_time=None)
        try:
            self.assertTrue(self.stored_secret("uma").startswith("kc1:"))
            self.assertNotIn(secret, self.stored_secret("uma"))
            self.assertIn("totp_sealed", psql(self.db, "SELECT string_agg(action, ' ') FROM audit"))
            server.client().login("uma", totp=totp_code(secret))
        finally:
            server.stop()
        psql(self.db, "UPDATE account SET totp_secret = NULL, totp_enabled = false, totp_last_step = 0 WHERE username = 'uma'")

    def test_another_key_fails_closed(self):
        server = ClinicServer(self.db, fake_time=None)
        try:
            _, secret = self.enrol(server, "uma")
        finally:
            server.stop()
        other_key = os.path.join(self.folder, "other.key")
        with open(other_key, "wb") as f:
            f.write(os.urandom(32))
        os.chmod(other_key, 0o600)
        server = ClinicServer(self.db, fake_time=None, key_file=other_key)
        try:
            _, refused = server.client().login("uma", totp=totp_code(secret, at=time.time() + 30),
                                               expect=401)
            self.assertEqual(refused["error"]["field"], "totp")
            self.assertIn("password-reset --clear-totp", refused["error"]["message"])
        finally:
            server.stop()
        reset = clinic("password-reset", "--db", self.db, "--clear-totp", "uma", stdin=PASSWORD + "\n")
        self.assertEqual(reset.returncode, 0, reset.stderr)

    def test_the_server_refuses_a_bad_key_file(self):
        missing = serve_refusal(self.db, os.path.join(self.folder, "missing.key"))
        self.assertEqual(missing.returncode, 2, missing.stderr)
        self.assertIn("missing.key: there is no such file", missing.stderr)
        none = serve_refusal(self.db, "")
        self.assertEqual(none.returncode, 2, none.stderr)
        self.assertIn("give --key-file FILE", none.stderr)
        short = os.path.join(self.folder, "short.key")
        with open(short, "wb") as f:
            f.write(b"0123456789abcdef")
        os.chmod(short, 0o600)
        wrong_size = serve_refusal(self.db, short)
        self.assertEqual(wrong_size.returncode, 2, wrong_size.stderr)
        self.assertIn("holds 16 bytes, not a key of 32", wrong_size.stderr)
        loose = os.path.join(self.folder, "loose.key")
        with open(loose, "wb") as f:
            f.write(os.urandom(32))
        os.chmod(loose, 0o644)
        open_to_all = serve_refusal(self.db, loose)
        self.assertEqual(open_to_all.returncode, 2, open_to_all.stderr)
        self.assertIn("chmod 600", open_to_all.stderr)


if __name__ == "__main__":
    unittest.main()
