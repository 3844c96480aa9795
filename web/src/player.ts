// The session page and the guided session player. The server lays the session out (GET
// /api/v1/people/{id}/session: the steps, their words and lengths, exactly as the terminal player
// runs them); this file only shows, speaks and times those steps, and counts what was completed.
// #/session?date=YYYY-MM-DD plays another day's session; ?fast=N runs the clock N times faster.
import { clearedStoppedLink } from './cleared';
import { api, ApiError, type SessionLogExercise, type Feedback, type SessionDecision, Action } from './api';
import { dayText, h, scaleField, type Kids } from './dom';
import { sessionCamera } from './sessioncamera';
import { starts, type PlayExercise, type PlayStep, type SessionSteps } from './steps';
import { forgetPlace, guardLeaving, keepPlace, keptPlace, type Counts, type Place } from './resume';

/** What the page needs from the app shell (main.ts). */
export interface Shell {
  page: (title: string, ...body: Kids[]) => void;
  errorBox: (e: unknown) => HTMLElement;
  needPerson: () => boolean;
  params: () => URLSearchParams;
  setCleanup: (fn: (() => void) | null) => void;
}

// The browser's own voice when it has one; else the server's (espeak-ng, GET /api/v1/speech):
// Chromium on Linux has no voice unless started with speech-dispatcher enabled.
let serverVoice: HTMLAudioElement | null = null;
export function speak(text: string, on: boolean): void {
  if (!on || !text) return;
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

/** Fetches what the session will show and say, so that the service worker keeps a copy for a
 *  session with no connection (docs/offline.md): each exercise's figure and, when the browser has
 *  no voice of its own, every distinct spoken cue. One at a time, in the background. */
async function keepForOffline(s: SessionSteps): Promise<void> {
  if (!navigator.serviceWorker?.controller || !navigator.onLine) return;
  const urls = s.exercises.map((e) => api.svgUrl(e.id));
  const own = 'speechSynthesis' in window && speechSynthesis.getVoices().length > 0;
  if (!own) {
    const words = new Set<string>();
    for (const st of s.steps) { words.add(st.speech); if (st.reminder) words.add(st.reminder.speech); }
    for (const w of words) if (w) urls.push(api.speechUrl(w));
  }
  for (const url of urls) await fetch(url, { credentials: 'same-origin' }).catch(() => undefined);
}

/** Every step, in order, as a list the person can open: what the player will play. */
function outline(s: SessionSteps): HTMLElement {
  return h('details', { class: 'outline' },
    h('summary', {}, `Every step of the session (${s.steps.length})`),
    h('ol', { id: 'session-steps' }, s.steps.map((st, i) => h('li', {
      'data-step': String(i), 'data-kind': st.kind, 'data-ms': String(st.ms), 'data-exercise': String(st.exercise),
    }, `${st.text} (${Math.round(st.ms / 100) / 10} s)`))));
}

export async function session(shell: Shell): Promise<void> {
  const { page, errorBox } = shell;
  if (!shell.needPerson()) return;
  page("Today's session", h('p', { role: 'status' }, 'Loading…'));
  const params = shell.params();
  const date = params.get('date') ?? undefined;
  let s: SessionSteps;
  try { s = await api.session(date); } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      page('Your program is stopped',
        h('div', { class: 'notice bad', role: 'alert' }, h('p', {}, e.message)),
        h('p', {}, 'Please do not do the exercises until a doctor or physiotherapist has seen your knee. After that, record that you were cleared, or answer the questions again to start a new program.'),
        clearedStoppedLink(),
        h('p', {}, h('a', { href: '#/intake?new=1' }, 'Answer the questions again')));
      return;
    }
    page("Today's session", errorBox(e)); return;
  }
  const fast = params.get('fast');
  const scale = fast ? Math.max(2, Number(fast) > 1 ? Number(fast) : 400) : 1;
  if (!s.scheduled || !s.steps.length) {
    const next = s.next;
    // A rest day: the next session can be done today instead, logged for today under its name.
    const anyway = async () => {
      try { const n = await api.session(next!.date); intro(shell, { ...n, date: s.date, done: false }, scale); } catch (e) { page('No session today', errorBox(e)); }
    };
    page(s.after_end ? 'Your program has ended' : 'Today is a rest day',
      h('p', {}, s.after_end ? 'Your program has ended.' : 'Today is a rest day in your program.'),
      next ? h('p', {}, `Your next session is session ${next.session} on ${dayText(next.date)}.`) : null,
      next && !s.after_end ? h('div', { class: 'row' }, h('button', { type: 'button', id: 'anyway', onclick: () => void anyway() }, `Do session ${next.session} today anyway`)) : null,
      next && !s.after_end ? moveBox(next.date) : null,
      h('p', {}, h('a', { href: '#/program' }, 'See my program')));
    return;
  }
  intro(shell, s, scale);
}

/** The session's outline and its Start button (or Carry on, when a reload left it part-way). */
function intro(shell: Shell, s: SessionSteps, scale: number): void {
  const { page } = shell;
  void keepForOffline(s);
  const kept = keptPlace(s);
  if (kept?.ended) { painForm(shell, s, kept.ended.status, kept.ended.exercises); return; }
  const start = h('button', { type: 'button', id: 'start', class: kept ? 'secondary' : undefined, onclick: () => { forgetPlace(); play(shell, s, scale); } }, kept ? 'Start again' : 'Start the session');
  // Part-way through: carrying on comes first, above the session's outline.
  const resume = kept ? [
    h('p', { class: 'notice', role: 'status' }, `You were part-way through this session, at exercise ${s.steps[kept.i].exercise + 1} of ${s.exercises.length}.`),
    h('div', { class: 'row' }, h('button', { type: 'button', id: 'resume', onclick: () => play(shell, s, scale, kept) }, 'Carry on where I was'), start)] : null;
  page(`Session ${s.session}: ${s.title ?? ''}`.trim(),
    s.done ? h('p', { class: 'notice' }, 'You have already done today\'s session. You can do it again if you like.') : null,
    resume,
    h('p', {}, `${s.exercises.length} exercises, about ${Math.ceil(s.total_ms / 60000)} minutes.`),
    h('ol', { id: 'session-exercises' }, s.exercises.map((e) => h('li', {}, `${e.name}: ${e.dose_text}`))),
    outline(s),
    h('p', {}, s.pain_advice),
    h('p', { class: 'keys' }, 'Keys while playing: space to pause, n for next exercise, b to go back, q to quit.'),
    kept ? null : h('div', { class: 'row' }, start));
}

type Stats = Counts;

function play(shell: Shell, s: SessionSteps, scale: number, from?: Place): void {
  const { page } = shell;
  const steps = s.steps;
  const exercises = s.exercises;
  const at = starts(steps);
  const total = s.total_ms;
  const startedAt = Date.now();
  let i = 0;
  let left = steps[0].ms;
  let paused = false;
  let voice = scale === 1;
  let elapsed = 0;
  let reminded = false;
  const fresh = (): Stats => ({ units: 0, holdUnits: 0, sets: 0, ms: 0, heldMs: 0, reached: false });
  const stats: Stats[] = from ? from.stats : exercises.map(fresh);
  const best: (Stats | null)[] = from ? from.best : exercises.map(() => null);
  if (from) { i = from.i; left = from.left; elapsed = from.elapsed; paused = true; }
  const place = (): Place => ({ date: s.date, session: s.session ?? '', steps: steps.length, i, left, elapsed, stats, best });
  guardLeaving(true);
  // The units (reps or holds) each exercise asks for: the steps that complete one.
  let wake: { release: () => Promise<void> } | null = null;
  const nav = navigator as Navigator & { wakeLock?: { request: (t: 'screen') => Promise<{ release: () => Promise<void> }> } };
  nav.wakeLock?.request('screen').then((w) => { wake = w; }).catch(() => { /* not allowed */ });

  const title = h('h2', { id: 'ex-name' });
  const img = h('img', { alt: '' }) as HTMLImageElement;
  const camera = sessionCamera((t) => speak(t, voice), (on) => { img.hidden = on; });
  const count = h('div', { class: 'count', 'aria-hidden': 'true' });
  const label = h('p', { class: 'phase', id: 'step-text' });
  const where = h('p', {});
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'assertive', id: 'cue' });
  const bar = h('div', {});
  const barWrap = h('div', { class: 'progressbar', role: 'progressbar', 'aria-label': 'Session progress', 'aria-valuemin': '0', 'aria-valuemax': '100' }, bar);
  const pauseBtn = h('button', { type: 'button', onclick: () => togglePause() }, 'Pause');
  const voiceBox = h('input', { type: 'checkbox', id: 'voice', checked: voice, onchange: (ev: Event) => { voice = (ev.target as HTMLInputElement).checked; } });
  const section = h('section', { class: 'player', 'aria-labelledby': 'ex-name', 'data-step': '0' }, title, img, camera.el, count, label, where, barWrap, live,
    h('div', { class: 'row controls' }, pauseBtn,
      h('button', { type: 'button', class: 'secondary', onclick: () => back() }, 'Back'),
      h('button', { type: 'button', class: 'secondary', onclick: () => nextEx() }, 'Next exercise'),
      h('button', { type: 'button', class: 'secondary', onclick: () => end('quit') }, 'Quit')),
    h('p', {}, h('label', {}, voiceBox, ' Spoken cues')),
    h('p', { class: 'keys' }, 'Keys: space pause, n next, b back, q quit.'));
  page(`Session ${s.session}`, section, outline(s));
  const played = section.parentElement?.querySelector('#session-steps');

  let shownEx = -1;
  let lastCue = -1;
  function render(): void {
    const st = steps[i];
    const e = exercises[st.exercise];
    if (shownEx !== st.exercise) {
      shownEx = st.exercise;
      camera.show(e);
      title.textContent = `${st.exercise + 1}. ${e.name}`;
      img.src = api.svgUrl(e.id);
      img.alt = `Animated figure showing ${e.name}`;
    }
    count.textContent = String(Math.max(0, Math.ceil(left / 1000)));
    label.textContent = paused ? `Paused. ${st.text}` : st.text;
    where.textContent = st.kind === 'get_ready' ? `Exercise ${st.exercise + 1} of ${exercises.length}: ${e.dose_text}`
      : `Set ${st.set} of ${st.sets}${st.side === 'both' ? '' : `, ${st.side} ${e.side_word}`}`;
    const pct = Math.min(100, Math.round((elapsed / total) * 100));
    bar.style.width = `${pct}%`;
    barWrap.setAttribute('aria-valuenow', String(pct));
    if (lastCue !== i) {
      lastCue = i;
      live.textContent = st.text;
      speak(st.speech, voice);
    }
  }
  /** Marks step n as entered: on the player and in the outline (the page says what it played). */
  function mark(n: number): void {
    section.setAttribute('data-step', String(n));
    played?.querySelector(`li[data-step="${n}"]`)?.setAttribute('data-played', 'true');
  }
  function completeStep(st: PlayStep): void {
    const x = stats[st.exercise];
    x.reached = true;
    if (st.completes_unit) { x.units++; if (st.kind === 'hold' || st.kind === 'breath') x.holdUnits++; }
    if (st.completes_set) x.sets++;
  }
  function enter(n: number): void {
    if (n >= steps.length) { end('finished'); return; }
    if (steps[n].exercise !== steps[i].exercise) keep(steps[i].exercise);  // an exercise is left
    i = n;
    left = steps[i].ms;
    reminded = false;
    stats[steps[i].exercise].reached = true;
    mark(n);
  }
  let done = false;
  function advance(dt: number): void {
    while (dt > 0 && !done) {
      const st = steps[i];
      const use = Math.min(dt, left);
      left -= use; dt -= use; elapsed += use;
      stats[st.exercise].ms += use;
      if (st.kind === 'hold' || st.kind === 'breath') stats[st.exercise].heldMs += use;
      if (st.reminder && !reminded && left <= st.reminder.before_ms && left > 0) {
        reminded = true;
        live.textContent = st.reminder.text;
        speak(st.reminder.speech, voice);
      }
      if (left <= 1e-6) { completeStep(st); enter(i + 1); }
    }
  }
  function togglePause(): void {
    paused = !paused;
    pauseBtn.textContent = paused ? 'Go on' : 'Pause';
    speak(paused ? 'Paused' : 'Going on', voice);
    render();
  }
  /** Keeps the better attempt at an exercise (more units, then more time) when it is left. */
  function keep(ex: number): void {
    const b = best[ex], x = stats[ex];
    if (!b || x.units > b.units || (x.units === b.units && (x.heldMs > b.heldMs || (x.heldMs === b.heldMs && x.ms > b.ms)))) best[ex] = { ...x };
  }
  function goTo(n: number): void {
    elapsed = at[n];
    enter(n);
    lastCue = -1;
    render();
  }
  function nextEx(): void {
    const ex = steps[i].exercise;
    keep(ex);
    const n = steps.findIndex((st) => st.exercise > ex);
    if (n < 0) { end('finished'); return; }
    goTo(n);
  }
  function back(): void {
    const ex = steps[i].exercise;
    const first = steps.findIndex((st) => st.exercise === ex);
    keep(ex);
    const target = elapsed - at[first] < s.back_grace_ms && ex > 0 ? ex - 1 : ex;
    stats[target] = fresh();
    goTo(steps.findIndex((st) => st.exercise === target));
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
    const dt = (now - last) * scale;
    last = now;
    if (paused || done) return;
    advance(dt);
    if (!done) { render(); keepPlace(place()); }
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
  shell.setCleanup(() => { if (!done) keepPlace(place()); stop(); guardLeaving(false); });
  mark(i);
  if (from) pauseBtn.textContent = 'Go on';
  render();

  function end(status: 'finished' | 'quit'): void {
    if (done) return;
    const current = steps[Math.min(i, steps.length - 1)].exercise;
    keep(current);
    stop();
    shell.setCleanup(null);
    const log = exercises.map((e: PlayExercise, ex) => {
      const x = best[ex] ?? stats[ex];
      // Done, partly or skipped is the server's judgement (session::judge), from these counts.
      return { position: e.position, sets: x.sets, reps: x.units - x.holdUnits, holds: x.holdUnits, seconds: Math.round(x.ms / 1000 / (scale || 1)) };
    }).filter((_, ex) => stats[ex].reached || best[ex] !== null || status === 'finished');
    const reached: SessionLogExercise[] = log.length ? log : [{ position: exercises[0].position, sets: 0, reps: 0, holds: 0, seconds: 0 }];
    speak(status === 'finished' ? 'Session complete. Well done!' : 'Session stopped. What you did is kept.', voice);
    camera.attach(reached);
    keepPlace({ ...place(), ended: { status, exercises: reached } });
    painForm(shell, s, status, reached);
  }
}

function painForm(shell: Shell, s: SessionSteps, status: 'finished' | 'quit', exercises: SessionLogExercise[]): void {
  const { page, errorBox } = shell;
  const action = new Action();  // one Idempotency-Key for this session, reused when saving is retried
  const save = h('button', { type: 'submit' }, 'Save the session') as HTMLButtonElement;
  const form = h('form', { novalidate: true },
    scaleField('pain', 'How much did your knee hurt during the session?', s.pain_scale_help),
    feedbackFields(s, exercises),
    h('div', { class: 'row' }, save));
  guardLeaving(true);
  shell.setCleanup(() => guardLeaving(false));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (save.disabled) return;  // a save is on its way: one press stores once
    const v = form.querySelector<HTMLInputElement>('input[name=pain]:checked');
    const err = form.querySelector('#pain-err') as HTMLElement;
    if (!v) { err.textContent = 'Please choose a number from 0 to 10.'; (form.querySelector('input') as HTMLInputElement).focus(); return; }
    save.disabled = true;
    save.textContent = 'Saving…';
    try {
      const saved = await api.saveSession({ date: s.date, session: s.session ?? undefined, status, pain_during: Number(v.value), exercises: withFeedback(form, exercises) }, action,
        `Session ${s.session ?? ''} of ${dayText(s.date)}`.replace('  ', ' '));
      forgetPlace();
      guardLeaving(false);
      if (saved.queued) {
        page('Session kept on this phone',
          h('p', { class: 'notice warn', role: 'status' }, 'It could not be sent just now, so the session is kept on this phone. It will be sent by itself as soon as the connection allows, once only.'),
          h('p', {}, 'Tomorrow morning, tell kneecoach how your knee feels. That works offline too.'),
          h('div', { class: 'row' }, h('a', { class: 'button', href: '#/check-in' }, 'Morning check-in')));
        return;
      }
      const r = saved.reply;
      page('Session saved',
        h('p', { class: 'notice ok', role: 'status' }, status === 'finished' ? 'Well done: the session is saved.' : 'The session is saved as stopped early.'),
        r.dose_changes.length ? [h('h2', {}, 'Changes to your doses'), h('ul', { class: 'dose-changes' }, r.dose_changes.map((d) => h('li', {}, `${d.name}: ${d.reason}`)))] : null,
        saidDecisions(r.decisions ?? []),
        h('p', {}, 'Tomorrow morning, tell kneecoach how your knee feels. That decides whether the exercises get harder or easier.'),
        h('div', { class: 'row' }, h('a', { class: 'button', href: '#/check-in' }, 'Morning check-in'), h('a', { class: 'button secondary', href: '#/progress' }, 'My progress')));
    } catch (e) {
      save.disabled = false;
      save.textContent = 'Save the session';
      form.append(errorBox(e));
    }
  });
  page(status === 'finished' ? 'Session complete' : 'Session stopped', form);
}


const saidChoices: { value: Feedback | ''; label: string }[] = [
  { value: '', label: 'About right' }, { value: 'too-easy', label: 'Too easy' },
  { value: 'too-hard', label: 'Too hard' }, { value: 'hurt', label: 'It hurt' },
];

/** Per exercise reached: how it felt. Nothing is chosen for the person; no answer says nothing. */
function feedbackFields(s: SessionSteps, exercises: SessionLogExercise[]): HTMLElement {
  return h('fieldset', { class: 'feedback' }, h('legend', {}, 'How did each exercise feel?'),
    h('p', { class: 'help' }, 'Optional. "Too easy" can make it harder sooner, "too hard" or "it hurt" makes the next session easier.'),
    exercises.map((e) => {
      const name = s.exercises.find((x) => x.position === e.position)?.name ?? `Exercise ${e.position + 1}`;
      return h('div', { class: 'said', role: 'radiogroup', 'aria-label': name }, h('p', { class: 'said-name' }, name),
        h('div', { class: 'opts' }, saidChoices.map((c) =>
          h('label', {}, h('input', { type: 'radio', name: `said-${e.position}`, value: c.value }), c.label))));
    }));
}

function withFeedback(form: HTMLElement, exercises: SessionLogExercise[]): SessionLogExercise[] {
  return exercises.map((e) => {
    const said = form.querySelector<HTMLInputElement>(`input[name=said-${e.position}]:checked`)?.value ?? '';
    return said ? { ...e, feedback: said as Feedback } : e;
  });
}

/** The decisions what the person said led to, each with its reason (changes are listed above). */
function saidDecisions(decisions: SessionDecision[]): HTMLElement[] | null {
  const held = decisions.filter((d) => d.decision === 'hold' && d.rule.startsWith('said-'));
  return held.length ? [h('h2', {}, 'What you told us'), h('ul', { class: 'said-decisions' }, held.map((d) => h('li', {}, `${d.name}: ${d.reason}`)))] : null;
}

/** "Move it to another day": the days the server allows for the coming session, one button each. */
function moveBox(date: string): HTMLElement {
  const box = h('section', { id: 'move', 'aria-labelledby': 'move-h' }, h('h2', { id: 'move-h' }, 'Or move it to another day'),
    h('p', { role: 'status' }, 'Finding the days it can move to…'));
  const action = new Action();
  void api.moves(date).then((m) => {
    const when = dayText(m.date);
    if (!m.days.length) {
      box.replaceChildren(box.firstChild as Node, h('p', {}, `Session ${m.session} on ${when} cannot move: the days near it are taken, past, or too close to another strengthening day.`));
      return;
    }
    box.replaceChildren(box.firstChild as Node,
      h('p', {}, `Session ${m.session} (${m.title}) is planned on ${when}. It can move to:`),
      h('div', { class: 'row' }, m.days.map((d) => h('button', { type: 'button', class: 'secondary', 'data-day': d, onclick: async (ev: Event) => {
        const b = ev.currentTarget as HTMLButtonElement;
        box.querySelectorAll('button').forEach((x) => { (x as HTMLButtonElement).disabled = true; });
        try {
          await api.move(m.date, d, action);
          box.replaceChildren(box.firstChild as Node, h('p', { class: 'notice ok', role: 'status' }, `Moved: session ${m.session} is now on ${dayText(d)}, not ${when}.`));
        } catch (e) {
          box.querySelectorAll('button').forEach((x) => { (x as HTMLButtonElement).disabled = false; });
          b.after(h('p', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e)));
        }
      } }, `Move to ${dayText(d)}`))));
  }).catch(() => box.remove());
  return box;
}
