"""Camera results in the session log, end to end: `kneecoach serve` takes a `camera` object per
exercise of POST /people/{id}/sessions (checked against the cue fault ids of the content),
stores it normalised in exercise_log.camera_json, and gives it back in GET /progress (checked
against api/openapi.yaml); bad camera data is refused naming the field and stores nothing;
`kneecoach progress` and `kneecoach export csv` show the camera figures of the same store."""
import csv
import glob
import json
import os
import signal
import sqlite3
import tempfile
import unittest

import yaml

from kctest import CONTENT, run
from serve_support import Contract, Server, stop_and_remove, stub_web

START = "2025-03-03"  # a Monday; the server's clock is 2025-03-03T08:00Z
ANSWERS = {
    "version": 1, "age": 67, "knee": "left", "pain_now": 4, "location": ["front"], "onset": "gradual",
    "equipment": ["chair", "step", "wall", "mat", "books", "counter", "band"], "minutes_per_session": 30,
    "days": ["mon", "wed", "fri"],
}
CAMERA = {"reps": 5, "frames": 600,
          "faults_per_rep": [["trunk-leaning", "knee-past-toes", "knee-past-toes"], [], ["knee-past-toes"], [], []]}


def known_faults():
    faults = set()
    for path in glob.glob(os.path.join(CONTENT, "cues", "*.yaml")):
        with open(path, encoding="utf-8") as f:
            faults.add(yaml.safe_load(f)["fault"])
    return sorted(faults)


class ServeCameraTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kc-camera-")
        cls.data = os.path.join(cls.tmp, "data")
        cls.web = stub_web(cls.tmp)
        cls.server = Server(cls.data, cls.web)
        cls.contract = Contract()

    @classmethod
    def tearDownClass(cls):
        stop_and_remove(cls.server, cls.tmp, signal.SIGTERM)

    def json_call(self, method, path, body=None, status=200):
        code, hdrs, payload = self.server.request(method, path, body=body)
        self.contract.check(method, path, code, hdrs, payload)
        self.assertEqual(code, status, payload[:1000])
        return json.loads(payload)

    def sql(self, query, *params):
        db = sqlite3.connect(os.path.join(self.data, "kneecoach.db"))
        try:
            return db.execute(query, params).fetchall()
        finally:
            db.close()

    def new_person(self):
        reply = self.json_call("POST", "/api/v1/people", {"answers": ANSWERS, "start": START}, status=201)
        pid = reply["person"]["id"]
        today = self.json_call("GET", f"/api/v1/people/{pid}/today?date={START}")
        self.assertTrue(today["scheduled"])
        return pid, today["exercises"]

    def log_with_camera(self, pid, items):
        done = [{"position": i["position"], "status": "done", "sets": 1, "reps": 5, "seconds": 60} for i in items]
        done[0]["camera"] = CAMERA
        if len(done) > 1:
            done[1]["camera"] = None  # null: no camera
        if len(done) > 2:
            done[2]["camera"] = {"reps": 0, "faults_per_rep": [], "frames": 12}
        return self.json_call("POST", f"/api/v1/people/{pid}/sessions",
                              {"date": START, "status": "finished", "pain_during": 2, "exercises": done}, status=201)

    def test_camera_log_is_stored_normalised_and_read_back(self):
        pid, items = self.new_person()
        self.assertGreaterEqual(len(items), 3)
        logged = self.log_with_camera(pid, items)

        stored = dict(self.sql("SELECT position, camera_json FROM exercise_log WHERE session_id = ?",
                               logged["session_id"]))
        self.assertEqual(json.loads(stored[0]), {"reps": 5, "frames": 600, "faults_per_rep": [
            ["knee-past-toes", "trunk-leaning"], [], ["knee-past-toes"], [], []]})
        self.assertEqual(stored[0], '{"reps":5,"faults_per_rep":[["knee-past-toes","trunk-leaning"],[],'
                                    '["knee-past-toes"],[],[]],"frames":600}')
        self.assertEqual(stored[1], "")
        self.assertEqual(json.loads(stored[2]), {"reps": 0, "faults_per_rep": [], "frames": 12})
        self.assertTrue(all(stored[p] == "" for p in stored if p > 2))

        progress = self.json_call("GET", f"/api/v1/people/{pid}/progress?date={START}")
        (session,) = progress["sessions"]
        exercises = session["exercises"]
        self.assertEqual([e["position"] for e in exercises], sorted(i["position"] for i in items))
        first = exercises[0]
        self.assertEqual(first["exercise"], items[0]["exercise"])
        self.assertEqual(first["name"], items[0]["name"])
        self.assertEqual((first["outcome"], first["reps"], first["seconds"]), ("done", 5, 60))
        self.assertEqual(first["camera"], {
            "reps": 5, "frames": 600, "reps_with_faults": 2,
            "faults_per_rep": [["knee-past-toes", "trunk-leaning"], [], ["knee-past-toes"], [], []],
            "faults": {"knee-past-toes": 2, "trunk-leaning": 1}})
        self.assertEqual(list(first["camera"]["faults"]), ["knee-past-toes", "trunk-leaning"])  # most frequent first
        self.assertIsNone(exercises[1]["camera"])
        self.assertEqual(exercises[2]["camera"]["faults"], {})
        for e in exercises[3:]:
            self.assertIsNone(e["camera"])

        # The command line reads the same store: progress shows a camera line, export csv the columns.
        proc = run("--content", CONTENT, "progress", "--data-dir", self.data, "--person", pid, "--date", START)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("Camera form checks", proc.stdout)
        self.assertIn(f"  {START}, session {session['session']}\n", proc.stdout)
        # `progress` wraps at 80 columns on a pipe: the wrapped line, read with its breaks as spaces.
        self.assertIn(f"{items[0]['name']}: 5 reps by camera, 2 with a form fault (knee past toes ×2, trunk leaning ×1)",
                      " ".join(proc.stdout.split()))
        self.assertIn(f"    {items[2]['name']}: 0 reps by camera, none with a form fault\n", proc.stdout)
        self.assertNotIn(f"    {items[1]['name']}:", proc.stdout)

        out = os.path.join(self.tmp, f"csv-{pid}")
        proc = run("--content", CONTENT, "export", "csv", "-o", out, "--data-dir", self.data, "--person", pid)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with open(os.path.join(out, "exercises.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        by_position = {int(r["position"]): r for r in rows}
        self.assertEqual((by_position[0]["camera_reps"], by_position[0]["camera_faulted_reps"],
                          by_position[0]["camera_faults"]), ("5", "2", "knee-past-toes = 2; trunk-leaning = 1"))
        self.assertEqual((by_position[1]["camera_reps"], by_position[1]["camera_faulted_reps"],
                          by_position[1]["camera_faults"]), ("", "", ""))
        self.assertEqual((by_position[2]["camera_reps"], by_position[2]["camera_faults"]), ("0", ""))

    def test_without_the_camera_progress_says_nothing_about_it(self):
        pid, items = self.new_person()
        done = [{"position": i["position"], "status": "done"} for i in items]
        self.json_call("POST", f"/api/v1/people/{pid}/sessions",
                       {"date": START, "status": "finished", "exercises": done}, status=201)
        progress = self.json_call("GET", f"/api/v1/people/{pid}/progress?date={START}")
        self.assertTrue(all(e["camera"] is None for e in progress["sessions"][0]["exercises"]))
        proc = run("--content", CONTENT, "progress", "--data-dir", self.data, "--person", pid, "--date", START)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertNotIn("camera", proc.stdout.lower())

    def test_bad_camera_data_is_refused_naming_the_field_and_stores_nothing(self):
        pid, items = self.new_person()
        self.log_with_camera(pid, items)  # something stored already, which must stay as it is
        url = f"/api/v1/people/{pid}/sessions"
        tables = ("session_log", "exercise_log", "measurement", "dose_change")
        before = [self.sql(f"SELECT * FROM {t} ORDER BY id") for t in tables]
        progress_before = self.json_call("GET", f"/api/v1/people/{pid}/progress?date={START}")

        def body(camera, position=1):
            ok = {"position": 0, "status": "done", "reps": 5, "camera": CAMERA}
            return {"date": START, "status": "finished", "pain_during": 9,
                    "exercises": [ok, {"position": position, "status": "done", "camera": camera}]}

        cases = [
            (body({"reps": 3, "faults_per_rep": [[], [], ["knee-past-toes", "knee-caves-in"]], "frames": 90}),
             "invalid", "exercises[1].camera.faults_per_rep[2][1]"),
            (body({"reps": 3, "faults_per_rep": [[], []], "frames": 90}), "invalid", "exercises[1].camera.faults_per_rep"),
            (body({"reps": 1001, "faults_per_rep": [], "frames": 90}), "out_of_range", "exercises[1].camera.reps"),
            (body({"reps": 1, "faults_per_rep": [[]], "frames": -5}), "out_of_range", "exercises[1].camera.frames"),
            (body({"reps": 1, "faults_per_rep": [[]]}), "missing_field", "exercises[1].camera.frames"),
            (body({"reps": 1, "faults_per_rep": [[]], "frames": 1, "fps": 30}), "unknown_field",
             "exercises[1].camera.fps"),
            (body({"reps": "5", "faults_per_rep": [], "frames": 1}), "wrong_type", "exercises[1].camera.reps"),
            (body({"reps": 1, "faults_per_rep": [[7]], "frames": 1}), "wrong_type",
             "exercises[1].camera.faults_per_rep[0][0]"),
            (body({"reps": 1, "faults_per_rep": [["knee-past-toes"] * 21], "frames": 1}), "out_of_range",
             "exercises[1].camera.faults_per_rep[0]"),
            (body([5]), "wrong_type", "exercises[1].camera"),
        ]
        for request, code, field in cases:
            with self.subTest(field=field, code=code):
                reply = self.json_call("POST", url, request, status=400)
                self.assertEqual(reply["error"]["code"], code, reply)
                self.assertEqual(reply["error"]["field"], field, reply)
                self.assertTrue(reply["error"]["message"].startswith(field + ": "), reply)

        unknown = self.json_call("POST", url, cases[0][0], status=400)["error"]["message"]
        self.assertIn('"knee-caves-in" is not a known form fault', unknown)
        self.assertIn(", ".join(known_faults()), unknown)

        self.assertEqual([self.sql(f"SELECT * FROM {t} ORDER BY id") for t in tables], before)
        self.assertEqual(self.json_call("GET", f"/api/v1/people/{pid}/progress?date={START}"), progress_before)


if __name__ == "__main__":
    unittest.main()
