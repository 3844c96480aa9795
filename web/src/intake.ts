// The intake questionnaire in the browser. The questions, their order, wording, limits and gating
// are the server's (core/intake/questionnaire.cpp, the same the terminal asks): each answer goes to
// POST /api/v1/intake/answer, which checks it and names the next relevant question. This file only
// renders a question and sends what was chosen or typed.
import { api, Action, ApiError, setPersonId, type ServerQuestion } from './api';
import { clearedSigns, finishCleared, keepReferral, type EarlyStop } from './cleared';
import { h, type Kids } from './dom';

/** What the page needs from the app shell (main.ts). */
export interface IntakeShell {
  page: (title: string, ...body: Kids[]) => void;
  errorBox: (e: unknown) => HTMLElement;
}

/** The answers the server kept (by question id), and the question on screen. */
interface WizardState { answers: Record<string, unknown>; current: string | null }

const STATE = 'kneecoach.intake';
let questions: Map<string, ServerQuestion> | null = null;

export function loadState(): WizardState {
  try {
    const s = JSON.parse(sessionStorage.getItem(STATE) ?? '');
    if (s && typeof s === 'object' && s.answers && typeof s.answers === 'object') return s as WizardState;
  } catch { /* new */ }
  return { answers: {}, current: null };
}
export function saveState(s: WizardState): void {
  sessionStorage.setItem(STATE, JSON.stringify(s));
}
export function clearState(): void {
  sessionStorage.removeItem(STATE);
}

/** Radios for 0-10 scales, yes/no and one-of; checkboxes for many-of; a text box for other numbers. */
function control(q: ServerQuestion, value: unknown, describedBy: string): HTMLElement {
  const name = `q-${q.id}`;
  const helpId = `help-${q.id}`;
  const help = q.help ? h('p', { class: 'help', id: helpId }, q.help) : null;
  const radio = (v: string, label: string, checked: boolean) =>
    h('label', {}, h('input', { type: 'radio', name, value: v, checked, 'aria-describedby': describedBy }), label);
  const scale = q.kind === 'whole_number' && q.min === 0 && q.max === 10;
  if (q.kind === 'yes_no') {
    return h('fieldset', { 'data-qid': q.id }, h('legend', { class: 'visually-hidden' }, q.prompt), help,
      h('div', { class: 'opts' }, radio('yes', 'Yes', value === true), radio('no', 'No', value === false)));
  }
  if (q.kind === 'one_of' || scale) {
    const opts = scale ? Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) })) : q.choices;
    return h('fieldset', { 'data-qid': q.id }, h('legend', { class: 'visually-hidden' }, q.prompt), help,
      h('div', { class: scale ? 'opts scale' : 'opts' }, opts.map((c) => radio(c.value, c.label, value !== null && value !== undefined && String(value) === c.value))));
  }
  if (q.kind === 'many_of') {
    return h('fieldset', { 'data-qid': q.id }, h('legend', { class: 'visually-hidden' }, q.prompt), help,
      h('div', { class: 'opts' }, q.choices.map((c) => h('label', {},
        h('input', { type: 'checkbox', name, value: c.value, checked: Array.isArray(value) && value.includes(c.value), 'aria-describedby': describedBy }), c.label))));
  }
  return h('div', { 'data-qid': q.id },
    h('label', { class: 'q-label visually-hidden', for: name }, q.prompt), help,
    h('p', {}, h('input', { id: name, name, type: 'text', inputmode: q.kind === 'whole_number' ? 'numeric' : 'decimal', autocomplete: 'off',
      value: value === undefined || value === null ? '' : String(value), 'aria-describedby': describedBy })));
}

/** What the form holds, as sent to the server: the text typed, the value chosen, or null for none. */
function formValue(q: ServerQuestion, form: HTMLElement): unknown {
  if (q.kind === 'many_of') return Array.from(form.querySelectorAll<HTMLInputElement>('input:checked')).map((i) => i.value);
  const text = form.querySelector<HTMLInputElement>('input[type=text]');
  if (text) return text.value;
  return form.querySelector<HTMLInputElement>('input:checked')?.value ?? null;
}

function skipLabel(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export async function intake(shell: IntakeShell): Promise<void> {
  const { page, errorBox } = shell;
  try {
    if (!questions) questions = new Map((await api.questions()).questions.map((q) => [q.id, q]));
  } catch (e) {
    page('Questions', errorBox(e));
    return;
  }
  const st = loadState();
  let turn;
  try { turn = await api.answer(st.answers, undefined, clearedSigns()); } catch {
    clearState();  // answers kept from an older questionnaire: start again
    st.answers = {}; st.current = null;
    turn = await api.answer({}, undefined, clearedSigns());
  }
  const list = turn.relevant;
  const id = st.current && list.includes(st.current) ? st.current : turn.next?.id ?? list[0];
  const q = questions.get(id);
  if (!q) { page('Questions', errorBox('The questions could not be loaded.')); return; }
  const idx = list.indexOf(id);
  const errId = `err-${q.id}`;
  const describedBy = [q.help ? `help-${q.id}` : '', errId].filter(Boolean).join(' ');
  const err = h('p', { id: errId, class: 'error', role: 'alert' });
  const field = control(q, turn.answers[q.id], describedBy);
  const form = h('form', { novalidate: true }, field, err,
    h('div', { class: 'row' },
      h('button', { type: 'submit' }, idx === list.length - 1 ? 'Finish' : 'Next'),
      q.skip_word ? h('button', { type: 'button', class: 'secondary', 'data-skip': '1', onclick: () => void go(null) }, skipLabel(q.skip_word)) : null,
      idx > 0 ? h('button', { type: 'button', class: 'secondary', onclick: () => { st.current = list[idx - 1]; saveState(st); void intake(shell); } }, 'Back') : null));

  async function go(value: unknown): Promise<void> {
    let next;
    try {
      next = await api.answer({ ...st.answers, [q!.id]: value }, q!.id, clearedSigns());
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        err.textContent = e.message;
        const input = form.querySelector('input');
        input?.setAttribute('aria-invalid', 'true');
        (input as HTMLInputElement | null)?.focus();
        return;
      }
      form.append(errorBox(e));
      return;
    }
    st.answers = next.answers;
    if (next.next) {
      st.current = next.next.id;
      saveState(st);
      void intake(shell);
      return;
    }
    st.current = q!.id;
    saveState(st);
    // Stopped early by a warning sign: what "I have been seen and cleared" goes on from later.
    const early = next.stopped ? { given: next.answers, after: q!.id, signs: next.stopped.reasons.map((r) => r.rule) } : undefined;
    if (clearedSigns().length) await finishCleared(shell, next.document, early);
    else await finish(shell, next.document, early);
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void go(formValue(q, form));
  });
  const pct = Math.round((idx / list.length) * 100);
  // The heading is the question itself (the page heading a screen reader announces); the form's
  // legend repeats it for the controls, hidden from sight.
  page(q.prompt,
    h('p', { class: 'help' }, `Question ${idx + 1} of ${list.length}`),
    h('div', { class: 'progressbar', role: 'progressbar', 'aria-label': 'Questions answered', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(pct) },
      h('div', { style: `width:${pct}%` })),
    form);
  // Put the keyboard where the answer goes.
  (form.querySelector('input:checked, input') as HTMLInputElement | null)?.focus();
}

/** Sends the answers document the server built (the terminal's `intake` writes the same) to set up the person. */
// One Idempotency-Key for the answers being sent: "Try again" after a lost reply reuses it, so
// the person is set up once however often the request reaches the server.
const sending = new Action();

async function finish(shell: IntakeShell, doc: Record<string, unknown>, early?: EarlyStop): Promise<void> {
  const { page, errorBox } = shell;
  page('Checking your answers', h('p', { role: 'status' }, 'One moment…'));
  try {
    const r = await api.create(doc, undefined, sending);
    sending.done();
    sessionStorage.setItem('kneecoach.result', JSON.stringify(r));
    if (r.status === 'created' && r.person) setPersonId(r.person.id);
    if (r.status === 'referral') keepReferral(doc, early);  // for "I have been seen and cleared", later
    location.hash = '#/result';
  } catch (e) {
    page('Something went wrong', errorBox(e),
      h('div', { class: 'row' }, h('button', { type: 'button', onclick: () => { void finish(shell, doc, early); } }, 'Try again')),
      h('p', {}, h('a', { href: '#/intake' }, 'Back to the questions')));
  }
}
