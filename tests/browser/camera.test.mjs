// Camera form coach, end to end: figure videos from `kneecoach exercises animate` play as
// chromium's fake camera into the real camera page (#/camera) of the real `kneecoach serve`;
// MediaPipe Pose runs in the page and the server's analyzer (/api/v1/analyze) answers over the
// WebSocket. For each exercise: exact rep count on the clean video, ≥95% of the reps with an
// injected fault flagged with that fault, ≤5% of the reps without one flagged with anything.
// Runs in real time (about 8 minutes). Env: KNEECOACH_BIN, CHROMIUM, KC_CAMERA_ONLY=ex1,ex2,
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
  return { sidecar, perRep, counted, checked: new Map((r.ready.cues ?? []).map((c) => [c.fault, c.checked])) };
}

for (const exercise of Object.keys(MAIN_FAULTS)) {
  if (only && !only.includes(exercise)) continue;
  test(`camera coach: ${exercise}`, { timeout: 15 * 60 * 1000 }, async () => {
    const problems = [];
    let faulted = 0, faultedHit = 0, clean = 0, cleanFlagged = 0;
    const tally = (name, got, sidecar) => {
      sidecar.reps.forEach((rep, i) => {
        const faults = got.perRep[i];
        if (rep.faults.length) {
          for (const f of rep.faults) {
            faulted++;
            if (faults?.includes(f)) faultedHit++;
            else problems.push(`${name}.y4m rep ${i + 1}: expected fault ${f}, got ${faults ? JSON.stringify(faults) : 'no such rep'}`);
          }
        } else {
          clean++;
          if (faults?.length) { cleanFlagged++; problems.push(`${name}.y4m rep ${i + 1} (clean): expected no fault, got ${JSON.stringify(faults)}`); }
        }
      });
    };

    const cleanName = `${exercise}-clean`;
    const c = await run(cleanName, exercise, CLEAN_REPS[exercise] ?? 5);
    if (c.counted !== c.sidecar.reps.length) problems.push(`${cleanName}.y4m: expected ${c.sidecar.reps.length} reps, got ${c.counted}`);
    tally(cleanName, c, c.sidecar);

    const faults = process.env.KC_CAMERA_FAULTS === 'all' ? contentFaults(exercise) : MAIN_FAULTS[exercise];
    const [reps, which] = FAULT_REPS[exercise] ?? [4, '2,4'];
    for (const fault of faults) {
      const name = `${exercise}-${fault}`;
      const g = await run(name, exercise, reps, fault, which);
      if (g.checked.get(fault) === false) problems.push(`${name}.y4m: the analyzer says it does not check ${fault} (ready.cues checked: false)`);
      if (g.counted !== g.sidecar.reps.length) problems.push(`${name}.y4m: expected ${g.sidecar.reps.length} reps, got ${g.counted} (rep numbers below may be shifted)`);
      tally(name, g, g.sidecar);
    }

    const hit = faulted ? faultedHit / faulted : 1;
    const flagged = clean ? cleanFlagged / clean : 0;
    const head = `${exercise}: injected faults flagged ${faultedHit}/${faulted} (need ≥95%), clean reps flagged ${cleanFlagged}/${clean} (need ≤5%)`;
    const countProblems = problems.filter((p) => p.includes('reps, got'));
    assert.ok(hit >= 0.95 && flagged <= 0.05 && !countProblems.some((p) => p.startsWith(cleanName)),
      `${head}\n  ${problems.join('\n  ')}`);
  });
}
