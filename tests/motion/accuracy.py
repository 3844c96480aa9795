#!/usr/bin/python3
"""Scores the camera coach's analyzer against ground truth.

A case is a landmarks file (JSONL, frame times in ms from the video's first frame) with the
sidecar `kneecoach exercises animate` wrote for the video (which frames hold which rep, and
which reps show which fault). Each rep the analyzer counts is matched to the true rep whose
frames contain the moment it was counted.

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
        f = dict(frame)
        if f.get('lm'):
            f['lm'] = [[p[0] + rnd.gauss(0, noise), p[1] + rnd.gauss(0, noise)] + p[2:] for p in f['lm']]
        out.append(f)
    return out


def analyze_frames(kneecoach, frames, exercise):
    """The analyzer's summary JSON for frames given as dicts."""
    text = ''.join(json.dumps(f) + '\n' for f in frames)
    out = subprocess.run([kneecoach, 'analyze', '-', '--exercise', exercise, '--output', 'json'],
                         input=text, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f'analyze exited {out.returncode}: {out.stderr}')
    return json.loads(out.stdout)


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


def cases(directory):
    for name in sorted(os.listdir(directory)):
        for ext in ('.jsonl', '.jsonl.gz'):
            if name.endswith(ext):
                base = os.path.join(directory, name[:-len(ext)])
                if os.path.exists(base + '.json'):
                    yield base, os.path.join(directory, name)


def main(argv):
    kneecoach, dirs = argv[1], argv[2:]
    total = {'reps_expected': 0, 'reps_counted': 0, 'faulted': 0, 'faulted_flagged': 0, 'clean': 0,
             'clean_flagged': 0}
    exact = True
    for d in dirs:
        for base, landmarks in cases(d):
            with open(base + '.json', encoding='utf-8') as f:
                truth = json.load(f)
            s = score(truth, analyze(kneecoach, landmarks, truth['exercise']))
            exact &= s['reps_expected'] == s['reps_counted']
            for k in total:
                total[k] += s[k]
            print(f"{os.path.basename(base):34} reps {s['reps_counted']}/{s['reps_expected']}  "
                  f"faults {s['faulted_flagged']}/{s['faulted']}  clean flagged {s['clean_flagged']}/{s['clean']}"
                  + (f"  {'; '.join(s['problems'])}" if s['problems'] else ''))
    print(f"total: reps {total['reps_counted']}/{total['reps_expected']} (every case exact: {exact}); "
          f"faults flagged {total['faulted_flagged']}/{total['faulted']}; "
          f"clean reps flagged {total['clean_flagged']}/{total['clean']}")


if __name__ == '__main__':
    main(sys.argv)
