// #/progress: pain over the program's weeks, sessions done, the review and the doses in force.
// The server decides every number (GET /people/{id}/progress): the program's weeks and today's
// week, the pain bands of the progression model, the dose text. This page only draws them.
import { api, type ExerciseLog, type CameraSummary, type Point, type PainBand, type ProgramWeek, type Progress } from './api';
import { h, type Kids } from './dom';
import type { PageKit } from './programpage';

const SERIES: [string, string, string][] = [
  ['pain-during', 'Pain during the session', '#0b5cad'],
  ['pain-next-morning', 'Pain the next morning', '#6b2fa0'],
  ['pain-now', 'Pain now', '#333'],
];
const BAND_FILL = ['#e2f2e6', '#fff1cc', '#fbe3e3'];
const BAND_INK = ['#14512a', '#5c3d00', '#7a0d17'];

/** Days since 1970-01-01 of a YYYY-MM-DD date: positions on the time axis only. */
function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;
}

function painChart(series: Record<string, Point[]>, bands: PainBand[], weeks: ProgramWeek[], width: number): SVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const s = (tag: string, a: Record<string, string | number>, text?: string) => {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    return el;
  };
  // Narrow screens get a narrower drawing, so the labels stay readable rather than shrink.
  const W = Math.max(340, Math.min(640, width - 32)), L = 40, R = 10, T = 10;
  const perRow = W >= 600 ? 3 : 1, legendRows = Math.ceil(SERIES.length / perRow);
  const B = 46 + 18 * legendRows, H = 230 + B;
  const dates = SERIES.flatMap(([id]) => (series[id] ?? []).map((p) => dayNumber(p.date)));
  const first = Math.min(dayNumber(weeks[0]?.start ?? '1970-01-01'), ...dates);
  const last = Math.max(dayNumber(weeks[weeks.length - 1]?.end ?? '1970-01-01'), ...dates);
  // 10 px inside each edge: a mark on the first day stays clear of the 0-10 labels.
  const x = (d: string) => L + 10 + ((W - L - R - 20) * (dayNumber(d) - first)) / Math.max(1, last - first);
  const y = (v: number) => T + ((H - T - B) * (10 - v)) / 10;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': 'pain-chart-title' });
  const bandWords = bands.map((b) => b.label).join(', ');
  svg.append(s('title', { id: 'pain-chart-title' }, `Knee pain over the program's weeks, 0 to 10; ${bandWords}. The same data is in the table below.`));
  let below = 0;
  bands.forEach((b, i) => {
    svg.append(s('rect', { class: 'pain-band', 'data-band': b.band, x: L, y: y(b.highest), width: W - L - R, height: y(below) - y(b.highest), fill: BAND_FILL[i] ?? '#eee' }));
    svg.append(s('text', { x: W - R - 4, y: y(b.highest) + 14, 'text-anchor': 'end', 'font-size': 12, fill: BAND_INK[i] ?? '#222' }, b.label));
    below = b.highest;
  });
  for (const v of [0, ...bands.map((b) => b.highest)]) svg.append(s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#222' }, String(v)));
  const step = Math.ceil(weeks.length / Math.max(1, Math.floor((W - L - R) / 70)));
  weeks.forEach((w, k) => {
    svg.append(s('line', { x1: x(w.start), y1: y(0), x2: x(w.start), y2: y(0) + 5, stroke: '#333' }));
    // Labels near an edge are anchored inside the drawing, so none is cut off.
    const at = x(w.start), anchor = at < L + 24 ? 'start' : at > W - R - 24 ? 'end' : 'middle';
    if (k % step === 0) svg.append(s('text', { class: 'week-tick', x: at, y: y(0) + 18, 'text-anchor': anchor, 'font-size': 11, fill: '#222' }, `week ${w.week}`));
  });
  SERIES.forEach(([id, , color], n) => {
    const pts = series[id] ?? [];
    // Several ratings on one day sit side by side, a small "×n" above them, rather than on top of each other.
    const onDay = new Map<string, number>();
    for (const p of pts) onDay.set(p.date, (onDay.get(p.date) ?? 0) + 1);
    const seen = new Map<string, number>();
    const px = pts.map((p) => {
      const k = onDay.get(p.date) ?? 1, j = seen.get(p.date) ?? 0;
      seen.set(p.date, j + 1);
      return x(p.date) + (j - (k - 1) / 2) * 9;
    });
    if (pts.length > 1) svg.append(s('polyline', { points: pts.map((p, j) => `${px[j]},${y(p.value)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
    pts.forEach((p, j) => {
      const repeat = String(onDay.get(p.date) ?? 1);
      svg.append(n === 1 ? s('rect', { x: px[j] - 5, y: y(p.value) - 5, width: 10, height: 10, fill: color, 'data-series': id, 'data-repeat': repeat })
        : s('circle', { cx: px[j], cy: y(p.value), r: 5, fill: color, 'data-series': id, 'data-repeat': repeat }));
    });
    for (const [d, k] of onDay) {
      if (k < 2) continue;
      const top = Math.max(...pts.filter((p) => p.date === d).map((p) => p.value));
      svg.append(s('text', { class: 'repeat', x: x(d), y: Math.max(T + 10, y(top) - 9), 'text-anchor': 'middle', 'font-size': 11, fill: color }, `×${k}`));
    }
  });
  SERIES.forEach(([, name, color], n) => {
    const lx = L + (n % perRow) * 190, ly = H - B + 42 + Math.floor(n / perRow) * 18;
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

/** How the progress view speaks: to the patient ("your") or to their clinician ("their"). */
export interface ProgressWords { whose: 'Your' | 'Their'; measuresHref: string | null; doses: boolean }

/** The progress view of `p` (pain chart and table, sessions, review, doses), as the patient's page and
 *  the clinician's record both show it; `start()` draws the chart at `box`'s width and returns what
 *  to undo when the page is left. */
export function progressView(p: Progress, box: HTMLElement, words: ProgressWords): { nodes: Kids[]; start: () => () => void } {
  const rows = SERIES.flatMap(([id, name]) => (p.series[id] ?? []).map((pt) => ({ date: pt.date, name, value: pt.value }))).sort((a, b) => a.date.localeCompare(b.date));
  const a = p.adherence;
  const withCamera = p.sessions.some((s) => cameraExercises(s).length > 0);
  const chartBox = h('div', { id: 'pain-chart' });
  let lastW = -1;
  const draw = () => {
    const w = box.clientWidth;
    if (w === lastW || !rows.length) return;
    lastW = w;
    chartBox.replaceChildren(painChart(p.series, p.pain_bands, p.weeks, w));
  };
  const nodes: Kids[] = [
    p.stopped ? h('p', { class: 'notice bad' }, words.whose === 'Your' ? 'Your program is stopped. See a doctor or physiotherapist before you exercise again.' : 'The program is stopped: a warning sign sent them to a clinician.') : null,
    h('p', { id: 'progress-week' }, `${p.date}: ${p.week_text}.`),
    p.week_summary ? h('section', { id: 'week-summary', 'aria-labelledby': 'week-summary-h' },
      h('h2', { id: 'week-summary-h' }, p.week_summary.week === null ? 'The week in brief' : `Week ${p.week_summary.week} in brief`),
      h('ul', {}, p.week_summary.lines.map((l) => h('li', {}, l)))) : null,
    h('h2', {}, 'Pain'),
    rows.length ? chartBox : h('p', {}, words.whose === 'Your' ? 'No pain ratings yet. They appear here after your first session and check-in.' : 'No pain ratings yet.'),
    rows.length ? h('table', { id: 'pain-table' }, h('caption', {}, 'Pain ratings (0 to 10)'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Rating'), h('th', { scope: 'col' }, 'Pain'))),
      h('tbody', {}, rows.map((r) => h('tr', {}, h('td', {}, r.date), h('td', {}, r.name), h('td', {}, String(r.value)))))) : null,
    h('h2', {}, 'Sessions done'),
    h('p', { id: 'adherence' }, `${a.done} of ${a.planned} planned sessions done so far${a.partly ? `, ${a.partly} partly` : ''} (${a.percent}%).`),
    h('div', { class: 'progressbar', role: 'progressbar', 'aria-label': 'Sessions done', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(a.percent) },
      h('div', { style: `width:${Math.min(100, a.percent)}%` })),
    p.sessions.length ? h('table', { id: 'sessions-table' }, h('caption', {}, `${words.whose} sessions`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Week'), h('th', { scope: 'col' }, 'Session'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Pain during'),
        withCamera ? h('th', { scope: 'col' }, 'Camera check') : null)),
      h('tbody', {}, p.sessions.map((s) => h('tr', {}, h('td', {}, s.date), h('td', {}, s.week === null ? '–' : String(s.week)), h('td', {}, s.session), h('td', {}, s.status.replace('_', ' ')), h('td', {}, s.pain_during === null || s.pain_during === undefined ? '–' : String(s.pain_during)),
        withCamera ? h('td', {}, cameraExercises(s).length ? h('ul', { class: 'camera-log' }, cameraExercises(s).map((e) => h('li', {}, cameraLine(e)))) : '–') : null)))) : null,
    p.review?.message ? [h('h2', {}, 'Review'), h('p', {}, p.review.message)] : null,
    words.measuresHref ? [h('h2', {}, 'Measures'),
      h('p', {}, 'How your knee is changing on the PSFS, the 30-second chair stand and the global rating of change: ',
        h('a', { href: words.measuresHref }, 'my measures'), '.')] : null,
    words.doses && p.doses.length ? [h('h2', {}, `${words.whose} doses now`), h('ul', { id: 'doses-now' }, p.doses.map((d) => h('li', {}, `${d.name}: ${d.dose_text}${d.changed_on ? ` (changed on ${d.changed_on}: ${d.reason})` : ''}`)))] : null,
  ];
  return {
    nodes,
    start: () => {
      draw();
      window.addEventListener('resize', draw);
      return () => window.removeEventListener('resize', draw);
    },
  };
}

/** Draws the page; returns what to undo when the page is left. */
export async function progressPage(kit: PageKit): Promise<() => void> {
  const { page, errorBox } = kit;
  const none = () => undefined;
  if (!kit.needPerson()) return none;
  page('My progress', h('p', { role: 'status' }, 'Loading…'));
  try {
    const p = await api.progress();
    const main = document.getElementById('main') as HTMLElement;
    const view = progressView(p, main, { whose: 'Your', measuresHref: '#/measures', doses: true });
    page('My progress', ...view.nodes);
    return view.start();
  } catch (e) {
    page('My progress', errorBox(e));
    return none;
  }
}
