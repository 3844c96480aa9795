// The session's steps as the server lays them out (GET /api/v1/people/{id}/session, SessionSteps in
// api/openapi.yaml): the same steps, words and lengths the terminal player runs. Nothing here
// decides a dose, a step or a word; the player (player.ts) only shows, speaks and times them.
import type { Dose } from './api';

/** An exercise of the session: what the player shows on its card. */
export interface PlayExercise {
  position: number; id: string; name: string; steps: string[]; cues: string[];
  dose: Dose; dose_text: string; side_word: string;
}

/** One timed step, with the words shown (`text`) and spoken (`speech`) as it begins. */
export interface PlayStep {
  kind: 'get_ready' | 'move' | 'hold' | 'breath' | 'release' | 'switch' | 'rest';
  phase: 'none' | 'up' | 'hold' | 'down' | 'in' | 'out';
  exercise: number; set: number; sets: number; side: 'both' | 'right' | 'left';
  rep: number; reps: number; breath: number; breaths: number;
  ms: number; completes_unit: boolean; completes_set: boolean;
  text: string; speech: string;
  reminder: { before_ms: number; text: string; speech: string } | null;
}

export interface SessionSteps {
  date: string; scheduled: boolean; session: string | null; title: string | null; week: number | null;
  done: boolean; next: { date: string; session: string } | null; after_end: boolean;
  total_ms: number; back_grace_ms: number; exercises: PlayExercise[]; steps: PlayStep[];
  /** The pain rule's words, from the server's pain bands (core/common/pain.h). */
  pain_advice: string; pain_scale_help: string;
}

/** Where each step starts on the session's timeline, in ms (presentation: the progress bar). */
export function starts(steps: PlayStep[]): number[] {
  const out: number[] = [];
  let t = 0;
  for (const s of steps) { out.push(t); t += s.ms; }
  return out;
}
