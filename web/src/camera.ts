// The camera: getUserMedia, MediaPipe Pose on the newest video frame (frames that arrive while
// the model is busy are skipped), and the picture with the skeleton drawn over it.
import { PoseDetector, BONES, type LandmarkFrame, type PoseOptions } from './pose';

type FrameMeta = { mediaTime: number; presentedFrames: number };
type RvfcVideo = HTMLVideoElement & { requestVideoFrameCallback?: (cb: (now: number, m: FrameMeta) => void) => number };

let detector: PoseDetector | null = null; // one per page: MediaPipe's wasm does not like a second instance
let detectorReady: Promise<void> | null = null;

export interface CameraOptions extends PoseOptions { width?: number; height?: number }

export class Camera {
  readonly video = document.createElement('video') as RvfcVideo;
  readonly canvas = document.createElement('canvas');
  private grab = document.createElement('canvas');
  private stream: MediaStream | null = null;
  private stopped = false;
  private busy = false;
  private t0 = -1;
  private p0 = 0;
  private lastLm: number[][] = [];
  /** Every landmark frame, in order. */
  readonly frames: LandmarkFrame[] = [];
  /** Video frames shown since the start, and those the model did not look at (it was busy). */
  delivered = 0;
  get skipped(): number { return Math.max(0, this.delivered - this.frames.length - (this.busy ? 1 : 0)); }
  /** Called with each landmark frame as soon as the model has looked at it. */
  onFrame: ((f: LandmarkFrame) => void) | null = null;
  /** Called once, when the first video frame arrives (t = 0). */
  onStart: (() => void) | null = null;

  constructor(private o: CameraOptions = {}) {
    this.video.muted = true;
    this.video.playsInline = true;
    this.canvas.className = 'camera-view';
  }

  /** Loads the model and opens the camera; throws an Error with a message for people. */
  async open(): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) throw new Error('This browser cannot use a camera here (it needs a secure page, https or localhost).');
    if (!detector) {
      detector = new PoseDetector();
      detectorReady = detector.start(this.o).catch((e) => { detector = null; throw e; });
    }
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: this.o.width ?? 640 }, height: { ideal: this.o.height ?? 480 } }, audio: false,
      });
    } catch (e) {
      const name = (e as { name?: string }).name;
      throw new Error(name === 'NotAllowedError' ? 'The camera was not allowed. Allow it in the browser and try again.'
        : name === 'NotFoundError' ? 'No camera was found.' : `The camera could not be opened (${name ?? e}).`);
    }
    await detectorReady;
    detector?.reset();
    if (this.stopped) { this.close(); return; }
    this.video.srcObject = this.stream;
    await this.video.play();
    this.schedule();
  }

  close(): void {
    this.stopped = true;
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.video.srcObject = null;
  }

  /** Landmark frames per second of stream time so far. */
  fps(): number {
    const n = this.frames.length;
    if (n < 2) return 0;
    const dt = this.frames[n - 1].t - this.frames[0].t;
    return dt > 0 ? ((n - 1) * 1000) / dt : 0;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.video.requestVideoFrameCallback) this.video.requestVideoFrameCallback((now, m) => this.tick(now, m.presentedFrames));
    else requestAnimationFrame((now) => this.tick(now));
  }

  private tick(now: number, presented?: number): void {
    if (this.stopped) return;
    this.schedule();
    const v = this.video;
    if (!v.videoWidth) return;
    if (this.t0 < 0) { this.t0 = now; this.p0 = presented ?? 0; this.onStart?.(); }
    this.delivered = presented !== undefined ? presented - this.p0 + 1 : this.delivered + 1;
    if (this.busy) { this.draw(v); return; }
    const t = Math.round(now - this.t0);
    const g = this.grab;
    if (g.width !== v.videoWidth || g.height !== v.videoHeight) { g.width = v.videoWidth; g.height = v.videoHeight; }
    g.getContext('2d')?.drawImage(v, 0, 0);
    this.draw(g);
    this.busy = true;
    detector!.detect(g).then((lm) => {
      this.busy = false;
      if (this.stopped) return;
      this.lastLm = lm;
      const f: LandmarkFrame = { t, w: g.width, h: g.height, lm };
      this.frames.push(f);
      this.onFrame?.(f);
    }, () => { this.busy = false; });
  }

  /** The last frame given to the model, shrunk to w×h grey values (0-255, box-averaged luma). */
  thumbnail(w: number, hgt: number): { w: number; h: number; y: number[] } {
    const g = this.grab;
    const d = g.getContext('2d')!.getImageData(0, 0, g.width, g.height).data;
    const bw = g.width / w, bh = g.height / hgt;
    const y: number[] = [];
    for (let j = 0; j < hgt; j++) for (let i = 0; i < w; i++) {
      let sum = 0, n = 0;
      for (let yy = Math.floor(j * bh); yy < Math.floor((j + 1) * bh); yy++) for (let xx = Math.floor(i * bw); xx < Math.floor((i + 1) * bw); xx++) {
        const p = (yy * g.width + xx) * 4;
        sum += 0.299 * d[p] + 0.587 * d[p + 1] + 0.114 * d[p + 2]; n++;
      }
      y.push(Math.round(sum / n));
    }
    return { w, h: hgt, y };
  }

  /** The picture, with the newest skeleton over it. */
  private draw(src: CanvasImageSource & { width: number; height: number } | HTMLVideoElement): void {
    const c = this.canvas;
    const w = src instanceof HTMLVideoElement ? src.videoWidth : src.width;
    const hgt = src instanceof HTMLVideoElement ? src.videoHeight : src.height;
    if (c.width !== w || c.height !== hgt) { c.width = w; c.height = hgt; }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.drawImage(src, 0, 0, w, hgt);
    const lm = this.lastLm;
    if (!lm.length) return;
    ctx.lineWidth = Math.max(2, w / 160);
    ctx.strokeStyle = '#00e0ff';
    ctx.fillStyle = '#ffdd00';
    for (const [a, b] of BONES) {
      if (lm[a][3] < 0.3 || lm[b][3] < 0.3) continue;
      ctx.beginPath();
      ctx.moveTo(lm[a][0] * w, lm[a][1] * hgt);
      ctx.lineTo(lm[b][0] * w, lm[b][1] * hgt);
      ctx.stroke();
    }
    for (let k = 11; k < 33; k++) {
      if (lm[k][3] < 0.3) continue;
      ctx.beginPath();
      ctx.arc(lm[k][0] * w, lm[k][1] * hgt, ctx.lineWidth * 1.5, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}
