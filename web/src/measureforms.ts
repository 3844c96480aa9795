// The forms of the three measures: PSFS (the person's own activities, named the first time, the
// same ones rated after), the 30-second chair stand (a timer with spoken and beeped cues, then the
// count) and the global rating of change (−7 to +7 with its labels). Every number, word of the
// scale and the timer's length come from the measure's definition (GET /api/v1/measures).
import { api, Action, localDay, type MeasureDef, type MeasureRequest, type MeasureStanding } from './api';
import { dayText, h, type Kids } from './dom';
import { signed, standingCard } from './measures';
import { chairStandForm } from './chairstand';

export interface FormShell {
  page: (title: string, ...body: Kids[]) => void;
  errorBox: (e: unknown) => HTMLElement;
  params: () => URLSearchParams;
  setCleanup: (fn: (() => void) | null) => void;
  def: MeasureDef;
  standing: MeasureStanding;
  reload: () => Promise<MeasureStanding>;
}

function intro(def: MeasureDef): HTMLElement[] {
  return [h('p', {}, def.purpose), h('details', { class: 'how' }, h('summary', {}, 'How to do it'), h('ul', {}, def.instructions.map((i) => h('li', {}, i))))];
}

/** A whole-number rating from def.scale as radio buttons, labelled points from def.anchors. */
function ratingField(def: MeasureDef, name: string, legend: string, signedValues = false): HTMLElement {
  const { min, max } = def.scale ?? { min: 0, max: 10 };
  const label = (v: number) => def.anchors.find((a) => a.value === v)?.label;
  const help = def.anchors.filter((a) => a.value === min || a.value === max).map((a) => `${signedValues ? signed(a.value) : a.value} is ${a.label}`).join('; ');
  return h('fieldset', { class: 'rating' }, h('legend', {}, legend), h('p', { class: 'help', id: `${name}-help` }, `${help}.`),
    h('div', { class: signedValues ? 'opts grc' : 'opts scale' }, Array.from({ length: max - min + 1 }, (_, k) => {
      const v = min + k;
      return h('label', {}, h('input', { type: 'radio', name, value: String(v), 'aria-describedby': `${name}-help ${name}-err` }),
        signedValues ? h('span', { class: 'grc-value' }, signed(v)) : String(v), signedValues && label(v) ? h('span', {}, label(v)) : null);
    })),
    h('p', { class: 'error', id: `${name}-err`, role: 'alert' }));
}

function picked(form: HTMLElement, name: string): number | null {
  const v = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
  return v ? Number(v.value) : null;
}

/** Saves the measure (or keeps it on this phone offline) and shows where the person stands now. */
async function save(shell: FormShell, body: MeasureRequest, action: Action, label: string, where: HTMLElement): Promise<void> {
  try {
    const r = await api.saveMeasure({ ...body, date: localDay() }, action, label);
    if (r.queued) {
      shell.page(`${shell.def.name}: kept on this phone`,
        h('p', { class: 'notice warn', role: 'status' }, 'It could not be sent just now, so your answer is kept on this phone. It will be sent by itself as soon as the connection allows, once only. Your change since the start shows here after that.'),
        h('p', {}, h('a', { class: 'button secondary', href: '#/measures' }, 'My measures')));
      return;
    }
    const st = await shell.reload();
    shell.page(`${shell.def.name}: saved`, h('p', { class: 'notice ok', role: 'status' }, 'Saved.'), standingCard(shell.def, st),
      h('p', {}, h('a', { class: 'button secondary', href: '#/measures' }, 'My measures')));
  } catch (e) {
    where.append(shell.errorBox(e));
  }
}

function psfsForm(shell: FormShell): void {
  const { def, standing } = shell;
  const limits = def.items ?? { min: 1, max: 1 };
  const action = new Action();
  const rate = (labels: string[]): void => {
    const form = h('form', { novalidate: true },
      labels.map((l, i) => ratingField(def, `item${i}`, `How well can you do this now: ${l}?`)),
      h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const values = labels.map((_, i) => picked(form, `item${i}`));
      const missing = values.findIndex((v) => v === null);
      if (missing >= 0) {
        (form.querySelector(`#item${missing}-err`) as HTMLElement).textContent = `Please choose a number from ${def.scale?.min ?? 0} to ${def.scale?.max ?? 10}.`;
        form.querySelector<HTMLInputElement>(`input[name=item${missing}]`)?.focus();
        return;
      }
      void save(shell, { measure: def.id, items: labels.map((label, i) => ({ label, value: values[i] as number })) }, action, `${def.name} of ${dayText(localDay())}`, form);
    });
    shell.page(def.name, ...intro(def),
      standing.activities.length ? h('p', {}, 'Rate the same activities as the first time.') : null, form);
  };
  if (standing.activities.length) { rate(standing.activities); return; }
  const names = h('form', { novalidate: true },
    h('fieldset', {}, h('legend', {}, `Your activities (${limits.min} to ${limits.max})`),
      h('p', { class: 'help', id: 'names-help' }, def.instructions[0] ?? ''),
      Array.from({ length: limits.max }, (_, i) => h('p', { class: 'field' },
        h('label', { for: `name${i}` }, `Activity ${i + 1}${i < limits.min ? '' : ' (if you have one)'}`),
        h('input', { type: 'text', id: `name${i}`, name: `name${i}`, maxlength: '200', autocomplete: 'off', 'aria-describedby': 'names-help names-err' }))),
      h('p', { class: 'error', id: 'names-err', role: 'alert' })),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Next: rate them')));
  names.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const labels = Array.from(names.querySelectorAll<HTMLInputElement>('input[type=text]')).map((i) => i.value.trim()).filter((v) => v);
    if (labels.length < limits.min) {
      (names.querySelector('#names-err') as HTMLElement).textContent = `Please name at least ${limits.min} activity that your knee makes hard.`;
      names.querySelector<HTMLInputElement>('#name0')?.focus();
      return;
    }
    rate(labels);
  });
  shell.page(def.name, ...intro(def), names);
}

function grcForm(shell: FormShell): void {
  const { def } = shell;
  const action = new Action();
  const form = h('form', { novalidate: true },
    ratingField(def, 'grc', def.questions[0]?.prompt ?? def.name, true),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = picked(form, 'grc');
    if (v === null) {
      (form.querySelector('#grc-err') as HTMLElement).textContent = `Please choose one, from ${signed(def.scale?.min ?? -7)} to ${signed(def.scale?.max ?? 7)}.`;
      form.querySelector<HTMLInputElement>('input[name=grc]')?.focus();
      return;
    }
    void save(shell, { measure: def.id, value: v }, action, `${def.name} of ${dayText(localDay())}: ${signed(v)}`, form);
  });
  shell.page(def.name, ...intro(def), shell.standing.latest ? standingCard(def, shell.standing) : null, form);
}

export type Save = typeof save;

export function measureForm(shell: FormShell): void {
  if (shell.def.id === 'psfs') psfsForm(shell);
  else if (shell.def.id === 'grc') grcForm(shell);
  else chairStandForm(shell, save);
}
