"""The camera coach's analyzer on recorded MediaPipe landmarks (tests/data/landmarks): exact rep
counts, at least 95% of injected faults flagged, at most 5% of clean reps flagged, for each
exercise the issue names and overall; and the same verdicts when the recordings are made
slower and shakier."""
import json
import os
import unittest

import accuracy

KNEECOACH = os.environ['KNEECOACH_BIN']
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'landmarks')
EXERCISES = ['partial-squat', 'wall-sit', 'step-up', 'lunge', 'bridge']


class RecordedLandmarks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.results = []
        for base, landmarks in accuracy.cases(DATA):
            with open(base + '.json', encoding='utf-8') as f:
                truth = json.load(f)
            summary = accuracy.analyze(KNEECOACH, landmarks, truth['exercise'])
            cls.results.append((os.path.basename(base), truth, accuracy.score(truth, summary), summary))

    def test_every_exercise_has_clean_and_faulted_recordings(self):
        for exercise in EXERCISES:
            mine = [r for r in self.results if r[1]['exercise'] == exercise]
            self.assertTrue(any(s['clean'] and not s['faulted'] for _, _, s, _ in mine), exercise)
            self.assertTrue(any(s['faulted'] for _, _, s, _ in mine), exercise)

    def test_counts_exactly_the_reps_done(self):
        for name, _, s, _ in self.results:
            self.assertEqual(s['reps_counted'], s['reps_expected'], f'{name}: {s["problems"]}')
            self.assertFalse([p for p in s['problems'] if 'counted' in p], name)

    def test_flags_at_least_95_percent_of_injected_faults(self):
        for exercise in EXERCISES + [None]:
            mine = [s for _, t, s, _ in self.results if exercise in (None, t['exercise'])]
            faulted = sum(s['faulted'] for s in mine)
            flagged = sum(s['faulted_flagged'] for s in mine)
            self.assertGreater(faulted, 0, exercise)
            self.assertGreaterEqual(flagged / faulted, 0.95,
                                    f'{exercise or "all"}: {flagged}/{faulted}; '
                                    + '; '.join(p for s in mine for p in s['problems']))

    def test_flags_at_most_5_percent_of_clean_reps(self):
        for exercise in EXERCISES + [None]:
            mine = [s for _, t, s, _ in self.results if exercise in (None, t['exercise'])]
            clean = sum(s['clean'] for s in mine)
            flagged = sum(s['clean_flagged'] for s in mine)
            self.assertLessEqual(flagged / clean, 0.05,
                                 f'{exercise or "all"}: {flagged}/{clean}; '
                                 + '; '.join(p for s in mine for p in s['problems']))

    def test_analyzer_keeps_up_with_the_camera(self):
        # A figure, not a timing test: recorded for the closing note and bench/. Here only that
        # every frame was analyzed and the figure is reported.
        for name, _, _, summary in self.results:
            self.assertGreater(summary['frames'], 0, name)
            self.assertEqual(summary['frames_in_view'], summary['frames'], name)
            self.assertIn('analyzer_us_per_frame', summary)


class PerturbedLandmarks(unittest.TestCase):
    """A live camera gives fewer frames than the recordings on a busy machine, and its
    landmarks shake more: every verdict must survive up to 15% of frames dropped and 0.2% of
    the picture's jitter on every point (seeded, so a failure repeats)."""
    VARIANTS = 6
    MAX_DROP = 0.15
    NOISE = 0.002

    def test_verdicts_survive_dropped_frames_and_jitter(self):
        wrong = []
        runs = 0
        for base, landmarks in accuracy.cases(DATA):
            with open(base + '.json', encoding='utf-8') as f:
                truth = json.load(f)
            frames = accuracy.load_frames(landmarks)
            for seed in range(self.VARIANTS):
                copy = accuracy.perturbed(frames, seed, self.MAX_DROP, self.NOISE)
                s = accuracy.score(truth, accuracy.analyze_frames(KNEECOACH, copy, truth['exercise']))
                runs += 1
                if s['problems']:
                    wrong.append(f'{os.path.basename(base)} seed {seed}: {"; ".join(s["problems"])}')
        self.assertEqual(runs, 13 * self.VARIANTS)
        self.assertEqual(wrong, [])


if __name__ == '__main__':
    unittest.main()
