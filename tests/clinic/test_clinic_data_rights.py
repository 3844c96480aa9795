"""A patient's whole record, exported and deleted, through HTTP against a real PostgreSQL: every
kind of data made through the API (a session with what they said of an exercise and the camera's
result, a check-in, a measure, the clinician's note, flag review, program change and message) is
in the export, with the audit rows about them; after the deletion the database holds nothing of
theirs but the audit rows (the deletion itself among them)."""
import json
import tempfile
import unittest

from clinic_support import (ClinicServer, add_clinician, init_clinic, invite_and_accept, need_postgres, new_database,
                            psql)

CAMERA = {"reps": 5, "frames": 600, "faults_per_rep": [["knee-past-toes"], [], [], [], []]}


@need_postgres
class DataRightsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp()
        cls.db = new_database()
        init_clinic(cls.db, cls.folder)
        add_clinician(cls.db, "rita")
        cls.server = ClinicServer(cls.db)
        cls.rita = cls.server.client()
        cls.rita.login("rita")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def make_everything(self, patient, pid):
        """Each kind of record, through the API."""
        _, today = patient.json("GET", f"/api/v1/people/{pid}/today", expect=200)
        self.assertTrue(today["scheduled"], today)
        items = [{"position": e["position"], "status": "done", "sets": 1, "reps": 5, "seconds": 60}
                 for e in today["exercises"]]
        items[0]["camera"] = CAMERA
        items[0]["feedback"] = "too-easy"
        status, _, body = patient.request(
            "POST", f"/api/v1/people/{pid}/sessions",
            {"date": today["date"], "status": "finished", "pain_during": 2, "exercises": items},
            headers={"Idempotency-Key": f"session-{pid}"})
        self.assertEqual(status, 201, body)
        patient.json("POST", f"/api/v1/people/{pid}/check-ins", {"next_morning_pain": 3, "date": today["date"]},
                     expect=201)
        patient.json("POST", f"/api/v1/people/{pid}/measures", {"measure": "pain-now", "value": 3}, expect=201)
        base = f"/api/v1/clinic/people/{pid}"
        self.rita.json("POST", f"{base}/notes", {"text": "Note for the export"}, expect=201)
        self.rita.json("POST", f"{base}/flags/seen", {"kind": "no_session_7d", "note": "Review for the export"},
                       expect=200)
        self.rita.json("POST", f"{base}/program/changes", {"kind": "pause", "reason": "Pause for the export"},
                       expect=201)
        self.rita.json("POST", f"{base}/program/changes", {"kind": "message", "text": "Message for the export"},
                       expect=201)

    def test_the_export_holds_everything_and_the_deletion_leaves_only_audit_rows(self):
        patient, pid = invite_and_accept(self.server, self.rita, "leaves.all")
        self.make_everything(patient, pid)
        _, doc = patient.json("GET", f"/api/v1/clinic/people/{pid}/export", expect=200)
        if isinstance(doc, (bytes, str)):
            doc = json.loads(doc)
        self.assertEqual(doc["format"], "kneecoach-patient-export")
        logs = doc["exercise_logs"]
        self.assertEqual(logs[0]["feedback"], "too-easy")
        self.assertEqual(logs[0]["camera"]["reps"], 5)
        self.assertEqual(len(doc["sessions"]), 1)
        self.assertEqual(len(doc["check_ins"]), 1)
        self.assertTrue(any(m["measure"] == "pain-now" for m in doc["measurements"]))
        self.assertEqual([n["text"] for n in doc["clinician_notes"]], ["Note for the export"])
        self.assertEqual([n["author"] for n in doc["clinician_notes"]], ["rita"])
        self.assertEqual([(r["kind"], r["note"]) for r in doc["flag_reviews"]],
                         [("no_session_7d", "Review for the export")])
        self.assertEqual([(c["kind"], c["reason"], c["by"]) for c in doc["program_changes"]],
                         [("pause", "Pause for the export", "rita")])
        self.assertEqual([(m["text"], m["by"]) for m in doc["clinician_messages"]],
                         [("Message for the export", "rita")])
        actions = {row["action"] for row in doc["access_log"]}
        self.assertTrue({"write_record", "read_record", "review_record", "change_program", "export_record"} <= actions,
                        actions)

        person_id = psql(self.db, f"SELECT id FROM person WHERE name = '{pid}'")
        account_id = psql(self.db, "SELECT id FROM account WHERE username = 'leaves.all'")
        self.assertTrue(person_id and account_id)
        patient.json("POST", f"/api/v1/clinic/people/{pid}/delete", {"confirm": pid}, expect=200)

        # Every column that names a person or an account, in every table but the audit trail.
        leftovers = []
        columns = psql(self.db, "SELECT table_name || '.' || column_name FROM information_schema.columns "
                                "WHERE table_schema = 'public' AND table_name NOT IN ('audit', 'schema_version') "
                                "AND column_name IN ('person_id', 'patient_person', 'patient_id', 'account_id', "
                                "'clinician_id')").splitlines()
        self.assertIn("clinician_note.patient_person", columns)
        for column in columns:
            table, name = column.split(".")
            value = account_id if name in ("patient_id", "account_id", "clinician_id") else person_id
            count = int(psql(self.db, f"SELECT count(*) FROM {table} WHERE {name} = {value}"))
            if count:
                leftovers.append(f"{column}: {count} rows")
        # And their name or username anywhere in any row of those tables, as text.
        tables = psql(self.db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                               "AND table_name NOT IN ('audit', 'schema_version')").splitlines()
        for table in tables:
            count = int(psql(self.db, f"SELECT count(*) FROM {table} t WHERE t::text LIKE '%{pid}%' "
                                      "OR t::text LIKE '%leaves.all%'"))
            if count:
                leftovers.append(f"{table}: {count} rows naming them")
        self.assertEqual(leftovers, [])
        audit = psql(self.db, f"SELECT action FROM audit WHERE patient = {person_id} ORDER BY id").splitlines()
        self.assertEqual(audit[-2:], ["delete_record", "patient_deleted"])
        status, _, _ = self.rita.request("GET", f"/api/v1/people/{pid}/plan")
        self.assertEqual(status, 404)


if __name__ == "__main__":
    unittest.main()
