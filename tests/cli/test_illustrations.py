"""`kneecoach exercises show ID --svg/--png`: pictures of every exercise through the real binary."""
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import unittest

from kctest import CONTENT, run


def exercise_ids():
    return sorted(f[:-5] for f in os.listdir(os.path.join(CONTENT, "exercises")) if f.endswith(".yaml"))


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


class IllustrationTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kc_ill_")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_every_exercise_has_a_valid_animated_svg_and_a_png(self):
        ids = exercise_ids()
        self.assertEqual(len(ids), 27)
        for exercise_id in ids:
            svg = os.path.join(self.dir, exercise_id + ".svg")
            png = os.path.join(self.dir, exercise_id + ".png")
            proc = run("exercises", "show", exercise_id, "--svg", svg, "--png", png)
            self.assertEqual(proc.returncode, 0, f"{exercise_id}: {proc.stderr}")
            lint = subprocess.run(["xmllint", "--noout", svg], capture_output=True, text=True)
            self.assertEqual(lint.returncode, 0, f"{exercise_id}: {lint.stderr}")
            with open(svg, encoding="utf-8") as f:
                text = f.read()
            self.assertIn('repeatCount="indefinite"', text, exercise_id)
            self.assertIn('attributeName="points"', text, exercise_id)
            width, height = png_size(png)
            self.assertGreaterEqual(width, 700, exercise_id)  # at least two keyframes side by side
            self.assertGreaterEqual(height, 200, exercise_id)

    def test_the_svg_loop_follows_the_tempo(self):
        svg = os.path.join(self.dir, "step-up.svg")
        proc = run("exercises", "show", "step-up", "--svg", svg)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with open(svg, encoding="utf-8") as f:
            durations = set(re.findall(r'dur="([0-9.]+)s"', f.read()))
        # step-up tempo: 2 s up, 1 s hold, 3 s down, plus a short rest in the start position.
        self.assertEqual(durations, {"6.60"})

    def test_unknown_exercise_is_bad_input(self):
        proc = run("exercises", "show", "lunges", "--png", os.path.join(self.dir, "x.png"))
        self.assertEqual(proc.returncode, 2)
        self.assertIn("did you mean", proc.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "x.png")))

    def test_broken_pose_content_is_reported_with_file_and_line(self):
        content = os.path.join(self.dir, "content")
        shutil.copytree(CONTENT, content)
        path = os.path.join(content, "poses", "wall-sit.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("left-hip: 90,", "left-hip: 190,", 1))
        proc = run("--content", content, "exercises", "show", "wall-sit", "--png", os.path.join(self.dir, "w.png"))
        self.assertEqual(proc.returncode, 2)
        self.assertRegex(proc.stderr, r"wall-sit\.yaml:\d+: .*left-hip is 190; expected -30 to 135")

    def test_unwritable_output_is_a_runtime_failure(self):
        proc = run("exercises", "show", "bridge", "--png", os.path.join(self.dir, "missing", "b.png"))
        self.assertEqual(proc.returncode, 1)
        self.assertIn("cannot write", proc.stderr)


def read_y4m(path):
    """The header fields and the raw frames of a Y4M file."""
    with open(path, "rb") as f:
        header = f.readline().decode("ascii").split()
        fields = {p[0]: p[1:] for p in header[1:]}
        width, height = int(fields["W"]), int(fields["H"])
        size = width * height * 3 // 2
        frames = []
        while True:
            marker = f.readline()
            if not marker:
                break
            assert marker == b"FRAME\n", marker
            data = f.read(size)
            assert len(data) == size
            frames.append(data)
    return header, fields, frames


class AnimateTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kc_video_")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def animate(self, *args):
        out = os.path.join(self.dir, "out.y4m")
        proc = run("exercises", "animate", *args, "-o", out)
        return proc, out

    def test_lunge_with_a_fault_on_reps_2_and_4(self):
        proc, out = self.animate("lunge", "--reps", "5", "--fault", "knee-past-toes", "--fault-reps", "2,4",
                                 "--fps", "10", "--size", "160x120")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        header, fields, frames = read_y4m(out)
        self.assertEqual(header[0], "YUV4MPEG2")
        self.assertEqual((fields["W"], fields["H"], fields["F"], fields["C"]), ("160", "120", "10:1", "420jpeg"))
        with open(os.path.join(self.dir, "out.json"), encoding="utf-8") as f:
            sidecar = json.load(f)
        self.assertEqual(list(sidecar.keys()), ["exercise", "fps", "reps"])
        self.assertEqual((sidecar["exercise"], sidecar["fps"]), ("lunge", 10))
        reps = sidecar["reps"]
        self.assertEqual([r["faults"] for r in reps], [[], ["knee-past-toes"], [], ["knee-past-toes"], []])
        self.assertEqual(reps[0]["start_frame"], 0)
        for before, after in zip(reps, reps[1:]):
            self.assertEqual(after["start_frame"], before["end_frame"] + 1)
        self.assertEqual(reps[-1]["end_frame"] + 1, len(frames))
        length = reps[0]["end_frame"] - reps[0]["start_frame"]
        self.assertTrue(all(r["end_frame"] - r["start_frame"] == length for r in reps))
        # The lunge's tempo (2 s up, 1 s hold, 3 s down) and a 0.6 s rest: 66 frames at 10 fps.
        self.assertEqual(length + 1, 66)
        bottom = 30  # in the hold at the bottom of each rep
        clean = [frames[r["start_frame"] + bottom] for r in reps if not r["faults"]]
        faulty = [frames[r["start_frame"] + bottom] for r in reps if r["faults"]]
        self.assertTrue(all(f == clean[0] for f in clean))  # clean reps are alike
        self.assertEqual(faulty[0], faulty[1])
        self.assertNotEqual(clean[0], faulty[0])  # the fault shows

    def test_every_exercise_animates(self):
        for exercise_id in exercise_ids():
            proc, out = self.animate(exercise_id, "--reps", "1", "--fps", "2", "--size", "64x64")
            self.assertEqual(proc.returncode, 0, f"{exercise_id}: {proc.stderr}")
            _, _, frames = read_y4m(out)
            self.assertGreater(len(frames), 3, exercise_id)

    def test_a_fault_the_exercise_has_no_cue_for_is_bad_input(self):
        proc, out = self.animate("ankle-circles", "--reps", "2", "--fault", "knee-past-toes")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("no form cue with fault 'knee-past-toes'", proc.stderr)
        proc, out = self.animate("lunge", "--reps", "2", "--fault", "knee-past-toe")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("knee-past-toes", proc.stderr)  # the faults it does have are listed

    def test_bad_reps_and_sizes_are_bad_input(self):
        proc, _ = self.animate("lunge", "--reps", "3", "--fault", "knee-past-toes", "--fault-reps", "4")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("--fault-reps", proc.stderr)
        proc, _ = self.animate("lunge", "--reps", "1", "--size", "641x480")
        self.assertEqual(proc.returncode, 2)
        proc, _ = self.animate("lunge", "--reps", "1", "--fault-reps", "1")
        self.assertEqual(proc.returncode, 2)


if __name__ == "__main__":
    unittest.main()
