// Lays a session out in timed steps, following docs/session.md: a card, then for each set and
// side the reps paced at the tempo (or the holds), with switches and rests between.
import type { Dose } from './api';

export interface PlayExercise { id: string; name: string; dose: Dose; position: number }

export function doseText(d: Dose): string {
  const side = d.sides === 'each' ? ' on each side' : d.sides === 'alternate' ? ', sides taking turns' : '';
  const what = d.reps ? `${d.reps} reps` : d.hold_breaths ? `a hold of ${d.hold_breaths} slow breaths` : `a ${d.hold_seconds ?? 30} second hold`;
  const rest = d.rest_seconds ? `, rest ${d.rest_seconds} s between sets` : '';
  return `${d.sets} ${d.sets === 1 ? 'set' : 'sets'} of ${what}${side}${rest}`;
}

export interface Step {
  ex: number;            // index of the exercise
  kind: 'card' | 'rep' | 'hold' | 'switch' | 'rest' | 'release';
  seconds: number;
  label: string;         // large text
  cue: string;           // spoken
  set: number; sets: number; side: string | null;
  rep?: number; reps?: number;
  phases?: { name: string; seconds: number }[];
}

const CARD_SECONDS = 20;

export function layout(exercises: PlayExercise[]): Step[] {
  const out: Step[] = [];
  exercises.forEach((e, ex) => {
    const d = e.dose;
    const sets = Math.max(1, d.sets || 1);
    out.push({ ex, kind: 'card', seconds: CARD_SECONDS, label: 'Get ready', cue: `Next: ${e.name}. ${doseText(d)}`, set: 0, sets, side: null });
    const sides = d.sides === 'each' ? ['right', 'left'] : [null];
    for (let s = 1; s <= sets; s++) {
      sides.forEach((side, si) => {
        if (si > 0) out.push({ ex, kind: 'switch', seconds: 5, label: 'Change sides', cue: `Change to the ${side} side`, set: s, sets, side });
        if (d.reps) {
          const t = d.tempo ?? { up: 2, hold: 0, down: 2 };
          const phases = [
            { name: 'Lift', seconds: t.up }, { name: 'Hold', seconds: t.hold }, { name: 'Lower', seconds: t.down },
          ].filter((p) => p.seconds > 0);
          const per = phases.reduce((n, p) => n + p.seconds, 0) || 3;
          for (let r = 1; r <= d.reps; r++) {
            const sideText = d.sides === 'alternate' ? (r % 2 ? ' (right)' : ' (left)') : '';
            out.push({ ex, kind: 'rep', seconds: per, label: `Rep ${r} of ${d.reps}${sideText}`, cue: r === 1 ? `${side ? side + ' side. ' : ''}Set ${s}. ${phases.map((p) => p.name).join(', ')}` : String(r),
              set: s, sets, side, rep: r, reps: d.reps, phases });
          }
        } else {
          const holds = 1;
          const secs = d.hold_seconds ?? (d.hold_breaths ? d.hold_breaths * 6 : 30);
          for (let h = 1; h <= holds; h++) {
            out.push({ ex, kind: 'hold', seconds: secs, label: d.hold_breaths ? `Hold for ${d.hold_breaths} slow breaths` : `Hold`, cue: `${side ? side + ' side. ' : ''}Hold`, set: s, sets, side });
          }
        }
      });
      if (s < sets && d.rest_seconds > 0) out.push({ ex, kind: 'rest', seconds: d.rest_seconds, label: 'Rest', cue: `Rest for ${d.rest_seconds} seconds`, set: s, sets, side: null });
    }
  });
  return out;
}

export function totalSeconds(steps: Step[]): number {
  return steps.reduce((n, s) => n + s.seconds, 0);
}
