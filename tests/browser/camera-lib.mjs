// Shared by scripts/record-landmarks and camera.test.mjs: the real `kneecoach serve`, Debian's
// chromium with a Y4M file as its fake camera, and the camera page (#/camera) reading it.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const bin = process.env.KNEECOACH_BIN ?? path.join(repo, 'build/release/src/app/kneecoach');
export const webDir = process.env.KNEECOACH_WEB ?? path.join(repo, 'web/dist');

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

export async function waitUp(url, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try { const r = await fetch(url); if (r.status < 500) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer at ${url}`);
}

/** Collects the page's uncaught errors and every Content-Security-Policy violation into `errors`. */
export function watchErrors(page, errors) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) errors.push(`CSP: ${m.text()}`); });
}

/** Starts `kneecoach serve` on a free port with a fresh data folder; returns {base, stop()}. */
export async function startServer() {
  if (!fs.existsSync(path.join(webDir, 'vendor/mediapipe/pose/pose.js'))) throw new Error(`${webDir} has no MediaPipe files: run npm run build --prefix web`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-cam-data-'));
  const proc = spawn(bin, ['serve', '--port', String(port), '--data-dir', dataDir, '--web', webDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await waitUp(`${base}/`);
  return {
    base,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Serves the app on the records in dataDir (kept by the caller), with the extra environment
 * `env` (e.g. KNEECOACH_FAKE_TIME); resolves with {server, base} once it answers. */
export async function serveOn(dataDir, env = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(bin, ['serve', '--port', String(port), '--data-dir', dataDir, '--web', webDir], {
    stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env },
  });
  await waitUp(`${base}/`);
  return { server, base };
}

/** Debian's chromium, headless, as every browser test drives it. */
export function headlessChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** A personal server for one test file: a new data folder (named from `prefix`), `kneecoach serve`
 * on it and a headless chromium; resolves with {server, base, browser, dataDir}. Needs web/dist. */
export async function openPersonal(prefix) {
  assert.ok(fs.existsSync(path.join(webDir, 'index.html')), 'web/dist is missing: run npm run build --prefix web');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const { server, base } = await serveOn(dataDir);
  const browser = await headlessChromium();
  return { server, base, browser, dataDir };
}

/** Stops what openPersonal started (any part may be missing when it failed) and removes the folder. */
export async function closePersonal({ server, browser, dataDir }) {
  await browser?.close().catch(() => {});
  if (server) { server.kill('SIGTERM'); await new Promise((r) => server.once('exit', r)); }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Asks for a WebSocket upgrade at /api/v1/analyze; resolves with the HTTP status (101 when it is there). */
export async function probeAnalyzer(base, exercise = 'partial-squat') {
  // As the app's page does: with the session cookie its page sets, from its own origin.
  const cookie = (await fetch(`${base}/`)).headers.get('set-cookie')?.split(';')[0] ?? '';
  return new Promise((resolve) => {
    const req = http.request(`${base}/api/v1/analyze?exercise=${exercise}`, { headers: {
      Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      Origin: base, Cookie: cookie } });
    req.on('upgrade', (res, socket) => { socket.destroy(); resolve(101); });
    req.on('response', (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', (e) => resolve(String(e.message)));
    req.setTimeout(5000, () => { req.destroy(); resolve('timeout'); });
    req.end();
  });
}

/** Writes a video with the CLI (kneecoach exercises animate); returns {video, sidecar}. */
export function animate(dir, name, exercise, reps, fault, faultReps) {
  const video = path.join(dir, `${name}.y4m`);
  const args = ['exercises', 'animate', exercise, '--reps', String(reps), '-o', video];
  if (fault) args.push('--fault', fault, '--fault-reps', faultReps ?? '');
  execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return { video, sidecar: JSON.parse(fs.readFileSync(video.replace(/\.y4m$/, '.json'), 'utf8')) };
}

/** Chromium with FILE as its camera (the file loops); returns {browser: context, dir}. */
export async function launchWithCamera(file) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-chromium-cam-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`,
      '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
  });
  return {
    ctx,
    async close() { await ctx.close().catch(() => {}); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Y4M reader: header, frame count, and a frame's luma box-averaged down to w×h. */
export function openY4m(file) {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(256);
  fs.readSync(fd, head, 0, 256, 0);
  const nl = head.indexOf(10);
  const header = head.subarray(0, nl).toString();
  const W = Number(/ W(\d+)/.exec(header)[1]);
  const H = Number(/ H(\d+)/.exec(header)[1]);
  const frameBytes = 6 + W * H * 1.5; // "FRAME\n" + 4:2:0 planes
  const frames = Math.floor((fs.fstatSync(fd).size - nl - 1) / frameBytes);
  const luma = Buffer.alloc(W * H);
  return {
    W, H, frames,
    thumb(i, w, h) {
      fs.readSync(fd, luma, 0, W * H, nl + 1 + i * frameBytes + 6);
      const bw = W / w, bh = H / h, out = [];
      for (let j = 0; j < h; j++) for (let k = 0; k < w; k++) {
        let s = 0, n = 0;
        for (let y = Math.floor(j * bh); y < Math.floor((j + 1) * bh); y++) for (let x = Math.floor(k * bw); x < Math.floor((k + 1) * bw); x++) { s += luma[y * W + x]; n++; }
        out.push(s / n);
      }
      return out;
    },
    close() { fs.closeSync(fd); },
  };
}

function normalise(v) {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  const d = v.map((x) => x - m);
  const s = Math.sqrt(d.reduce((a, b) => a + b * b, 0)) || 1;
  return d.map((x) => x / s);
}
function meanImage(list) {
  const m = new Array(list[0].length).fill(0);
  for (const v of list) for (let k = 0; k < v.length; k++) m[k] += v[k] / list.length;
  return m;
}

/**
 * Which video frame each browser thumbnail shows: for a thumbnail at stream time t, the best
 * match among the file's frames within ±window of t·fps (wrapping, as the fake camera loops),
 * by normalised correlation of 64×48 luma after taking away each side's mean picture (the
 * still background). Returns [{t, expected, frame, offset, score}]; offset = frame − expected
 * in frames, modulo the loop; sharpness: how clearly the best frame wins (0 when the figure is still).
 */
export function matchThumbs(y4m, thumbs, fps, window = 45) {
  const W = thumbs[0]?.w ?? 64, H = thumbs[0]?.h ?? 48, N = y4m.frames;
  const raw = new Map();
  const get = (i) => { if (!raw.has(i)) raw.set(i, y4m.thumb(i, W, H)); return raw.get(i); };
  const sample = [];
  for (let i = 0; i < N; i += Math.max(1, Math.floor(N / 60))) sample.push(get(i));
  const vMean = meanImage(sample);
  const bMean = meanImage(thumbs.map((t) => t.y));
  const ref = new Map();
  const refOf = (i) => { if (!ref.has(i)) ref.set(i, normalise(get(i).map((x, k) => x - vMean[k]))); return ref.get(i); };
  return thumbs.map((th) => {
    const a = normalise(th.y.map((x, k) => x - bMean[k]));
    const expected = (th.t * fps) / 1000;
    const curve = [];
    for (let d = -window; d <= window; d++) {
      const b = refOf((((Math.round(expected) + d) % N) + N) % N);
      let c = 0;
      for (let k = 0; k < a.length; k++) c += a[k] * b[k];
      curve.push(c);
    }
    const at = curve.indexOf(Math.max(...curve));
    const best = (((Math.round(expected) + at - window) % N) + N) % N;
    // How much better the best frame is than any 5 or more frames away: near 0 when the figure
    // stands still (a hold, a rest), where any of those frames would do.
    const others = curve.filter((_, j) => Math.abs(j - at) >= 5);
    const sharpness = curve[at] - Math.max(...others);
    let offset = best - (expected % N);
    if (offset > N / 2) offset -= N; else if (offset < -N / 2) offset += N;
    return { t: th.t, expected: Math.round(expected * 10) / 10, frame: best, offset: Math.round(offset * 10) / 10,
      score: Math.round(curve[at] * 1e3) / 1e3, sharpness: Math.round(sharpness * 1e4) / 1e4, edge: at === 0 || at === curve.length - 1 };
  });
}

/**
 * One offset for the whole recording, in video frames (frame shown = t·fps/1000 + offset): the
 * shift within ±window frames that makes all thumbnails together correlate best with the file's
 * frames. Each thumbnail adds its correlation at that shift, so a black or still thumbnail (a
 * clip that starts or ends without a person, a hold) adds next to nothing, and a few bad matches
 * (a shaking camera, a cut) cannot outvote the rest. Returns {offset, score, margin, used}:
 * margin is how far the best shift beats any shift 5 or more frames away (per thumbnail), used
 * how many thumbnails had a picture to compare.
 */
export function alignJointly(y4m, thumbs, fps, window = 45) {
  if (!thumbs.length) return { offset: NaN, score: 0, margin: 0, used: 0 };
  const W = thumbs[0].w, H = thumbs[0].h, N = y4m.frames;
  const raw = new Map();
  const get = (i) => { if (!raw.has(i)) raw.set(i, y4m.thumb(i, W, H)); return raw.get(i); };
  // Take away each side's mean picture (the still background), as matchThumbs does; a thumbnail
  // with (next to) no picture at all, black or one flat colour, is left out.
  const flat = (v) => { const m = v.reduce((p, q) => p + q, 0) / v.length; return Math.sqrt(v.reduce((p, q) => p + (q - m) ** 2, 0) / v.length) < 2; };
  const sample = [];
  for (let i = 0; i < N; i += Math.max(1, Math.floor(N / 60))) sample.push(get(i));
  const vMean = meanImage(sample);
  const bMean = meanImage(thumbs.map((t) => t.y));
  const cache = new Map();
  const refOf = (i) => { if (!cache.has(i)) cache.set(i, normalise(get(i).map((x, k) => x - vMean[k]))); return cache.get(i); };
  const total = new Array(2 * window + 1).fill(0);
  let used = 0;
  for (const th of thumbs) {
    if (flat(th.y)) continue;
    const a = normalise(th.y.map((x, k) => x - bMean[k]));
    used++;
    const base = Math.round((th.t * fps) / 1000);
    for (let d = -window; d <= window; d++) {
      const b = refOf((((base + d) % N) + N) % N);
      let c = 0;
      for (let k = 0; k < a.length; k++) c += a[k] * b[k];
      total[d + window] += c;
    }
  }
  const at = total.indexOf(Math.max(...total));
  const others = total.filter((_, j) => Math.abs(j - at) >= 5);
  const per = Math.max(1, used);
  // Sub-frame: the thumbnails' times are not on frame boundaries; the mean rounding error is the bias.
  const bias = thumbs.reduce((s, th) => s + (Math.round((th.t * fps) / 1000) - (th.t * fps) / 1000), 0) / thumbs.length;
  return { offset: Math.round((at - window + bias) * 100) / 100, score: Math.round((total[at] / per) * 1e3) / 1e3,
    margin: Math.round(((total[at] - Math.max(...others)) / per) * 1e4) / 1e4, used };
}

/**
 * Converts any clip ffmpeg can read into a Y4M file Chromium's fake camera plays: constant `fps`
 * (variable frame rates are resampled), at most `width` pixels on its longer side, rotation applied, 4:2:0.
 * opts: {from, to (seconds), fps, width, vf (extra ffmpeg filters, applied first)}.
 */
export function toY4m(input, output, opts = {}) {
  const fps = opts.fps ?? 30, width = opts.width ?? 640;
  const filters = [opts.vf, `fps=${fps}`, `scale='min(${width},iw)':'min(${width},ih)':force_original_aspect_ratio=decrease:flags=area`, 'scale=trunc(iw/2)*2:trunc(ih/2)*2', 'format=yuv420p'].filter(Boolean).join(',');
  const args = ['-v', 'error', '-y'];
  if (opts.from) args.push('-ss', String(opts.from));
  if (opts.to) args.push('-to', String(opts.to));
  args.push('-i', input, '-an', '-vf', filters, '-f', 'yuv4mpegpipe', output);
  execFileSync(process.env.FFMPEG ?? 'ffmpeg', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return output;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

/**
 * Plays `video` as the camera through the real camera page and returns what the page saw from
 * the stream's first frame for `durationMs` of stream time: {frames, events, thumbs, stats}.
 * opts: {base, exercise, analyze, model, thumbs, extraMs}
 */
export async function playVideo(video, durationMs, opts) {
  const b = await launchWithCamera(video);
  try {
    const page = b.ctx.pages()[0] ?? await b.ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    const q = new URLSearchParams({ exercise: opts.exercise, auto: '1' });
    if (opts.analyze === false) q.set('analyze', '0');
    if (opts.model) q.set('model', String(opts.model));
    if (opts.thumbs) q.set('thumbs', '1');
    if (opts.analyze !== false) q.set('until', String(Math.round(durationMs)));
    await page.goto(`${opts.base}/#/camera?${q}`);
    const until = durationMs + (opts.extraMs ?? 0);
    const deadline = Date.now() + 90000 + until * 3;
    const wallStart = Date.now();
    for (;;) {
      const s = await page.evaluate(() => { const k = window.kcCamera; return k ? { started: k.started, error: k.error, n: k.frames.length, last: k.frames.length ? k.frames[k.frames.length - 1].t : -1 } : null; });
      if (s?.error) throw new Error(`camera page: ${s.error}`);
      if (s && s.last >= until) break;
      if (Date.now() > deadline) throw new Error(`camera page stalled: ${JSON.stringify(s)}; page errors: ${errors.join('; ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    let summary = null;
    if (opts.analyze !== false) {
      // Let the answers to the last frames arrive, then end the analysis for the summary.
      await new Promise((r) => setTimeout(r, 500));
      summary = await page.evaluate(async () => {
        const btn = document.getElementById('camera-stop');
        btn?.click();
        for (let i = 0; i < 60 && !window.kcCamera.summary; i++) await new Promise((r) => setTimeout(r, 100));
        return window.kcCamera.summary;
      });
    }
    const got = await page.evaluate(() => {
      const k = window.kcCamera;
      return { frames: k.frames, events: k.events, thumbs: k.thumbs, ready: k.ready, answers: k.answers,
        delivered: k.delivered(), skipped: k.skipped(), fps: k.fps(), loopFps: k.loopFps(), rtt: k.rtt() };
    });
    return { ...got, summary, wallMs: Date.now() - wallStart, pageErrors: errors };
  } finally {
    await b.close();
  }
}
