"""`kneecoach exercises` and `kneecoach content check` through the real binary."""
import json
import os
import re
import shutil
import tempfile
import unittest

from kctest import CONTENT, run, run_json

ARTICLE_IDS = [
    "step-up", "lunge", "hamstring-curl-standing", "hamstring-curl-lying", "partial-squat",
    "prone-straight-leg-raise", "straight-leg-raise", "quad-sway", "quad-pull", "knee-bounce", "wall-sit",
    "bridge", "hamstring-reach", "ankle-circles", "dorsiflexion-stretch", "calf-stretch", "knee-to-chest",
    "seated-twist", "hip-flexor-stretch",
]


class ListTest(unittest.TestCase):
    def test_lists_every_exercise_in_a_table(self):
        proc = run("exercises", "list")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        for exercise_id in ARTICLE_IDS:
            self.assertIn(exercise_id, proc.stdout)
        self.assertIn("Show one with: kneecoach exercises show ID", proc.stdout)

    def test_json_is_sorted_and_complete(self):
        proc, data = run_json("exercises", "list", "--json")
        self.assertEqual(proc.returncode, 0)
        ids = [e["id"] for e in data["exercises"]]
        self.assertEqual(ids, sorted(ids))
        self.assertTrue(set(ARTICLE_IDS) <= set(ids))
        first = data["exercises"][0]
        self.assertEqual(list(first.keys())[:4], ["id", "name", "aliases", "kind"])
        for key in ("dose", "frequency", "variants", "cautions", "equipment", "sources", "position"):
            self.assertIn(key, first)

    def test_filters_by_kind(self):
        _, data = run_json("exercises", "list", "--kind", "stretch", "--json")
        self.assertTrue(data["exercises"])
        self.assertTrue(all(e["kind"] == "stretch" for e in data["exercises"]))

    def test_filters_by_region(self):
        _, data = run_json("exercises", "list", "--region", "ankle", "--json")
        ids = {e["id"] for e in data["exercises"]}
        self.assertIn("ankle-circles", ids)
        self.assertTrue(all("ankle" in e["regions"] for e in data["exercises"]))

    def test_equipment_filter_keeps_only_what_can_be_done_with_it(self):
        _, data = run_json("exercises", "list", "--equipment", "chair", "--json")
        ids = {e["id"] for e in data["exercises"]}
        self.assertIn("partial-squat", ids)
        self.assertNotIn("step-up", ids)
        self.assertNotIn("wall-sit", ids)
        for e in data["exercises"]:
            self.assertTrue(set(e["equipment"]["needed"]) <= {"chair"}, e["id"])
        _, both = run_json("exercises", "list", "--equipment", "chair", "--equipment", "wall", "--json")
        self.assertIn("wall-sit", {e["id"] for e in both["exercises"]})

    def test_unknown_filter_value_is_an_error_with_a_suggestion(self):
        proc = run("exercises", "list", "--kind", "strech")
        self.assertEqual(proc.returncode, 2)
        self.assertIn('unknown kind "strech"', proc.stderr)
        self.assertIn('did you mean "stretch"', proc.stderr)


class ShowTest(unittest.TestCase):
    def test_card_reads_like_a_handout(self):
        proc = run("exercises", "show", "wall-sit")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        for heading in ("WALL SIT", "What it is for", "How to do it", "Form cues", "Common mistakes", "Dose",
                        "How often", "Take care", "Source", "Imaginary chair"):
            self.assertIn(heading, proc.stdout)
        self.assertIn(" 1. ", proc.stdout)

    def test_every_article_exercise_has_a_card(self):
        for exercise_id in ARTICLE_IDS:
            proc = run("exercises", "show", exercise_id)
            self.assertEqual(proc.returncode, 0, f"{exercise_id}: {proc.stderr}")

    def test_json_record(self):
        proc, data = run_json("exercises", "show", "calf-stretch", "--json")
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(data["id"], "calf-stretch")
        self.assertEqual(data["equipment"]["needed"], ["wall"])
        self.assertEqual(data["dose"]["hold_seconds"], 30)

    def test_unknown_id_suggests_the_closest(self):
        proc = run("exercises", "show", "wal-sit")
        self.assertEqual(proc.returncode, 2)
        self.assertIn('unknown exercise id "wal-sit"', proc.stderr)
        self.assertIn("wall-sit", proc.stderr)

    def test_help_and_version(self):
        for args in (["--help"], ["exercises", "--help"], ["exercises", "show", "--help"], ["content", "check", "--help"]):
            proc = run(*args)
            self.assertEqual(proc.returncode, 0, args)
            self.assertIn("Usage", proc.stdout + proc.stderr)
        proc = run("--version")
        self.assertEqual(proc.returncode, 0)
        self.assertRegex(proc.stdout, r"kneecoach \d+\.\d+\.\d+")


class ContentCheckTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="kc-content-")
        for part in os.listdir(CONTENT):
            shutil.copytree(os.path.join(CONTENT, part), os.path.join(self.tmp, part))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def edit(self, name, old, new, folder="exercises"):
        path = os.path.join(self.tmp, folder, name)
        with open(path) as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w") as f:
            f.write(text.replace(old, new, 1))
        return path

    def test_shipped_content_is_valid(self):
        proc = run("content", "check")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        for part in ("exercises:", "triage rules:", "sign names:", "measures:", "poses:"):
            self.assertIn(part, proc.stdout)
        self.assertIn("content check: all valid", proc.stdout)

    def test_broken_triage_rule_is_reported_with_its_line(self):
        path = self.edit("rules.yaml", "level: urgent", "level: urgnt", folder="triage")
        proc = run("content", "check", self.tmp)
        self.assertEqual(proc.returncode, 2)
        self.assertRegex(proc.stderr, re.escape(path) + r":\d+: .*urgnt")
        self.assertIn("triage rules: FAILED", proc.stdout)

    def test_a_misspelt_warning_sign_name_is_reported(self):
        path = os.path.join(self.tmp, "triage", "signs.yaml")
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write(text.replace("gives_way:", "gives_wya:", 1))
        proc = run("content", "check", self.tmp)
        self.assertEqual(proc.returncode, 2, proc.stdout)
        self.assertIn("gives_wya", proc.stderr)
        self.assertRegex(proc.stdout, r"sign names: +FAILED")

    def test_broken_pose_is_reported_with_its_line(self):
        poses = os.path.join(self.tmp, "poses")
        name = sorted(os.listdir(poses))[0]
        with open(os.path.join(poses, name)) as f:
            text = f.read()
        with open(os.path.join(poses, name), "w") as f:
            f.write(text + "\nunknown_field_here: 1\n")
        proc = run("content", "check", self.tmp)
        self.assertEqual(proc.returncode, 2)
        self.assertRegex(proc.stderr, re.escape(os.path.join(poses, name)) + r":\d+: .*unknown_field_here")

    def test_a_knee_bend_past_90_in_the_poses_needs_the_demand(self):
        for name, demands in (("quad-pull.yaml", "[single-leg-balance, knee-bend-past-90]"),
                              ("side-lying-quad-stretch.yaml", "[floor, knee-bend-past-90]")):
            self.edit(name, "demands: " + demands, "demands: " + demands.replace(", knee-bend-past-90", ""))
        proc = run("content", "check", self.tmp)
        self.assertEqual(proc.returncode, 2)
        for exercise in ("quad-pull", "side-lying-quad-stretch"):
            self.assertRegex(proc.stderr, re.escape(os.path.join(self.tmp, "poses", exercise + ".yaml")) +
                             r":\d+: keyframe '\w+' bends the (left|right)-knee to \d+ degrees, past a right angle.*"
                             r"expected knee-bend-past-90 in its demands")

    def test_a_stretch_counted_in_breaths_is_refused(self):
        path = self.edit("quad-pull.yaml", "hold_seconds: 30\n  hold_seconds_max: 60", "hold_breaths: 5")
        proc = run("content", "check", self.tmp)
        self.assertEqual(proc.returncode, 2)
        self.assertRegex(proc.stderr, re.escape(path) + r":\d+: .*expected a timed hold, hold_seconds: 30 to 60")

    def test_broken_file_names_file_line_and_fix(self):
        path = self.edit("wall-sit.yaml", "needed: [wall]", "needed: [wal]")
        proc = run("content", "check", self.tmp)
        self.assertEqual(proc.returncode, 2)
        lines = [l for l in proc.stderr.splitlines() if l.startswith(path + ":")]
        self.assertEqual(len(lines), 1, proc.stderr)
        self.assertRegex(lines[0], r":\d+: 'equipment.needed' has unknown value \"wal\"; expected chair, step, wall")
        self.assertIn('did you mean "wall"', lines[0])

    def test_every_command_refuses_broken_content(self):
        self.edit("bridge.yaml", "kind: strength", "kind: strong")
        proc = run("--content", self.tmp, "exercises", "list")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("bridge.yaml:", proc.stderr)

    def test_accepts_the_exercises_folder_itself(self):
        proc = run("content", "check", os.path.join(self.tmp, "exercises"))
        self.assertEqual(proc.returncode, 0, proc.stderr)


if __name__ == "__main__":
    unittest.main()
