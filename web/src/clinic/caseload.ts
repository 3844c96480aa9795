// #/clinic: the clinician's caseload, most in need of attention first (the server's order and its
// flags, GET /clinic/caseload). Search and the flag filter ask the server; marking a flag seen
// records the clinician's note. Built for a few hundred rows: one table, no per-row requests.
import { dayText, fill, h } from '../dom';
import { clinicApi, type CaseloadRow, type Flag } from './api';
import { clinicError, needClinician, signedInBar, when, type ClinicKit } from './shell';

/** The words for each flag the server raises (contract A); an unknown kind is shown as it comes. */
export const FLAG_NAMES: Record<string, string> = {
  warning_sign: 'Warning sign',
  pain_above_band: 'Pain above the acceptable band',
  pain_rising: 'Pain rising for a week',
  no_session_7d: 'No session for 7 days',
  review_due: 'Week-6 review due',
};
export const flagName = (kind: string) => FLAG_NAMES[kind] ?? kind.replace(/_/g, ' ');

/** A 28-day pain sparkline (0-10), with its numbers in words for screen readers. */
export function sparkline(points: { date: string; pain: number }[]): HTMLElement {
  if (!points.length) return h('span', { class: 'muted' }, 'no ratings');
  const NS = 'http://www.w3.org/2000/svg';
  const W = 96, H = 28;
  const x = (i: number) => 2 + (points.length === 1 ? (W - 4) / 2 : (i * (W - 4)) / (points.length - 1));
  const y = (v: number) => 2 + ((H - 4) * (10 - Math.max(0, Math.min(10, v)))) / 10;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'spark');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(NS, 'polyline');
  line.setAttribute('points', points.map((p, i) => `${x(i)},${y(p.pain)}`).join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#0b5cad');
  line.setAttribute('stroke-width', '2');
  const dot = document.createElementNS(NS, 'circle');
  dot.setAttribute('cx', String(x(points.length - 1)));
  dot.setAttribute('cy', String(y(points[points.length - 1].pain)));
  dot.setAttribute('r', '3');
  dot.setAttribute('fill', '#0b5cad');
  svg.append(line, dot);
  const first = points[0], last = points[points.length - 1];
  const words = `Pain ${first.pain} on ${first.date}, ${last.pain} on ${last.date} (${points.length} ratings)`;
  return h('span', { class: 'spark-box' }, svg, h('span', { class: 'visually-hidden' }, words), h('span', { 'aria-hidden': 'true' }, ` ${last.pain}/10`));
}

/** The form to mark `flag` seen with a note, made when the clinician first opens it (a caseload of
 *  300 rows would otherwise build hundreds of forms nobody opens). */
function seenForm(row: CaseloadRow, flag: Flag, done: () => void): HTMLFormElement {
  const form = h('form', { class: 'seen-form' }) as HTMLFormElement;
  const noteId = `note-${row.person}-${flag.kind}`;
  const status = h('span', { role: 'status' });
  form.append(h('label', { for: noteId }, 'Note (what you did)'), h('input', { id: noteId, type: 'text', maxlength: '1000', required: true }),
    h('button', { type: 'submit', class: 'small' }, 'Save'), status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const note = (form.querySelector('input') as HTMLInputElement).value.trim();
    if (!note) { status.replaceChildren(h('span', { class: 'error' }, 'Write a short note first.')); return; }
    try {
      const r = await clinicApi.flagSeen(row.person, flag.kind, note);
      flag.seen = true;
      flag.seen_note = r.note ?? note;
      done();
    } catch (e) {
      status.replaceChildren(clinicError(e, 'Marking a flag seen'));
    }
  });
  return form;
}

/** One flag: its name, the server's detail, and a button that opens the form to mark it seen. */
function flagChip(row: CaseloadRow, flag: Flag): HTMLElement {
  const li = h('li', { class: `flag${flag.seen ? ' seen' : ''}`, 'data-kind': flag.kind });
  const draw = () => {
    const seenLine = flag.seen ? h('p', { class: 'help' }, `Seen${flag.seen_note ? `: ${flag.seen_note}` : ''}`) : null;
    const open = flag.seen ? null : h('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, 'Mark seen', h('span', { class: 'visually-hidden' }, `: ${flagName(flag.kind)}, ${row.username}`));
    let form: HTMLFormElement | null = null;
    open?.addEventListener('click', () => {
      if (!form) { form = seenForm(row, flag, draw); form.hidden = true; li.append(form); }
      form.hidden = !form.hidden;
      open.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) (form.querySelector('input') as HTMLInputElement).focus();
    });
    li.className = `flag${flag.seen ? ' seen' : ''}`;
    fill(li, h('strong', {}, flagName(flag.kind)), flag.since ? h('span', { class: 'help' }, ` since ${dayText(flag.since.slice(0, 10))}`) : null,
      flag.detail ? h('p', { class: 'flag-detail' }, flag.detail) : null, seenLine, open);
  };
  draw();
  return li;
}

function rowOf(r: CaseloadRow): HTMLElement {
  const flags = r.flags ?? [];
  const a = r.adherence;
  const last = r.last_check_in;
  const unseen = flags.filter((f) => !f.seen).length;
  return h('tr', { 'data-person': r.person, class: unseen ? 'flagged' : '' },
    h('th', { scope: 'row' }, h('a', { href: `#/clinic/people/${encodeURIComponent(r.person)}` }, r.username),
      r.state !== 'active' ? h('span', { class: 'help' }, ` (${r.state === 'pending' ? 'invited, not signed in yet' : r.state})`) : null,
      r.unread_notifications ? h('span', { class: 'help' }, ` · ${r.unread_notifications} unread`) : null),
    h('td', { 'data-label': 'Flags' }, flags.length ? h('ul', { class: 'flags' }, flags.map((f) => flagChip(r, f))) : r.flags ? 'none' : '–'),
    h('td', { 'data-label': 'Sessions, 4 weeks' }, a ? `${a.done} of ${a.planned}` : '–'),
    h('td', { 'data-label': 'Pain, 28 days' }, r.pain ? sparkline(r.pain) : '–'),
    h('td', { 'data-label': 'Last check-in' }, last ? `${when(last.at)}: pain ${last.pain}${last.level && last.level !== 'go' ? `, ${last.level.replace('_', ' ')}` : ''}` : r.last_check_in === null ? 'none yet' : '–'));
}

export async function caseloadPage(kit: ClinicKit): Promise<void> {
  const title = 'Caseload';
  kit.page(title, h('p', { role: 'status' }, 'Loading…'));
  const me = await needClinician(kit, title);
  if (!me) return;
  const params = kit.params();
  const search = h('input', { id: 'q', type: 'search', value: params.get('q') ?? '', autocomplete: 'off' }) as HTMLInputElement;
  const filter = h('select', { id: 'flag' }, h('option', { value: '' }, 'Everyone'),
    Object.entries(FLAG_NAMES).map(([k, v]) => h('option', { value: k }, v))) as HTMLSelectElement;
  filter.value = params.get('flag') ?? '';
  const count = h('p', { id: 'caseload-count', role: 'status' });
  const body = h('div', { id: 'caseload' });
  let asked = 0;
  const load = async () => {
    const n = ++asked;
    try {
      const { patients } = await clinicApi.caseload(search.value.trim(), filter.value);
      if (n !== asked) return;
      const partial = patients.length > 0 && patients[0].flags === undefined;
      const flagged = patients.filter((p) => (p.flags ?? []).some((f) => !f.seen)).length;
      count.textContent = `${patients.length} ${patients.length === 1 ? 'patient' : 'patients'}${partial ? '' : `, ${flagged} with a flag not yet seen`}.`;
      fill(body,
        partial ? h('p', { class: 'notice warn' }, 'This clinic server does not send flags, adherence or pain yet: the list is in the order patients were added.') : null,
        patients.length ? h('table', { class: 'caseload' }, h('caption', { class: 'visually-hidden' }, 'Patients, most in need of attention first'),
          h('thead', {}, h('tr', {}, ['Patient', 'Flags', 'Sessions, 4 weeks', 'Pain, 28 days', 'Last check-in'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, patients.map(rowOf)))
          : h('p', {}, search.value || filter.value ? 'No patient matches.' : 'No patients yet. Invite a patient to add them here.'));
    } catch (e) {
      if (n === asked) { count.textContent = ''; body.replaceChildren(clinicError(e, 'The caseload')); }
    }
  };
  let timer = 0;
  search.addEventListener('input', () => { clearTimeout(timer); timer = window.setTimeout(load, 250); });
  filter.addEventListener('change', () => void load());
  kit.page(title, signedInBar(me),
    h('form', { class: 'caseload-filters', role: 'search', onsubmit: (ev: Event) => { ev.preventDefault(); void load(); } },
      h('div', { class: 'field' }, h('label', { for: 'q' }, 'Search by username'), search),
      h('div', { class: 'field' }, h('label', { for: 'flag' }, 'Show'), filter)),
    count, body);
  await load();
}
