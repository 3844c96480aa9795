"""`kneecoach serve` through the real binary on a free port with a temporary store: every
route of api/openapi.yaml, every reply checked against the document (itself validated with
npm @apidevtools/swagger-parser, tests/api), bad input refused with a JSON error and nothing
stored, static files with their content types and no way out of the web folder, and a clean
stop on SIGTERM and SIGINT."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import unittest

from kctest import REPO, answers
from serve_support import Contract, Server, stop_and_remove, stub_web

START = "2025-03-03"  # a Monday; the server's clock is 2025-03-03T08:00Z

RED_FLAG = answers(hot_red_swollen=True, fever_or_unwell=True)


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kc-serve-")
        cls.data = os.path.join(cls.tmp, "data")
        cls.web = stub_web(cls.tmp)
        os.makedirs(os.path.join(cls.web, "assets"))
        with open(os.path.join(cls.web, "assets", "app-1234.js"), "w") as f:
            f.write("console.log('hi');")
        with open(os.path.join(cls.web, "assets", "app-1234.css"), "w") as f:
            f.write("body{}")
        with open(os.path.join(cls.tmp, "secret.txt"), "w") as f:
            f.write("outside the web folder")
        cls.server = Server(cls.data, cls.web)
        cls.contract = Contract()

    @classmethod
    def tearDownClass(cls):
        out = stop_and_remove(cls.server, cls.tmp, signal.SIGINT)
        assert "stopped" in out

    # --- helpers ---
    def call(self, method, path, body=None, raw=None, headers=None, status=None):
        code, hdrs, payload = self.server.request(method, path, body=body, raw=raw, headers=headers)
        if path.startswith("/api/"):
            self.contract.check(method, path, code, hdrs, payload)
        if status is not None:
            self.assertEqual(code, status, payload[:500])
        return code, hdrs, payload

    def json_call(self, method, path, body=None, status=200, **kw):
        _, hdrs, payload = self.call(method, path, body=body, status=status, **kw)
        self.assertTrue(hdrs["content-type"].startswith("application/json"))
        return json.loads(payload)

    def error(self, method, path, status, code, field=None, **kw):
        body = self.json_call(method, path, status=status, **kw)
        self.assertEqual(body["error"]["code"], code, body)
        if field is not None:
            self.assertEqual(body["error"]["field"], field, body)
        self.assertTrue(body["error"]["message"])
        return body

    def rows(self, table):
        db = sqlite3.connect(os.path.join(self.data, "kneecoach.db"))
        try:
            return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        finally:
            db.close()

    def new_person(self, **fields):
        reply = self.json_call("POST", "/api/v1/people", {"answers": answers(**fields), "start": START}, status=201)
        return reply["person"]["id"], reply

    def assert_still_serving(self):
        self.json_call("GET", "/api/v1/health")

    # --- the document ---
    def test_openapi_document_is_valid(self):
        node = shutil.which("node")
        self.assertIsNotNone(node, "node is not installed; run scripts/setup")
        self.assertTrue(os.path.isdir(os.path.join(REPO, "tests", "api", "node_modules", "@apidevtools")),
                        "tests/api/node_modules is missing; run scripts/setup (npm ci --prefix tests/api)")
        proc = subprocess.run([node, os.path.join(REPO, "tests", "api", "validate_openapi.mjs")],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("valid:", proc.stdout)

    # --- catalog, intake, triage ---
    def test_exercises(self):
        listed = self.json_call("GET", "/api/v1/exercises")["exercises"]
        self.assertGreater(len(listed), 10)
        first = listed[0]["id"]
        one = self.json_call("GET", f"/api/v1/exercises/{first}")
        self.assertEqual(one, listed[0])
        _, hdrs, svg = self.call("GET", f"/api/v1/exercises/{first}/svg", status=200)
        self.assertEqual(hdrs["content-type"], "image/svg+xml")
        self.assertIn(b"<svg", svg[:400])
        self.assertIn(b"<animate", svg)
        _, _, still = self.call("GET", f"/api/v1/exercises/{first}/svg?still=true", status=200)
        self.assertNotIn(b"<animate", still)
        self.error("GET", "/api/v1/exercises/no-such-exercise", 404, "not_found")
        self.error("GET", "/api/v1/exercises/no-such-exercise/svg", 404, "not_found")

    def test_contacts(self):
        # Whom to call, by country (content/contacts/numbers.yaml): the default is listed, every
        # number can be dialled, and a country has an urgent line or says where to go today.
        reply = self.json_call("GET", "/api/v1/contacts")
        codes = [c["code"] for c in reply["countries"]]
        self.assertIn(reply["default"], codes)
        self.assertEqual(len(codes), len(set(codes)))
        gb = next(c for c in reply["countries"] if c["code"] == "GB")
        self.assertEqual((gb["emergency"]["dial"], gb["urgent"]["dial"]), ("999", "111"))
        au = next(c for c in reply["countries"] if c["code"] == "AU")
        self.assertEqual(au["urgent"]["dial"], "1800022222")
        for c in reply["countries"]:
            self.assertRegex(c["emergency"]["dial"], r"^[0-9]+$")
            self.assertTrue(c["urgent"] or c["urgent_note"], c)

    def test_questions_and_relevance(self):
        questions = self.json_call("GET", "/api/v1/intake/questions")["questions"]
        ids = [q["id"] for q in questions]
        self.assertIn("pain_now", ids)
        pain = questions[ids.index("pain_now")]
        self.assertEqual((pain["kind"], pain["min"], pain["max"]), ("whole_number", 0, 10))
        relevant = self.json_call("POST", "/api/v1/intake/relevant", {"answers": {"age": 40, "pain_now": 3}})
        self.assertIn("pain_now", relevant["relevant"])
        self.error("POST", "/api/v1/intake/relevant", 400, "unknown_field", "answers.favourite_colour",
                   body={"answers": {"favourite_colour": "blue"}})
        self.error("POST", "/api/v1/intake/relevant", 400, "invalid", "answers.pain_now",
                   body={"answers": {"pain_now": 12}})

    def test_intake_answer_asks_as_the_terminal_does(self):
        first = self.json_call("POST", "/api/v1/intake/answer", {"answers": {}})
        self.assertEqual(first["next"]["id"], "age")
        self.assertNotIn("injury_days_ago", first["relevant"])
        turn = self.json_call("POST", "/api/v1/intake/answer", {"answers": {"age": "46", "onset": "injury"}, "after": "age"})
        self.assertEqual(turn["next"]["id"], "knee")
        self.assertIn("injury_days_ago", turn["relevant"])
        self.assertEqual(turn["answers"], {"age": 46, "onset": "injury"})
        self.assertEqual(turn["document"]["age"], 46)
        # A refused answer: the terminal's own words, the question as the field.
        bad = self.error("POST", "/api/v1/intake/answer", 400, "invalid", "age",
                         body={"answers": {"age": "200"}, "after": "age"})
        self.assertIn("from 12 to 110", bad["error"]["message"])
        self.error("POST", "/api/v1/intake/answer", 400, "invalid", "days",
                   body={"answers": {"days": []}, "after": "days"})
        # One day is enough, as in the terminal (the planner says when it is too little).
        one_day = self.json_call("POST", "/api/v1/intake/answer", {"answers": {"days": ["mon"]}, "after": "days"})
        self.assertEqual(one_day["answers"]["days"], ["mon"])
        self.error("POST", "/api/v1/intake/answer", 400, "invalid", "shoe_size",
                   body={"answers": {"shoe_size": "9"}})
        self.error("POST", "/api/v1/intake/answer", 400, "unknown_field", "colour", body={"colour": 1})
        done = self.json_call("POST", "/api/v1/intake/answer", {"answers": {}, "after": "minutes_per_session"})
        self.assertIsNone(done["next"])
        self.assertIsNone(done["stopped"])

    def test_a_warning_sign_stops_the_browsers_questions_at_once(self):
        # Issue 14: hot, red and swollen at question 13, as the browser sends it (the form's values).
        given = {"age": "46", "knee": "right", "pain_now": "6", "pain_worst_week": "8", "duration_weeks": "2",
                 "location": ["front"], "onset": "gradual", "can_walk_4_steps_now": "yes", "can_bend_to_90": "yes",
                 "locked": "no", "gives_way": "no", "swelling": "yes"}
        going = self.json_call("POST", "/api/v1/intake/answer", {"answers": given, "after": "swelling"})
        self.assertEqual(going["next"]["id"], "hot_red_swollen")
        self.assertIsNone(going["stopped"])
        turn = self.json_call("POST", "/api/v1/intake/answer",
                              {"answers": {**given, "hot_red_swollen": "yes"}, "after": "hot_red_swollen"})
        self.assertIsNone(turn["next"])
        self.assertEqual(turn["stopped"]["level"], "urgent")
        self.assertEqual([r["rule"] for r in turn["stopped"]["reasons"]], ["hot-swollen-knee"])
        # With the fever too (an emergency), and the document the browser then sends is the same referral.
        fever = self.json_call("POST", "/api/v1/intake/answer",
                               {"answers": {**given, "hot_red_swollen": True, "fever_or_unwell": True},
                                "after": "fever_or_unwell"})
        self.assertEqual(fever["stopped"]["level"], "emergency")
        reply = self.json_call("POST", "/api/v1/people", {"answers": turn["document"]}, status=200)
        self.assertEqual(reply["status"], "referral")
        self.assertEqual(reply["triage"], turn["stopped"])

    def test_session_steps_of_a_person(self):
        pid, _ = self.new_person()
        steps = self.json_call("GET", f"/api/v1/people/{pid}/session?date={START}")
        self.assertTrue(steps["scheduled"])
        self.assertEqual(steps["date"], START)
        self.assertEqual(steps["steps"][0]["kind"], "get_ready")
        self.assertEqual(sum(s["ms"] for s in steps["steps"]), steps["total_ms"])
        today = self.json_call("GET", f"/api/v1/people/{pid}/today?date={START}")
        self.assertEqual([e["exercise"] for e in today["exercises"]], [e["id"] for e in steps["exercises"]])
        self.error("GET", f"/api/v1/people/{pid}/session?date=March", 400, "bad_query", "date")
        self.error("GET", "/api/v1/people/nobody-here/session", 404, "not_found")

    def test_triage(self):
        go = self.json_call("POST", "/api/v1/triage", answers())
        self.assertEqual(go["level"], "go")
        red = self.json_call("POST", "/api/v1/triage", RED_FLAG)
        self.assertIn(red["level"], ("see_clinician", "urgent", "emergency"))
        self.assertTrue(red["reasons"] and red["advice"])

    # --- the journey ---
    def test_journey_intake_plan_session_check_in_progress(self):
        pid, created = self.new_person()
        self.assertEqual(created["plan"]["status"], "plan")
        plan = self.json_call("GET", f"/api/v1/people/{pid}/plan")
        self.assertIsNone(plan["stopped"])
        self.assertEqual(plan["plan"], created["plan"])

        today = self.json_call("GET", f"/api/v1/people/{pid}/today?date={START}")
        self.assertTrue(today["scheduled"])
        self.assertFalse(today["done"])
        items = today["exercises"]
        self.assertTrue(items)
        self.assertEqual(self.json_call("GET", f"/api/v1/people/{pid}/today"), today)  # the server's clock

        before = self.rows("session_log")
        done = [{"position": i["position"], "status": "done", "sets": i["dose"]["sets"], "reps": 10, "seconds": 60}
                for i in items]
        logged = self.json_call("POST", f"/api/v1/people/{pid}/sessions",
                                {"date": START, "status": "finished", "pain_during": 7, "exercises": done}, status=201)
        self.assertEqual(self.rows("session_log"), before + 1)
        self.assertEqual(logged["session"], today["session"])
        # Pain 7 is too much: the exercises done are eased, each with its reason.
        self.assertTrue(logged["dose_changes"])
        for change in logged["dose_changes"]:
            self.assertEqual(change["decision"], "ease")
            self.assertTrue(change["reason"])
        again = self.json_call("GET", f"/api/v1/people/{pid}/today?date={START}")
        self.assertTrue(again["done"])

        check = self.json_call("POST", f"/api/v1/people/{pid}/check-ins",
                               {"date": "2025-03-04", "next_morning_pain": 2, "red_flags": []}, status=201)
        self.assertFalse(check["stopped"])
        self.assertIsNone(check["referral"])

        for body in ({"measure": "pain-now", "value": 3, "date": "2025-03-04"},
                     {"measure": "pain-worst-24h", "value": 5},
                     {"measure": "chair-stand", "value": 12},
                     {"measure": "grc", "value": -2},
                     {"measure": "psfs", "items": [{"label": "stairs", "value": 4}, {"label": "walking", "value": 6}]}):
            saved = self.json_call("POST", f"/api/v1/people/{pid}/measures", body, status=201)
            self.assertEqual(saved["measure"], body["measure"])
        self.assertEqual(saved["value"], 5)

        # Where the person stands (tracking::standing_of) and the definitions the measure pages draw.
        standings = {m["measure"]: m for m in self.json_call("GET", f"/api/v1/people/{pid}/measures")["measures"]}
        self.assertEqual(list(standings), ["psfs", "chair-stand", "grc"])
        self.assertEqual(standings["psfs"]["activities"], ["stairs", "walking"])
        self.assertEqual((standings["chair-stand"]["count"], standings["chair-stand"]["change"]), (1, None))
        self.assertEqual(standings["grc"]["change"], -2)
        self.assertEqual((standings["grc"]["direction"], standings["grc"]["meaningful"]), ("worse", True))
        self.assertIn("a little bit worse", standings["grc"]["summary"])
        defs = {d["id"]: d for d in self.json_call("GET", "/api/v1/measures")["measures"]}
        self.assertEqual(sorted(defs), ["chair-stand", "grc", "pain", "psfs"])
        self.assertEqual((defs["psfs"]["items"], defs["chair-stand"]["seconds"]), ({"min": 1, "max": 5}, 30))
        self.assertEqual(defs["chair-stand"]["meaningful_change"]["text"], "3 stands")
        self.assertEqual([a["value"] for a in defs["grc"]["anchors"]], list(range(-7, 8)))

        progress = self.json_call("GET", f"/api/v1/people/{pid}/progress?date=2025-03-04")
        self.assertEqual(progress["series"]["pain-during"], [{"date": START, "value": 7}])
        self.assertEqual(progress["series"]["pain-next-morning"], [{"date": "2025-03-04", "value": 2}])
        self.assertEqual(progress["adherence"]["done"], 1)
        self.assertEqual(len(progress["sessions"]), 1)
        self.assertTrue(any(d["reason"] for d in progress["doses"]))

        _, hdrs, pdf = self.call("GET", f"/api/v1/people/{pid}/handout.pdf", status=200)
        self.assertEqual(hdrs["content-type"], "application/pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        _, hdrs, ics = self.call("GET", f"/api/v1/people/{pid}/calendar.ics?time=07:30&tz=Europe/London", status=200)
        self.assertTrue(hdrs["content-type"].startswith("text/calendar"))
        self.assertIn(b"BEGIN:VCALENDAR", ics)
        self.assertIn(b"TZID=Europe/London", ics)
        self.error("GET", f"/api/v1/people/{pid}/calendar.ics?time=25:00", 400, "bad_query", "time")
        self.error("GET", f"/api/v1/people/{pid}/handout.pdf?paper=a3", 400, "bad_query", "paper")
        self.error("GET", f"/api/v1/people/{pid}/today?date=March", 400, "bad_query", "date")

    def test_fhir_bundle_of_a_person(self):
        pid, _ = self.new_person()
        _, hdrs, body = self.call("GET", f"/api/v1/people/{pid}/fhir", status=200)
        self.assertTrue(hdrs["content-type"].startswith("application/fhir+json"))
        bundle = json.loads(body)
        self.assertEqual((bundle["resourceType"], bundle["type"]), ("Bundle", "collection"))
        types = {e["resource"]["resourceType"] for e in bundle["entry"]}
        self.assertLessEqual({"Patient", "Condition", "CarePlan", "ActivityDefinition"}, types)
        _, _, body = self.call("GET", f"/api/v1/people/{pid}/fhir?type=transaction", status=200)
        entries = json.loads(body)["entry"]
        self.assertTrue(all(e["request"]["method"] == "POST" for e in entries))
        self.error("GET", f"/api/v1/people/{pid}/fhir?type=batch", 400, "bad_query", "type")
        self.error("GET", "/api/v1/people/0123456789abcdef0123456789abcdef/fhir", 404, "not_found")

    def test_red_flag_intake_is_a_referral_and_stores_nothing(self):
        before = self.rows("person")
        reply = self.json_call("POST", "/api/v1/people", {"answers": RED_FLAG}, status=200)
        self.assertEqual(reply["status"], "referral")
        self.assertIsNone(reply["plan"])
        self.assertTrue(reply["triage"]["advice"])
        self.assertEqual(self.rows("person"), before)

    def test_too_little_to_build_is_422(self):
        before = self.rows("person")
        little = answers(equipment=[], can_get_down_to_floor=False, days=["mon"], minutes_per_session=10)
        reply = self.json_call("POST", "/api/v1/people", {"answers": little}, status=422)
        self.assertEqual(reply["status"], "too-little")
        self.assertTrue(reply["shortfall"]["missing"])
        self.assertEqual(self.rows("person"), before)

    def test_a_coming_session_moves_only_where_the_rules_allow(self):
        pid, _ = self.new_person()
        choices = self.json_call("GET", f"/api/v1/people/{pid}/moves?date={START}")
        self.assertIn(choices["session"], ("A", "B"))
        self.assertIsInstance(choices["days"], list)
        self.error("POST", f"/api/v1/people/{pid}/moves", 400, "missing_field", field="to",
                   body={"from": choices["date"]})
        self.error("POST", f"/api/v1/people/{pid}/moves", 400, "invalid", field="to",
                   body={"from": choices["date"], "to": "2030-01-01"})

    def test_red_flag_at_check_in_stops_the_program(self):
        pid, _ = self.new_person()
        reply = self.json_call("POST", f"/api/v1/people/{pid}/check-ins",
                               {"date": "2025-03-04", "next_morning_pain": 3, "red_flags": ["calf_pain_or_swelling"]},
                               status=201)
        self.assertTrue(reply["stopped"])
        self.assertTrue(reply["referral"]["advice"])
        self.assertEqual(reply["dose_changes"], [])
        self.error("GET", f"/api/v1/people/{pid}/today", 409, "program_stopped")
        self.error("POST", f"/api/v1/people/{pid}/sessions", 409, "program_stopped",
                   body={"status": "finished", "exercises": [{"position": 0, "status": "done"}]})
        plan = self.json_call("GET", f"/api/v1/people/{pid}/plan")
        self.assertTrue(plan["stopped"]["reason"])
        self.assertTrue(self.json_call("GET", f"/api/v1/people/{pid}/progress")["stopped"])

    def test_what_the_person_said_reaches_the_session_reply_and_the_progress(self):
        pid, _ = self.new_person()
        items = self.json_call("GET", f"/api/v1/people/{pid}/today?date={START}")["exercises"]
        done = [{"position": i["position"], "status": "done", "sets": i["dose"]["sets"], "reps": 10, "seconds": 60}
                for i in items]
        done[0]["feedback"] = "too-hard"
        said = self.json_call("POST", f"/api/v1/people/{pid}/sessions",
                              {"date": START, "status": "finished", "pain_during": 2, "exercises": done}, status=201)
        self.assertEqual(said["said"], [{"position": done[0]["position"], "feedback": "too-hard", "words": "too hard"}])
        progress = self.json_call("GET", f"/api/v1/people/{pid}/progress?date={START}")
        logs = [e for s in progress["sessions"] for e in s["exercises"] if e["feedback"]]
        self.assertEqual([(e["feedback"], e["feedback_words"]) for e in logs], [("too-hard", "too hard")])

    def test_a_stopped_program_is_cleared_through_the_clearance_route(self):
        pid, _ = self.new_person()
        self.json_call("POST", f"/api/v1/people/{pid}/check-ins",
                       {"date": START, "next_morning_pain": 3, "red_flags": ["calf_pain_or_swelling"]}, status=201)
        clearance = {"clinician": "Ann Lee", "role": "GP", "cleared_on": START, "start": START,
                     "limits": {"pain_ceiling": 3, "no_kneeling": True}}
        # A bad field is named without the "clearance." of POST /people; nothing changes.
        self.error("POST", f"/api/v1/people/{pid}/clearance", 400, "out_of_range", "limits.pain_ceiling",
                   body={**clearance, "limits": {"pain_ceiling": 8}})
        self.error("POST", f"/api/v1/people/{pid}/clearance", 400, "out_of_range", "cleared_on",
                   body={**clearance, "cleared_on": "2025-03-02"})
        self.error("POST", f"/api/v1/people/{pid}/clearance", 400, "unknown_field",
                   body={**clearance, "answers": {}})
        self.error("POST", "/api/v1/people/nobody/clearance", 404, "not_found", body=clearance)
        self.assertTrue(self.json_call("GET", f"/api/v1/people/{pid}/plan")["stopped"])
        reply = self.json_call("POST", f"/api/v1/people/{pid}/clearance", clearance, status=201)
        self.assertEqual(reply["status"], "created")
        self.assertEqual(reply["person"]["id"], pid)
        self.assertEqual(reply["clearance"]["flags"], ["calf-pain-or-swelling"])
        self.assertEqual(reply["plan"]["clearance"]["limits"]["pain_ceiling"], 3)
        plan = self.json_call("GET", f"/api/v1/people/{pid}/plan")
        self.assertIsNone(plan["stopped"])
        steps = self.json_call("GET", f"/api/v1/people/{pid}/session?date={START}")
        self.assertEqual(steps["pain_most"], 3)

    # --- bad input ---
    def test_bad_json_wrong_types_and_ranges_are_named(self):
        self.error("POST", "/api/v1/triage", 400, "bad_json", raw=b'{"version": 1, "age": ')
        self.error("POST", "/api/v1/people", 400, "bad_json", raw=b"{not json")
        # A number too large for a double is bad JSON too, not a 500 (found by fuzz_api_bodies).
        self.error("POST", "/api/v1/people", 400, "bad_json", raw=b"8e666")
        self.error("POST", "/api/v1/triage", 400, "out_of_range", "pain_now", body=answers(pain_now=11))
        self.error("POST", "/api/v1/triage", 400, "wrong_type", "age", body=answers(age="old"))
        self.error("POST", "/api/v1/triage", 400, "missing_field", "pain_now",
                   body={k: v for k, v in answers().items() if k != "pain_now"})
        self.error("POST", "/api/v1/triage", 400, "unknown_field", body=answers(colour="red"))
        self.error("POST", "/api/v1/triage", 400, "wrong_type", body=[1, 2])
        self.error("POST", "/api/v1/people", 400, "out_of_range", "answers.pain_now",
                   body={"answers": answers(pain_now=-1)})
        self.error("POST", "/api/v1/people", 400, "missing_field", "answers", body={"start": START})
        self.error("POST", "/api/v1/people", 400, "out_of_range", "weeks", body={"answers": answers(), "weeks": 99})
        self.error("POST", "/api/v1/people", 400, "unknown_field", "name", body={"answers": answers(), "name": "x"})
        self.error("POST", "/api/v1/triage", 415, "bad_media_type", raw=b"{}", headers={"Content-Type": "text/plain"})
        self.assert_still_serving()

    def test_bad_session_logs_store_nothing(self):
        pid, _ = self.new_person()
        url = f"/api/v1/people/{pid}/sessions"
        before = (self.rows("session_log"), self.rows("exercise_log"), self.rows("measurement"))
        ok = {"position": 0, "status": "done"}
        cases = [
            ({"status": "finished", "exercises": [ok], "pain_during": 11}, "out_of_range", "pain_during"),
            ({"status": "finished", "exercises": [{"position": 0, "status": "done", "reps": "ten"}]},
             "wrong_type", "exercises[0].reps"),
            ({"status": "finished", "exercises": [ok, {"position": 1, "status": "maybe"}]}, "invalid",
             "exercises[1].status"),
            ({"status": "finished", "exercises": [ok, ok]}, "invalid", "exercises[1].position"),
            ({"status": "finished", "exercises": [{"position": 40, "status": "done"}], "date": START},
             "out_of_range", "exercises[0].position"),
            ({"status": "finished", "exercises": []}, "out_of_range", "exercises"),
            ({"status": "done", "exercises": [ok]}, "invalid", "status"),
            ({"exercises": [ok]}, "missing_field", "status"),
            ({"status": "finished", "exercises": [ok], "date": "2025-02-30"}, "invalid", "date"),
            ({"status": "finished", "exercises": [ok], "extra": 1}, "unknown_field", "extra"),
            ({"status": "finished", "exercises": [ok], "date": "2025-03-04"}, "invalid", "session"),  # a rest day
        ]
        for body, code, field in cases:
            with self.subTest(body=body):
                self.error("POST", url, 400, code, field, body=body)
        self.error("POST", f"/api/v1/people/{pid}/check-ins", 400, "out_of_range", "next_morning_pain",
                   body={"next_morning_pain": 12})
        self.error("POST", f"/api/v1/people/{pid}/check-ins", 400, "invalid", "red_flags[0]",
                   body={"next_morning_pain": 1, "red_flags": ["sore"]})
        self.error("POST", f"/api/v1/people/{pid}/measures", 400, "out_of_range", "value",
                   body={"measure": "grc", "value": 9})
        self.error("POST", f"/api/v1/people/{pid}/measures", 400, "invalid", "measure",
                   body={"measure": "weight", "value": 9})
        self.error("POST", f"/api/v1/people/{pid}/measures", 400, "out_of_range", "items[0].value",
                   body={"measure": "psfs", "items": [{"label": "stairs", "value": 11}]})
        after = (self.rows("session_log"), self.rows("exercise_log"), self.rows("measurement"))
        self.assertEqual(after, before)
        self.assert_still_serving()

    def log_session(self, pid, date=START, status=201, headers=None, pain=1):
        today = self.json_call("GET", f"/api/v1/people/{pid}/today?date={date}")
        done = [{"position": i["position"], "status": "done"} for i in today["exercises"]]
        return self.json_call("POST", f"/api/v1/people/{pid}/sessions",
                              {"date": date, "status": "finished", "pain_during": pain, "exercises": done},
                              status=status, headers=headers)

    def test_check_in_signs_come_from_the_server(self):
        signs = self.json_call("GET", "/api/v1/check-in-signs")
        self.assertIn("anything new or worrying", signs["question"])
        ids = [s["id"] for s in signs["signs"]]
        self.assertEqual(ids[0], "hot_red_swollen")
        self.assertIn("calf_pain_or_swelling", ids)
        self.assertTrue(all(s["prompt"] and s["prompt"] != s["id"] for s in signs["signs"]))

    def test_a_second_check_in_of_the_day_is_409_unless_it_says_replace(self):
        pid, _ = self.new_person()
        self.log_session(pid)
        url = f"/api/v1/people/{pid}/check-ins"
        first = self.json_call("POST", url, {"date": "2025-03-04", "next_morning_pain": 2}, status=201)
        self.assertIsNone(first["replaced"])
        before = (self.rows("check_in"), self.rows("measurement"), self.rows("dose_change"))
        refused = self.error("POST", url, 409, "conflict", "replace", body={"date": "2025-03-04", "next_morning_pain": 6})
        self.assertEqual(refused["existing"]["next_morning_pain"], 2)
        self.assertIn("replace", refused["error"]["message"])
        self.assertEqual((self.rows("check_in"), self.rows("measurement"), self.rows("dose_change")), before)
        self.error("POST", url, 400, "wrong_type", "replace",
                   body={"date": "2025-03-04", "next_morning_pain": 6, "replace": "yes"})
        again = self.json_call("POST", url, {"date": "2025-03-04", "next_morning_pain": 6, "replace": True}, status=201)
        self.assertEqual(again["replaced"]["next_morning_pain"], 2)
        self.assertEqual(again["replaced"]["check_in_id"], first["check_in_id"])
        self.assertEqual(self.rows("check_in"), before[0])
        db = sqlite3.connect(os.path.join(self.data, "kneecoach.db"))
        try:
            (person,) = db.execute("SELECT person_id FROM check_in WHERE id = ?", (again["check_in_id"],)).fetchone()
            pains = db.execute("SELECT next_morning_pain FROM check_in WHERE person_id = ?", (person,)).fetchall()
            ratings = db.execute("SELECT value FROM measurement WHERE person_id = ? AND measure = 'pain-next-morning'",
                                 (person,)).fetchall()
            changes = db.execute("SELECT count(*) FROM dose_change WHERE person_id = ? AND check_in_id IS NOT NULL",
                                 (person,)).fetchone()[0]
        finally:
            db.close()
        self.assertEqual(pains, [(6,)])
        self.assertEqual(ratings, [(6.0,)])
        self.assertEqual(changes, len(again["dose_changes"]))  # the first check-in's changes are gone

    def test_a_repeat_session_is_kept_but_counted_once(self):
        pid, _ = self.new_person()
        first = self.log_session(pid)
        self.assertFalse(first["repeat"])
        second = self.log_session(pid)
        self.assertTrue(second["repeat"])
        progress = self.json_call("GET", f"/api/v1/people/{pid}/progress?date={START}")
        self.assertEqual(len(progress["sessions"]), 2)
        self.assertEqual(progress["adherence"]["done"], 1)
        self.assertEqual(progress["adherence"]["planned"], 1)

    def test_idempotency_keys_store_a_retried_post_once(self):
        key = {"Idempotency-Key": "0f8fad5b-d9cb-469f-a165-70867728950e"}
        before = self.rows("person")
        body = {"answers": answers(), "start": START}
        _, hdrs, created = self.call("POST", "/api/v1/people", body=body, headers=key, status=201)
        self.assertNotIn("idempotent-replayed", hdrs)
        _, hdrs, retried = self.call("POST", "/api/v1/people", body=body, headers=key, status=201)
        self.assertEqual(hdrs.get("idempotent-replayed"), "true")
        self.assertEqual(retried, created)
        self.assertEqual(self.rows("person"), before + 1)
        pid = json.loads(created)["person"]["id"]

        sessions = self.rows("session_log")
        skey = {"Idempotency-Key": "session-1"}
        one = self.log_session(pid, headers=skey)
        two = self.log_session(pid, headers=skey)
        self.assertEqual(one, two)
        self.assertEqual(self.rows("session_log"), sessions + 1)
        reused = self.error("POST", f"/api/v1/people/{pid}/sessions", 422, "idempotency_key_reused",
                            "Idempotency-Key", headers=skey,
                            body={"date": START, "status": "quit", "exercises": [{"position": 0, "status": "done"}]})
        self.assertIn("different request", reused["error"]["message"])
        self.assertEqual(self.rows("session_log"), sessions + 1)

        checks = self.rows("check_in")
        ckey = {"Idempotency-Key": "check-in-1"}
        for _ in range(2):  # a retry is not a second check-in: no 409, the first reply again
            self.json_call("POST", f"/api/v1/people/{pid}/check-ins", {"date": "2025-03-04", "next_morning_pain": 1},
                           status=201, headers=ckey)
        self.assertEqual(self.rows("check_in"), checks + 1)

        measures = self.rows("measurement")
        mkey = {"Idempotency-Key": "measure-1"}
        for _ in range(2):
            self.json_call("POST", f"/api/v1/people/{pid}/measures", {"measure": "grc", "value": 2}, status=201,
                           headers=mkey)
        self.assertEqual(self.rows("measurement"), measures + 1)

        # A refused request keeps no key: fixed and sent again with it, it is stored.
        fkey = {"Idempotency-Key": "measure-2"}
        self.error("POST", f"/api/v1/people/{pid}/measures", 400, "out_of_range", "value",
                   body={"measure": "grc", "value": 9}, headers=fkey)
        self.error("POST", f"/api/v1/people/{pid}/measures", 422, "idempotency_key_reused", "Idempotency-Key",
                   body={"measure": "grc", "value": 3}, headers=key)
        self.json_call("POST", f"/api/v1/people/{pid}/measures", {"measure": "grc", "value": 9 - 6}, status=201,
                       headers=fkey)
        self.assertEqual(self.rows("measurement"), measures + 2)
        self.error("POST", f"/api/v1/people/{pid}/measures", 400, "invalid", "Idempotency-Key",
                   body={"measure": "grc", "value": 3}, headers={"Idempotency-Key": "has spaces in it"})

    def test_oversized_body_is_413(self):
        big = json.dumps({"answers": answers(), "pad": "x" * 70000}).encode()
        self.error("POST", "/api/v1/people", 413, "too_large", raw=big)
        self.assert_still_serving()

    def test_unknown_routes_people_and_methods(self):
        for path in ("/api/v1/nothing", "/api/v2/exercises", "/api/v1/exercises/", "/api"):
            with self.subTest(path=path):
                code, hdrs, body = self.server.request("GET", path)
                self.assertEqual(code, 404)
                self.assertEqual(json.loads(body)["error"]["code"], "not_found")
        self.error("GET", "/api/v1/people/nobody/today", 404, "not_found")
        self.error("GET", "/api/v1/people/nobody/plan", 404, "not_found")
        self.error("GET", "/api/v1/people/me/plan", 404, "not_found")  # the CLI's default name
        code, hdrs, body = self.server.request("POST", "/api/v1/exercises", body={})
        self.assertEqual(code, 405)
        self.assertEqual(hdrs["allow"], "GET, HEAD")
        self.assertEqual(json.loads(body)["error"]["code"], "method_not_allowed")
        code, hdrs, body = self.server.request("DELETE", "/api/v1/exercises")
        self.assertEqual(code, 501)
        self.assertEqual(json.loads(body)["error"]["code"], "not_implemented")
        code, hdrs, _ = self.server.request("GET", "/api/v1/triage")
        self.assertEqual((code, hdrs["allow"]), (405, "POST"))
        self.assert_still_serving()

    # --- static files ---
    def test_static_files_with_content_types(self):
        for path, ctype in (("/", "text/html"), ("/index.html", "text/html"),
                            ("/assets/app-1234.js", "text/javascript"), ("/assets/app-1234.css", "text/css"),
                            ("/program", "text/html")):
            with self.subTest(path=path):
                code, hdrs, _ = self.server.request("GET", path)
                self.assertEqual(code, 200)
                self.assertTrue(hdrs["content-type"].startswith(ctype), hdrs)
        code, hdrs, body = self.server.request("GET", "/assets/missing.js")
        self.assertEqual(code, 404)
        self.assertEqual(json.loads(body)["error"]["code"], "not_found")
        code, _, _ = self.server.request("POST", "/index.html", raw=b"x")
        self.assertEqual(code, 405)

    def test_path_traversal_is_refused(self):
        for path in ("/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                     "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt", "/%2e%2e%5c%2e%2e%5csecret.txt",
                     "/assets/%00.js", "/./index.html", "//etc/passwd"):
            with self.subTest(path=path):
                code, hdrs, body = self.server.request("GET", path)
                self.assertIn(code, (400, 404), body)
                self.assertTrue(hdrs["content-type"].startswith("application/json"), hdrs)
                self.assertIn(json.loads(body)["error"]["code"], ("bad_path", "not_found"))
                self.assertNotIn(b"outside the web folder", body)
        self.assert_still_serving()

    def test_analyze_is_a_websocket(self):
        # The socket itself is tested in test_serve_analyze.py; a plain GET is refused in JSON.
        _, _, body = self.call("GET", "/api/v1/analyze?exercise=lunge", status=400)
        self.assertEqual(json.loads(body)["error"]["code"], "not_websocket")
        self.call("GET", "/api/v1/analyze", status=400)

    def test_speech_speaks_a_cue_as_wav(self):
        _, hdrs, body = self.call("GET", "/api/v1/speech?text=Keep%20your%20knee%20behind%20your%20toes.", status=200)
        self.assertEqual(hdrs["content-type"], "audio/wav")
        self.assertEqual((body[:4], body[8:12]), (b"RIFF", b"WAVE"))
        self.assertGreater(len(body), 22050)  # over half a second of 16-bit samples at 22.05 kHz
        _, _, again = self.call("GET", "/api/v1/speech?text=Keep%20your%20knee%20behind%20your%20toes.", status=200)
        self.assertEqual(again, body)
        for path in ("/api/v1/speech", "/api/v1/speech?text=", "/api/v1/speech?text=" + "a" * 301):
            _, _, err = self.call("GET", path, status=400)
            self.assertEqual(json.loads(err)["error"]["field"], "text")

    def test_zz_every_documented_operation_was_checked(self):
        # The clinic server's own routes are called by tests/clinic (they need PostgreSQL).
        personal = {op for op in self.contract.operations() if not op[1].startswith("/api/v1/clinic/")}
        missing = personal - self.contract.seen
        self.assertEqual(missing, set(), "routes of api/openapi.yaml no test called")


class ServeLifecycleTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="kc-serve-life-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_sigterm_stops_cleanly_and_without_web_the_api_still_serves(self):
        server = Server(os.path.join(self.tmp, "data"), os.path.join(self.tmp, "no-web"))
        code, hdrs, body = server.request("GET", "/")
        self.assertEqual(code, 200)
        self.assertIn(b"npm run build", body)
        code, _, _ = server.request("GET", "/api/v1/exercises")
        self.assertEqual(code, 200)
        code, out, err = server.stop(signal.SIGTERM)
        self.assertEqual(code, 0, err)
        self.assertIn("stopped", out)

    def test_a_taken_port_is_reported(self):
        server = Server(os.path.join(self.tmp, "data"), self.tmp)
        try:
            env = dict(os.environ, KNEECOACH_HOME=os.path.join(self.tmp, "d2"))
            from kctest import BIN, CONTENT
            proc = subprocess.run([BIN, "--content", CONTENT, "serve", "--port", str(server.port)],
                                  capture_output=True, text=True, timeout=30, env=env)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("cannot serve", proc.stderr)
        finally:
            server.stop(signal.SIGTERM)


if __name__ == "__main__":
    unittest.main()
