// Where a session was, kept in this tab's sessionStorage so that a reload, Back, or a tab restored
// after it was closed resumes it: the step, the clock and the counts so far; after the last step,
// the counts waiting for the pain rating and Save. Kept per day and session, and only for the same
// steps (a changed program starts afresh). Cleared once the session is saved.
import type { SessionLogExercise } from './api';
import type { SessionSteps } from './steps';

export interface Counts { units: number; holdUnits: number; sets: number; ms: number; heldMs: number; reached: boolean }
export interface Place {
  date: string; session: string; steps: number;
  i: number; left: number; elapsed: number; stats: Counts[]; best: (Counts | null)[];
  ended?: { status: 'finished' | 'quit'; exercises: SessionLogExercise[] };
}

const KEY = 'kneecoach.play';

/** The place kept for this day's session, if it is for these very steps. */
export function keptPlace(s: SessionSteps): Place | null {
  try {
    const p = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Place | null;
    if (p && p.date === s.date && p.session === (s.session ?? '') && p.steps === s.steps.length && p.i >= 0 && p.i < s.steps.length
      && Array.isArray(p.stats) && p.stats.length === s.exercises.length) return p;
  } catch { /* none */ }
  return null;
}
export function keepPlace(p: Place): void {
  try { sessionStorage.setItem(KEY, JSON.stringify(p)); } catch { /* storage full or off: no resume */ }
}
export function forgetPlace(): void { sessionStorage.removeItem(KEY); }

/** Asks before the page is left while a session is playing or waits to be saved. */
let guarded = false;
function onLeave(ev: BeforeUnloadEvent): void { ev.preventDefault(); ev.returnValue = ''; }
export function guardLeaving(on: boolean): void {
  if (on === guarded) return;
  guarded = on;
  if (on) window.addEventListener('beforeunload', onLeave); else window.removeEventListener('beforeunload', onLeave);
}
