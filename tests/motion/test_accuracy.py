"""The camera coach's analyzer on recorded MediaPipe landmarks. On the drawn figure
(tests/data/landmarks): exact rep counts, at least 95% of injected faults flagged, at most 5%
of clean reps flagged, for each exercise the issue names and overall; and the same verdicts
when the recordings are made slower and shakier, and thinned to a slow camera's 10 and 12
frames a second, and the live browser test's own frames at an idle machine's 25 a second
(tests/data/landmarks-fast). On real people (tests/data/landmarks-real):
reps exact on at least 90% of the clips a side camera can judge, fault precision and recall
at least 0.85, every clip that cannot be judged from where the camera stands told how to move
it and flagged with no fault, and the view read right; per-exercise figures are printed."""
import json
import os
import sys
import unittest

import accuracy

KNEECOACH = os.environ['KNEECOACH_BIN']
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'landmarks')
REAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'landmarks-real')
FAST = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'landmarks-fast')
EXERCISES = ['partial-squat', 'wall-sit', 'step-up', 'lunge', 'bridge']


class RecordedLandmarks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.results = [(name, truth, accuracy.score(truth, summary), summary)
                       for name, truth, summary in accuracy.analyzed(KNEECOACH, DATA)]

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


class SlowCamera(unittest.TestCase):
    """On a busy phone or a CPU shared with other work, the pose model keeps up with 10 to 13
    frames a second, not the recordings' 17 to 19 (the browser test's camera ran at 10.3 to
    14.6 in CI). The figure recordings thinned to 10 and 12 frames a second, three seeded
    copies each: every rep counted, at least 95% of injected faults flagged, at most 5% of
    clean reps flagged (before the stir of a step-up counted toward its start-to-middle cues,
    93 to 97% of faults were flagged at 8 to 13 frames a second)."""
    RATES = (10, 12)
    SEEDS = 3

    def test_verdicts_hold_at_10_and_12_frames_a_second(self):
        runs = []  # (exercise, score, where)
        for base, landmarks in accuracy.cases(DATA):
            with open(base + '.json', encoding='utf-8') as f:
                truth = json.load(f)
            frames = accuracy.load_frames(landmarks)
            for fps in self.RATES:
                for seed in range(self.SEEDS):
                    copy = accuracy.thinned(frames, seed, fps, PerturbedLandmarks.NOISE)
                    s = accuracy.score(truth, accuracy.analyze_frames(KNEECOACH, copy, truth['exercise']))
                    runs.append((truth['exercise'], s, f'{os.path.basename(base)} at {fps} fps, seed {seed}'))
        self.assertEqual([f'{w}: {p}' for _, s, w in runs for p in s['problems'] if 'counted' in p], [])
        for exercise in EXERCISES + [None]:
            mine = [(s, w) for e, s, w in runs if exercise in (None, e)]
            got = accuracy.totals(s for s, _ in mine)
            print(f'slow camera, {exercise or "all"}: faults flagged {got["faulted_flagged"]}/{got["faulted"]}, '
                  f'clean reps flagged {got["clean_flagged"]}/{got["clean"]}', file=sys.stderr)
            why = '; '.join(f'{w}: {p}' for s, w in mine for p in s['problems'])
            self.assertGreaterEqual(got['faulted_flagged'] / got['faulted'], 0.95, f'{exercise or "all"}: {why}')
            self.assertLessEqual(got['clean_flagged'] / got['clean'], 0.05, f'{exercise or "all"}: {why}')


class FastCamera(unittest.TestCase):
    """An idle machine's camera page, like a phone's, gives 24 to 26 pose frames a second, not
    the recordings' 17 to 19 (tests/data/landmarks-fast: the live browser test's own frames,
    kept). At that rate a live verdict once waited only 3 frames (120 ms) of no deeper descent,
    and flagged 4 of 5 clean lunges' front knee as not bent enough from the frames above the
    bottom; it now waits 300 ms. Every rep counted, every injected fault flagged, no clean rep
    flagged."""

    def test_verdicts_hold_at_25_frames_a_second(self):
        analyzed = list(accuracy.analyzed(KNEECOACH, FAST))
        self.assertEqual(sorted({truth['exercise'] for _, truth, _ in analyzed}), sorted(EXERCISES))
        self.assertEqual(len(analyzed), 16)  # the 13 videos of the live test, and its failing run's 3 lunges
        results = [(name, accuracy.score(truth, summary)) for name, truth, summary in analyzed]
        problems = [f'{name}: {p}' for name, s in results for p in s['problems']]
        got = accuracy.totals(s for _, s in results)
        print(f'fast camera: faults flagged {got["faulted_flagged"]}/{got["faulted"]}, '
              f'clean reps flagged {got["clean_flagged"]}/{got["clean"]}', file=sys.stderr)
        self.assertEqual(problems, [])


class RealPeople(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.results = [(name, truth, accuracy.score_real(truth, summary))
                       for name, truth, summary in accuracy.analyzed(KNEECOACH, REAL)]
        cls.figures = dict(accuracy.real_figures(cls.results))
        print('', file=sys.stderr)
        accuracy.print_real(cls.results, file=sys.stderr)

    def test_the_set_is_what_the_issue_asks_for(self):
        truths = [t for _, t, _ in self.results]
        self.assertGreaterEqual(len(truths), 20)
        self.assertGreaterEqual(len({t['exercise'] for t in truths}), 4)
        side = [t for t in truths if t['view'] == 'side' and t['judgeable']]
        self.assertEqual({t['side_to_camera'] for t in side}, {'left', 'right'})
        self.assertTrue({'front', 'diagonal', 'rear'} <= {t['view'] for t in truths})
        for name, t, _ in self.results:
            self.assertTrue(t['source']['repo'] and t['source']['commit'] and t['source']['licence'], name)
        with open(os.path.join(REAL, 'ATTRIBUTION.md'), encoding='utf-8') as f:
            attribution = f.read()
        for t in truths:
            self.assertIn(t['source']['commit'], attribution)

    def test_counts_every_rep_of_every_side_view_clip(self):
        # The issue's target is 90% of side-view clips exact; all 12 are. The two step-up clips
        # hold no complete rep (the video cuts away while she steps down), and none is counted:
        # no real step-up is counted in this set yet.
        f = self.figures['all']
        self.assertGreaterEqual(f['reps_exact'] / f['judged_clips'], 0.9)
        for name, t, s in self.results:
            if t['judgeable']:
                self.assertEqual(s['reps_counted'], s['reps_expected'], f"{name}: {s['problems']}")

    def test_flags_no_clean_squat(self):
        # Knees level with the shoe tips are close to the limit, not a fault, and no verdict rests
        # on one or two frames: none of the 20 clean side-view squats is flagged (before the
        # body-relative limits 18 were, then 4, each on a single frame).
        squats = [s for _, t, s in self.results if t['judgeable'] and t['exercise'] == 'partial-squat']
        self.assertEqual(sum(s['tp'] + s['fn'] for s in squats), 0)
        self.assertEqual(sum(s['fp'] for s in squats), 0, '; '.join(p for s in squats for p in s['problems']))

    def test_lunges_flag_no_fault_the_frames_do_not_show(self):
        # The lunger's front shin leans 26 to 32 degrees at the bottom of every rep (read on the
        # frames; the cue allows 15 plus 5), her knee stays behind the shoe tip and bends about 106
        # degrees. On her 24 side-view reps there were 44 other faults flagged when the toe limit
        # sat 5.7 cm behind the toe point (21 of them knee past toes). Now that the bottom of every
        # rep is judged (her legs alternate, and are told apart by their shapes), three borderline
        # readings pass a limit: knee past toes by 1 to 2 cm on two reps (the pose model's toe point
        # sits behind her shoe tip) and a 119-degree front knee on a hand-held rep.
        lunges = [s for _, t, s in self.results if t['judgeable'] and t['exercise'] == 'lunge']
        self.assertLessEqual(sum(s['fp'] for s in lunges), 3, '; '.join(p for s in lunges for p in s['problems']))

    def test_fault_precision_and_recall(self):
        # The issue's targets: precision and recall each at least 0.85 (measured 0.88 and 0.88:
        # tp 21, fp 3, fn 3; the misses are hand-held reps whose bottoms the pose model reads with
        # the shin 3 to 7 degrees more upright than the frames show).
        f = self.figures['all']
        self.assertGreater(f['tp'], 0)
        self.assertGreaterEqual(f['precision'], 0.85, f)
        self.assertGreaterEqual(f['recall'], 0.85, f)

    def test_a_view_the_coach_cannot_judge_is_told_to_move_and_judges_nothing(self):
        for name, t, s in self.results:
            if t['view'] != 'side':
                self.assertIs(s['view_ok'], False, f"{name}: view read as {s['view_reported']}")
                self.assertEqual(s['faults_flagged'], 0, name)

    def test_every_clip_that_cannot_be_judged_is_told_to_move_with_no_fault(self):
        # Front, diagonal and rear views, and close-ups where the head or feet leave the picture
        # (a rep the person left the picture during is not judged).
        f = self.figures['all']
        self.assertEqual(f['moved'], f['unjudged'], f)
        for name, t, s in self.results:
            if not t['judgeable']:
                self.assertEqual(s['faults_flagged'], 0, name)

    def test_reads_the_view(self):
        for name, t, s in self.results:
            self.assertEqual(s['view_reported'], t['view'], name)


if __name__ == '__main__':
    unittest.main()
