// The analyzer: landmark frames go to the local server over a WebSocket
// (/api/v1/analyze?exercise=ID), which counts reps, times holds and finds faults (in C++). The
// person's id goes with it (&person=ID): the clinic server lets only that signed-in patient in.
import { personId } from './api';
import type { LandmarkFrame } from './pose';

export interface CueInfo { cue: string; fault: string; text: string; checked: boolean }
export interface Ready { type: 'ready'; exercise: string; placement: string; hold_seconds: number; cues: CueInfo[] }
export type AnalyzeEvent =
  | { type: 'rep'; rep: number; faults: string[] }
  | { type: 'fault'; rep: number; cue: string; fault: string; text: string }
  | { type: 'hold'; rep: number; seconds: number; target: number }
  | { type: 'hold-done'; rep: number }
  | { type: 'out-of-frame'; text: string }
  | { type: 'in-frame' }
  | { type: 'view'; view: 'side' | 'diagonal' | 'front' | 'rear' | 'unknown'; text: string }
  | { type: 'close'; rep: number; cue: string; fault: string; text: string };
export interface FrameAnswer {
  type: 'frame'; t: number; reps: number; phase: 'start' | 'moving' | 'end'; progress: number; in_frame: boolean;
  hold: { seconds: number; target: number } | null; events: AnalyzeEvent[];
}
export interface Summary { type: 'summary'; exercise: string; reps: number; faults_per_rep: string[][]; frames: number; analyzer_us_per_frame: number }

/** One analysis over a WebSocket; frames may be sent before `ready` arrives (they wait). */
export class Analyzer {
  private ws: WebSocket;
  private queue: string[] = [];
  private sentAt = new Map<number, number>();
  private summaryWait: ((s: Summary | null) => void)[] = [];
  ready: Ready | null = null;
  summary: Summary | null = null;
  closed = false;
  /** Round-trip times, ms, per answered frame. */
  readonly rtt: number[] = [];
  /** performance.now() of each answer, for the end-to-end rate. */
  readonly answeredAt: number[] = [];
  onReady: ((r: Ready) => void) | null = null;
  onAnswer: ((a: FrameAnswer) => void) | null = null;
  onClose: ((why: string) => void) | null = null;

  constructor(exercise: string) {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const person = personId();
    this.ws = new WebSocket(`${proto}//${location.host}/api/v1/analyze?exercise=${encodeURIComponent(exercise)}${person ? `&person=${encodeURIComponent(person)}` : ''}`);
    this.ws.onopen = () => { for (const m of this.queue) this.ws.send(m); this.queue = []; };
    this.ws.onmessage = (ev) => this.message(String(ev.data));
    this.ws.onclose = (ev) => {
      this.closed = true;
      for (const w of this.summaryWait) w(this.summary);
      this.summaryWait = [];
      this.onClose?.(ev.reason || (this.ready ? 'closed' : 'The analyzer is not available on this server.'));
    };
  }

  send(f: LandmarkFrame): void {
    if (this.closed) return;
    this.sentAt.set(f.t, performance.now());
    this.raw(JSON.stringify(f));
  }

  /** Ends the analysis; resolves with the summary (null if the server gave none within 5 s). */
  end(): Promise<Summary | null> {
    if (this.closed) return Promise.resolve(this.summary);
    this.raw(JSON.stringify({ type: 'end' }));
    return new Promise((resolve) => {
      const timer = setTimeout(() => { resolve(this.summary); this.close(); }, 5000);
      this.summaryWait.push((s) => { clearTimeout(timer); resolve(s); });
    });
  }

  close(): void {
    if (this.ws.readyState <= WebSocket.OPEN) this.ws.close();
  }

  private raw(m: string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(m); else if (this.ws.readyState === WebSocket.CONNECTING) this.queue.push(m);
  }

  private message(text: string): void {
    let m: { type?: string; t?: number };
    try { m = JSON.parse(text); } catch { return; }
    if (m.type === 'ready') { this.ready = m as Ready; this.onReady?.(this.ready); }
    else if (m.type === 'frame') {
      const a = m as FrameAnswer;
      const now = performance.now();
      const at = this.sentAt.get(a.t);
      if (at !== undefined) { this.rtt.push(now - at); this.sentAt.delete(a.t); }
      this.answeredAt.push(now);
      this.onAnswer?.(a);
    } else if (m.type === 'summary') {
      this.summary = m as Summary;
      for (const w of this.summaryWait) w(this.summary);
      this.summaryWait = [];
    }
  }
}
