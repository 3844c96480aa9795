// "Use the camera" in the session player: the camera coach (coach.ts) for the exercise on screen,
// started and stopped as the session moves from one exercise to the next. Each exercise done with
// the camera gets a `camera` field {reps, faults_per_rep, frames} in the session log.
import { h } from './dom';
import { createCoach, cameraLog, type Coach, type CameraLog } from './coach';
import { CAMERA_EXERCISES } from './camerapage';
import type { PlayExercise } from './steps';

export interface SessionCamera {
  el: HTMLElement;
  /** The exercise now on screen (null: none); starts or stops the coach to match. */
  show(e: PlayExercise | null): void;
  /** Stops the camera; the exercise's summary still arrives into the log. */
  stop(): void;
  /** Adds `camera` to the log entries (by position) done with the camera, now and as summaries arrive. */
  attach(entries: { position: number; camera?: CameraLog | null }[]): void;
}

export function sessionCamera(speak: (text: string) => void, onActive: (on: boolean) => void): SessionCamera {
  const can = new Set(CAMERA_EXERCISES.map(([id]) => id));
  const logs = new Map<number, CameraLog>();
  let entries: { position: number; camera?: CameraLog | null }[] = [];
  let want = false;
  let exercise: PlayExercise | null = null;
  let coach: Coach | null = null;
  const box = h('div', { class: 'player-camera' });
  const input = h('input', { type: 'checkbox', id: 'use-camera', 'aria-describedby': 'use-camera-help' }) as HTMLInputElement;
  const toggle = h('p', { class: 'camera-toggle' }, h('label', {}, input, ' Use the camera'),
    h('span', { class: 'help', id: 'use-camera-help' }, ' It counts your reps and checks your form. The pictures stay on this computer.'));
  const el = h('div', {}, toggle, box);

  function fill(): void {
    for (const e of entries) { const c = logs.get(e.position); if (c) e.camera = c; }
  }
  function end(): void {
    if (!coach || !exercise) return;
    const c = coach, pos = exercise.position;
    coach = null;
    box.replaceChildren();
    onActive(false);
    void c.stop().then((s) => { const l = cameraLog(s); if (l) { logs.set(pos, l); fill(); } });
  }
  function begin(): void {
    if (coach || !exercise || !want || !can.has(exercise.id)) return;
    coach = createCoach({ exercise: exercise.id, name: exercise.name, speak });
    box.replaceChildren(coach.el);
    onActive(true);
    void coach.start();
  }
  input.addEventListener('change', () => { want = input.checked; if (want) begin(); else end(); });
  return {
    el,
    show(e) {
      if (e?.position === exercise?.position && e?.id === exercise?.id) return;
      end();
      exercise = e;
      toggle.hidden = !e || !can.has(e.id);
      begin();
    },
    stop() { end(); },
    attach(list) { entries = list; fill(); },
  };
}
