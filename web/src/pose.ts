// MediaPipe Pose (npm @mediapipe/pose), loaded from /vendor/mediapipe/pose/ (copied there by the
// Vite build), so it works offline. CPU inference with the lite model: 15-20 frames/s on a
// small machine, where the default (WebGL) path manages 1-2.
import type { Pose, Results, Options } from '@mediapipe/pose';

export const POSE_URL = '/vendor/mediapipe/pose/';

/** One landmark frame: t in ms since the stream's first frame; lm: 33 × [x, y, z, visibility]. */
export interface LandmarkFrame { t: number; w: number; h: number; lm: number[][] }

// The body's bones between MediaPipe's 33 landmarks (face left out but for nose-ear lines).
export const BONES: [number, number][] = [
  [0, 7], [0, 8], [11, 12], [11, 13], [13, 15], [12, 14], [14, 16], [11, 23], [12, 24], [23, 24],
  [23, 25], [25, 27], [27, 29], [29, 31], [27, 31], [24, 26], [26, 28], [28, 30], [30, 32], [28, 32],
];

let script: Promise<void> | null = null;
function loadScript(): Promise<void> {
  script ??= new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = `${POSE_URL}pose.js`;
    s.onload = () => resolve();
    s.onerror = () => { script = null; reject(new Error('The pose model could not be loaded.')); };
    document.head.append(s);
  });
  return script;
}

export interface PoseOptions { modelComplexity?: 0 | 1; smooth?: boolean }

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
const r3 = (v: number) => Math.round(v * 1e3) / 1e3;

/** A started MediaPipe Pose; detect() runs it on one image (call it again only after it resolves). */
export class PoseDetector {
  private pose: Pose | null = null;
  private last: Results | null = null;

  async start(o: PoseOptions = {}): Promise<void> {
    await loadScript();
    const Ctor = (window as unknown as { Pose: new (c: { locateFile: (f: string) => string }) => Pose }).Pose;
    const pose = new Ctor({ locateFile: (f) => POSE_URL + f });
    pose.setOptions({
      modelComplexity: o.modelComplexity ?? 0,
      smoothLandmarks: o.smooth ?? true,
      enableSegmentation: false,
      minDetectionConfidence: 0.5,
      minTrackingConfidence: 0.5,
      useCpuInference: true, // not in the typings; without it the WebGL path runs at 1-2 frames/s
    } as Options);
    pose.onResults((r) => { this.last = r; });
    await pose.initialize();
    this.pose = pose;
  }

  /** The 33 landmarks found in the image ([] when no person), rounded for sending. */
  async detect(image: HTMLCanvasElement | HTMLVideoElement): Promise<number[][]> {
    if (!this.pose) throw new Error('pose detector not started');
    this.last = null;
    // MediaPipe wants timestamps that only grow, over every camera this page opens.
    await this.pose.send({ image }, performance.now());
    const lm = (this.last as Results | null)?.poseLandmarks;
    if (!lm?.length) return [];
    return lm.map((p) => [r4(p.x), r4(p.y), r4(p.z), r3(p.visibility ?? 0)]);
  }

  /** Forgets the last person (tracking and smoothing start again). */
  reset(): void { this.pose?.reset(); }

  async close(): Promise<void> {
    const p = this.pose;
    this.pose = null;
    await p?.close().catch(() => undefined);
  }
}
