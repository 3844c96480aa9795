"""The camera coach's WebSocket on the clinic server, through a real WebSocket client: a signed-in
patient analyses their own session (profile, a reply per frame, the summary), audited as
live_camera; the same socket is refused for another patient's id, an unknown id, no id, a
clinician (even of their caseload), an admin, no session and another origin."""
import json
import os
import secrets
import tempfile
import unittest

import websocket  # Debian's python3-websocket

from clinic_support import (CONTENT, ClinicServer, add_clinician, init_clinic, invite_and_accept, need_postgres,
                            new_database, psql, run)


@need_postgres
class CameraSocketTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp()
        landmarks = os.path.join(cls.folder, "squat.jsonl")
        proc = run("--content", CONTENT, "exercises", "animate", "partial-squat", "--reps", "2", "--fps", "15",
                   "--size", "320x240", "-o", os.path.join(cls.folder, "squat.y4m"), "--landmarks", landmarks)
        assert proc.returncode == 0, proc.stderr
        with open(landmarks, encoding="utf-8") as f:
            cls.frames = [line.strip() for line in f]
        cls.db = new_database()
        init_clinic(cls.db, cls.folder)
        add_clinician(cls.db, "cam.clin")
        cls.server = ClinicServer(cls.db, fake_time=None)
        cls.clinician = cls.server.client()
        cls.clinician.login("cam.clin")
        cls.admin = cls.server.client()
        cls.admin.login("admin")
        cls.pat, cls.pat_id = invite_and_accept(cls.server, cls.clinician, "cam.pat")
        cls.other, cls.other_id = invite_and_accept(cls.server, cls.clinician, "cam.other")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def url(self, person, exercise="partial-squat"):
        query = f"exercise={exercise}" + (f"&person={person}" if person is not None else "")
        return f"ws://127.0.0.1:{self.server.port}/api/v1/analyze?{query}"

    def connect(self, client, person, origin=None):
        """Opens the socket as `client` (its cookie); returns it (closed at cleanup)."""
        ws = websocket.create_connection(self.url(person), timeout=20, cookie=client.cookie,
                                         origin=origin or f"http://127.0.0.1:{self.server.port}")
        self.addCleanup(ws.close)
        return ws

    def refused(self, client, person, origin=None):
        """The status and JSON body of a refused handshake: the WebSocket client is refused, and
        the same handshake sent by hand shows the reply's body."""
        with self.assertRaises(websocket.WebSocketBadStatusException) as caught:
            self.connect(client, person, origin)
        path = self.url(person).split(str(self.server.port), 1)[1]
        status, _, body = client.request("GET", path, headers={
            "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": origin or f"http://127.0.0.1:{self.server.port}"})
        self.assertEqual(status, caught.exception.status_code)
        return status, json.loads(body)

    def live_rows(self, person_id):
        return psql(self.db, "SELECT a.outcome FROM audit a JOIN person p ON p.id = a.patient "
                             f"WHERE a.action = 'live_camera' AND p.name = '{person_id}' ORDER BY a.id").splitlines()

    def test_a_patient_analyses_their_own_session(self):
        before = len(self.live_rows(self.pat_id))
        ws = self.connect(self.pat, self.pat_id)
        ready = json.loads(ws.recv())
        self.assertEqual((ready["type"], ready["exercise"]), ("ready", "partial-squat"))
        reps = 0
        for frame in self.frames:
            ws.send(frame)
            reply = json.loads(ws.recv())
            self.assertEqual(reply["type"], "frame")
            reps = reply["reps"]
        ws.send('{"type": "end"}')
        summary = json.loads(ws.recv())
        self.assertEqual((summary["type"], summary["reps"], summary["frames"]), ("summary", 2, len(self.frames)))
        self.assertEqual(reps, 2)
        self.assertEqual(self.live_rows(self.pat_id)[before:], ["allowed"])

    def test_other_ids_roles_and_origins_are_refused(self):
        cases = [
            ("another patient's id", self.pat, self.other_id, 404),
            ("an unknown id", self.pat, secrets.token_hex(16), 404),
            ("the clinician of the patient", self.clinician, self.pat_id, 404),
            ("an admin", self.admin, self.pat_id, 404),
            ("no session", self.server.client(), self.pat_id, 403),
            ("no person named", self.pat, None, 400),
        ]
        rows_before = len(self.live_rows(self.pat_id))
        for label, client, person, status in cases:
            with self.subTest(label):
                got, body = self.refused(client, person)
                self.assertEqual(got, status, body)
                self.assertIn("error", body)
        # Each refused try at the patient's record by someone signed in left a refused row (the
        # clinician's and the admin's, twice each: the client's and the handshake by hand).
        self.assertEqual(self.live_rows(self.pat_id)[rows_before:], ["refused"] * 4)
        got, body = self.refused(self.pat, self.pat_id, origin="http://evil.example")
        self.assertEqual(got, 403, body)
        self.assertEqual(body["error"]["code"], "cross_origin")
        # The refusals for another id say no more than for an unknown one.
        _, other = self.refused(self.pat, self.other_id)
        _, unknown = self.refused(self.pat, "0" * 32)
        self.assertEqual(other["error"]["code"], unknown["error"]["code"])


if __name__ == "__main__":
    unittest.main()
