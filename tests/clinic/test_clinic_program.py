"""A clinician edits a patient's program, through HTTP against a real PostgreSQL: a dose the
patient then sees with who set it and why, an add the planner's safety rules refuse (422 naming
the rule) until an override reason is given (then recorded), a limit progression keeps to, a pause
and a resume, and a message on the patient's today."""
import json
import re
import tempfile
import unittest

from clinic_support import PASSWORD, ClinicServer, add_clinician, answers, init_clinic, need_postgres, new_database

START = "2025-03-03"  # the server's fake today, a Monday with a session


@need_postgres
class ProgramEditingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp()
        cls.db = new_database()
        init_clinic(cls.db, cls.folder)
        add_clinician(cls.db, "grace")
        add_clinician(cls.db, "other")
        cls.server = ClinicServer(cls.db)
        cls.grace = cls.server.client()
        cls.grace.login("grace")
        cls.other = cls.server.client()
        cls.other.login("other")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def new_patient(self, name, **fields):
        """A patient of grace's who answered the intake with `fields` changed."""
        _, invite = self.grace.json("POST", "/api/v1/clinic/invites", {"username": name}, expect=201)
        patient = self.server.client()
        token = re.search(r"invite=([A-Za-z0-9_-]+)", invite["link"]).group(1)
        patient.json("POST", "/api/v1/clinic/invites/accept", {"token": token, "password": PASSWORD}, expect=200)
        _, created = patient.json("POST", "/api/v1/people", {"answers": answers(**fields), "start": START},
                                  expect=201)
        return patient, created["person"]["id"]

    def change(self, pid, body, expect=201, client=None, headers=None):
        client = client or self.grace
        status, _, got = client.request("POST", f"/api/v1/clinic/people/{pid}/program/changes", body, headers)
        self.assertEqual(status, expect, got[:600])
        return json.loads(got)

    def program(self, pid):
        return self.grace.json("GET", f"/api/v1/clinic/people/{pid}/program", expect=200)[1]

    def test_a_dose_reaches_the_patients_plan_with_who_and_why(self):
        patient, pid = self.new_patient("dora")
        program = self.program(pid)
        first = next(e for e in program["exercises"] if e["block"] == "strength")
        self.assertEqual(len(program["candidates"]), len({c["id"] for c in program["candidates"]}))
        self.assertTrue(any(c["in_program"] and c["allowed"] for c in program["candidates"]))
        made = self.change(pid, {"kind": "dose", "exercise": first["id"], "dose": {"sets": 1, "reps": 6},
                                 "reason": "sore after the stairs"})["change"]
        self.assertEqual((made["kind"], made["by"], made["reason"]), ("dose", "grace", "sore after the stairs"))
        self.assertEqual((made["dose"]["sets"], made["dose"]["reps"]), (1, 6))
        _, plan = patient.json("GET", f"/api/v1/people/{pid}/plan", expect=200)
        self.assertEqual([(c["kind"], c["exercise"], c["by"], c["reason"]) for c in plan["changes"]],
                         [("dose", first["id"], "grace", "sore after the stairs")])
        shown = [e for s in plan["in_force"]["sessions"] for e in s["exercises"] if e["plan_exercise"] == first["id"]]
        self.assertTrue(shown)
        for e in shown:
            self.assertEqual((e["dose"]["sets"], e["dose"]["reps"]), (1, 6))
            self.assertEqual(e["change_reason"], "Set by grace: sore after the stairs")
        # A retry with the same key stores nothing twice.
        body = {"kind": "dose", "exercise": first["id"], "dose": {"sets": 2, "reps": 6}}
        once = self.change(pid, body, headers={"Idempotency-Key": "dose-2x6"})
        again = self.change(pid, body, headers={"Idempotency-Key": "dose-2x6"})
        self.assertEqual(once, again)
        self.assertEqual(len(self.program(pid)["changes"]), 2)
        # Bad requests say what and where.
        bad = self.change(pid, {"kind": "dose", "exercise": first["id"], "dose": {"sets": 0, "reps": 6}}, expect=400)
        self.assertEqual(bad["error"]["field"], "dose.sets")
        bad = self.change(pid, {"kind": "shrink", "exercise": first["id"]}, expect=400)
        self.assertEqual(bad["error"]["field"], "kind")
        bad = self.change(pid, {"kind": "remove", "exercise": "no-such-thing"}, expect=400)
        self.assertIn("not in the program", bad["error"]["message"])

    def test_a_forbidden_add_is_refused_naming_the_rule_unless_overridden(self):
        patient, pid = self.new_patient("kit", can_kneel=False)
        program = self.program(pid)
        refused = [c for c in program["candidates"] if not c["allowed"] and not c["in_program"]]
        self.assertTrue(refused, program["candidates"])
        kneeling = next((c for c in refused if "kneeling" in c["why"]), refused[0])
        body = {"kind": "add", "exercise": kneeling["id"], "reason": "we practise it in clinic"}
        error = self.change(pid, body, expect=422)["error"]
        self.assertEqual((error["code"], error["field"]), ("refused_by_safety_rule", "override_reason"))
        self.assertIn(kneeling["why"].split(": ", 1)[1], error["message"])
        self.assertEqual(self.program(pid)["changes"], [])  # nothing stored
        made = self.change(pid, {**body, "override_reason": "she kneels on a cushion with me"})["change"]
        self.assertEqual(made["override_reason"], "she kneels on a cushion with me")
        self.assertIn("leaves out", made["overridden_rule"])
        after = self.program(pid)
        self.assertIn(kneeling["id"], [e["id"] for e in after["exercises"]])
        self.assertEqual(after["changes"][0]["overridden_rule"], made["overridden_rule"])
        _, plan = patient.json("GET", f"/api/v1/people/{pid}/plan", expect=200)
        added = [e for s in plan["in_force"]["sessions"] for e in s["exercises"] if e["exercise"] == kneeling["id"]]
        self.assertTrue(added)
        self.assertEqual(added[0]["why"], "Added by grace: we practise it in clinic")

    def test_a_limit_caps_progression(self):
        patient, pid = self.new_patient("lee")
        _, today = patient.json("GET", f"/api/v1/people/{pid}/today?date={START}", expect=200)
        capped = today["exercises"][0]
        dose = capped["dose"]
        limit = {"sets": dose["sets"], "reps": dose["reps"]}
        made = self.change(pid, {"kind": "limit", "exercise": capped["exercise"], "limit": limit,
                                 "reason": "no more until the review"})["change"]
        self.assertEqual(made["limit"]["reps"], dose["reps"])
        self.assertEqual(self.program(pid)["exercises"][0]["limit"]["reps"], dose["reps"])
        done = [{"position": i["position"], "status": "done"} for i in today["exercises"]]
        patient.json("POST", f"/api/v1/people/{pid}/sessions",
                     {"date": START, "status": "finished", "pain_during": 1, "exercises": done}, expect=201)
        _, checked = patient.json("POST", f"/api/v1/people/{pid}/check-ins",
                                  {"date": "2025-03-04", "next_morning_pain": 1}, expect=201)
        stepped = {c["exercise"] for c in checked["dose_changes"] if c["decision"] == "progress"}
        self.assertTrue(stepped, checked)  # progression ran for the others
        self.assertNotIn(capped["exercise"], stepped)

    def test_pause_and_resume(self):
        patient, pid = self.new_patient("pia")
        self.change(pid, {"kind": "pause", "reason": "knee surgery on Friday"})
        _, today = patient.json("GET", f"/api/v1/people/{pid}/today?date={START}", expect=200)
        self.assertFalse(today["scheduled"])
        self.assertEqual((today["paused"]["by"], today["paused"]["reason"]), ("grace", "knee surgery on Friday"))
        self.assertTrue(self.program(pid)["paused"])
        self.assertEqual(self.change(pid, {"kind": "pause"}, expect=409)["error"]["code"], "conflict")
        self.change(pid, {"kind": "resume", "reason": "cleared to go on"})
        _, today = patient.json("GET", f"/api/v1/people/{pid}/today?date={START}", expect=200)
        self.assertTrue(today["scheduled"])
        self.assertIsNone(today["paused"])
        self.assertEqual(self.change(pid, {"kind": "resume"}, expect=409)["error"]["code"], "conflict")

    def test_a_message_shows_on_the_patients_today_and_only_clinicians_change_programs(self):
        patient, pid = self.new_patient("moira")
        sent = self.change(pid, {"kind": "message", "text": "Well done on the first week"})["change"]
        _, today = patient.json("GET", f"/api/v1/people/{pid}/today?date={START}", expect=200)
        self.assertEqual([(m["id"], m["by"], m["text"]) for m in today["messages"]],
                         [(sent["id"], "grace", "Well done on the first week")])
        _, plan = patient.json("GET", f"/api/v1/people/{pid}/plan", expect=200)
        self.assertEqual([m["text"] for m in plan["messages"]], ["Well done on the first week"])
        self.assertEqual(self.change(pid, {"kind": "message"}, expect=400)["error"]["field"], "text")
        # The patient and a clinician of others' are refused (as if there were no such person).
        for client in (patient, self.other):
            self.change(pid, {"kind": "message", "text": "hi"}, expect=404, client=client)
            status, _, _ = client.request("GET", f"/api/v1/clinic/people/{pid}/program")
            self.assertEqual(status, 404)
        self.assertEqual(len(self.program(pid)["changes"]), 1)


if __name__ == "__main__":
    unittest.main()
