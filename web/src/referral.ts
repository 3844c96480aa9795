// The referral: what the server decided (level, reasons, advice) and whom to call, nothing else:
// no exercise advice. The numbers come from the server by country (GET /contacts,
// content/contacts/numbers.yaml); the country is a setting kept on this browser.
import { api, type CountryContacts, type Level, type Triage } from './api';
import { h } from './dom';

const COUNTRY = 'kneecoach.country';
const LEVEL_NAME: Record<Level, string> = {
  emergency: 'Emergency', urgent: 'Urgent: see a doctor today', see_clinician: 'See a clinician first', caution: 'Caution', go: 'Go',
};
export function levelName(l: Level): string { return LEVEL_NAME[l]; }

/** The country chosen on this browser, if any. */
export function savedCountry(): string | null { return localStorage.getItem(COUNTRY); }

function callLink(n: { dial: string; number: string }, text: string, cls: string): HTMLElement {
  return h('a', { class: `button ${cls}`, href: `tel:${n.dial}` }, text);
}

/** The numbers of one country: the emergency number first when the level needs it now. */
function numbers(level: Level, c: CountryContacts): HTMLElement {
  const now = level === 'emergency';
  const urgent = c.urgent
    ? h('p', {}, callLink(c.urgent, `Call ${c.urgent.number}`, now ? 'secondary' : ''), ' ', c.urgent.label)
    : h('p', {}, h('strong', {}, 'For help today: '), c.urgent_note, '.');
  const emergency = h('p', {}, callLink(c.emergency, `Call ${c.emergency.number}`, now ? 'call' : 'secondary'), ' ', c.emergency.label);
  return h('div', { class: 'calls', 'data-country': c.code },
    now ? [emergency, urgent] : level === 'urgent' ? [urgent, h('p', {}, 'If it gets worse or you cannot get there safely:'), emergency] : [urgent, emergency],
    h('details', {}, h('summary', {}, 'Where these numbers come from'), h('ul', {}, c.sources.map((x) => h('li', {}, x)))));
}

/** The call buttons with a country picker; filled in when the numbers arrive. */
function callBlock(level: Level): HTMLElement {
  const box = h('section', { class: 'call-box', 'aria-labelledby': 'call-h' }, h('h2', { id: 'call-h' }, 'Whom to call'), h('p', { role: 'status' }, 'Loading the numbers…'));
  api.contacts().then(({ default: def, countries }) => {
    const pick = (code: string) => countries.find((c) => c.code === code) ?? countries.find((c) => c.code === def) ?? countries[0];
    let shown = numbers(level, pick(savedCountry() ?? def));
    const select = h('select', { id: 'country' }, countries.map((c) => h('option', { value: c.code, selected: c.code === (savedCountry() ?? def) }, c.name))) as HTMLSelectElement;
    select.addEventListener('change', () => {
      localStorage.setItem(COUNTRY, select.value);
      const next = numbers(level, pick(select.value));
      shown.replaceWith(next);
      shown = next;
    });
    // The country first: the number below it is that country's.
    box.replaceChildren(box.firstChild as Node, h('p', { class: 'country' }, h('label', { for: 'country' }, 'Your country: '), select), shown);
  }).catch(() => {
    box.replaceChildren(box.firstChild as Node, h('p', {}, h('strong', {}, 'Call your local emergency number'), ' (the numbers could not be loaded without a connection).'));
  });
  return box;
}

/** The referral page's body: what to do and how soon (the server's advice), whom to call, why. */
export function referral(t: Triage): HTMLElement[] {
  const callFirst = t.level === 'emergency' || t.level === 'urgent';
  return [
    h('div', { class: 'notice bad', role: 'alert' },
      h('h2', { class: `level-${t.level}` }, `What to do: ${LEVEL_NAME[t.level]}`),
      h('p', {}, t.advice)),
    callFirst ? callBlock(t.level) : null,
    h('h2', {}, 'Why'),
    h('ul', {}, t.reasons.map((r) => h('li', {}, r.message))),
    callFirst ? null : callBlock(t.level),
  ].filter((x): x is HTMLElement => x !== null);
}
