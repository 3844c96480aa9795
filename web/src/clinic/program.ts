// The program on the patient's record (contract B): the exercises with dose, limit and why, every
// change with who made it, and the clinician's changes. The planner decides which exercise suits
// this person (the candidates' "allowed" and "why") and refuses a change its safety rules forbid
// (422 with the rule); this page shows the rule and asks for an override reason. No rule lives here.
import { api, ApiError, type CatalogExercise, type ProgramInForce } from '../api';
import { fill, h } from '../dom';
import { clinicApi, type Candidate, type ChangeKind, type ChangeRequest, type ClinicProgram, type DoseSpec, type ProgramChange } from './api';
import { clinicError, sentence, when } from './shell';

const KIND_WORDS: Record<string, string> = {
  add: 'Added', remove: 'Removed', swap: 'Swapped', dose: 'Dose set', limit: 'Limit set', pause: 'Paused', resume: 'Resumed', message: 'Message',
  progress: 'Progressed', regress: 'Eased', hold: 'Held',
};

/** "3 × 10, hold 5 s" for a dose object (or its text when the server sends text). */
export function doseText(d: unknown): string {
  if (d === null || d === undefined) return '';
  if (typeof d === 'string') return d;
  const o = d as DoseSpec & { text?: string; dose_text?: string };
  if (o.text) return o.text;
  if (o.dose_text) return o.dose_text;
  const parts = [o.sets ? `${o.sets} ${o.sets === 1 ? 'set' : 'sets'}` : '', o.reps ? `${o.reps} reps` : '', o.hold_seconds ? `hold ${o.hold_seconds} s` : ''].filter(Boolean);
  return parts.join(', ');
}

function changeLine(c: ProgramChange, names: Map<string, string>): HTMLElement {
  const name = (id?: string | null) => (id ? names.get(id) ?? id : '');
  const what = [KIND_WORDS[c.kind] ?? c.kind, name(c.exercise), c.replacement ? `→ ${name(c.replacement)}` : '',
    c.dose ? doseText(c.dose) : '', c.limit ? `limit ${doseText(c.limit)}` : '', c.text ? `“${c.text}”` : ''].filter(Boolean).join(' ');
  return h('li', {}, h('strong', {}, what), ` — ${c.by}, ${when(c.at)}`, c.reason ? `: ${c.reason}` : '',
    c.override_reason ? h('span', { class: 'override' }, ` (safety rule overridden${c.overridden_rule ? `: ${c.overridden_rule}` : ''}; reason: ${c.override_reason})`) : null);
}

function number(id: string, label: string): HTMLElement {
  return h('div', { class: 'field small' }, h('label', { for: id }, label), h('input', { id, type: 'number', min: '0', inputmode: 'numeric' }));
}

/** The panel for one change: its fields, the reason, and the override step after a refusal. */
function changePanel(person: string, kind: ChangeKind, program: ClinicProgram, exercise: string | null, done: () => void): HTMLElement {
  const names = new Map([...program.exercises, ...program.candidates].map((e) => [e.id, e.name]));
  const title = { add: 'Add an exercise', remove: `Remove ${names.get(exercise ?? '') ?? ''}`, swap: `Swap ${names.get(exercise ?? '') ?? ''}`,
    dose: `Set the dose of ${names.get(exercise ?? '') ?? ''}`, limit: `Set a limit for ${names.get(exercise ?? '') ?? ''}`,
    pause: 'Pause the program', resume: 'Resume the program', message: 'Send the patient a message' }[kind];
  const err = h('div', { 'aria-live': 'assertive' });
  const override = h('div', { class: 'field', hidden: true }, h('label', { for: 'override-reason' }, 'Override reason (recorded and shown in the history)'),
    h('input', { id: 'override-reason', type: 'text', maxlength: '500' }));
  const save = h('button', { type: 'submit' }, kind === 'message' ? 'Send' : 'Save the change');
  const fields: (HTMLElement | null)[] = [];
  if (kind === 'add' || kind === 'swap') fields.push(candidatePicker(program.candidates, kind === 'swap' ? exercise : null));
  if (kind === 'dose' || kind === 'limit') {
    fields.push(h('div', { class: 'row' }, number('d-sets', 'Sets'), number('d-reps', 'Reps or holds'), number('d-hold', 'Hold (seconds)')),
      kind === 'limit' ? h('p', { class: 'help' }, 'Automatic progression will not go above this.') : null);
  }
  if (kind === 'message') fields.push(h('div', { class: 'field' }, h('label', { for: 'message-text' }, 'Message (the patient sees it on their next visit)'), h('textarea', { id: 'message-text', rows: '3', maxlength: '500' })));
  if (kind !== 'message') fields.push(h('div', { class: 'field' }, h('label', { for: 'change-reason' }, 'Reason (the patient sees it)'), h('input', { id: 'change-reason', type: 'text', maxlength: '500' })));
  const form = h('form', { id: 'change-panel', class: 'panel', 'data-kind': kind }, h('h3', {}, title), ...fields, err, override,
    h('div', { class: 'row' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => form.remove() }, 'Cancel')));
  const val = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement | null)?.value.trim() ?? '';
  const num = (id: string) => (val(id) === '' ? undefined : Number(val(id)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.replaceChildren();
    const req: ChangeRequest = { kind };
    if (exercise) req.exercise = exercise;
    if (kind === 'add') req.exercise = (form.querySelector('input[name=candidate]:checked') as HTMLInputElement | null)?.value;
    if (kind === 'swap') req.replacement = (form.querySelector('input[name=candidate]:checked') as HTMLInputElement | null)?.value;
    if ((kind === 'add' && !req.exercise) || (kind === 'swap' && !req.replacement)) { err.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'Choose an exercise from the list.')); return; }
    if (kind === 'dose' || kind === 'limit') req[kind] = { sets: num('d-sets'), reps: num('d-reps'), hold_seconds: num('d-hold') };
    if (kind === 'message') req.text = val('message-text');
    if (val('change-reason')) req.reason = val('change-reason');
    if (!override.hidden) {
      if (!val('override-reason')) { err.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'Give the reason for overriding the safety rule, or cancel.')); return; }
      req.override_reason = val('override-reason');
    }
    save.setAttribute('disabled', '');
    try {
      await clinicApi.changeProgram(person, req);
      done();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && (e.body as { error?: { code?: string } } | null)?.error?.code !== 'idempotency_key_reused') {
        const rule = (e.body as { error?: { rule?: string } } | null)?.error?.rule;
        override.hidden = false;
        save.textContent = 'Override and save';
        err.replaceChildren(h('div', { class: 'notice warn', role: 'alert' }, h('p', {}, h('strong', {}, 'A safety rule forbids this change. '), sentence(e.message)),
          rule ? h('p', { class: 'help' }, `Rule: ${rule}`) : null, h('p', {}, 'To make it anyway, give your reason for overriding; it is recorded.')));
        (form.querySelector('#override-reason') as HTMLInputElement).focus();
      } else if (e instanceof ApiError && e.status < 500 && e.status !== 401 && e.status !== 404) {
        err.replaceChildren(h('p', { class: 'error', role: 'alert' }, sentence(e.message)));
      } else {
        err.replaceChildren(clinicError(e, 'Changing the program'));
      }
    } finally {
      save.removeAttribute('disabled');
    }
  });
  return form;
}

/** The catalog as the planner judges it for this person: filter by text, by kind, suitable only. */
function candidatePicker(candidates: Candidate[], current: string | null): HTMLElement {
  const list = h('ul', { class: 'candidates' });
  const text = h('input', { id: 'cand-q', type: 'search', autocomplete: 'off' }) as HTMLInputElement;
  const kinds = [...new Set(candidates.map((c) => c.kind).filter((k): k is string => !!k))].sort();
  const kind = h('select', { id: 'cand-kind' }, h('option', { value: '' }, 'All kinds'), kinds.map((k) => h('option', { value: k }, k))) as HTMLSelectElement;
  const gear = [...new Set(candidates.flatMap((c) => c.equipment ?? []))].sort();
  const kit = h('select', { id: 'cand-gear' }, h('option', { value: '' }, 'Any equipment'), gear.map((g) => h('option', { value: g }, `needs ${g}`)),
    h('option', { value: '-' }, 'needs nothing')) as HTMLSelectElement;
  const onlyOk = h('input', { id: 'cand-ok', type: 'checkbox' }) as HTMLInputElement;
  const draw = () => {
    const q = text.value.trim().toLowerCase();
    const needs = (c: Candidate) => !kit.value || (kit.value === '-' ? !(c.equipment ?? []).length : (c.equipment ?? []).includes(kit.value));
    const shown = candidates.filter((c) => c.id !== current && (!q || c.name.toLowerCase().includes(q)) && (!kind.value || c.kind === kind.value) && needs(c) && (!onlyOk.checked || c.allowed));
    list.replaceChildren(...shown.map((c) => h('li', { class: c.allowed ? 'ok' : 'no' },
      h('label', {}, h('input', { type: 'radio', name: 'candidate', value: c.id }), h('strong', {}, c.name), ' ',
        h('span', { class: c.allowed ? 'tag ok' : 'tag no' }, c.allowed ? 'suits' : 'planner would exclude'), c.in_program ? h('span', { class: 'tag' }, 'in the program') : null),
      h('p', { class: 'help' }, c.why))));
    if (!shown.length) list.append(h('li', {}, 'No exercise matches.'));
  };
  text.addEventListener('input', draw);
  kind.addEventListener('change', draw);
  kit.addEventListener('change', draw);
  onlyOk.addEventListener('change', draw);
  draw();
  return h('fieldset', {}, h('legend', {}, 'Exercise from the catalog'),
    h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'cand-q' }, 'Name'), text),
      kinds.length ? h('div', { class: 'field' }, h('label', { for: 'cand-kind' }, 'Kind'), kind) : null,
      gear.length ? h('div', { class: 'field' }, h('label', { for: 'cand-gear' }, 'Equipment'), kit) : null,
      h('label', { class: 'check' }, onlyOk, ' Only those the planner would include')),
    list);
}

/** The program section of the record, redrawn after each change. `inForce`: the plan's sessions at
 *  the doses in force (GET /plan), shown read-only when the server has no program editing. */
export async function programSection(person: string, box: HTMLElement, inForce?: ProgramInForce): Promise<void> {
  let program: ClinicProgram;
  try {
    const [got, catalog] = await Promise.all([clinicApi.program(person), api.exercises().catch(() => ({ exercises: [] as CatalogExercise[] }))]);
    // The catalog's own facts (kind, equipment) for its filters; the planner's verdict stays the server's.
    const facts = new Map(catalog.exercises.map((e) => [e.id, e]));
    program = { ...got, candidates: got.candidates.map((c) => ({ ...c, kind: c.kind ?? facts.get(c.id)?.kind, equipment: c.equipment ?? facts.get(c.id)?.equipment.needed })) };
  } catch (e) {
    fill(box, h('h2', { id: 'program-h' }, 'Program'), clinicError(e, 'Editing the program'),
      inForce ? inForce.sessions.map((s) => [h('h3', {}, `Session ${s.id}: ${s.title}`),
        h('ul', { class: 'program-list' }, s.exercises.map((x) => h('li', { 'data-exercise': x.exercise }, h('strong', {}, x.name), `: ${x.dose_text}`,
          x.changed_on ? h('p', { class: 'help' }, `Changed on ${x.changed_on}: ${x.change_reason}`) : null)))]) : null);
    return;
  }
  const reload = () => void programSection(person, box, inForce);
  const panelBox = h('div', { id: 'change-box' });
  const open = (kind: ChangeKind, exercise: string | null = null) => {
    panelBox.replaceChildren(changePanel(person, kind, program, exercise, reload));
    (panelBox.querySelector('input, textarea, button') as HTMLElement | null)?.focus();
  };
  const names = new Map([...program.exercises, ...program.candidates].map((e) => [e.id, e.name]));
  fill(box,
    h('h2', { id: 'program-h' }, 'Program'),
    program.paused ? h('p', { class: 'notice warn' }, 'The program is paused: the patient has no sessions until you resume it.',
      program.pause ? ` Paused by ${program.pause.by} on ${program.pause.date}${program.pause.reason ? `: ${program.pause.reason}` : ''}.` : '') : null,
    h('ul', { class: 'program-list' }, program.exercises.map((x) => h('li', { 'data-exercise': x.id },
      h('strong', {}, x.name), `: ${x.dose_text ?? doseText(x.dose)}`, x.limit ? h('span', { class: 'tag' }, `limit ${x.limit_text ?? doseText(x.limit)}`) : null,
      h('p', { class: 'help' }, x.why),
      h('div', { class: 'row' }, (['dose', 'limit', 'swap', 'remove'] as ChangeKind[]).map((k) =>
        h('button', { type: 'button', class: 'secondary small', onclick: () => open(k, x.id) },
          { dose: 'Dose', limit: 'Limit', swap: 'Swap', remove: 'Remove' }[k as 'dose'], h('span', { class: 'visually-hidden' }, `: ${x.name}`))))))),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'secondary', onclick: () => open('add') }, 'Add an exercise'),
      h('button', { type: 'button', class: 'secondary', onclick: () => open(program.paused ? 'resume' : 'pause') }, program.paused ? 'Resume the program' : 'Pause the program'),
      h('button', { type: 'button', class: 'secondary', onclick: () => open('message') }, 'Send a message')),
    panelBox,
    h('h3', {}, 'Every change'),
    program.changes.length ? h('ol', { id: 'program-changes', reversed: true }, [...program.changes].reverse().map((c) => changeLine(c, names)))
      : h('p', {}, 'No changes yet: the program is as the planner built it.'));
}
