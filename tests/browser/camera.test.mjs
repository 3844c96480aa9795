// Camera form coach, end to end: figure videos from `kneecoach exercises animate` play as
// chromium's fake camera into the real camera page (#/camera) of the real `kneecoach serve`;
// MediaPipe Pose runs in the page and the server's analyzer (/api/v1/analyze) answers over the
// WebSocket. For each exercise: exact rep count on the clean video, ≥95% of the reps with an
// injected fault flagged with that fault, ≤5% of the reps without one flagged with anything.
// Runs in real time (about 8 minutes; a run starved of CPU below STARVED_FPS with a problem is
// played once more, and said so). Env: KNEECOACH_BIN, CHROMIUM, KC_CAMERA_ONLY=ex1,ex2,
// KC_CAMERA_SERVER=URL (a kneecoach server already running)
// (a subset of exercises), KC_CAMERA_FAULTS=all (every fault in content/, not just the main ones),
// KC_CAMERA_KEEP=DIR (keep each run's frames and answers there, for debugging).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repo, startServer, animate, playVideo, probeAnalyzer } from './camera-lib.mjs';

const CLEAN_REPS = { 'wall-sit': 2 };
const FAULT_REPS = { 'wall-sit': [2, '2'] };
const MAIN_FAULTS = {
  'partial-squat': ['knee-past-toes'],
  lunge: ['knee-past-toes', 'knee-ahead-of-ankle'],
  'step-up': ['knee-past-toes', 'knee-ahead-of-ankle'],
  'wall-sit': ['heels-not-under-knees', 'trunk-leaning'],
  bridge: ['head-lifted'],
};

/** Every fault id an exercise's poses name a cue for (content/poses/ID.yaml -> content/cues/CUE.yaml). */
function contentFaults(exercise) {
  const poses = fs.readFileSync(path.join(repo, 'content/poses', `${exercise}.yaml`), 'utf8');
  const cues = [...poses.matchAll(/cue:\s*([a-z0-9-]+)/g)].map((m) => m[1]);
  return [...new Set(cues.map((c) => /^fault:\s*([a-z0-9-]+)/m.exec(fs.readFileSync(path.join(repo, 'content/cues', `${c}.yaml`), 'utf8'))?.[1]).filter(Boolean))];
}

let server, tmp;
const keep = process.env.KC_CAMERA_KEEP;
const only = process.env.KC_CAMERA_ONLY?.split(',');
const stats = [];

let analyzerStatus;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-camera-test-'));
  // KC_CAMERA_SERVER=URL uses a kneecoach server already running there.
  server = process.env.KC_CAMERA_SERVER ? { base: process.env.KC_CAMERA_SERVER, stop: async () => {} } : await startServer();
  analyzerStatus = await probeAnalyzer(server.base);
});
after(async () => {
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  if (stats.length) console.log(`camera runs:\n${stats.map((s) => `  ${s}`).join('\n')}`);
});

/** Plays one video; returns the reps' fault lists as the analyzer reported them, and numbers. */
async function run(name, exercise, reps, fault, faultReps) {
  assert.equal(analyzerStatus, 101, `the server has no analyzer WebSocket at ${server.base}/api/v1/analyze (answer: ${analyzerStatus}); every camera video needs it`);
  const { video, sidecar } = animate(tmp, name, exercise, reps, fault, faultReps);
  const frames = sidecar.reps[sidecar.reps.length - 1].end_frame + 1;
  let r;
  try {
    r = await playVideo(video, (frames * 1000) / sidecar.fps, { base: server.base, exercise });
  } finally {
    fs.rmSync(video, { force: true });
  }
  if (keep) {
    fs.mkdirSync(keep, { recursive: true });
    fs.writeFileSync(path.join(keep, `${name}.jsonl`), r.frames.map((f) => JSON.stringify(f)).join('\n') + '\n');
    fs.writeFileSync(path.join(keep, `${name}.run.json`), JSON.stringify({ sidecar, ready: r.ready, events: r.events, summary: r.summary }, null, 1));
  }
  assert.ok(r.ready, `${name}.y4m: the server sent no "ready" on /api/v1/analyze?exercise=${exercise} (is the analyzer there?); page errors: ${r.pageErrors.join('; ') || 'none'}`);
  assert.ok(r.answers > 0, `${name}.y4m: the server answered none of the ${r.frames.length} frames sent`);
  assert.deepEqual(r.pageErrors.filter((e) => e.startsWith('CSP')), [], `${name}.y4m: the page broke its Content-Security-Policy`);
  const repEvents = r.events.filter((e) => e.type === 'rep');
  // The summary is the analyzer's last word; the rep events are the fallback.
  const perRep = r.summary?.faults_per_rep ?? repEvents.map((e) => e.faults);
  const counted = r.summary?.reps ?? repEvents.length;
  const rtt = [...r.rtt].sort((a, b) => a - b);
  const detected = r.frames.filter((f) => f.lm.length).length;
  stats.push(`${name}: ${counted}/${sidecar.reps.length} reps, ${r.fps.toFixed(1)} pose frames/s, ${r.loopFps.toFixed(1)} answered/s, ` +
    `round trip median ${rtt.length ? rtt[Math.floor(rtt.length / 2)].toFixed(1) : '-'} ms, person in ${((100 * detected) / Math.max(1, r.frames.length)).toFixed(1)}% of ${r.frames.length} frames, ` +
    `analyzer ${r.summary ? r.summary.analyzer_us_per_frame.toFixed(1) : '-'} µs/frame, faults per rep ${JSON.stringify(perRep)}`);
  return { sidecar, perRep, counted, fps: r.fps, checked: new Map((r.ready.cues ?? []).map((c) => [c.fault, c.checked])) };
}

/** The problems with one video's reps: counted[0] faulted reps, counted[1] of them flagged right,
 * counted[2] clean reps, counted[3] of them flagged with anything. */
function judge(name, got, expectCount) {
  const problems = [];
  const counted = [0, 0, 0, 0];
  if (got.counted !== got.sidecar.reps.length) problems.push(`${name}.y4m: expected ${got.sidecar.reps.length} reps, got ${got.counted}${expectCount ? '' : ' (rep numbers below may be shifted)'}`);
  got.sidecar.reps.forEach((rep, i) => {
    const faults = got.perRep[i];
    if (rep.faults.length) {
      for (const f of rep.faults) {
        counted[0]++;
        if (faults?.includes(f)) counted[1]++;
        else problems.push(`${name}.y4m rep ${i + 1}: expected fault ${f}, got ${faults ? JSON.stringify(faults) : 'no such rep'}`);
      }
    } else {
      counted[2]++;
      if (faults?.length) { counted[3]++; problems.push(`${name}.y4m rep ${i + 1} (clean): expected no fault, got ${JSON.stringify(faults)}`); }
    }
  });
  return { problems, counted };
}

// Below this many pose frames a second the page sees few frames of each rep's bottom (a phone
// camera gives 30; MediaPipe on a CPU shared with the other tests keeps up with 10 to 15, and a
// CI run at 11 to 13 missed one knee past the toes and flagged one clean lunge). Such a run with
// a problem is played once more, and both runs are reported; a second wrong run fails as it
// stands. The verdicts at 10 and 12 frames a second are scored without a replay, on recorded
// landmarks, by motion.accuracy (SlowCamera).
const STARVED_FPS = 15;

/** Plays a video and judges it; a starved run with problems is played again once. */
async function playAndJudge(name, exercise, reps, fault, faultReps, isClean) {
  let g = await run(name, exercise, reps, fault, faultReps);
  let v = judge(name, g, isClean);
  if (fault && g.checked.get(fault) === false) v.problems.push(`${name}.y4m: the analyzer says it does not check ${fault} (ready.cues checked: false)`);
  if (v.problems.length && g.fps < STARVED_FPS) {
    stats.push(`${name}: replayed, the first run saw ${g.fps.toFixed(1)} pose frames/s (< ${STARVED_FPS}) and had: ${v.problems.join('; ')}`);
    g = await run(name, exercise, reps, fault, faultReps);
    v = judge(name, g, isClean);
    if (fault && g.checked.get(fault) === false) v.problems.push(`${name}.y4m: the analyzer says it does not check ${fault} (ready.cues checked: false)`);
  }
  return v;
}

for (const exercise of Object.keys(MAIN_FAULTS)) {
  if (only && !only.includes(exercise)) continue;
  test(`camera coach: ${exercise}`, { timeout: 20 * 60 * 1000 }, async () => {
    const problems = [];
    const total = [0, 0, 0, 0];
    const add = (v) => { problems.push(...v.problems); v.counted.forEach((n, i) => { total[i] += n; }); };

    const cleanName = `${exercise}-clean`;
    const c = await playAndJudge(cleanName, exercise, CLEAN_REPS[exercise] ?? 5, undefined, undefined, true);
    add(c);

    const faults = process.env.KC_CAMERA_FAULTS === 'all' ? contentFaults(exercise) : MAIN_FAULTS[exercise];
    const [reps, which] = FAULT_REPS[exercise] ?? [4, '2,4'];
    for (const fault of faults) add(await playAndJudge(`${exercise}-${fault}`, exercise, reps, fault, which, false));

    const [faulted, faultedHit, clean, cleanFlagged] = total;
    const hit = faulted ? faultedHit / faulted : 1;
    const flagged = clean ? cleanFlagged / clean : 0;
    const head = `${exercise}: injected faults flagged ${faultedHit}/${faulted} (need ≥95%), clean reps flagged ${cleanFlagged}/${clean} (need ≤5%)`;
    const cleanCountWrong = problems.some((p) => p.startsWith(`${cleanName}.y4m: expected`));
    assert.ok(hit >= 0.95 && flagged <= 0.05 && !cleanCountWrong, `${head}\n  ${problems.join('\n  ')}`);
  });
}
