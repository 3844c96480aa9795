#!/usr/bin/python3
"""Scores the camera coach's analyzer against ground truth.

A case is a landmarks file (JSONL, frame times in ms from the video's first frame) with its
truth: for the drawn figure (tests/data/landmarks) the sidecar `kneecoach exercises animate`
wrote for the video, for real people (tests/data/landmarks-real) the truth a person wrote by
looking at the frames. Both say which frames hold which rep and which reps show which fault;
the real truth also says the camera's view (side, front, diagonal, rear), which side of the
body faces the camera, and whether form can be judged from there. Each rep the analyzer counts
is matched to the true rep whose frames contain the moment it was counted.

Usage: accuracy.py KNEECOACH DIR...   (every NAME.jsonl beside a NAME.json in DIR)
"""
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile


def analyze(kneecoach, landmarks, exercise):
    """The analyzer's summary JSON for a landmarks file (.jsonl or .jsonl.gz)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = landmarks
        if landmarks.endswith('.gz'):
            path = os.path.join(tmp, 'frames.jsonl')
            with gzip.open(landmarks, 'rb') as src, open(path, 'wb') as dst:
                dst.write(src.read())
        out = subprocess.run([kneecoach, 'analyze', path, '--exercise', exercise, '--output', 'json'],
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            raise RuntimeError(f'{landmarks}: analyze exited {out.returncode}: {out.stderr}')
        return json.loads(out.stdout)


def load_frames(landmarks):
    """The frames of a landmarks file (.jsonl or .jsonl.gz) as dicts."""
    opener = gzip.open if landmarks.endswith('.gz') else open
    with opener(landmarks, 'rt', encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def jittered(frame, rnd, noise):
    """A copy of a frame with Gaussian jitter of `noise` (in picture widths/heights) drawn from
    `rnd` on every landmark's x and y."""
    f = dict(frame)
    if f.get('lm'):
        f['lm'] = [[p[0] + rnd.gauss(0, noise), p[1] + rnd.gauss(0, noise)] + p[2:] for p in f['lm']]
    return f


def perturbed(frames, seed, max_drop, noise):
    """A copy of the frames as a slower, shakier camera would give them: a share of frames
    (drawn up to max_drop) dropped at random, and Gaussian jitter of `noise` (in picture
    widths/heights) on every landmark's x and y. The same seed gives the same copy."""
    rnd = random.Random(seed)
    drop = rnd.uniform(0, max_drop)
    out = []
    for frame in frames:
        if rnd.random() < drop:
            continue
        out.append(jittered(frame, rnd, noise))
    return out


def thinned(frames, seed, fps, noise):
    """A copy of the frames as a slow camera would give them, about `fps` frames a second: a
    frame is kept once 0.7 to 1.3 times (drawn per frame) 1000/fps ms have passed since the
    last kept one, as a pose model that takes that long per frame keeps the newest; Gaussian
    jitter of `noise` on every landmark's x and y. The same seed gives the same copy."""
    rnd = random.Random(seed)
    out = []
    last = -1e9
    for frame in frames:
        if frame['t'] - last < rnd.uniform(0.7, 1.3) * 1000 / fps:
            continue
        last = frame['t']
        out.append(jittered(frame, rnd, noise))
    return out


def analyze_frames(kneecoach, frames, exercise):
    """The analyzer's summary JSON for frames given as dicts."""
    text = ''.join(json.dumps(f) + '\n' for f in frames)
    out = subprocess.run([kneecoach, 'analyze', '-', '--exercise', exercise, '--output', 'json'],
                         input=text, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f'analyze exited {out.returncode}: {out.stderr}')
    return json.loads(out.stdout)


def totals(scores):
    """The per-case figures of score() summed: faulted, faulted_flagged, clean, clean_flagged."""
    scores = list(scores)
    return {k: sum(s[k] for s in scores) for k in ('faulted', 'faulted_flagged', 'clean', 'clean_flagged')}


def score(truth, summary):
    """Per-case figures: reps expected and counted, faulted reps and how many were flagged
    with their fault, clean reps and how many were flagged with anything."""
    fps = truth['fps']
    spans = [(r['start_frame'] * 1000 / fps, (r['end_frame'] + 1) * 1000 / fps, r['faults']) for r in truth['reps']]
    counted = {}
    for rep in summary['rep_details']:
        for i, (start, end, _) in enumerate(spans):
            middle = (rep['start_ms'] + rep['end_ms']) / 2
            if start <= middle < end:
                counted.setdefault(i, []).append(rep)
    s = {'reps_expected': len(spans), 'reps_counted': summary['reps'], 'faulted': 0, 'faulted_flagged': 0,
         'clean': 0, 'clean_flagged': 0, 'problems': []}
    for i, (_, _, faults) in enumerate(spans):
        reps = counted.get(i, [])
        if len(reps) != 1:
            s['problems'].append(f'rep {i + 1}: counted {len(reps)} times')
        seen = sorted({f for r in reps for f in r['faults']})
        if faults:
            s['faulted'] += 1
            if all(f in seen for f in faults):
                s['faulted_flagged'] += 1
            else:
                s['problems'].append(f'rep {i + 1}: {faults} not flagged (saw {seen})')
        else:
            s['clean'] += 1
            if seen:
                s['clean_flagged'] += 1
                s['problems'].append(f'rep {i + 1}: clean but flagged {seen}')
    return s


def score_real(truth, summary):
    """Figures for a real clip: reps expected and counted, faults as true positives (a true
    fault flagged on its rep), false positives (a fault flagged on a rep without it) and false
    negatives, the view expected and reported, and whether the analyzer said to move the
    camera ('view_ok' false) or judged form it should not have."""
    s = score(truth, summary)
    tp = fp = fn = 0
    for rep, flagged in zip(truth['reps'], per_true_rep(truth, summary)):
        tp += len(set(rep['faults']) & flagged)
        fp += len(flagged - set(rep['faults']))
        fn += len(set(rep['faults']) - flagged)
    view = summary.get('view', {})
    return dict(s, tp=tp, fp=fp, fn=fn, judgeable=truth['judgeable'], view_expected=truth['view'],
                view_reported=view.get('view'), view_ok=view.get('ok'),
                in_view_share=summary['frames_in_view'] / max(1, summary['frames']),
                faults_flagged=sum(len(r['faults']) for r in summary['rep_details']))


def per_true_rep(truth, summary):
    """The set of faults the analyzer flagged on each true rep (by where its reps were counted)."""
    fps = truth['fps']
    flagged = [set() for _ in truth['reps']]
    for rep in summary['rep_details']:
        middle = (rep['start_ms'] + rep['end_ms']) / 2
        for i, r in enumerate(truth['reps']):
            if r['start_frame'] * 1000 / fps <= middle < (r['end_frame'] + 1) * 1000 / fps:
                flagged[i] |= set(rep['faults'])
    return flagged


def real_figures(results):
    """Per-exercise and overall figures for real clips: [(label, figures)], from
    [(name, truth, score_real)]. Reps exact and MAE are over the clips a side camera can judge;
    fault precision and recall over those clips' reps (1.0 when there is nothing to find or
    nothing was flagged, with the counts beside); view accuracy over all clips; 'moved' counts the
    clips that cannot be judged from where the camera is and were told to move it (a view to
    change, or the body out of the picture on a tenth of the frames or more) with no fault."""
    out = []
    for label in sorted({t['exercise'] for _, t, _ in results}) + ['all']:
        mine = [(n, t, s) for n, t, s in results if label in ('all', t['exercise'])]
        judged = [s for _, t, s in mine if t['judgeable']]
        tp, fp, fn = (sum(s[k] for s in judged) for k in ('tp', 'fp', 'fn'))
        unjudged = [s for _, t, s in mine if not t['judgeable']]
        out.append((label, {
            'clips': len(mine), 'judged_clips': len(judged),
            'reps_exact': sum(s['reps_counted'] == s['reps_expected'] for s in judged),
            'mae': sum(abs(s['reps_counted'] - s['reps_expected']) for s in judged) / max(1, len(judged)),
            'tp': tp, 'fp': fp, 'fn': fn,
            'precision': tp / (tp + fp) if tp + fp else 1.0, 'recall': tp / (tp + fn) if tp + fn else 1.0,
            'view_right': sum(s['view_reported'] == s['view_expected'] for _, _, s in mine),
            'unjudged': len(unjudged),
            'moved': sum((s['view_ok'] is False or s['in_view_share'] < 0.9) and s['faults_flagged'] == 0
                         for s in unjudged),
        }))
    return out


def analyzed(kneecoach, directory):
    """(name, truth, summary) for every case in a directory."""
    for base, landmarks in cases(directory):
        with open(base + '.json', encoding='utf-8') as f:
            truth = json.load(f)
        yield os.path.basename(base), truth, analyze(kneecoach, landmarks, truth['exercise'])


def is_real(truth):
    return 'view' in truth


def cases(directory):
    for name in sorted(os.listdir(directory)):
        for ext in ('.jsonl', '.jsonl.gz'):
            if name.endswith(ext):
                base = os.path.join(directory, name[:-len(ext)])
                if os.path.exists(base + '.json'):
                    yield base, os.path.join(directory, name)


def print_real(results, file=sys.stdout):
    for name, truth, s in results:
        print(f"{name:34} {truth['view']:8} reps {s['reps_counted']}/{s['reps_expected']}  "
              f"faults tp {s['tp']} fp {s['fp']} fn {s['fn']}  view {s['view_reported']} ok={s['view_ok']}", file=file)
    for label, f in real_figures(results):
        print(f"{label:14} clips {f['clips']:2} (side-judged {f['judged_clips']:2}): reps exact {f['reps_exact']}/{f['judged_clips']}, "
              f"MAE {f['mae']:.2f}; faults precision {f['precision']:.2f} recall {f['recall']:.2f} "
              f"(tp {f['tp']} fp {f['fp']} fn {f['fn']}); view right {f['view_right']}/{f['clips']}; "
              f"told to move the camera {f['moved']}/{f['unjudged']}", file=file)


def main(argv):
    kneecoach, dirs = argv[1], argv[2:]
    real = []
    total = {'reps_expected': 0, 'reps_counted': 0, 'faulted': 0, 'faulted_flagged': 0, 'clean': 0,
             'clean_flagged': 0}
    exact = True
    for d in dirs:
        for base, landmarks in cases(d):
            with open(base + '.json', encoding='utf-8') as f:
                truth = json.load(f)
            summary = analyze(kneecoach, landmarks, truth['exercise'])
            if is_real(truth):
                real.append((os.path.basename(base), truth, score_real(truth, summary)))
                continue
            s = score(truth, summary)
            exact &= s['reps_expected'] == s['reps_counted']
            for k in total:
                total[k] += s[k]
            print(f"{os.path.basename(base):34} reps {s['reps_counted']}/{s['reps_expected']}  "
                  f"faults {s['faulted_flagged']}/{s['faulted']}  clean flagged {s['clean_flagged']}/{s['clean']}"
                  + (f"  {'; '.join(s['problems'])}" if s['problems'] else ''))
    if total['reps_expected']:
        print(f"total: reps {total['reps_counted']}/{total['reps_expected']} (every case exact: {exact}); "
              f"faults flagged {total['faulted_flagged']}/{total['faulted']}; "
              f"clean reps flagged {total['clean_flagged']}/{total['clean']}")
    if real:
        print_real(real)


if __name__ == '__main__':
    main(sys.argv)
