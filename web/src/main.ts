// kneecoach web UI: a hash router over a handful of pages. No framework: h() builds DOM nodes.
import './style.css';
import { api, ApiError, personId, type Level, type Triage, type Point, type ExerciseLog, type CameraSummary } from './api';
import { h, scaleField, type Child, type Kids } from './dom';
import { cameraPage } from './camerapage';
import { intake, loadState, saveState, clearState } from './intake';
import { session, speak, type Shell } from './player';
import { checkInPage } from './checkin';
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
  clearState();
}

// ---------------------------------------------------------------- program
const DAY_NAME: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

async function program(): Promise<void> {
  if (!needPerson()) return;
  page('My program', h('p', { role: 'status' }, 'Loading…'));
  try {
    const { plan, stopped } = await api.plan();
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    page('My program',
      stopped ? h('div', { class: 'notice bad', role: 'alert' }, h('p', {}, h('strong', {}, 'This program is stopped. '), stopped.reason, ' See a doctor or physiotherapist before you exercise again.')) : null,
      h('p', {}, `From ${plan.start} to ${plan.end} (${plan.weeks} weeks), about ${plan.minutes_per_session} minutes a session.`),
      plan.cautions.length ? h('div', { class: 'notice warn' }, h('h2', {}, 'Cautions'), h('ul', {}, plan.cautions.map((c) => h('li', {}, c)))) : null,
      h('div', { class: 'row' },
        stopped ? null : h('a', { class: 'button', href: '#/session' }, "Start today's session"),
        h('a', { class: 'button secondary', href: api.handoutUrl(), download: 'kneecoach-handout.pdf' }, 'Download the handout (PDF)'),
        h('a', { class: 'button secondary', href: api.calendarUrl(tz), download: 'kneecoach.ics' }, 'Add to my calendar (.ics)')),
      h('h2', {}, 'Your week'),
      h('table', { class: 'week' }, h('caption', { class: 'visually-hidden' }, 'Sessions by day of the week'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col' }, 'Session'))),
        h('tbody', {}, plan.week.map((d) => {
          const s = plan.sessions.find((x) => x.id === d.session);
          return h('tr', {}, h('th', { scope: 'row' }, DAY_NAME[d.day] ?? d.day), h('td', { class: s ? '' : 'rest' }, s ? `Session ${s.id}: ${s.title} (${s.minutes} min)` : 'Rest'));
        }))),
      plan.sessions.map((s) => [
        h('h2', {}, `Session ${s.id}: ${s.title}`),
        h('p', {}, `About ${s.minutes} minutes.`),
        s.exercises.map((e) => h('article', { class: 'ex' },
          h('img', { src: api.svgUrl(e.id), alt: `Animated figure showing ${e.name}`, loading: 'lazy', width: '120', height: '120' }),
          h('div', {},
            h('h3', {}, e.name),
            h('p', {}, h('strong', {}, 'Dose: '), e.dose_text),
            h('p', {}, h('strong', {}, 'Why: '), e.reason),
            e.start_easier ? h('p', {}, h('strong', {}, 'Start easier: '), e.start_easier) : null))),
      ]),
      plan.reviews.length ? [h('h2', {}, 'Review'), h('ul', {}, plan.reviews.map((r) => h('li', {}, `${r.date} (end of week ${r.week}): ${r.what}`)))] : null,
      h('h2', {}, 'Stay safe'), h('ul', {}, plan.safety.map((s) => h('li', {}, s))),
      h('h2', {}, 'Why the program looks like this'), h('ul', {}, plan.decisions.map((s) => h('li', {}, s))));
  } catch (e) {
    page('My program', errorBox(e));
  }
}

// ---------------------------------------------------------------- session player (player.ts)
function hashParams(): URLSearchParams {
  const q = location.hash.indexOf('?');
  return new URLSearchParams(q >= 0 ? location.hash.slice(q + 1) : '');
}
const shell: Shell = { page, errorBox, needPerson, params: hashParams, setCleanup: (fn) => { cleanup = fn; } };


// ---------------------------------------------------------------- progress
const SERIES: [string, string, string][] = [
  ['pain-during', 'Pain during the session', '#0b5cad'],
  ['pain-next-morning', 'Pain the next morning', '#6b2fa0'],
  ['pain-now', 'Pain now', '#333'],
];
function painChart(series: Record<string, Point[]>): SVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const s = (tag: string, a: Record<string, string | number>, text?: string) => {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    return el;
  };
  // Narrow screens get a narrower drawing, so the labels stay readable rather than shrink.
  const W = Math.max(340, Math.min(640, main.clientWidth - 32)), L = 40, R = 10, T = 10;
  const perRow = W >= 600 ? 3 : 1, legendRows = Math.ceil(SERIES.length / perRow);
  const B = 28 + 18 * legendRows, H = 230 + B;
  const dates = Array.from(new Set(SERIES.flatMap(([id]) => (series[id] ?? []).map((p) => p.date)))).sort();
  const x = (d: string) => dates.length <= 1 ? L + (W - L - R) / 2 : L + ((W - L - R) * dates.indexOf(d)) / (dates.length - 1);
  const y = (v: number) => T + ((H - T - B) * (10 - v)) / 10;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': 'pain-chart-title' });
  svg.append(s('title', { id: 'pain-chart-title' }, 'Knee pain over time, 0 to 10; 0 to 2 fine, 3 to 5 acceptable, above 5 too much. The same data is in the table below.'));
  svg.append(s('rect', { x: L, y: y(10), width: W - L - R, height: y(5.5) - y(10), fill: '#fbe3e3' }));
  svg.append(s('rect', { x: L, y: y(5.5), width: W - L - R, height: y(2.5) - y(5.5), fill: '#fff1cc' }));
  svg.append(s('rect', { x: L, y: y(2.5), width: W - L - R, height: y(0) - y(2.5), fill: '#e2f2e6' }));
  for (const v of [0, 2, 5, 10]) svg.append(s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#222' }, String(v)));
  svg.append(s('text', { x: W - R - 4, y: y(7.5), 'text-anchor': 'end', 'font-size': 12, fill: '#7a0d17' }, 'above 5: too much'));
  svg.append(s('text', { x: W - R - 4, y: y(3.5) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#5c3d00' }, '3–5: acceptable'));
  svg.append(s('text', { x: W - R - 4, y: y(1) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#14512a' }, '0–2: fine'));
  dates.forEach((d, k) => { if (dates.length < 8 || k % Math.ceil(dates.length / 8) === 0) svg.append(s('text', { x: x(d), y: H - B + 14, 'text-anchor': 'middle', 'font-size': 11, fill: '#222' }, d.slice(5))); });
  SERIES.forEach(([id, , color], n) => {
    const pts = series[id] ?? [];
    if (pts.length > 1) svg.append(s('polyline', { points: pts.map((p) => `${x(p.date)},${y(p.value)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
    for (const p of pts) svg.append(n === 1 ? s('rect', { x: x(p.date) - 5, y: y(p.value) - 5, width: 10, height: 10, fill: color, 'data-series': id })
      : s('circle', { cx: x(p.date), cy: y(p.value), r: 5, fill: color, 'data-series': id }));
  });
  SERIES.forEach(([, name, color], n) => {
    const lx = L + (n % perRow) * 190, ly = H - B + 24 + Math.floor(n / perRow) * 18;
    svg.append(s('rect', { x: lx, y: ly, width: 10, height: 10, fill: color }));
    svg.append(s('text', { x: lx + 14, y: ly + 9, 'font-size': 12, fill: '#222' }, name));
  });
  return svg;
}

type CameraExercise = ExerciseLog & { camera: CameraSummary };
/** The exercises of a session the camera saw. */
function cameraExercises(s: { exercises?: ExerciseLog[] }): CameraExercise[] {
  return (s.exercises ?? []).filter((e): e is CameraExercise => e.camera !== null && e.camera !== undefined);
}
/** "Forward lunge: 10 reps by camera, 2 with a form fault (knee past toes ×2)", as `kneecoach progress` says it. */
function cameraLine(e: CameraExercise): string {
  const c = e.camera;
  const reps = `${e.name}: ${c.reps} ${c.reps === 1 ? 'rep' : 'reps'} by camera`;
  if (!c.reps_with_faults) return `${reps}, none with a form fault`;
  const faults = Object.entries(c.faults).map(([id, n]) => `${id.replace(/-/g, ' ')} ×${n}`).join(', ');
  return `${reps}, ${c.reps_with_faults} with a form fault (${faults})`;
}

async function progress(): Promise<void> {
  if (!needPerson()) return;
  page('My progress', h('p', { role: 'status' }, 'Loading…'));
  try {
    const p = await api.progress();
    const rows = SERIES.flatMap(([id, name]) => (p.series[id] ?? []).map((pt) => ({ date: pt.date, name, value: pt.value }))).sort((a, b) => a.date.localeCompare(b.date));
    const a = p.adherence;
    const withCamera = p.sessions.some((s) => cameraExercises(s).length > 0);
    const chartBox = h('div', { id: 'pain-chart' });
    let lastW = -1;
    const draw = () => {
      const w = main.clientWidth;
      if (w === lastW || !rows.length) return;
      lastW = w;
      chartBox.replaceChildren(painChart(p.series));
    };
    window.addEventListener('resize', draw);
    cleanup = () => window.removeEventListener('resize', draw);
    page('My progress',
      p.stopped ? h('p', { class: 'notice bad' }, 'Your program is stopped. See a doctor or physiotherapist before you exercise again.') : null,
      h('h2', {}, 'Pain'),
      rows.length ? chartBox : h('p', {}, 'No pain ratings yet. They appear here after your first session and check-in.'),
      rows.length ? h('table', { id: 'pain-table' }, h('caption', {}, 'Pain ratings (0 to 10)'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Rating'), h('th', { scope: 'col' }, 'Pain'))),
        h('tbody', {}, rows.map((r) => h('tr', {}, h('td', {}, r.date), h('td', {}, r.name), h('td', {}, String(r.value)))))) : null,
      h('h2', {}, 'Sessions done'),
      h('p', { id: 'adherence' }, `${a.done} of ${a.planned} planned sessions done so far${a.partly ? `, ${a.partly} partly` : ''} (${a.percent}%).`),
      h('div', { class: 'progressbar', role: 'progressbar', 'aria-label': 'Sessions done', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(a.percent) },
        h('div', { style: `width:${Math.min(100, a.percent)}%` })),
      p.sessions.length ? h('table', { id: 'sessions-table' }, h('caption', {}, 'Your sessions'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Session'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Pain during'),
          withCamera ? h('th', { scope: 'col' }, 'Camera check') : null)),
        h('tbody', {}, p.sessions.map((s) => h('tr', {}, h('td', {}, s.date), h('td', {}, s.session), h('td', {}, s.status.replace('_', ' ')), h('td', {}, s.pain_during === null || s.pain_during === undefined ? '–' : String(s.pain_during)),
          withCamera ? h('td', {}, cameraExercises(s).length ? h('ul', { class: 'camera-log' }, cameraExercises(s).map((e) => h('li', {}, cameraLine(e)))) : '–') : null)))) : null,
      p.review?.message ? [h('h2', {}, 'Review'), h('p', {}, p.review.message)] : null,
      p.doses.length ? [h('h2', {}, 'Your doses now'), h('ul', {}, p.doses.map((d) => h('li', {}, `${d.name}: ${d.dose_text}${d.reason ? ` (${d.reason})` : ''}`)))] : null);
    draw();
  } catch (e) {
    page('My progress', errorBox(e));
  }
}

// ---------------------------------------------------------------- router
const routes: Record<string, () => void | Promise<void>> = {
  '': home, '/': home, '/intake': () => intake(shell), '/result': result, '/program': program,
  '/session': () => session(shell), '/check-in': () => checkInPage({ page, needPerson, errorBox, scaleField, referral }), '/progress': progress,
  '/camera': async () => { cleanup = await cameraPage(hashParams(), (t) => speak(t, true), page); },
};
function route(): void {
  cleanup?.();
  cleanup = null;
  const path = location.hash.replace(/^#/, '').split('?')[0];
  if (path === '/intake' && hashParams().has('new')) { clearState(); }
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.getAttribute('href') === `#${path}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const fn = routes[path] ?? (() => page('Page not found', h('p', {}, h('a', { href: '#/' }, 'Go to the start page'))));
  void Promise.resolve(fn()).catch((e) => page('Something went wrong', errorBox(e)));
}
window.addEventListener('hashchange', route);
route();
export { ApiError };
