// The camera form coach: the camera picture with the skeleton beside the exercise's animated
// target, the rep count, the hold countdown and the form cues (shown and spoken). The analysis
// runs on the local server (analyze.ts); this file only shows what it says.
import { api, type CameraLog } from './api';
import { h } from './dom';
import { Camera } from './camera';
import { Analyzer, type AnalyzeEvent, type FrameAnswer, type Summary } from './analyze';
import type { LandmarkFrame } from './pose';

export const PLACEMENT = 'Put the camera side-on to you, at hip height, 2 to 3 metres away, so your whole body from head to feet is in the picture.';

export type { CameraLog };

export interface CoachOptions {
  exercise: string;
  name: string;
  speak: (text: string) => void;
  analyze?: boolean;          // default true
  modelComplexity?: 0 | 1;
  thumbs?: boolean;           // keep small grey pictures of frames (the recorder checks alignment with them)
  sendUntilMs?: number;       // tests: frames from this stream time on are kept but not analysed
}

export interface Coach { el: HTMLElement; start(): Promise<void>; stop(): Promise<Summary | null> }

type TimedEvent = AnalyzeEvent & { t: number };
export interface KcCamera {
  exercise: string; started: boolean; error: string | null;
  frames: LandmarkFrame[]; events: TimedEvent[]; answers: number; ready: unknown; summary: Summary | null;
  thumbs: { t: number; w: number; h: number; y: number[] }[];
  delivered(): number; skipped(): number;
  fps(): number; loopFps(): number; rtt(): number[];
}
declare global { interface Window { kcCamera?: KcCamera } }

export function createCoach(o: CoachOptions): Coach {
  const cam = new Camera({ modelComplexity: o.modelComplexity });
  const analyzer = o.analyze === false ? null : new Analyzer(o.exercise);
  const events: TimedEvent[] = [];
  const thumbs: KcCamera['thumbs'] = [];
  let answers = 0;
  let lastThumb = -1e9;

  const placement = h('p', { class: 'notice', id: 'camera-placement' }, PLACEMENT);
  const frameMsg = h('p', { class: 'coach-frame', id: 'camera-frame' }, 'Starting the camera…');
  const repCount = h('strong', { id: 'camera-reps' }, '0');
  const reps = h('p', { class: 'coach-reps' }, h('span', {}, 'Reps '), repCount);
  const hold = h('p', { class: 'coach-hold', id: 'camera-hold', hidden: true });
  const cue = h('p', { class: 'coach-cue', id: 'camera-cue', role: 'status', 'aria-live': 'polite' });
  const error = h('div', { role: 'alert', id: 'camera-error' });
  cam.canvas.setAttribute('role', 'img');
  cam.canvas.setAttribute('aria-label', 'The camera picture, with the body the camera sees drawn over it');
  const el = h('section', { class: 'coach', 'aria-label': `Camera coach for ${o.name}` },
    placement, error,
    h('div', { class: 'coach-views' },
      h('figure', {}, cam.canvas, h('figcaption', {}, 'You')),
      h('figure', {}, h('img', { src: api.svgUrl(o.exercise), alt: `Animated figure showing ${o.name}` }), h('figcaption', {}, 'Aim for this'))),
    h('div', { class: 'coach-status' }, frameMsg, reps, hold, cue));

  const k: KcCamera = {
    exercise: o.exercise, started: false, error: null, frames: cam.frames, events, get answers() { return answers; },
    ready: null, summary: null, thumbs,
    delivered: () => cam.delivered, skipped: () => cam.skipped,
    fps: () => cam.fps(),
    loopFps: () => {
      const a = analyzer?.answeredAt ?? [];
      return a.length > 1 ? ((a.length - 1) * 1000) / (a[a.length - 1] - a[0]) : 0;
    },
    rtt: () => analyzer?.rtt ?? [],
  };
  window.kcCamera = k;

  const lastSaid = new Map<string, number>();
  function say(text: string, key = text, gapMs = 4000): void {
    const now = performance.now();
    if ((lastSaid.get(key) ?? -1e9) + gapMs > now) return;
    lastSaid.set(key, now);
    o.speak(text);
  }

  let localInFrame = true;
  let holdLeft = Infinity;
  cam.onStart = () => { k.started = true; frameMsg.textContent = 'Camera on.'; };
  cam.onFrame = (f) => {
    if (o.thumbs && f.t - lastThumb >= 1000) { lastThumb = f.t; thumbs.push({ t: f.t, ...cam.thumbnail(64, 48) }); }
    if (o.sendUntilMs === undefined || f.t < o.sendUntilMs) analyzer?.send(f);
    if (!analyzer?.ready) {
      const seen = f.lm.length > 0;
      if (seen !== localInFrame) { localInFrame = seen; frameMsg.textContent = seen ? 'You are in the picture.' : 'No one in the picture.'; }
    }
  };
  if (analyzer) {
    analyzer.onReady = (r) => {
      k.ready = r;
      if (r.placement) placement.textContent = r.placement;
    };
    analyzer.onAnswer = (a) => { answers++; show(a); };
    analyzer.onClose = (why) => { if (!analyzer.summary && !stopping) error.replaceChildren(h('p', { class: 'notice warn' }, `${why} The camera shows your movement, but reps and form are not checked.`)); };
  }

  let viewAdvice = '';  // how to turn to the camera, while it cannot judge from where it stands
  function show(a: FrameAnswer): void {
    repCount.textContent = String(a.reps);
    frameMsg.textContent = a.in_frame ? viewAdvice || 'You are in the picture.' : 'Step back into the picture: head to feet.';
    if (a.hold) {
      const left = Math.max(0, Math.ceil(a.hold.target - a.hold.seconds));
      hold.hidden = false;
      hold.textContent = `Hold: ${left} s left of ${a.hold.target} s`;
      if (a.hold.target >= 20 && left <= 10 && holdLeft > 10) say('10 seconds left', 'hold-10', 0);
      holdLeft = left;
    } else { hold.hidden = true; holdLeft = Infinity; }
    for (const e of a.events) {
      events.push({ ...e, t: a.t });
      switch (e.type) {
        case 'fault': cue.className = 'coach-cue'; cue.textContent = e.text; say(e.text, e.cue); break;
        case 'rep':
          say(String(e.rep), 'rep', 0);  // every rep is counted aloud; a faulted one was already told its cue
          if (!e.faults.length) { cue.className = 'coach-cue good'; cue.textContent = `Rep ${e.rep}: good.`; }
          break;
        case 'hold-done': cue.className = 'coach-cue good'; cue.textContent = 'Hold done. Relax.'; say('Relax', 'hold-done', 0); break;
        case 'out-of-frame': frameMsg.textContent = e.text; say(e.text, 'frame'); break;
        case 'in-frame': frameMsg.textContent = 'You are in the picture.'; break;
        case 'view': viewAdvice = e.view === 'side' ? '' : e.text; frameMsg.textContent = e.text; say(e.text, 'view'); break;
        case 'close': cue.className = 'coach-cue'; cue.textContent = e.text; break;
        default: break;
      }
    }
  }

  let stopping = false;
  return {
    el,
    async start() {
      try { await cam.open(); } catch (e) {
        k.error = e instanceof Error ? e.message : String(e);
        frameMsg.textContent = '';
        error.replaceChildren(h('p', { class: 'notice bad' }, k.error));
        analyzer?.close();
      }
    },
    async stop() {
      stopping = true;
      cam.close();
      if (!analyzer) return null;
      const s = await analyzer.end();
      k.summary = s;
      analyzer.close();
      return s;
    },
  };
}

export function cameraLog(s: Summary | null): CameraLog | undefined {
  return s ? { reps: s.reps, faults_per_rep: s.faults_per_rep, frames: s.frames } : undefined;
}
