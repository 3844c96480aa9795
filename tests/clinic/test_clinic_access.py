"""Who sees what, through HTTP against a real PostgreSQL: every route with every role and with
its own and other people's ids (the expected number of leaks is zero), and the audit trail
(every look at a record leaves a row; the patient sees who looked)."""
import secrets
import tempfile
import unittest

from clinic_support import (PASSWORD, ClinicServer, add_clinician, init_clinic, invite_and_accept, need_postgres,
                            new_database)

# The personal API's routes that name a person, with a body for the writes.
PEOPLE_ROUTES = [
    ("GET", "plan", None), ("GET", "today", None), ("GET", "session", None), ("GET", "progress", None),
    ("GET", "handout.pdf", None), ("GET", "calendar.ics", None),
    ("POST", "sessions", {"date": "2025-03-03", "status": "quit", "exercises": [{"position": 0, "status": "done"}]}),
    ("POST", "check-ins", {"next_morning_pain": 2, "date": "2025-03-04", "replace": True}),
    ("POST", "measures", {"measure": "pain-now", "value": 3}),
]
# The clinic's routes about one person: who may use them (besides nobody for the others).
CLINIC_PERSON_ROUTES = [("GET", "access-log", {"self"}), ("GET", "export", {"self", "caseload"}),
                        ("GET", "program", {"caseload"}),
                        ("POST", "program/changes", {"caseload"}, {"kind": "message", "text": "matrix"}),
                        ("POST", "flags/seen", {"caseload"}, {"kind": "no_session_7d", "note": "matrix"}),
                        ("GET", "notes", {"caseload"}), ("POST", "notes", {"caseload"}, {"text": "matrix"})]
# Routes about no person: the roles that may use them.
STAFF_ROUTES = [
    ("GET", "/api/v1/clinic/caseload", None, {"clinician"}),
    ("GET", "/api/v1/clinic/notifications", None, {"clinician"}),
    ("GET", "/api/v1/clinic/accounts", None, {"admin"}),
    ("GET", "/api/v1/clinic/audit", None, {"admin"}),
    ("GET", "/api/v1/clinic/audit.csv", None, {"admin"}),
    ("POST", "/api/v1/clinic/accounts", "new-clinician", {"admin"}),
    ("POST", "/api/v1/clinic/invites", "new-patient", {"clinician"}),
    # One's own two-factor sign-in (staff only). A wrong first code and turning off what is off
    # pass the role check and are refused on their merits: 400 and 409 are their answers.
    ("POST", "/api/v1/clinic/totp/enable", None, {"admin", "clinician"}),
    ("POST", "/api/v1/clinic/totp/confirm", {"code": "000000"}, {"admin", "clinician"}, (400,)),
    ("POST", "/api/v1/clinic/totp/disable", {"password": PASSWORD}, {"admin", "clinician"}, (409,)),
]
ROLES_OF = {"anonymous": None, "admin": "admin", "clin1": "clinician", "clin2": "clinician", "pat1": "patient",
            "pat3": "patient"}


@need_postgres
class AccessTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp()
        cls.db = new_database()
        init_clinic(cls.db, cls.folder)
        add_clinician(cls.db, "clin1")
        add_clinician(cls.db, "clin2")
        cls.server = ClinicServer(cls.db)
        cls.clients = {"anonymous": cls.server.client()}
        for name in ("admin", "clin1", "clin2"):
            cls.clients[name] = cls.server.client()
            cls.clients[name].login(name)
        cls.clients["pat1"], p1 = invite_and_accept(cls.server, cls.clients["clin1"], "pat1")
        _, p2 = invite_and_accept(cls.server, cls.clients["clin1"], "pat2")
        cls.clients["pat3"], p3 = invite_and_accept(cls.server, cls.clients["clin2"], "pat3")
        cls.people = {"pat1": p1, "pat2": p2, "pat3": p3}
        # Who each person is to each actor: themselves, on their caseload, or nobody of theirs.
        cls.relation = {
            ("pat1", "pat1"): "self", ("pat3", "pat3"): "self",
            ("clin1", "pat1"): "caseload", ("clin1", "pat2"): "caseload", ("clin2", "pat3"): "caseload",
        }

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def expected_allowed(self, actor, person, who_may):
        return self.relation.get((actor, person), "other") in who_may

    def test_every_route_every_role_every_id(self):
        tested = leaks = 0
        problems = []
        unknown = secrets.token_hex(16)
        for actor, client in self.clients.items():
            for person, pid in [*self.people.items(), ("unknown", unknown)]:
                for method, tail, body in PEOPLE_ROUTES:
                    allowed = self.expected_allowed(actor, person, {"self", "caseload"})
                    status, _, got = client.request(method, f"/api/v1/people/{pid}/{tail}", body)
                    tested += 1
                    leaks += self.judge(problems, actor, method, tail, person, allowed, status, got)
                for method, tail, who_may, *body in CLINIC_PERSON_ROUTES:
                    allowed = self.expected_allowed(actor, person, who_may)
                    status, _, got = client.request(method, f"/api/v1/clinic/people/{pid}/{tail}", *body)
                    tested += 1
                    leaks += self.judge(problems, actor, method, tail, person, allowed, status, got)
            for method, path, body, roles, *answers in STAFF_ROUTES:
                allowed = ROLES_OF[actor] in roles
                payload = body if isinstance(body, dict) else None
                if body == "new-clinician":
                    payload = {"username": f"c-{secrets.token_hex(4)}", "password": PASSWORD}
                elif body == "new-patient":
                    payload = {"username": f"p-{secrets.token_hex(4)}"}
                status, _, got = client.request(method, path, payload)
                tested += 1
                leaks += self.judge(problems, actor, method, path, "-", allowed, status, got, *answers)
        print(f"\nauthorisation matrix: {tested} requests, {leaks} leaks")
        self.assertEqual(problems, [], "\n".join(problems))
        self.assertEqual(leaks, 0)

    @staticmethod
    def judge(problems, actor, method, route, person, allowed, status, got, answers=range(200, 300)):
        """Records a problem; returns 1 for a leak (a refused request that was answered).
        `answers`: the statuses of an allowed request (2xx unless the route says)."""
        if allowed and status not in answers:
            problems.append(f"{actor} {method} {route} of {person}: {status}, expected {answers}: {got[:200]!r}")
        if not allowed and status not in (401, 403, 404):
            problems.append(f"{actor} {method} {route} of {person}: {status}, expected a refusal: {got[:200]!r}")
            return 1 if status < 400 else 0
        return 0

    def test_refusals_do_not_say_whether_a_person_exists(self):
        c2 = self.clients["clin2"]
        missing_id = secrets.token_hex(16)
        for method, tail, body in PEOPLE_ROUTES:
            s_other, _, other = c2.request(method, f"/api/v1/people/{self.people['pat1']}/{tail}", body)
            s_missing, _, missing = c2.request(method, f"/api/v1/people/{missing_id}/{tail}", body)
            self.assertEqual((s_other, s_missing), (404, 404), tail)
            self.assertEqual(other.replace(self.people["pat1"].encode(), b"X"), missing.replace(missing_id.encode(), b"X"))

    def test_every_look_leaves_an_audit_row_and_the_patient_sees_it(self):
        # A clinician of their own, so the count is exact.
        add_clinician(self.db, "auditor")
        clinician = self.server.client()
        clinician.login("auditor")
        _, me = clinician.json("GET", "/api/v1/clinic/me", expect=200)
        patient, pid = invite_and_accept(self.server, clinician, "audited")
        reads = [tail for method, tail, _ in PEOPLE_ROUTES if method == "GET"]
        for tail in reads:
            clinician.json("GET", f"/api/v1/people/{pid}/{tail}", expect=200)
        _, rows = self.clients["admin"].json(
            "GET", f"/api/v1/clinic/audit?actor={me['account']['id']}&action=read_record&limit=1000", expect=200)
        allowed = [r for r in rows["entries"] if r["outcome"] == "allowed"]
        self.assertEqual(len(allowed), len(reads), rows)
        self.assertTrue(all(r["role"] == "clinician" and r["patient"] is not None for r in allowed))
        _, looked = patient.json("GET", f"/api/v1/clinic/people/{pid}/access-log", expect=200)
        by_auditor = [a for a in looked["accesses"] if a["who"] == "auditor" and a["action"] == "read_record"]
        self.assertEqual(len(by_auditor), len(reads), looked)
        # The CSV holds the same rows.
        status, headers, csv = self.clients["admin"].request(
            "GET", f"/api/v1/clinic/audit.csv?actor={me['account']['id']}&action=read_record&limit=1000")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/csv"))
        self.assertEqual(len(csv.decode().strip().splitlines()) - 1, len(reads))

    def test_a_refused_look_is_audited_too(self):
        _, me = self.clients["clin2"].json("GET", "/api/v1/clinic/me", expect=200)
        self.clients["clin2"].request("GET", f"/api/v1/people/{self.people['pat1']}/progress")
        _, rows = self.clients["admin"].json(
            "GET", f"/api/v1/clinic/audit?actor={me['account']['id']}&order=newest&limit=5", expect=200)
        self.assertEqual(rows["entries"][0]["outcome"], "refused", rows)


if __name__ == "__main__":
    unittest.main()
