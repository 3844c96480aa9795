"""`kneecoach analyze` and `exercises animate --landmarks` through the real binary: ground-truth
landmarks of a faulted lunge counted and judged, every output format, and bad input reported
with the file, the line and what was expected (exit 2)."""
import json
import os
import tempfile
import unittest

from kctest import CONTENT, run, run_json, write_temp


class Analyze(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.video = os.path.join(cls.tmp.name, 'lunge.y4m')
        cls.landmarks = os.path.join(cls.tmp.name, 'lunge.jsonl')
        proc = run('--content', CONTENT, 'exercises', 'animate', 'lunge', '--reps', '3', '--fps', '15', '--size',
                   '320x240', '--fault', 'knee-ahead-of-ankle', '--fault-reps', '2', '-o', cls.video, '--landmarks',
                   cls.landmarks)
        assert proc.returncode == 0, proc.stderr

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_animate_writes_one_landmark_frame_per_video_frame(self):
        with open(self.landmarks, encoding='utf-8') as f:
            frames = [json.loads(line) for line in f]
        with open(os.path.join(self.tmp.name, 'lunge.json'), encoding='utf-8') as f:
            truth = json.load(f)
        self.assertEqual(len(frames), truth['reps'][-1]['end_frame'] + 1)
        self.assertEqual(len(frames[0]['lm']), 33)
        self.assertEqual((frames[0]['w'], frames[0]['h']), (320, 240))
        self.assertAlmostEqual(frames[15]['t'], 1000.0)
        for x, y, _, v in frames[0]['lm']:
            self.assertTrue(0 <= x <= 1 and 0 <= y <= 1 and v == 1)

    def test_counts_the_reps_and_flags_the_faulted_one(self):
        proc, summary = run_json('--content', CONTENT, 'analyze', self.landmarks, '--exercise', 'lunge',
                                 '--output', 'json')
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(summary['reps'], 3)
        self.assertEqual(summary['faults_per_rep'][0], [])
        self.assertIn('knee-ahead-of-ankle', summary['faults_per_rep'][1])
        self.assertEqual(summary['faults_per_rep'][2], [])
        self.assertEqual(summary['frames'], summary['frames_in_view'])
        self.assertGreater(summary['analyzer_us_per_frame'], 0)

    def test_text_output_says_the_cue_during_the_rep(self):
        proc = run('--content', CONTENT, 'analyze', self.landmarks, '--exercise', 'lunge')
        self.assertEqual(proc.returncode, 0, proc.stderr)
        lines = proc.stdout.splitlines()
        said = [i for i, l in enumerate(lines) if 'rep 2 fault knee-ahead-of-ankle: "Keep your knee over your ankle."' in l]
        counted = [i for i, l in enumerate(lines) if 'rep 2: ' in l]
        self.assertTrue(said and counted, proc.stdout)
        self.assertLess(said[0], counted[0])
        self.assertIn('Lunge to a book stack: 3 reps, 1 with a form fault', lines[-1])

    def test_events_and_trace_are_jsonl(self):
        proc = run('--content', CONTENT, 'analyze', self.landmarks, '--exercise', 'lunge', '--output', 'events')
        events = [json.loads(line) for line in proc.stdout.splitlines()]
        self.assertEqual([e['rep'] for e in events if e['type'] == 'rep'], [1, 2, 3])
        proc = run('--content', CONTENT, 'analyze', self.landmarks, '--exercise', 'lunge', '--output', 'trace')
        trace = [json.loads(line) for line in proc.stdout.splitlines()]
        self.assertEqual(trace[-1]['reps'], 3)
        self.assertEqual({t['phase'] for t in trace}, {'start', 'moving', 'end'})
        self.assertTrue(all(len(t['cue_values']) == 4 for t in trace if t['cue_values']))

    def test_profile_explains_what_it_looks_for(self):
        proc, profile = run_json('--content', CONTENT, 'analyze', '--exercise', 'lunge', '--profile')
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(profile['signal']['joint'], 'left-knee')
        self.assertIn('side-on', profile['placement'])
        cue = next(c for c in profile['cues'] if c['cue'] == 'knee-not-past-toes')
        self.assertEqual(cue['checked_at'], ['end'])
        self.assertLess(cue['good'], cue['max'])
        self.assertGreater(cue['faulty'], cue['max'])
        self.assertTrue(cue['basis'])

    def test_standard_input(self):
        with open(self.landmarks, encoding='utf-8') as f:
            proc = run('--content', CONTENT, 'analyze', '-', '--exercise', 'lunge', stdin=f.read())
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn('3 reps', proc.stdout)

    def test_bad_input_names_the_line_and_what_was_expected(self):
        with open(self.landmarks, encoding='utf-8') as f:
            first, second = f.readline(), f.readline()
        cases = [
            (first + '{"t": 9, "w": 640}\n', ':2: "h" is missing'),
            (first + '{"t": 9, "w": 640, "h": 480, "lm": [[0, 0, 0, 1]]}\n', ':2: "lm" has 1 points; expected 33'),
            (second + first, ':2: "t" goes back'),
            ('\n\nnot json\n', ':3: not valid JSON'),
        ]
        for text, says in cases:
            path = write_temp(text, suffix='.jsonl', directory=self.tmp.name)
            proc = run('--content', CONTENT, 'analyze', path, '--exercise', 'lunge')
            self.assertEqual(proc.returncode, 2, text)
            self.assertIn(path + says, proc.stderr)

    def test_unknown_or_unsuitable_exercises_and_missing_files(self):
        proc = run('--content', CONTENT, 'analyze', self.landmarks, '--exercise', 'lunges')
        self.assertEqual(proc.returncode, 2)
        self.assertIn('lunge', proc.stderr)
        proc = run('--content', CONTENT, 'analyze', self.landmarks, '--exercise', 'butterfly-stretch')
        self.assertEqual(proc.returncode, 2)
        self.assertIn('side-on', proc.stderr)
        proc = run('--content', CONTENT, 'analyze', os.path.join(self.tmp.name, 'none.jsonl'), '--exercise', 'lunge')
        self.assertEqual(proc.returncode, 2)
        self.assertIn('cannot read', proc.stderr)
        proc = run('--content', CONTENT, 'analyze', '--exercise', 'lunge')
        self.assertEqual(proc.returncode, 2)
        self.assertIn('which landmarks file', proc.stderr)


if __name__ == '__main__':
    unittest.main()
