"""FHIR R4 export and import through the real binary (issue 18, docs/fhir.md): a bundle read back
into a new person exports again unchanged apart from ids and metadata, also from another
installation (another data folder); bad bundles are refused with the entry and field named, and
nothing is stored."""
import copy
import json
import os
import shutil
import sqlite3
import tempfile
import unittest

import kctest
from kctest import CONTENT, run

START = "2025-03-03"  # a Monday
EXPORTED_AT = "2025-04-01T09:00:00Z"


class Store:
    """One data folder and the commands run against it, at a fixed time."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="kc_fhir_")

    def kc(self, at, *args, stdin=None):
        proc = run("--content", CONTENT, *args, "--data-dir", self.dir, stdin=stdin,
                   env={"KNEECOACH_FAKE_TIME": at})
        return proc

    def ok(self, at, *args, stdin=None):
        proc = self.kc(at, *args, stdin=stdin)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout

    def count(self, table):
        db = sqlite3.connect(os.path.join(self.dir, "kneecoach.db"))
        try:
            return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        finally:
            db.close()

    def export(self, person="me"):
        return json.loads(self.ok(EXPORTED_AT, "export", "fhir", "--person", person))

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def with_history(store):
    """A person with two weeks of sessions, check-ins (one easing a dose), pain ratings, PSFS,
    chair stands and a global rating of change."""
    path = kctest.write_temp(json.dumps(kctest.answers()), directory=store.dir)
    store.ok(f"{START}T08:00:00Z", "init", "--answers", path, "--start", START, "--date", START)
    store.ok(f"{START}T07:30:00Z", "measure", "pain", "--date", START, stdin="4\n5\n")
    store.ok(f"{START}T07:31:00Z", "measure", "psfs", "--date", START, stdin="stairs\nkneeling\n\n4\n3\n")
    store.ok(f"{START}T07:32:00Z", "measure", "chair-stand", "--date", START, stdin="\n9\nwoman\n")
    for day, pain, morning in (("03", 2, 1), ("05", 7, 3), ("07", 3, 2), ("10", 2, 2), ("12", 4, 2)):
        store.ok(f"2025-03-{day}T18:00:00Z", "session", "--fast", "--date", f"2025-03-{day}", stdin=f"{pain}\n")
        after = f"2025-03-{int(day) + 1:02d}"
        store.ok(f"{after}T07:00:00Z", "check-in", "--date", after, stdin=f"{morning}\nno\n")
    store.ok("2025-03-14T07:40:00Z", "measure", "grc", "--date", "2025-03-14", stdin="3\n")


def comparable(bundle):
    """The bundle without its metadata (timestamp) and the person's local name."""
    b = copy.deepcopy(bundle)
    b.pop("timestamp")
    for e in b["entry"]:
        if e["resource"]["resourceType"] == "Patient":
            e["resource"].pop("identifier")
    return b


class RoundTripTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.home = Store()
        with_history(cls.home)
        cls.bundle = cls.home.export()
        cls.file = kctest.write_temp(json.dumps(cls.bundle), directory=cls.home.dir)

    @classmethod
    def tearDownClass(cls):
        cls.home.cleanup()

    def setUp(self):
        self.other = Store()

    def tearDown(self):
        self.other.cleanup()

    def test_export_import_export_gives_the_same_resources(self):
        out = self.home.ok(EXPORTED_AT, "import", "fhir", self.file, "--name", "copy")
        self.assertIn("Imported", out)
        self.assertIn("5 sessions", out)
        again = self.home.export("copy")
        self.assertEqual(comparable(again), comparable(self.bundle))
        self.assertEqual(self.home.count("person"), 2)
        self.assertGreater(self.home.count("dose_change"), 0)
        # The imported person carries on: today's session comes from the imported program.
        self.assertEqual(self.home.kc("2025-03-17T08:00:00Z", "today", "--person", "copy", "--date",
                                      "2025-03-17").returncode, 0)

    def test_a_bundle_from_another_installation(self):
        out = self.other.ok(EXPORTED_AT, "import", "fhir", self.file)
        self.assertIn("for 'me'", out)
        self.assertEqual(comparable(self.other.export("me")), comparable(self.bundle))
        self.assertEqual(self.other.count("session_log"), self.home.count("session_log"))
        self.assertEqual(self.other.count("measurement"), self.home.count("measurement"))
        self.assertEqual(self.other.count("exercise_log"), self.home.count("exercise_log"))
        again = self.other.kc(EXPORTED_AT, "import", "fhir", self.file)
        self.assertEqual(again.returncode, 2, again.stdout + again.stderr)
        self.assertIn('a person named "me" exists already', again.stderr)

    def test_a_transaction_bundle_imports_too(self):
        transaction = json.loads(self.home.ok(EXPORTED_AT, "export", "fhir", "--transaction"))
        self.assertEqual(transaction["type"], "transaction")
        path = kctest.write_temp(json.dumps(transaction), directory=self.other.dir)
        self.other.ok(EXPORTED_AT, "import", "fhir", path)
        self.assertEqual(comparable(self.other.export("me")), comparable(self.bundle))

    def refused(self, bundle_text, *words):
        path = kctest.write_temp(bundle_text, directory=self.other.dir)
        proc = self.other.kc(EXPORTED_AT, "import", "fhir", path)
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        for w in words:
            self.assertIn(w, proc.stderr)
        self.assertIn("Nothing was imported", proc.stderr)
        self.assertEqual(self.other.count("person"), 0)
        self.assertEqual(self.other.count("session_log"), 0)
        self.assertEqual(self.other.count("measurement"), 0)

    def test_a_bundle_that_is_not_ours(self):
        theirs = copy.deepcopy(self.bundle)
        theirs["identifier"]["system"] = "urn:example:hospital"
        self.refused(json.dumps(theirs), "Bundle.identifier.system", "not written by kneecoach")

    def test_malformed_json(self):
        self.refused(json.dumps(self.bundle)[:-40], "not JSON")

    def test_an_unknown_resource_type(self):
        bad = copy.deepcopy(self.bundle)
        bad["entry"].append({"fullUrl": "urn:uuid:1", "resource": {"resourceType": "MedicationRequest"}})
        index = len(bad["entry"]) - 1
        self.refused(json.dumps(bad), f"entry[{index}] (MedicationRequest).resourceType",
                     "does not import MedicationRequest")

    def test_a_wrong_field_type_late_in_the_bundle_stores_nothing(self):
        bad = copy.deepcopy(self.bundle)
        index = max(i for i, e in enumerate(bad["entry"])
                    if e["resource"].get("questionnaire", "").startswith("https://kneecoach.org/fhir/Questionnaire/check-in"))
        bad["entry"][index]["resource"]["authored"] = 20250304
        self.refused(json.dumps(bad), f"entry[{index}] (QuestionnaireResponse).authored", "expected a string; got")

    def test_a_wrong_answer_in_the_intake_names_the_field(self):
        bad = copy.deepcopy(self.bundle)
        index, intake = next((i, e["resource"]) for i, e in enumerate(bad["entry"])
                             if e["resource"].get("questionnaire", "").endswith("/intake|1"))
        for item in intake["item"]:
            if item["linkId"] == "age":
                item["answer"] = [{"valueInteger": 300}]
        self.refused(json.dumps(bad), f"entry[{index}] (QuestionnaireResponse).item", "age")


if __name__ == "__main__":
    unittest.main()
