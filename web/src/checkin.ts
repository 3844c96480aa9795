// The morning check-in page. The questions (the "anything new?" question and the warning signs,
// with their ids and words) come from the server (GET /api/v1/check-in-signs); the server decides
// everything else. A second check-in on the same day is replaced only after the person says so.
import { api, ApiError, Action, localDay, type CheckInRequest, type CheckInResult, type Triage } from './api';
import { dayText, h, type Kids } from './dom';
import { clearedStoppedLink } from './cleared';

/** What the page borrows from the app shell (main.ts). */
export interface CheckInShell {
  page: (title: string, ...body: Kids[]) => void;
  needPerson: () => boolean;
  errorBox: (e: unknown) => HTMLElement;
  scaleField: (name: string, legend: string, help: string) => HTMLElement;
  referral: (t: Triage) => HTMLElement[];
}

/** The stored check-in of the day named by a 409 conflict reply, or null for any other error. */
function existingOf(e: unknown): { next_morning_pain: number } | null {
  if (!(e instanceof ApiError) || e.status !== 409) return null;
  const body = e.body as { error?: { code?: string; field?: string | null }; existing?: { next_morning_pain: number } } | null;
  if (body?.error?.code !== 'conflict' || body.error.field !== 'replace' || !body.existing) return null;
  return body.existing;
}

function saved(shell: CheckInShell, r: CheckInResult): void {
  if (r.stopped && r.referral) { shell.page('Please stop the exercises', ...shell.referral(r.referral), clearedStoppedLink()); return; }
  shell.page('Check-in saved',
    h('p', { class: 'notice ok', role: 'status' },
      `Saved: pain ${r.next_morning_pain} out of 10 this morning.`,
      r.replaced ? ` It replaces the earlier check-in of today (pain ${r.replaced.next_morning_pain} out of 10).` : ''),
    r.cautions.length ? h('ul', {}, r.cautions.map((c) => h('li', {}, c))) : null,
    r.dose_changes.length ? [h('h2', {}, 'Changes to your doses'), h('ul', {}, r.dose_changes.map((d) => h('li', {}, `${d.name}: ${d.decision}. ${d.reason}`)))] : null,
    r.review?.message ? h('p', { class: r.review.see_clinician ? 'notice warn' : 'notice' }, r.review.message) : null,
    h('div', { class: 'row' }, h('a', { class: 'button', href: '#/progress' }, 'See my progress')));
}

/** Offline: the check-in waits on this phone. Any warning sign ticked is serious enough not to wait. */
function kept(shell: CheckInShell, body: CheckInRequest): void {
  shell.page('Check-in kept on this phone',
    h('p', { class: 'notice warn', role: 'status' }, `It could not be sent just now, so your check-in (pain ${body.next_morning_pain} out of 10) is kept on this phone. It will be sent by itself as soon as the connection allows, once only; your doses are reviewed then.`),
    body.red_flags.length ? h('p', { class: 'notice bad', role: 'alert' }, 'You ticked a warning sign. Do not wait for the connection: stop the exercises and contact a doctor or physiotherapist today. If it is severe, call the emergency number.') : null,
    h('div', { class: 'row' }, h('a', { class: 'button secondary', href: '#/' }, 'Back to the start')));
}

export async function checkInPage(shell: CheckInShell): Promise<void> {
  if (!shell.needPerson()) return;
  const questions = await api.checkInSigns();
  const action = new Action();
  const flags = h('fieldset', { hidden: true, id: 'flags' }, h('legend', {}, 'Which of these have you noticed?'),
    h('div', { class: 'opts' }, questions.signs.map((s) =>
      h('label', {}, h('input', { type: 'checkbox', name: 'flag', value: s.id }), s.prompt))));
  const worried = h('fieldset', {}, h('legend', {}, questions.question),
    h('div', { class: 'opts' },
      h('label', {}, h('input', { type: 'radio', name: 'worried', value: 'no', checked: true, onchange: () => { flags.hidden = true; } }), 'No'),
      h('label', {}, h('input', { type: 'radio', name: 'worried', value: 'yes', onchange: () => { flags.hidden = false; } }), 'Yes')));
  const prompt = h('div', { id: 'replace-prompt', hidden: true });
  const form = h('form', { novalidate: true },
    shell.scaleField('morning', 'How much does your knee hurt this morning?', '0 is no pain, 10 is the worst pain you can imagine.'),
    worried, flags, prompt, h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save the check-in')));

  const send = async (body: CheckInRequest): Promise<void> => {
    try {
      const r = await api.saveCheckIn(body, action, `Check-in of ${body.date ? dayText(body.date) : 'today'}: pain ${body.next_morning_pain}/10`);
      if (r.queued) { kept(shell, body); return; }
      saved(shell, r.reply);
    } catch (e) {
      const existing = existingOf(e);
      if (!existing) { form.append(shell.errorBox(e)); return; }
      const yes = h('button', { type: 'button' }, 'Replace it');
      const no = h('button', { type: 'button', class: 'secondary' }, 'Keep the earlier one');
      yes.addEventListener('click', () => { prompt.hidden = true; void send({ ...body, replace: true }); });
      no.addEventListener('click', () => { location.hash = '#/progress'; });
      prompt.replaceChildren(h('div', { class: 'notice warn', role: 'alertdialog', 'aria-labelledby': 'replace-q' },
        h('p', { id: 'replace-q' }, `You already checked in today (pain ${existing.next_morning_pain}/10). Replace it?`),
        h('div', { class: 'row' }, yes, no)));
      prompt.hidden = false;
      yes.focus();
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = form.querySelector<HTMLInputElement>('input[name=morning]:checked');
    if (!v) { (form.querySelector('#morning-err') as HTMLElement).textContent = 'Please choose a number from 0 to 10.'; (form.querySelector('input') as HTMLInputElement).focus(); return; }
    const yes = form.querySelector<HTMLInputElement>('input[name=worried]:checked')?.value === 'yes';
    const red = yes ? Array.from(form.querySelectorAll<HTMLInputElement>('input[name=flag]:checked')).map((i) => i.value) : [];
    prompt.hidden = true;
    void send({ next_morning_pain: Number(v.value), red_flags: red, date: localDay() });
  });
  shell.page('Morning check-in', h('p', {}, 'Answer this the morning after a session. It tells kneecoach whether your knee settled.'), form);
}
