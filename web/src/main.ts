// kneecoach web UI: a hash router over a handful of pages. No framework: h() builds DOM nodes.
import './style.css';
import { api, ApiError, personId, setPersonId, RED_FLAGS, type Level, type Triage, type ServerQuestion, type Today, type SessionLogExercise } from './api';
import { QUESTIONS, validate, visible, toDocument, type Question, type Answers } from './questions';
import { layout, totalSeconds, doseText, type Step, type PlayExercise } from './steps';
import { h, type Child, type Kids } from './dom';
import { cameraPage } from './camerapage';
import { sessionCamera } from './sessioncamera';
import { programPage } from './programpage';
import { progressPage } from './progresspage';
const main = document.getElementById('main') as HTMLElement;
let cleanup: (() => void) | null = null;

function page(title: string, ...body: Kids[]): void {
  document.title = `${title} · kneecoach`;
  const h1 = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(h1, ...((body as Child[]).flat(10 as 1) as Child[]).filter((c): c is Node | string => !!c));
  h1.focus({ preventScroll: false });
}
function errorBox(e: unknown): HTMLElement {
  const msg = e instanceof Error ? e.message : String(e);
  return h('div', { class: 'notice bad', role: 'alert' }, h('p', {}, msg));
}
function needPerson(): boolean {
  if (personId()) return true;
  page('No program yet', h('p', {}, 'Answer a few questions about your knee first. It takes about five minutes.'),
    h('p', {}, h('a', { class: 'button', href: '#/intake' }, 'Start the questions')));
  return false;
}

// ---------------------------------------------------------------- how soon, by level
const HOW_SOON: Record<Level, string> = {
  emergency: 'Now. Go to an emergency department (or call an ambulance) straight away. Do not do any exercises.',
  urgent: 'Today. Be seen by a doctor today, at your surgery, an urgent care centre or an emergency department. Do not start the exercises.',
  see_clinician: 'Before you start. Book an appointment with a doctor or physiotherapist in the next few days, and do not start the exercises until they have seen your knee.',
  caution: 'You may start the gentle program, with the cautions below.',
  go: 'You may start the program.',
};
const LEVEL_NAME: Record<Level, string> = {
  emergency: 'Emergency', urgent: 'Urgent: see a doctor today', see_clinician: 'See a clinician first', caution: 'Caution', go: 'Go',
};
function referral(t: Triage): HTMLElement[] {
  return [
    h('div', { class: 'notice bad', role: 'alert' },
      h('h2', { class: `level-${t.level}` }, `What to do: ${LEVEL_NAME[t.level]}`),
      h('p', {}, h('strong', {}, 'How soon: '), HOW_SOON[t.level]),
      h('p', {}, t.advice)),
    h('h2', {}, 'Why'),
    h('ul', {}, t.reasons.map((r) => h('li', {}, r.message))),
    h('p', {}, 'There is no exercise program for you until a clinician has checked your knee. This is to keep you safe.'),
  ];
}

// ---------------------------------------------------------------- home
function home(): void {
  const id = personId();
  page('Exercises for a sore knee',
    h('p', {}, 'kneecoach asks a few questions about your knee, checks for warning signs, and then builds a short home exercise program with a guided session player.'),
    h('p', { class: 'notice' }, h('strong', {}, 'kneecoach does not replace a clinician. '), 'If something is wrong with your knee, it tells you whom to see and how soon instead of giving you exercises.'),
    id ? h('div', { class: 'row' },
      h('a', { class: 'button', href: '#/session' }, "Today's session"),
      h('a', { class: 'button secondary', href: '#/program' }, 'My program'),
      h('a', { class: 'button secondary', href: '#/check-in' }, 'Morning check-in'),
      h('a', { class: 'button secondary', href: '#/progress' }, 'My progress'))
      : h('div', { class: 'row' }, h('a', { class: 'button', href: '#/intake' }, 'Start the questions')),
    id ? h('p', {}, h('a', { href: '#/intake' }, 'Start again with new answers')) : null);
}

// ---------------------------------------------------------------- intake wizard
interface WizardState { answers: Answers; current: string | null }
let serverQuestions: Question[] | null | undefined; // undefined: not asked yet; null: not provided

function fromServer(q: ServerQuestion): Question {
  const base = { id: q.id, text: q.prompt, help: q.help || q.hint || undefined, optional: q.skip_word !== '', skipWord: q.skip_word };
  const opts = q.choices.map((c) => [c.value, c.label] as [string, string]);
  switch (q.kind) {
    case 'yes_no': return { ...base, type: 'bool' };
    case 'whole_number':
      if (q.min === 0 && q.max === 10) return { ...base, type: 'scale' };
      return q.max !== undefined ? { ...base, type: 'int', min: q.min ?? 0, max: q.max } : { ...base, type: 'number', min: q.min ?? 0 };
    case 'number': return { ...base, type: 'number', min: q.min ?? 0 };
    case 'one_of': return { ...base, type: 'choice', options: opts };
    case 'many_of': return { ...base, type: 'multi', options: opts, min: q.min_choices ?? (q.skip_word ? 0 : 1) };
  }
}
async function loadQuestions(): Promise<void> {
  if (serverQuestions !== undefined) return;
  try {
    const r = await api.questions();
    serverQuestions = r.questions.map(fromServer);
  } catch {
    serverQuestions = null;
  }
}
async function relevantList(a: Answers): Promise<Question[]> {
  if (serverQuestions) {
    const sent: Answers = { version: 1 };
    for (const [k, v] of Object.entries(a)) if (v !== undefined) sent[k] = v;
    try {
      const r = await api.relevant(sent);
      const byId = new Map(serverQuestions.map((q) => [q.id, q]));
      return r.relevant.map((id) => byId.get(id)).filter((q): q is Question => !!q);
    } catch {
      return serverQuestions;
    }
  }
  return visible(a);
}
function loadState(): WizardState {
  try {
    const s = JSON.parse(sessionStorage.getItem('kneecoach.intake') ?? '');
    if (s && typeof s === 'object') return s as WizardState;
  } catch { /* new */ }
  return { answers: {}, current: null };
}
function saveState(s: WizardState): void {
  sessionStorage.setItem('kneecoach.intake', JSON.stringify(s));
}
function defaultFor(q: Question): unknown {
  if (q.id === 'days') return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  if (q.id === 'minutes_per_session') return 20;
  return undefined;
}

async function intake(): Promise<void> {
  await loadQuestions();
  const st = loadState();
  const list = await relevantList(st.answers);
  if (!list.length) { page('Questions', errorBox('The questions could not be loaded.')); return; }
  let idx = st.current ? list.findIndex((q) => q.id === st.current) : 0;
  if (idx < 0) idx = 0;
  const q = list[idx];
  const value = st.answers[q.id] ?? defaultFor(q);
  const errId = `err-${q.id}`;
  const helpId = `help-${q.id}`;
  const err = h('p', { id: errId, class: 'error', role: 'alert' });
  const describedBy = [q.help ? helpId : '', errId].filter(Boolean).join(' ');
  let field: HTMLElement;
  const name = `q-${q.id}`;
  const radio = (v: string, label: string, checked: boolean) =>
    h('label', {}, h('input', { type: 'radio', name, value: v, checked, 'aria-describedby': describedBy }), label);
  switch (q.type) {
    case 'bool':
      field = h('fieldset', { 'data-qid': q.id }, h('legend', {}, q.text), q.help ? h('p', { class: 'help', id: helpId }, q.help) : null,
        h('div', { class: 'opts' }, radio('yes', 'Yes', value === true), radio('no', 'No', value === false)));
      break;
    case 'choice':
      field = h('fieldset', { 'data-qid': q.id }, h('legend', {}, q.text), q.help ? h('p', { class: 'help', id: helpId }, q.help) : null,
        h('div', { class: 'opts' }, q.options.map(([v, l]) => radio(v, l, value === v))));
      break;
    case 'scale':
      field = h('fieldset', { 'data-qid': q.id }, h('legend', {}, q.text), q.help ? h('p', { class: 'help', id: helpId }, q.help) : null,
        h('div', { class: 'opts scale' }, Array.from({ length: 11 }, (_, i) => radio(String(i), String(i), value === i))));
      break;
    case 'multi':
      field = h('fieldset', { 'data-qid': q.id }, h('legend', {}, q.text), q.help ? h('p', { class: 'help', id: helpId }, q.help) : null,
        h('div', { class: 'opts' }, q.options.map(([v, l]) => h('label', {},
          h('input', { type: 'checkbox', name, value: v, checked: Array.isArray(value) && value.includes(v), 'aria-describedby': describedBy }), l))));
      break;
    default:
      field = h('div', { 'data-qid': q.id },
        h('label', { class: 'q-label', for: name }, q.text),
        q.help ? h('p', { class: 'help', id: helpId }, q.help) : null,
        h('p', {}, h('input', { id: name, name, type: 'text', inputmode: q.type === 'int' ? 'numeric' : 'decimal', autocomplete: 'off',
          value: value === undefined || value === null ? '' : String(value), 'aria-describedby': describedBy }), q.unit ? ` ${q.unit}` : ''));
  }
  const form = h('form', { novalidate: true }, field, err,
    h('div', { class: 'row' },
      h('button', { type: 'submit' }, idx === list.length - 1 ? 'Finish' : 'Next'),
      q.optional ? h('button', { type: 'button', class: 'secondary', 'data-skip': '1', onclick: () => go(null) }, skipLabel((q as { skipWord?: string }).skipWord)) : null,
      idx > 0 ? h('button', { type: 'button', class: 'secondary', onclick: () => { st.current = list[idx - 1].id; saveState(st); void intake(); } }, 'Back') : null));
  async function go(raw: unknown | null): Promise<void> {
    let v: unknown;
    if (raw === null) v = null;
    else {
      const [val, msg] = validate(q, raw);
      if (msg) {
        err.textContent = msg;
        form.querySelector('input')?.setAttribute('aria-invalid', 'true');
        (form.querySelector('input') as HTMLInputElement | null)?.focus();
        return;
      }
      v = val;
    }
    st.answers[q.id] = v;
    const next = await relevantList(st.answers);
    const here = next.findIndex((x) => x.id === q.id);
    if (here >= 0 && here < next.length - 1) {
      st.current = next[here + 1].id;
      saveState(st);
      void intake();
    } else {
      saveState(st);
      await finish(next);
    }
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    let raw: unknown;
    if (q.type === 'multi') raw = Array.from(form.querySelectorAll<HTMLInputElement>('input:checked')).map((i) => i.value);
    else if (q.type === 'int' || q.type === 'number') raw = (form.querySelector('input') as HTMLInputElement).value;
    else raw = (form.querySelector<HTMLInputElement>('input:checked'))?.value;
    void go(raw);
  });
  const pct = Math.round((idx / list.length) * 100);
  page(`Question ${idx + 1} of ${list.length}`,
    h('div', { class: 'progressbar', role: 'progressbar', 'aria-label': 'Questions answered', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(pct) },
      h('div', { style: `width:${pct}%` })),
    form);
  // Put the keyboard where the answer goes.
  (form.querySelector('input:checked, input') as HTMLInputElement | null)?.focus();
}

function skipLabel(w: string | undefined): string {
  const word = w || 'not sure';
  return word === 'none' ? 'None' : word.charAt(0).toUpperCase() + word.slice(1);
}

async function finish(list: Question[]): Promise<void> {
  const st = loadState();
  const doc = serverQuestions ? docFromServer(st.answers, list) : toDocument(st.answers);
  page('Checking your answers', h('p', { role: 'status' }, 'One moment…'));
  try {
    const r = await api.create(doc);
    sessionStorage.setItem('kneecoach.result', JSON.stringify(r));
    if (r.status === 'created' && r.person) setPersonId(r.person.id);
    location.hash = '#/result';
  } catch (e) {
    page('Something went wrong', errorBox(e), h('p', {}, h('a', { href: '#/intake' }, 'Back to the questions')));
  }
}
function docFromServer(a: Answers, list: Question[]): Record<string, unknown> {
  const doc: Record<string, unknown> = { version: 1 };
  for (const q of list) {
    const v = a[q.id];
    if (v === undefined || v === null) continue;
    doc[q.id] = v;
  }
  return doc;
}

function result(): void {
  let r: Awaited<ReturnType<typeof api.create>> | null = null;
  try { r = JSON.parse(sessionStorage.getItem('kneecoach.result') ?? 'null'); } catch { r = null; }
  if (!r) { home(); return; }
  if (r.status === 'referral') {
    page('Please see a clinician first', ...referral(r.triage));
    return;
  }
  if (r.status === 'too-little') {
    page('A little more is needed',
      h('p', {}, 'Your answers leave too little to build a balanced program. Here is what would help:'),
      h('ul', {}, (r.shortfall?.missing ?? []).map((m) => h('li', {}, h('strong', {}, m.what), ' ', m.fix))),
      h('p', {}, h('button', { type: 'button', onclick: () => { const st = loadState(); st.current = 'equipment'; saveState(st); location.hash = '#/intake'; } }, 'Change my answers')));
    return;
  }
  const t = r.triage;
  page(t.level === 'caution' ? 'You can start gently' : 'You can start',
    h('div', { class: `notice ${t.level === 'caution' ? 'warn' : 'ok'}`, role: 'status' },
      h('p', {}, h('strong', {}, `Result: ${LEVEL_NAME[t.level]}. `), HOW_SOON[t.level]), h('p', {}, t.advice)),
    t.reasons.length ? [h('h2', {}, 'Cautions'), h('ul', {}, t.reasons.map((x) => h('li', {}, x.message)))] : null,
    h('p', {}, h('a', { class: 'button', href: '#/program' }, 'See my program')));
  sessionStorage.removeItem('kneecoach.intake');
}

// ---------------------------------------------------------------- session player
function hashParams(): URLSearchParams {
  const q = location.hash.indexOf('?');
  return new URLSearchParams(q >= 0 ? location.hash.slice(q + 1) : '');
}

async function session(): Promise<void> {
  if (!needPerson()) return;
  page("Today's session", h('p', { role: 'status' }, 'Loading…'));
  let today: Today;
  try { today = await api.today(); } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      page('Your program is stopped',
        h('div', { class: 'notice bad', role: 'alert' }, h('p', {}, e.message)),
        h('p', {}, 'Please do not do the exercises until a doctor or physiotherapist has seen your knee. After that you can answer the questions again to start a new program.'),
        h('p', {}, h('a', { href: '#/intake?new=1' }, 'Answer the questions again')));
      return;
    }
    page("Today's session", errorBox(e)); return;
  }
  if (!today.scheduled || !today.exercises?.length) {
    page('No session today',
      h('p', {}, 'Today is a rest day in your program.'),
      today.next ? h('p', {}, `Your next session is session ${today.next.session} on ${today.next.date}.`) : null,
      h('p', {}, h('a', { href: '#/program' }, 'See my program')));
    return;
  }
  const exercises: PlayExercise[] = today.exercises.map((e) => ({ id: e.exercise, name: e.name, dose: e.dose, position: e.position }));
  const fast = hashParams().get('fast');
  const scale = fast ? Math.max(2, Number(fast) > 1 ? Number(fast) : 400) : 1;
  page(`Session ${today.session}: ${today.title ?? ''}`.trim(),
    today.done ? h('p', { class: 'notice' }, 'You have already done today\'s session. You can do it again if you like.') : null,
    h('p', {}, `${exercises.length} exercises, about ${Math.ceil(totalSeconds(layout(exercises)) / 60)} minutes.`),
    h('ol', {}, exercises.map((e) => h('li', {}, `${e.name}: ${doseText(e.dose)}`))),
    h('p', {}, 'Stop an exercise if the pain goes above 5 out of 10, or turns sharp.'),
    h('p', { class: 'keys' }, 'Keys while playing: space to pause, n for next exercise, b to go back, q to quit.'),
    h('div', { class: 'row' }, h('button', { type: 'button', id: 'start', onclick: () => play(today, exercises, scale) }, 'Start the session')));
}

// The browser's own voice when it has one; else the server's (espeak-ng, GET /api/v1/speech):
// Chromium on Linux has no voice unless started with speech-dispatcher enabled.
let serverVoice: HTMLAudioElement | null = null;
function speak(text: string, on: boolean): void {
  if (!on) return;
  const own = 'speechSynthesis' in window && speechSynthesis.getVoices().length > 0;
  try {
    if (own) {
      speechSynthesis.cancel();
      speechSynthesis.speak(new SpeechSynthesisUtterance(text));
      return;
    }
    serverVoice?.pause();
    serverVoice = new Audio(api.speechUrl(text));
    serverVoice.play().catch(() => { /* no audio output, or not allowed yet */ });
  } catch { /* no voice */ }
}

function play(today: Today, exercises: PlayExercise[], scale: number): void {
  const steps = layout(exercises);
  const total = totalSeconds(steps);
  const startedAt = Date.now();
  let i = 0;
  let left = steps[0].seconds;
  let paused = false;
  let voice = scale === 1;
  let elapsed = 0;
  let exStartElapsed = 0;
  const stats = exercises.map(() => ({ reps: 0, holds: 0, sets: 0, seconds: 0, steps: 0, reached: false, left: false }));
  const perEx = exercises.map((_, ex) => steps.filter((s) => s.ex === ex && s.kind !== 'card').length);
  let wake: { release: () => Promise<void> } | null = null;
  const nav = navigator as Navigator & { wakeLock?: { request: (t: 'screen') => Promise<{ release: () => Promise<void> }> } };
  nav.wakeLock?.request('screen').then((w) => { wake = w; }).catch(() => { /* not allowed */ });

  const title = h('h2', { id: 'ex-name' });
  const img = h('img', { alt: '' }) as HTMLImageElement;
  const camera = sessionCamera((t) => speak(t, voice), (on) => { img.hidden = on; });
  const count = h('div', { class: 'count', 'aria-hidden': 'true' });
  const phase = h('div', { class: 'phase' });
  const label = h('p', {});
  const where = h('p', {});
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'assertive', id: 'cue' });
  const bar = h('div', {});
  const barWrap = h('div', { class: 'progressbar', role: 'progressbar', 'aria-label': 'Session progress', 'aria-valuemin': '0', 'aria-valuemax': '100' }, bar);
  const pauseBtn = h('button', { type: 'button', onclick: () => togglePause() }, 'Pause');
  const voiceBox = h('input', { type: 'checkbox', id: 'voice', checked: voice, onchange: (ev: Event) => { voice = (ev.target as HTMLInputElement).checked; } });
  page(`Session ${today.session}`,
    h('section', { class: 'player', 'aria-labelledby': 'ex-name' }, title, img, camera.el, count, phase, label, where, barWrap, live,
      h('div', { class: 'row', style: 'justify-content:center' }, pauseBtn,
        h('button', { type: 'button', class: 'secondary', onclick: () => back() }, 'Back'),
        h('button', { type: 'button', class: 'secondary', onclick: () => nextEx() }, 'Next exercise'),
        h('button', { type: 'button', class: 'secondary', onclick: () => end('quit') }, 'Quit')),
      h('p', {}, h('label', {}, voiceBox, ' Spoken cues')),
      h('p', { class: 'keys' }, 'Keys: space pause, n next, b back, q quit.')));

  let shownEx = -1;
  let lastCue = -1;
  function render(): void {
    const s = steps[i];
    const e = exercises[s.ex];
    if (shownEx !== s.ex) {
      shownEx = s.ex;
      camera.show(e);
      title.textContent = `${s.ex + 1}. ${e.name}`;
      img.src = api.svgUrl(e.id);
      img.alt = `Animated figure showing ${e.name}`;
    }
    count.textContent = String(Math.max(0, Math.ceil(left)));
    if (s.kind === 'rep' && s.phases) {
      let t = s.seconds - left;
      let name = s.phases[s.phases.length - 1].name;
      for (const p of s.phases) { if (t < p.seconds) { name = p.name; break; } t -= p.seconds; }
      phase.textContent = name;
    } else phase.textContent = s.kind === 'card' ? doseText(e.dose) : s.kind === 'hold' ? 'Hold' : s.kind === 'rest' ? 'Rest' : s.kind === 'switch' ? 'Change sides' : '';
    label.textContent = paused ? `Paused. ${s.label}` : s.label;
    where.textContent = s.kind === 'card' ? `Exercise ${s.ex + 1} of ${exercises.length}` : `Set ${s.set} of ${s.sets}${s.side ? `, ${s.side} side` : ''}`;
    const pct = Math.min(100, Math.round((elapsed / total) * 100));
    bar.style.width = `${pct}%`;
    barWrap.setAttribute('aria-valuenow', String(pct));
    if (lastCue !== i) {
      lastCue = i;
      if (s.kind !== 'rep' || s.rep === 1) live.textContent = s.cue;
      speak(s.cue, voice);
    }
  }
  function completeStep(s: Step): void {
    const st = stats[s.ex];
    st.reached = true;
    if (s.kind === 'card') return;
    st.steps++;
    if (s.kind === 'rep') st.reps++;
    if (s.kind === 'hold') st.holds++;
    const next = steps[i + 1];
    if (!next || next.ex !== s.ex || (next.set !== s.set && next.kind !== 'rest') || next.kind === 'rest') {
      if (s.kind === 'rep' || s.kind === 'hold') st.sets = Math.max(st.sets, s.set);
    }
  }
  function enter(n: number): void {
    if (n >= steps.length) { end('finished'); return; }
    if (steps[n].ex !== steps[i]?.ex) exStartElapsed = elapsed;
    i = n;
    left = steps[i].seconds;
    stats[steps[i].ex].reached = true;
  }
  let done = false;
  function advance(dt: number): void {
    while (dt > 0 && !done) {
      const s = steps[i];
      const use = Math.min(dt, left);
      left -= use; dt -= use; elapsed += use;
      stats[s.ex].seconds += use;
      if (left <= 1e-9) { completeStep(s); enter(i + 1); }
    }
  }
  function togglePause(): void {
    paused = !paused;
    pauseBtn.textContent = paused ? 'Go on' : 'Pause';
    speak(paused ? 'Paused' : 'Go on', voice);
    render();
  }
  function firstOf(ex: number): number { return steps.findIndex((s) => s.ex === ex); }
  function nextEx(): void {
    const ex = steps[i].ex;
    const n = steps.findIndex((s) => s.ex > ex);
    if (n < 0) { end('finished'); return; }
    elapsed = steps.slice(0, n).reduce((a, s) => a + s.seconds, 0);
    enter(n); render();
  }
  function back(): void {
    const ex = steps[i].ex;
    const target = elapsed - exStartElapsed < 3 && ex > 0 ? ex - 1 : ex;
    const st = stats[target];
    st.reps = 0; st.holds = 0; st.sets = 0; st.steps = 0; st.seconds = 0;
    const n = firstOf(target);
    elapsed = steps.slice(0, n).reduce((a, s) => a + s.seconds, 0);
    exStartElapsed = elapsed;
    i = n; left = steps[n].seconds; lastCue = -1; render();
  }
  function onKey(ev: KeyboardEvent): void {
    if (ev.target instanceof HTMLInputElement && ev.key !== ' ') return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === ' ') { ev.preventDefault(); togglePause(); }
    else if (ev.key === 'n') nextEx();
    else if (ev.key === 'b') back();
    else if (ev.key === 'q') end('quit');
  }
  document.addEventListener('keydown', onKey);
  let last = performance.now();
  const timer = window.setInterval(() => {
    const now = performance.now();
    const dt = ((now - last) / 1000) * scale;
    last = now;
    if (paused || done) return;
    advance(dt);
    if (!done) render();
  }, 100);
  const stop = () => {
    done = true;
    camera.stop();
    clearInterval(timer);
    document.removeEventListener('keydown', onKey);
    void wake?.release().catch(() => undefined);
    if ('speechSynthesis' in window) speechSynthesis.cancel();
    serverVoice?.pause();
  };
  cleanup = stop;
  render();

  function end(status: 'finished' | 'quit'): void {
    if (done) return;
    stop();
    cleanup = null;
    const log = exercises.map((e, ex) => {
      const st = stats[ex];
      const outcome: SessionLogExercise['status'] = st.steps >= perEx[ex] ? 'done' : st.steps > 0 ? 'partly' : 'skipped';
      return { position: e.position, status: outcome, sets: st.sets, reps: st.reps, holds: st.holds, seconds: Math.round(st.seconds / (scale || 1)) };
    }).filter((_, ex) => stats[ex].reached || status === 'finished');
    const reached = log.length ? log : [{ position: exercises[0].position, status: 'skipped' as const, sets: 0, reps: 0, holds: 0, seconds: 0 }];
    speak(status === 'finished' ? 'Well done. Session complete.' : 'Session stopped.', voice);
    camera.attach(reached);
    painForm(today, status, reached, Math.round((Date.now() - startedAt) / 1000));
  }
}

function scaleField(name: string, legend: string, help: string): HTMLElement {
  return h('fieldset', {}, h('legend', {}, legend), h('p', { class: 'help', id: `${name}-help` }, help),
    h('div', { class: 'opts scale' }, Array.from({ length: 11 }, (_, i) =>
      h('label', {}, h('input', { type: 'radio', name, value: String(i), 'aria-describedby': `${name}-help ${name}-err` }), String(i)))),
    h('p', { class: 'error', id: `${name}-err`, role: 'alert' }));
}

function painForm(today: Today, status: 'finished' | 'quit', exercises: SessionLogExercise[], _seconds: number): void {
  const form = h('form', { novalidate: true },
    scaleField('pain', 'How much did your knee hurt during the session?', '0 is no pain, 10 is the worst pain you can imagine. 0 to 2 is fine, 3 to 5 is acceptable, above 5 is too much.'),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save the session')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = form.querySelector<HTMLInputElement>('input[name=pain]:checked');
    const err = form.querySelector('#pain-err') as HTMLElement;
    if (!v) { err.textContent = 'Please choose a number from 0 to 10.'; (form.querySelector('input') as HTMLInputElement).focus(); return; }
    try {
      const r = await api.logSession({ date: today.date, session: today.session, status, pain_during: Number(v.value), exercises });
      page('Session saved',
        h('p', { class: 'notice ok', role: 'status' }, status === 'finished' ? 'Well done: the session is saved.' : 'The session is saved as stopped early.'),
        r.dose_changes.length ? [h('h2', {}, 'Changes to your doses'), h('ul', {}, r.dose_changes.map((d) => h('li', {}, `${d.name}: ${d.reason}`)))] : null,
        h('p', {}, 'Tomorrow morning, tell kneecoach how your knee feels. That decides whether the exercises get harder or easier.'),
        h('div', { class: 'row' }, h('a', { class: 'button', href: '#/check-in' }, 'Morning check-in'), h('a', { class: 'button secondary', href: '#/progress' }, 'My progress')));
    } catch (e) {
      form.append(errorBox(e));
    }
  });
  page(status === 'finished' ? 'Session complete' : 'Session stopped', form);
}

// ---------------------------------------------------------------- check-in
function checkIn(): void {
  if (!needPerson()) return;
  const flags = h('fieldset', { hidden: true, id: 'flags' }, h('legend', {}, 'Which of these have you noticed?'),
    h('div', { class: 'opts' }, RED_FLAGS.map(([v, l]) => h('label', {}, h('input', { type: 'checkbox', name: 'flag', value: v }), l))));
  const worried = h('fieldset', {}, h('legend', {}, 'Has anything new or worrying happened with your knee since yesterday?'),
    h('div', { class: 'opts' },
      h('label', {}, h('input', { type: 'radio', name: 'worried', value: 'no', checked: true, onchange: () => { flags.hidden = true; } }), 'No'),
      h('label', {}, h('input', { type: 'radio', name: 'worried', value: 'yes', onchange: () => { flags.hidden = false; } }), 'Yes')));
  const form = h('form', { novalidate: true },
    scaleField('morning', 'How much does your knee hurt this morning?', '0 is no pain, 10 is the worst pain you can imagine.'),
    worried, flags, h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save the check-in')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = form.querySelector<HTMLInputElement>('input[name=morning]:checked');
    if (!v) { (form.querySelector('#morning-err') as HTMLElement).textContent = 'Please choose a number from 0 to 10.'; (form.querySelector('input') as HTMLInputElement).focus(); return; }
    const yes = form.querySelector<HTMLInputElement>('input[name=worried]:checked')?.value === 'yes';
    const red = yes ? Array.from(form.querySelectorAll<HTMLInputElement>('input[name=flag]:checked')).map((i) => i.value) : [];
    try {
      const r = await api.checkIn({ next_morning_pain: Number(v.value), red_flags: red });
      if (r.stopped && r.referral) { page('Please stop the exercises', ...referral(r.referral)); return; }
      page('Check-in saved',
        h('p', { class: 'notice ok', role: 'status' }, `Saved: pain ${r.next_morning_pain} out of 10 this morning.`),
        r.cautions.length ? h('ul', {}, r.cautions.map((c) => h('li', {}, c))) : null,
        r.dose_changes.length ? [h('h2', {}, 'Changes to your doses'), h('ul', {}, r.dose_changes.map((d) => h('li', {}, `${d.name}: ${d.decision}. ${d.reason}`)))] : null,
        r.review?.message ? h('p', { class: r.review.see_clinician ? 'notice warn' : 'notice' }, r.review.message) : null,
        h('div', { class: 'row' }, h('a', { class: 'button', href: '#/progress' }, 'See my progress')));
    } catch (e) { form.append(errorBox(e)); }
  });
  page('Morning check-in', h('p', {}, 'Answer this the morning after a session. It tells kneecoach whether your knee settled.'), form);
}

// ---------------------------------------------------------------- router
const routes: Record<string, () => void | Promise<void>> = {
  '': home, '/': home, '/intake': intake, '/result': result, '/program': () => programPage({ page, errorBox, needPerson }),
  '/session': session, '/check-in': checkIn,
  '/progress': async () => { cleanup = await progressPage({ page, errorBox, needPerson }); },
  '/camera': async () => { cleanup = await cameraPage(hashParams(), (t) => speak(t, true), page); },
};
function route(): void {
  cleanup?.();
  cleanup = null;
  const path = location.hash.replace(/^#/, '').split('?')[0];
  if (path === '/intake' && hashParams().has('new')) { sessionStorage.removeItem('kneecoach.intake'); }
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.getAttribute('href') === `#${path}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const fn = routes[path] ?? (() => page('Page not found', h('p', {}, h('a', { href: '#/' }, 'Go to the start page'))));
  void Promise.resolve(fn()).catch((e) => page('Something went wrong', errorBox(e)));
}
window.addEventListener('hashchange', route);
route();
export { ApiError };
