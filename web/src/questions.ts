// The intake questions, one at a time, in plain words. They produce exactly the intake answers
// format v1 (shared/spec/intake.md). `when` hides questions that do not apply.

export type Answers = Record<string, unknown>;

interface Base { id: string; text: string; help?: string; when?: (a: Answers) => boolean; optional?: boolean }
export type Question =
  | (Base & { type: 'int'; min: number; max: number; unit?: string })
  | (Base & { type: 'number'; min: number; unit?: string })
  | (Base & { type: 'scale' })
  | (Base & { type: 'choice'; options: [string, string][] })
  | (Base & { type: 'multi'; options: [string, string][]; min?: number })
  | (Base & { type: 'bool' });

const injury = (a: Answers) => a.onset === 'injury';
const surgery = (a: Answers) => a._had_surgery === true;
const DAYS: [string, string][] = [
  ['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'],
  ['fri', 'Friday'], ['sat', 'Saturday'], ['sun', 'Sunday'],
];

export const QUESTIONS: Question[] = [
  { id: 'age', type: 'int', min: 12, max: 110, unit: 'years', text: 'How old are you?' },
  { id: 'knee', type: 'choice', text: 'Which knee hurts?', options: [['left', 'Left'], ['right', 'Right'], ['both', 'Both']] },
  { id: 'pain_now', type: 'scale', text: 'How much does it hurt right now?', help: '0 is no pain, 10 is the worst pain you can imagine.' },
  { id: 'pain_worst_week', type: 'scale', optional: true, text: 'What was the worst pain in the past week?', help: '0 is no pain, 10 is the worst pain you can imagine.' },
  { id: 'duration_weeks', type: 'number', min: 0, unit: 'weeks', optional: true, text: 'How many weeks has it hurt?', help: 'A rough number is fine. Less than a week: type 0.' },
  { id: 'location', type: 'multi', text: 'Where does it hurt?', help: 'Choose all that apply.', min: 1, options: [
    ['front', 'At the front, around or behind the kneecap'], ['inner', 'On the inner side'], ['outer', 'On the outer side'],
    ['back', 'At the back'], ['whole', 'All over the knee']] },
  { id: 'onset', type: 'choice', text: 'How did it start?', options: [['gradual', 'Slowly, over time'], ['injury', 'With a fall, a twist or a blow']] },
  { id: 'injury_days_ago', type: 'number', min: 0, unit: 'days', optional: true, when: injury, text: 'How many days ago did it happen?' },
  { id: 'could_walk_4_steps_after_injury', type: 'bool', when: injury, text: 'Right after it happened, could you take four steps (two on each leg)?' },
  { id: 'pop_at_injury', type: 'bool', when: injury, text: 'Did you feel or hear a pop when it happened?' },
  { id: 'swelled_within_hours', type: 'bool', when: injury, text: 'Did the knee swell up within a few hours?' },
  { id: 'kneecap_or_fibula_tender', type: 'bool', when: injury, text: 'Does it hurt when you press on the kneecap, or on the bony bump on the outer side just below the knee?' },
  { id: 'can_walk_4_steps_now', type: 'bool', text: 'Can you take four steps now? Limping is fine.' },
  { id: 'can_bend_to_90', type: 'bool', text: 'Can you bend the knee to a right angle, as when sitting on a chair?' },
  { id: 'hot_red_swollen', type: 'bool', text: 'Is the knee hot, red, or swollen and tender?' },
  { id: 'fever_or_unwell', type: 'bool', text: 'Do you have a fever or chills, or feel generally unwell?' },
  { id: 'calf_pain_or_swelling', type: 'bool', text: 'Is there pain, swelling or tenderness in the calf of that leg?' },
  { id: 'numb_or_cold_foot', type: 'bool', text: 'Is the foot on that side numb, tingling, cold or pale?' },
  { id: 'deformity', type: 'bool', text: 'Does the knee or leg look out of shape?' },
  { id: 'locked', type: 'bool', text: 'Does the knee get stuck so that you cannot straighten it fully?' },
  { id: 'gives_way', type: 'bool', text: 'Does the knee give way or buckle?' },
  { id: 'night_or_rest_pain', type: 'bool', text: 'Do you have constant pain at night or at rest that painkillers do not ease?' },
  { id: 'unexplained_weight_loss', type: 'bool', text: 'Have you lost weight without trying?' },
  { id: 'cancer_history', type: 'bool', text: 'Have you ever had cancer?' },
  { id: 'pain_getting_worse', type: 'bool', text: 'Is the pain steadily getting worse?' },
  { id: 'sharp_pain', type: 'bool', text: 'Is the pain sharp, rather than a dull ache?' },
  { id: 'swelling', type: 'bool', text: 'Is the knee swollen now?' },
  { id: '_had_surgery', type: 'bool', text: 'Have you had an operation on this knee?' },
  { id: 'weeks_since_knee_surgery', type: 'number', min: 0, unit: 'weeks', when: surgery, text: 'How many weeks ago was the operation?' },
  { id: 'joint_replacement', type: 'bool', when: surgery, text: 'Was the knee replaced (a new knee joint)?' },
  { id: 'morning_stiffness_over_30_min', type: 'bool', text: 'When you wake up, does the stiffness last more than half an hour?' },
  { id: 'underlying_condition', type: 'bool', text: 'Has a doctor said a heart, lung or other condition limits your exercise, or that you have inflammatory arthritis?' },
  { id: 'can_kneel', type: 'bool', text: 'Can you kneel on a cushion or padded mat?' },
  { id: 'can_get_down_to_floor', type: 'bool', text: 'Can you get down to a mat on the floor and back up?' },
  { id: 'equipment', type: 'multi', text: 'What do you have at home?', help: 'Choose all that apply.', options: [
    ['chair', 'A sturdy chair'], ['step', 'A stair or exercise step'], ['wall', 'A clear wall'], ['mat', 'An exercise mat'],
    ['books', 'A few thick books'], ['counter', 'A kitchen counter or table to hold'], ['band', 'An exercise band']] },
  { id: 'days', type: 'multi', text: 'On which days can you exercise?', help: 'Choose at least two days.', min: 2, options: DAYS },
  { id: 'minutes_per_session', type: 'int', min: 5, max: 90, unit: 'minutes', text: 'How many minutes can you spend on one session?', help: 'Between 5 and 90. 20 is a good start.' },
  { id: 'runner', type: 'bool', text: 'Do you run regularly?' },
];

export function visible(a: Answers): Question[] {
  return QUESTIONS.filter((q) => !q.when || q.when(a));
}

/** Validates one raw form value; returns [value, null] or [undefined, message]. */
export function validate(q: Question, raw: unknown): [unknown, string | null] {
  switch (q.type) {
    case 'int':
    case 'number': {
      const s = String(raw ?? '').trim();
      if (s === '') return q.optional ? [undefined, null] : [undefined, 'Please type a number.'];
      if (!/^\d+(\.\d+)?$/.test(s)) return [undefined, 'Please type a number using digits only, for example 3.'];
      const n = Number(s);
      if (q.type === 'int' && !Number.isInteger(n)) return [undefined, 'Please type a whole number.'];
      if (n < q.min) return [undefined, `Please type a number of at least ${q.min}.`];
      if (q.type === 'int' && n > q.max) return [undefined, `Please type a number between ${q.min} and ${q.max}.`];
      return [n, null];
    }
    case 'scale':
      if (raw === undefined || raw === null || raw === '') return q.optional ? [undefined, null] : [undefined, 'Please choose a number from 0 to 10.'];
      return [Number(raw), null];
    case 'choice':
      if (!raw) return [undefined, 'Please choose one answer.'];
      return [raw, null];
    case 'bool':
      if (raw !== 'yes' && raw !== 'no') return [undefined, 'Please answer yes or no.'];
      return [raw === 'yes', null];
    case 'multi': {
      const list = (raw as string[]) ?? [];
      if (q.min && list.length < q.min) return [undefined, q.min === 1 ? 'Please choose at least one.' : `Please choose at least ${q.min}.`];
      return [list, null];
    }
  }
}

/** The intake answers document (format v1) from the wizard's answers. */
export function toDocument(a: Answers): Record<string, unknown> {
  const doc: Record<string, unknown> = { version: 1 };
  for (const q of visible(a)) {
    if (q.id.startsWith('_')) continue;
    const v = a[q.id];
    if (v === undefined) continue;
    doc[q.id] = v;
  }
  return doc;
}
