// The outcome-measure pages: #/measures lists the three with where the person stands, and
// #/measures/psfs, #/measures/chair-stand, #/measures/grc record one (measureforms.ts). The
// definitions (scales, labels, timing, meaningful change) and the change with its verdict come from
// the server (GET /api/v1/measures, GET /api/v1/people/{id}/measures); this file only draws them.
import { api, type MeasureDef, type MeasureStanding, type Measurement } from './api';
import { dayText as day, h } from './dom';
import { measureForm } from './measureforms';
import type { Shell as MeasureShell } from './player';

export const MEASURE_IDS = ['psfs', 'chair-stand', 'grc'] as const;
export type MeasureId = typeof MEASURE_IDS[number];

/** "−3", "+2", "3.5": signed numbers with a true minus sign. */
export function signed(v: number): string {
  const n = Number.isInteger(v) ? String(Math.abs(v)) : Math.abs(v).toFixed(1);
  return v > 0 ? `+${n}` : v < 0 ? `−${n}` : '0';
}
function plain(v: number): string { return Number.isInteger(v) ? String(v) : v.toFixed(1); }
function valueText(def: MeasureDef, m: Measurement): string {
  if (def.id === 'grc') {
    const label = def.anchors.find((a) => a.value === m.value)?.label;
    return label ? `${signed(m.value)} (${label})` : signed(m.value);
  }
  return `${plain(m.value)}${def.id === 'chair-stand' ? ' stands' : ' points'}`;
}

/** The change against the meaningful change, drawn as a line from −2× to +2× the threshold. */
function meter(st: MeasureStanding): SVGElement | null {
  if (st.change === null || st.threshold === null || st.threshold <= 0) return null;
  const ns = 'http://www.w3.org/2000/svg';
  const el = (tag: string, attrs: Record<string, string>): SVGElement => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  const span = st.threshold * 2;
  const x = (v: number) => 20 + ((Math.max(-span, Math.min(span, v)) + span) / (2 * span)) * 280;
  const svg = el('svg', { viewBox: '0 0 320 64', class: 'meter', role: 'img',
    'aria-label': `Change ${signed(st.change)}; a meaningful change is ${st.threshold_text} either way` });
  svg.append(el('rect', { x: '20', y: '26', width: '280', height: '10', rx: '5', fill: '#dde3ea' }),
    el('rect', { x: String(x(-st.threshold)), y: '26', width: String(x(st.threshold) - x(-st.threshold)), height: '10', fill: '#c3ccd6' }));
  for (const t of [-st.threshold, st.threshold]) {
    svg.append(el('line', { x1: String(x(t)), x2: String(x(t)), y1: '18', y2: '44', stroke: '#1b1f24', 'stroke-width': '2', 'stroke-dasharray': '3 2' }));
    const label = el('text', { x: String(x(t)), y: '58', 'text-anchor': 'middle', 'font-size': '11', fill: '#1b1f24' });
    label.textContent = signed(t);
    svg.append(label);
  }
  const zero = el('text', { x: String(x(0)), y: '14', 'text-anchor': 'middle', 'font-size': '11', fill: '#4a5560' });
  zero.textContent = 'no change';
  const colour = st.meaningful ? (st.direction === 'better' ? '#1e6b34' : '#a3121f') : '#0b5cad';
  svg.append(zero, el('circle', { cx: String(x(st.change)), cy: '31', r: '9', fill: colour, stroke: '#fff', 'stroke-width': '2' }));
  return svg;
}

/** Where the person stands: start, latest, change and the meaningful change, with the server's words. */
export function standingCard(def: MeasureDef, st: MeasureStanding): HTMLElement {
  const grc = def.id === 'grc';
  const row = (term: string, value: string) => h('div', {}, h('dt', {}, term), h('dd', {}, value));
  const tone = st.meaningful ? (st.direction === 'better' ? 'ok' : 'warn') : '';
  return h('section', { class: 'standing', 'aria-labelledby': `standing-${def.id}`, 'data-measure': def.id },
    h('h2', { id: `standing-${def.id}` }, def.name),
    h('dl', { class: 'facts' },
      !grc && st.first ? row('Start', `${valueText(def, st.first)}, ${day(st.first.date)}`) : null,
      st.latest ? row(grc ? 'Latest rating' : 'Latest', `${valueText(def, st.latest)}, ${day(st.latest.date)}`) : null,
      st.change !== null && !grc ? row('Change', `${signed(st.change)} ${def.id === 'chair-stand' ? 'stands' : 'points'}`) : null,
      st.threshold_text ? row('Meaningful change', `${st.threshold_text} or more`) : null),
    meter(st),
    h('p', { class: `notice ${tone}`.trim(), 'data-summary': '' }, st.summary));
}

async function load(): Promise<{ defs: Map<string, MeasureDef>; standings: MeasureStanding[] }> {
  const [d, s] = await Promise.all([api.measureDefs(), api.measures()]);
  return { defs: new Map(d.measures.map((m) => [m.id, m])), standings: s.measures };
}

/** #/measures: the three measures, each with where the person stands and a link to record it. */
export async function measuresPage(shell: MeasureShell): Promise<void> {
  if (!shell.needPerson()) return;
  const { defs, standings } = await load();
  shell.page('My measures',
    h('p', {}, 'Three short measures show how your knee is changing. Do each at the start, then every two to three weeks.'),
    standings.map((st) => {
      const def = defs.get(st.measure);
      if (!def) return null;
      return h('div', { class: 'measure-card' }, standingCard(def, st),
        h('p', {}, h('a', { class: 'button', href: `#/measures/${def.id}` }, st.count ? 'Measure again' : 'Measure now', h('span', { class: 'visually-hidden' }, `: ${def.name}`))));
    }));
}

/** #/measures/ID: the form of one measure, then where the person stands after saving. */
export async function measurePage(shell: MeasureShell, id: MeasureId): Promise<void> {
  if (!shell.needPerson()) return;
  const { defs, standings } = await load();
  const def = defs.get(id);
  const st = standings.find((s) => s.measure === id);
  if (!def || !st) { shell.page('Measure not found', h('p', {}, h('a', { href: '#/measures' }, 'See my measures'))); return; }
  measureForm({ ...shell, def, standing: st, reload: async () => (await load()).standings.find((s) => s.measure === id) ?? st });
}
