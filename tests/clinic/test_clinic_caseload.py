"""The caseload sorted by who needs attention, through HTTP against a real PostgreSQL: a warning sign
at a check-in puts the patient first, marking it seen (with a note) drops them, a newer event of a
seen flag's kind raises it again; search and the flag filter; clinicians' notes, for the patient's clinicians only."""
import datetime
import re
import tempfile
import time
import unittest

from clinic_support import (CONTENT, PASSWORD, ClinicServer, add_clinician, answers, init_clinic, need_postgres,
                            new_database)

ROW_KEYS = {"username", "person", "state", "added_at", "unread_notifications", "flags", "attention", "adherence",
            "pain", "last_check_in"}


def today():
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def sign_name(field):
    """A check-in sign's short name, as content/triage/signs.yaml gives it."""
    with open(f"{CONTENT}/triage/signs.yaml", encoding="utf-8") as f:
        return re.search(rf"^\s+{field}:\s*(.+?)\s*$", f.read(), re.M).group(1)


@need_postgres
class CaseloadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp()
        cls.db = new_database()
        init_clinic(cls.db, cls.folder)
        add_clinician(cls.db, "clin1")
        add_clinician(cls.db, "clin2")
        # The real clock: a flag is seen until an event newer than the instant it was marked.
        cls.server = ClinicServer(cls.db, fake_time=None)
        cls.clin1 = cls.server.client()
        cls.clin1.login("clin1")
        cls.clin2 = cls.server.client()
        cls.clin2.login("clin2")
        cls.patients = {}
        for name in ("calm", "sore", "warned"):
            cls.patients[name] = cls.enrol(name)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    @classmethod
    def enrol(cls, username):
        """clin1 invites `username`, who accepts and answers the intake (program starting today)."""
        _, invite = cls.clin1.json("POST", "/api/v1/clinic/invites", {"username": username}, expect=201)
        patient = cls.server.client()
        token = re.search(r"invite=([A-Za-z0-9_-]+)", invite["link"]).group(1)
        patient.json("POST", "/api/v1/clinic/invites/accept", {"token": token, "password": PASSWORD}, expect=200)
        _, created = patient.json("POST", "/api/v1/people", {"answers": answers(), "start": today()}, expect=201)
        return patient, created["person"]["id"]

    def caseload(self, query=""):
        _, got = self.clin1.json("GET", "/api/v1/clinic/caseload" + query, expect=200)
        return got["patients"]

    def row(self, rows, name):
        return next(r for r in rows if r["username"] == name)

    def test_a_warning_sign_comes_first_until_seen_and_a_newer_one_raises_it_again(self):
        warned, wid = self.patients["warned"]
        sore, sid = self.patients["sore"]
        sore.json("POST", f"/api/v1/people/{sid}/measures", {"measure": "pain-now", "value": 8}, expect=201)
        warned.json("POST", f"/api/v1/people/{wid}/check-ins",
                    {"next_morning_pain": 4, "red_flags": ["calf_pain_or_swelling"]}, expect=201)
        rows = self.caseload()
        self.assertEqual([r["username"] for r in rows], ["warned", "sore", "calm"], rows)
        for r in rows:
            self.assertEqual(set(r), ROW_KEYS)
            self.assertEqual(r["adherence"]["weeks"], 4)
        first = rows[0]
        self.assertEqual(first["person"], wid)
        self.assertEqual(first["flags"][0]["kind"], "warning_sign")
        self.assertFalse(first["flags"][0]["seen"])
        self.assertIsNone(first["flags"][0]["seen_note"])
        self.assertIn("calf pain or swelling", first["flags"][0]["detail"])
        self.assertEqual(first["last_check_in"]["pain"], 4)
        self.assertNotIn(first["last_check_in"]["level"], ("go", "caution"))
        self.assertEqual(self.row(rows, "sore")["flags"][0]["kind"], "pain_above_band")
        self.assertEqual(self.row(rows, "sore")["pain"], [{"date": today(), "pain": 8}])
        self.assertEqual(self.row(rows, "calm")["flags"], [])
        self.assertEqual(self.row(rows, "calm")["last_check_in"], None)

        # clin2 may not mark it; clin1 marks it seen with a note: warned drops below sore.
        body = {"kind": "warning_sign", "note": "Phoned: seeing the GP today."}
        self.assertEqual(self.clin2.request("POST", f"/api/v1/clinic/people/{wid}/flags/seen", body)[0], 404)
        self.assertEqual(warned.request("POST", f"/api/v1/clinic/people/{wid}/flags/seen", body)[0], 404)
        _, seen = self.clin1.json("POST", f"/api/v1/clinic/people/{wid}/flags/seen", body, expect=200)
        self.assertEqual((seen["kind"], seen["note"]), ("warning_sign", body["note"]))
        self.assertTrue(seen["seen_at"].endswith("Z"))
        rows = self.caseload()
        self.assertEqual([r["username"] for r in rows], ["sore", "warned", "calm"])
        flag = self.row(rows, "warned")["flags"][0]
        self.assertEqual((flag["seen"], flag["seen_note"]), (True, body["note"]))

        # A flag stays seen until a newer event of its kind. (The warning stopped warned's program, so
        # no new check-in can come from them: sore's pain above the band shows it; the unit tests cover
        # a newer warning sign.)
        self.clin1.json("POST", f"/api/v1/clinic/people/{sid}/flags/seen", {"kind": "pain_above_band"}, expect=200)
        self.assertTrue(self.row(self.caseload(), "sore")["flags"][0]["seen"])
        time.sleep(0.01)
        sore.json("POST", f"/api/v1/people/{sid}/measures", {"measure": "pain-now", "value": 9}, expect=201)
        flag = self.row(self.caseload(), "sore")["flags"][0]
        self.assertEqual((flag["kind"], flag["seen"], flag["seen_note"]), ("pain_above_band", False, None))

        # Search (any case) and the flag filter.
        self.assertEqual([r["username"] for r in self.caseload("?q=SOR")], ["sore"])
        self.assertEqual([r["username"] for r in self.caseload("?flag=pain_above_band")], ["sore"])
        self.assertEqual(self.caseload("?q=calm&flag=warning_sign"), [])
        for bad, field in (("?flag=bogus", "flag"), ("?sort=name", "sort"), ("?q=" + "x" * 101, "q")):
            status, got = self.clin1.json("GET", "/api/v1/clinic/caseload" + bad)
            self.assertEqual((status, got["error"]["field"]), (400, field), got)
        self.assertEqual(warned.request("GET", "/api/v1/clinic/caseload")[0], 403)
        status, got = self.clin1.json("POST", f"/api/v1/clinic/people/{wid}/flags/seen", {"kind": "sleepy"})
        self.assertEqual((status, got["error"]["field"]), (400, "kind"), got)

    def test_b_each_check_in_on_the_record_carries_the_triage_it_produced(self):
        """GET progress lists every check-in with the level triage gave it and the signs named (the
        record page shows these); a check-in without a sign keeps the program's level."""
        sore, sid = self.patients["sore"]
        warned, wid = self.patients["warned"]
        _, signs = sore.json("GET", "/api/v1/check-in-signs", expect=200)
        prompts = {s["id"]: s["prompt"] for s in signs["signs"]}
        _, plain = sore.json("POST", f"/api/v1/people/{sid}/check-ins", {"next_morning_pain": 3}, expect=201)
        _, progress = self.clin1.json("GET", f"/api/v1/people/{sid}/progress", expect=200)
        self.assertEqual(len(progress["check_ins"]), 1)
        got = progress["check_ins"][0]
        self.assertEqual(set(got), {"id", "date", "at", "next_morning_pain", "triage_level", "level_meaning", "refers",
                                    "stopped", "signs"})
        self.assertEqual((got["id"], got["date"], got["next_morning_pain"]), (plain["check_in_id"], today(), 3))
        self.assertEqual((got["triage_level"], got["refers"], got["stopped"], got["signs"]),
                         (plain["triage_level"], False, False, []))
        self.assertIn(got["triage_level"], ("go", "caution"))
        self.assertTrue(got["level_meaning"])

        # warned's check-in of test_a named the calf: the level it produced, the sign in its words
        # and by its short name (content/triage/signs.yaml), for the record's sentence.
        _, progress = self.clin1.json("GET", f"/api/v1/people/{wid}/progress", expect=200)
        (got,) = progress["check_ins"]
        self.assertNotIn(got["triage_level"], ("go", "caution"))
        self.assertEqual((got["refers"], got["stopped"]), (True, True))
        self.assertEqual(got["signs"], [{"id": "calf_pain_or_swelling", "prompt": prompts["calf_pain_or_swelling"],
                                         "name": sign_name("calf_pain_or_swelling")}])
        self.assertNotEqual(sign_name("calf_pain_or_swelling"), prompts["calf_pain_or_swelling"])
        # The same as the caseload's last check-in, and only their clinicians and they may read it.
        last = self.row(self.caseload(), "warned")["last_check_in"]
        self.assertEqual((last["level"], last["pain"]), (got["triage_level"], got["next_morning_pain"]))
        self.assertEqual(self.clin2.request("GET", f"/api/v1/people/{wid}/progress")[0], 404)
        self.assertEqual(sore.request("GET", f"/api/v1/people/{wid}/progress")[0], 404)

    def test_notes_are_kept_for_the_patients_clinicians(self):
        calm, cid = self.patients["calm"]
        _, note = self.clin1.json("POST", f"/api/v1/clinic/people/{cid}/notes",
                                  {"text": "Good range today; keep the dose."}, expect=201)
        self.assertEqual((note["author"], note["text"]), ("clin1", "Good range today; keep the dose."))
        self.clin1.json("POST", f"/api/v1/clinic/people/{cid}/notes", {"text": "Second visit."}, expect=201)
        _, got = self.clin1.json("GET", f"/api/v1/clinic/people/{cid}/notes", expect=200)
        self.assertEqual([n["text"] for n in got["notes"]], ["Good range today; keep the dose.", "Second visit."])
        self.assertEqual(got["notes"][0]["id"], note["id"])
        for client in (self.clin2, calm):
            self.assertEqual(client.request("GET", f"/api/v1/clinic/people/{cid}/notes")[0], 404)
            self.assertEqual(client.request("POST", f"/api/v1/clinic/people/{cid}/notes", {"text": "x"})[0], 404)
        for body, field in (({"text": "  "}, "text"), ({}, "text"), ({"text": 3}, "text"), ({"txt": "a"}, "txt")):
            status, got = self.clin1.json("POST", f"/api/v1/clinic/people/{cid}/notes", body)
            self.assertEqual((status, got["error"]["field"]), (400, field), (body, got))


if __name__ == "__main__":
    unittest.main()
