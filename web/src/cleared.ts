// "I have been seen and cleared": the path for later on the referral page. The person records who
// cleared them, when, and the clinician's limits; the server checks every field, decides which
// warning signs the clearance covers (the ones present) and builds the program keeping to the limits.
import { api, Action, setPersonId, type Clearance, type CreateResult } from './api';
import { h } from './dom';
import { saveState as saveIntake } from './intake';

/** Where an older version kept the answers on the device (localStorage): removed on load. */
const OLD_KEPT = 'kneecoach.referral';

/** What a referral leaves for later: the answers that raised it and the day it was shown. When a
 * warning sign stopped the questions early, `early` holds the answers by question (to go on from)
 * and the signs the referral named (what a clearance covers). */
interface KeptReferral { answers: Record<string, unknown>; on: string; early?: EarlyStop }
export interface EarlyStop { given: Record<string, unknown>; after: string; signs: string[] }

/** A clearance recorded after an early stop, while the person answers the questions left. */
interface Pending { clearance: Clearance; on: string; signs: string[] }

// Health answers never persist on the device (a shared phone or computer): the referral's answers
// are kept in this page's memory only, for as long as it is open, and are gone on a reload or when
// the tab closes. Only the server stores anything, once the clearance is recorded.
let keptInMemory: KeptReferral | null = null;
let pending: Pending | null = null;
try { localStorage.removeItem(OLD_KEPT); } catch { /* storage off: nothing kept there */ }

function localIso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Keeps a referral's answers in this page's memory (never on the device) for "I have been seen and cleared". */
export function keepReferral(answers: Record<string, unknown>, early?: EarlyStop): void {
  keptInMemory = { answers, on: pending?.on ?? localIso(new Date()), early };
}

/** The signs a clearance being completed covers (sent with each question left), or none. */
export function clearedSigns(): string[] { return pending?.signs ?? []; }

export function keptReferral(): KeptReferral | null { return keptInMemory; }

/** Forgets the referral's answers and any clearance being completed (used, or the person starts again). */
export function forgetReferral(): void { keptInMemory = null; pending = null; }

/** The link on the referral page, when there are answers to clear. */
export function clearedLink(): HTMLElement | null {
  if (!keptReferral()) return null;
  return h('section', { class: 'later', 'aria-labelledby': 'later-h' },
    h('h2', { id: 'later-h' }, 'Later: after you have been seen'),
    h('p', {}, 'If a doctor or physiotherapist has examined your knee and said exercise is safe, record it here. The program will keep to the limits they gave you.'),
    h('p', {}, h('a', { class: 'button secondary', href: '#/cleared' }, 'I have been seen and cleared')));
}

export interface ClearedShell {
  page: (title: string, ...kids: (HTMLElement | null)[]) => void;
  errorBox: (e: unknown) => HTMLElement;
}

function field(id: string, label: string, input: HTMLElement, help?: string): HTMLElement {
  return h('p', { class: 'field' }, h('label', { for: id }, label), help ? h('span', { class: 'help', id: `${id}-help` }, help) : null, input);
}

const sending = new Action();

/** The form: who cleared the person, when (from `min` to today), and their limits; `send` gets the clearance. */
function clearanceForm(min: string, send: (c: Clearance, error: HTMLElement) => void, button = 'Save and build my program'): { form: HTMLElement; avoidBox: HTMLElement } {
  const today = localIso(new Date());
  const name = h('input', { id: 'clinician', type: 'text', name: 'clinician', required: true, maxlength: 100, autocomplete: 'off' }) as HTMLInputElement;
  const role = h('input', { id: 'role', type: 'text', name: 'role', required: true, maxlength: 100, list: 'roles', 'aria-describedby': 'role-help' }) as HTMLInputElement;
  const roles = h('datalist', { id: 'roles' }, ['physiotherapist', 'GP', 'orthopaedic surgeon', 'sports doctor'].map((r) => h('option', { value: r })));
  const on = h('input', { id: 'cleared-on', name: 'cleared_on', type: 'date', required: true, min, max: today, value: today, 'aria-describedby': 'cleared-on-help' }) as HTMLInputElement;
  const check = (id: string, text: string) => h('label', {}, h('input', { type: 'checkbox', id, name: id }), ` ${text}`);
  const ceiling = h('select', { id: 'pain-ceiling', name: 'pain_ceiling', 'aria-describedby': 'pain-ceiling-help' },
    h('option', { value: '' }, 'No limit given (the usual 5 out of 10)'),
    [0, 1, 2, 3, 4].map((n) => h('option', { value: String(n) }, `${n} out of 10`))) as HTMLSelectElement;
  const avoidBox = h('div', { class: 'opts', id: 'avoid' }, h('p', { role: 'status' }, 'Loading the exercises…'));
  const note = h('textarea', { id: 'note', name: 'note', maxlength: 500, rows: 3, 'aria-describedby': 'note-help' }) as HTMLTextAreaElement;
  const error = h('div', { id: 'cleared-error' });
  const form = h('form', { novalidate: true },
    field('clinician', 'Who saw you (their name)', name),
    field('role', 'Their role', role, 'For example physiotherapist or GP.'), roles,
    field('cleared-on', 'The day they cleared you', on, 'Not in the future, and not before you were told to see someone.'),
    h('fieldset', {}, h('legend', {}, 'Their limits (tick what they said)'),
      h('div', { class: 'opts' }, check('no-kneeling', 'No kneeling'), check('no-deep-knee-bend', 'No deep knee bends')),
      field('pain-ceiling', 'Most pain allowed during exercise', ceiling, 'If they gave a lower limit than the usual 5 out of 10.'),
      h('fieldset', {}, h('legend', {}, 'Exercises they said to avoid'), avoidBox),
      field('note', 'Anything else they said (shown on your plan)', note, 'Up to 500 characters.')),
    error,
    h('div', { class: 'row' }, h('button', { type: 'submit' }, button)));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const avoid = Array.from(avoidBox.querySelectorAll<HTMLInputElement>('input:checked')).map((i) => i.value);
    send({
      clinician: name.value.trim(), role: role.value.trim(), cleared_on: on.value,
      limits: {
        no_kneeling: (form.querySelector('#no-kneeling') as HTMLInputElement).checked,
        no_deep_knee_bend: (form.querySelector('#no-deep-knee-bend') as HTMLInputElement).checked,
        pain_ceiling: ceiling.value === '' ? null : Number(ceiling.value), avoid, note: note.value.trim(),
      },
    }, error);
  });
  return { form, avoidBox };
}

async function fillAvoid(avoidBox: HTMLElement): Promise<void> {
  try {
    const { exercises } = await api.exercises();
    avoidBox.replaceChildren(...exercises.map((e) => h('label', {}, h('input', { type: 'checkbox', name: 'avoid', value: e.id }), ` ${e.name}`)));
  } catch {
    avoidBox.replaceChildren(h('p', {}, 'The exercise list could not be loaded; write any to avoid in the note.'));
  }
}

export async function clearedPage(shell: ClearedShell): Promise<void> {
  const kept = keptReferral();
  if (!kept) {
    shell.page('Seen and cleared',
      h('p', {}, 'Your answers are not kept on this device, for your privacy, so they are gone once the page is closed or reloaded. Answer the questions again; at the end, the page that tells you whom to see has "I have been seen and cleared".'),
      h('p', {}, h('a', { class: 'button', href: '#/intake' }, 'Start the questions')));
    return;
  }
  const early = kept.early;
  if (early) {
    // The questions stopped at the warning sign: first the clearance, then the questions left
    // (the cleared signs no longer stop them; a new one does), then the program (intake.ts).
    const { form, avoidBox } = clearanceForm(kept.on, (clearance, error) => {
      void (async () => {
        try {
          const turn = await api.answer(early.given, early.after, early.signs);
          pending = { clearance, on: kept.on, signs: early.signs };
          saveIntake({ answers: turn.answers, current: turn.next?.id ?? early.after });
          location.hash = '#/intake';
        } catch (e) {
          error.replaceChildren(shell.errorBox(e));
        }
      })();
    }, 'Save and answer the questions left');
    shell.page('I have been seen and cleared',
      h('p', {}, 'Record who examined your knee and what they said. The questions stopped at the warning sign, so some were not asked yet: after this form you answer those, then your program is built, keeping to the limits.'),
      h('p', {}, 'The clearance covers only the warning signs you had: if anything new or different happens, the questions or the program stop and tell you whom to see.'),
      form);
    await fillAvoid(avoidBox);
    return;
  }
  const { form, avoidBox } = clearanceForm(kept.on, (clearance, error) => { void submit(shell, () => api.clear(kept.answers, clearance, kept.on, sending), error); });
  shell.page('I have been seen and cleared',
    h('p', {}, 'Record who examined your knee and what they said. The clearance covers only the warning signs you had: if anything new or different happens, the program stops and tells you whom to see.'),
    form);
  await fillAvoid(avoidBox);
}

/** The link where a stopped program is shown (program page, session, check-in). */
export function clearedStoppedLink(): HTMLElement {
  return h('p', { class: 'later' }, 'If a doctor or physiotherapist has examined your knee since and said exercise is safe: ',
    h('a', { class: 'button secondary', href: '#/cleared-stopped' }, 'I have been seen and cleared'));
}

/** "I have been seen and cleared" for the person whose program a check-in stopped: their answers are on the server. */
export async function clearedStoppedPage(shell: ClearedShell & { needPerson: () => boolean }): Promise<void> {
  if (!shell.needPerson()) return;
  shell.page('I have been seen and cleared', h('p', { role: 'status' }, 'Loading…'));
  let stoppedOn = '';
  try {
    const { stopped } = await api.plan();
    if (!stopped) {
      shell.page('Your program is not stopped', h('p', {}, 'There is nothing to clear: your program runs as planned.'),
        h('p', {}, h('a', { class: 'button', href: '#/program' }, 'See my program')));
      return;
    }
    stoppedOn = localIso(new Date(stopped.at));
    const { form, avoidBox } = clearanceForm(stoppedOn, (clearance, error) => { void submit(shell, () => api.clearStopped(clearance, sending), error); });
    shell.page('I have been seen and cleared',
      h('div', { class: 'notice bad', role: 'status' }, h('p', {}, h('strong', {}, 'Your program was stopped: '), stopped.reason)),
      h('p', {}, 'Record who examined your knee and what they said. The clearance covers only the warning signs that stopped the program: if anything new or different happens, the program stops again and tells you whom to see.'),
      form);
    await fillAvoid(avoidBox);
  } catch (e) {
    shell.page('I have been seen and cleared', shell.errorBox(e));
  }
}

/** Ends the questions left after a clearance (`doc`: every answer, as the server built it): sends the
 * clearance with them. A refusal goes back to the clearance form, now with the whole answers. */
export async function finishCleared(shell: ClearedShell, doc: Record<string, unknown>, early?: EarlyStop): Promise<void> {
  const p = pending!;
  shell.page('Checking your answers', h('p', { role: 'status' }, 'One moment…'));
  try {
    const r = await api.clear(doc, { ...p.clearance, flags: p.signs }, p.on, sending);
    sending.done();
    sessionStorage.setItem('kneecoach.result', JSON.stringify(r));
    if (r.status === 'created' && r.person) {
      setPersonId(r.person.id);
      forgetReferral();
    } else if (r.status === 'referral') {
      // A new warning sign: a later clearance covers it and the ones cleared before.
      keepReferral(doc, early && { ...early, signs: [...p.signs, ...early.signs] });
      pending = null;
    }
    location.hash = '#/result';
  } catch (e) {
    keepReferral(doc);
    pending = null;
    shell.page('Your clearance was not saved', shell.errorBox(e),
      h('p', {}, 'Your answers are kept on this page until it is closed: correct the clearance and save it again.'),
      h('p', {}, h('a', { class: 'button', href: '#/cleared' }, 'Back to the clearance')));
  }
}

/** Sends a clearance (`request`) and shows the result page; a refusal stays on the form with the server's words. */
async function submit(shell: ClearedShell, request: () => Promise<CreateResult>, error: HTMLElement): Promise<void> {
  error.replaceChildren();
  try {
    const r = await request();
    sending.done();
    sessionStorage.setItem('kneecoach.result', JSON.stringify(r));
    if (r.status === 'created' && r.person) {
      setPersonId(r.person.id);
      forgetReferral();
    }
    location.hash = '#/result';
  } catch (e) {
    error.replaceChildren(shell.errorBox(e));
    error.scrollIntoView({ block: 'center' });
  }
}
