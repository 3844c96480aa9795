"""Signing in through HTTP against a real PostgreSQL: the cookie's attributes, sign-out revokes,
idle and absolute expiry (the server's clock is $KNEECOACH_FAKE_TIME, moved by restarting it on
the same database), throttling per account and per address, TOTP, and invites."""
import datetime
import re
import tempfile
import unittest

from clinic_support import (FAKE_TIME, PASSWORD, ClinicServer, add_clinician, init_clinic, invite_and_accept,
                            need_postgres, new_database, totp_code)

START = datetime.datetime(2025, 3, 3, 8, 0, 0, tzinfo=datetime.timezone.utc)


def at(minutes):
    """$KNEECOACH_FAKE_TIME `minutes` after the tests' start."""
    return (START + datetime.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def totp(secret, when):
    """RFC 6238's code of `secret` at the datetime `when`."""
    return totp_code(secret, when.timestamp())


@need_postgres
class SessionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp()
        cls.db = new_database()
        init_clinic(cls.db, cls.folder)
        for name in ("carol", "dave", "erin", "frank", "totp-user"):
            add_clinician(cls.db, name)

    def serve(self, fake_time=FAKE_TIME):
        server = ClinicServer(self.db, fake_time=fake_time)
        self.addCleanup(server.stop)
        return server

    def test_the_cookie_is_httponly_secure_samesite_strict(self):
        server = self.serve()
        status, headers, _ = server.client().request("POST", "/api/v1/clinic/login",
                                                     {"username": "carol", "password": PASSWORD})
        self.assertEqual(status, 200)
        cookie = headers["set-cookie"]
        self.assertRegex(cookie, r"^kneecoach_clinic=[A-Za-z0-9_-]{43};")
        for attribute in ("HttpOnly", "Secure", "SameSite=Strict", "Path=/"):
            self.assertIn(attribute, cookie)

    def test_sign_out_revokes_the_session(self):
        server = self.serve()
        client = server.client()
        client.login("carol")
        kept = client.cookie
        client.json("GET", "/api/v1/clinic/me", expect=200)
        client.json("POST", "/api/v1/clinic/logout", expect=200)
        self.assertIsNone(client.cookie)
        status, _, body = server.client().request("GET", "/api/v1/clinic/me", headers={"Cookie": kept})
        self.assertEqual(status, 403, body)
        self.assertIn(b"no_credential", body)

    def test_wrong_password_and_unknown_user_are_alike(self):
        server = self.serve()
        s1, _, b1 = server.client().request("POST", "/api/v1/clinic/login", {"username": "dave", "password": "x" * 12})
        s2, _, b2 = server.client().request("POST", "/api/v1/clinic/login", {"username": "nobody", "password": "x" * 12})
        self.assertEqual((s1, s2), (401, 401))
        self.assertEqual(b1, b2)

    def test_idle_expiry(self):
        client = self.serve(at(0)).client()
        client.login("erin")
        cookie = client.cookie
        later = self.serve(at(29)).client()
        later.cookie = cookie
        later.json("GET", "/api/v1/clinic/me", expect=200)  # 29 minutes idle: still valid, and touched
        after = self.serve(at(29 + 31)).client()
        after.cookie = cookie
        status, _, _ = after.request("GET", "/api/v1/clinic/me")
        self.assertEqual(status, 403)

    def test_absolute_expiry(self):
        client = self.serve(at(0)).client()
        client.login("frank")
        cookie = client.cookie
        # Used every 29 minutes (never idle for 30), it still ends 12 hours after sign-in.
        minutes = 0
        while minutes + 29 < 12 * 60:
            minutes += 29
            server = ClinicServer(self.db, fake_time=at(minutes))
            c = server.client()
            c.cookie = cookie
            status, _, _ = c.request("GET", "/api/v1/clinic/me")
            server.stop()
            self.assertEqual(status, 200, f"at {minutes} minutes")
        last = self.serve(at(minutes + 29)).client()
        last.cookie = cookie
        status, _, _ = last.request("GET", "/api/v1/clinic/me")
        self.assertEqual(status, 403, f"at {minutes + 29} minutes (over 12 hours)")

    def test_sign_in_is_throttled_per_account(self):
        server = self.serve()
        add_clinician(self.db, "grace")
        statuses = [server.client().request("POST", "/api/v1/clinic/login",
                                            {"username": "grace", "password": "wrong password"})[0] for _ in range(6)]
        self.assertEqual(statuses[:5], [401] * 5)
        self.assertEqual(statuses[5], 429)
        # Locked: even the right password is refused now, and says when to try again.
        status, headers, body = server.client().request("POST", "/api/v1/clinic/login",
                                                        {"username": "grace", "password": PASSWORD})
        self.assertEqual(status, 429, body)
        self.assertIn("retry-after", headers)
        # 16 minutes later the lock has ended.
        self.serve(at(16)).client().login("grace")

    def test_totp(self):
        server = self.serve(at(300))
        client = server.client()
        client.login("totp-user")
        _, enrol = client.json("POST", "/api/v1/clinic/totp/enable", expect=200)
        self.assertTrue(enrol["uri"].startswith("otpauth://totp/"))
        now = START + datetime.timedelta(minutes=300)
        client.json("POST", "/api/v1/clinic/totp/confirm", {"code": totp(enrol["secret"], now)}, expect=200)
        status, _, body = server.client().request("POST", "/api/v1/clinic/login",
                                                  {"username": "totp-user", "password": PASSWORD})
        self.assertEqual(status, 401, body)
        later = now + datetime.timedelta(seconds=60)
        server2 = self.serve(later.strftime("%Y-%m-%dT%H:%M:%SZ"))
        server2.client().login("totp-user", totp=totp(enrol["secret"], later))

    def test_an_invite_is_used_once(self):
        server = self.serve(at(400))
        clinician = server.client()
        clinician.login("carol")
        _, invite = clinician.json("POST", "/api/v1/clinic/invites", {"username": "once"}, expect=201)
        token = re.search(r"invite=([A-Za-z0-9_-]+)", invite["link"]).group(1)
        server.client().json("POST", "/api/v1/clinic/invites/accept", {"token": token, "password": PASSWORD},
                             expect=200)
        status, _, _ = server.client().request("POST", "/api/v1/clinic/invites/accept",
                                               {"token": token, "password": PASSWORD})
        self.assertEqual(status, 409)

    def test_an_invite_by_code_and_its_expiry(self):
        server = self.serve(at(500))
        clinician = server.client()
        clinician.login("carol")
        _, invite = clinician.json("POST", "/api/v1/clinic/invites", {"username": "late"}, expect=201)
        late = self.serve(at(500 + 7 * 24 * 60 + 1)).client()
        status, _, _ = late.request("POST", "/api/v1/clinic/invites/accept",
                                    {"username": "late", "code": invite["code"], "password": PASSWORD})
        self.assertEqual(status, 410)
        _, invite2 = clinician.json("POST", "/api/v1/clinic/invites", {"username": "prompt"}, expect=201)
        patient = server.client()
        patient.json("POST", "/api/v1/clinic/invites/accept",
                     {"username": "prompt", "code": invite2["code"], "password": PASSWORD}, expect=200)
        _, me = patient.json("GET", "/api/v1/clinic/me", expect=200)
        self.assertEqual((me["account"]["role"], me["account"]["person"]), ("patient", invite2["person"]))

    def test_a_disabled_account_is_signed_out(self):
        server = self.serve(at(600))
        add_clinician(self.db, "henry")
        henry = server.client()
        henry.login("henry")
        admin = server.client()
        admin.login("admin")
        admin.json("POST", "/api/v1/clinic/accounts/henry/disable", expect=200)
        status, _, _ = henry.request("GET", "/api/v1/clinic/me")
        self.assertEqual(status, 403)

    def test_data_export_and_deletion(self):
        server = self.serve(at(700))
        clinician = server.client()
        clinician.login("dave")
        patient, pid = invite_and_accept(server, clinician, "leaving")
        _, doc = patient.json("GET", f"/api/v1/clinic/people/{pid}/export", expect=200)
        self.assertIn("kneecoach-patient-export", str(doc))
        status, _, _ = patient.request("POST", f"/api/v1/clinic/people/{pid}/delete", {"confirm": "no"})
        self.assertEqual(status, 400)
        patient.json("POST", f"/api/v1/clinic/people/{pid}/delete", {"confirm": pid}, expect=200)
        status, _, _ = clinician.request("GET", f"/api/v1/people/{pid}/plan")
        self.assertEqual(status, 404)
        admin = server.client()
        admin.login("admin")
        _, rows = admin.json("GET", "/api/v1/clinic/audit?action=delete_record", expect=200)
        self.assertTrue(any(r["outcome"] == "allowed" for r in rows["entries"]), rows)


@need_postgres
class AddressThrottleTest(unittest.TestCase):
    """In a database of its own: the address's lock would refuse the other tests' sign-ins."""

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp()
        cls.db = new_database()
        init_clinic(cls.db, cls.folder)
        add_clinician(cls.db, "carol")

    def test_sign_in_is_throttled_per_address(self):
        server = ClinicServer(self.db, fake_time=at(120))
        self.addCleanup(server.stop)
        statuses = [server.client().request("POST", "/api/v1/clinic/login",
                                            {"username": f"nobody{i}", "password": "wrong password"})[0]
                    for i in range(21)]
        self.assertEqual(statuses[:20], [401] * 20)
        self.assertEqual(statuses[20], 429)
        status, _, _ = server.client().request("POST", "/api/v1/clinic/login", {"username": "carol", "password": PASSWORD})
        self.assertEqual(status, 429)


if __name__ == "__main__":
    unittest.main()
