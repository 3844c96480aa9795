// #/program: the stored program with every exercise at the dose in force today, when and why it
// last changed, and today's program week: all as the server decides (GET /people/{id}/plan,
// "in_force"). Nothing here computes a dose, a week or a date.
import { api } from './api';
import { clearedStoppedLink } from './cleared';
import { h, type Kids } from './dom';

/** What a page module needs from the shell (main.ts). */
export interface PageKit {
  page: (title: string, ...body: Kids[]) => void;
  errorBox: (e: unknown) => HTMLElement;
  needPerson: () => boolean;
}

/** The patient's words for a clinician's change (GET /plan "changes"). */
const CHANGE_WORDS: Record<string, string> = { add: 'added', remove: 'removed', swap: 'swapped', dose: 'set the dose of', limit: 'set a limit for', pause: 'paused the program', resume: 'resumed the program', message: 'sent a message' };
const DAY_NAME: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** The sessions' own lengths as the server computed them from their doses: "about 14 minutes a
 *  session" or "12 to 18 minutes a session" (not the time the person said they have). */
function sessionLength(minutes: number[]): string {
  if (!minutes.length) return 'no sessions';
  const lo = Math.min(...minutes);
  const hi = Math.max(...minutes);
  return lo === hi ? `about ${lo} minutes a session` : `${lo} to ${hi} minutes a session`;
}

export async function programPage(kit: PageKit): Promise<void> {
  const { page, errorBox } = kit;
  if (!kit.needPerson()) return;
  page('My program', h('p', { role: 'status' }, 'Loading…'));
  try {
    const { plan, stopped, in_force: now, changes, messages, paused } = await api.plan();
    const names = new Map(now.sessions.flatMap((s) => s.exercises.map((e) => [e.exercise, e.name] as const)));
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const planned = new Map(plan.sessions.flatMap((s) => s.exercises.map((e) => [e.id, e] as const)));
    page('My program',
      stopped ? h('div', { class: 'notice bad', role: 'alert' }, h('p', {}, h('strong', {}, 'This program is stopped. '), stopped.reason, ' See a doctor or physiotherapist before you exercise again.')) : null,
      stopped ? clearedStoppedLink() : null,
      h('p', { id: 'program-length' }, `From ${plan.start} to ${plan.end} (${plan.weeks} weeks), ${sessionLength(now.sessions.map((s) => s.minutes))}.`),
      h('p', { id: 'program-week' }, `Today, ${now.date}: ${now.week_text}. The doses below are the ones in force today.`),
      paused ? h('p', { class: 'notice warn', id: 'program-paused' }, h('strong', {}, 'Your clinician paused your program. '), `${paused.by}, ${paused.date}${paused.reason ? `: ${paused.reason}` : ''}. No sessions until they resume it.`) : null,
      // From the clinic server: what the patient's clinician said and changed, and who (docs/clinic-model.md).
      messages?.length ? h('section', { class: 'notice', id: 'clinician-messages', 'aria-labelledby': 'messages-h' }, h('h2', { id: 'messages-h' }, 'From your clinician'),
        h('ul', {}, messages.map((m) => h('li', {}, h('p', {}, m.text), h('p', { class: 'help' }, `${m.by}, ${m.at.slice(0, 10)}`))))) : null,
      plan.cautions.length ? h('div', { class: 'notice warn' }, h('h2', {}, 'Cautions'), h('ul', {}, plan.cautions.map((c) => h('li', {}, c)))) : null,
      h('div', { class: 'row' },
        stopped ? null : h('a', { class: 'button', href: '#/session' }, "Start today's session"),
        h('a', { class: 'button secondary', href: api.handoutUrl(), download: 'kneecoach-handout.pdf' }, 'Download the handout (PDF)'),
        h('a', { class: 'button secondary', href: api.calendarUrl(tz), download: 'kneecoach.ics' }, 'Add to my calendar (.ics)')),
      h('h2', {}, 'Your week'),
      h('table', { class: 'week' }, h('caption', { class: 'visually-hidden' }, 'Sessions by day of the week'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col' }, 'Session'))),
        h('tbody', {}, plan.week.map((d) => {
          const s = now.sessions.find((x) => x.id === d.session);
          return h('tr', {}, h('th', { scope: 'row' }, DAY_NAME[d.day] ?? d.day), h('td', { class: s ? '' : 'rest' }, s ? `Session ${s.id}: ${s.title} (${s.minutes} min)` : 'Rest'));
        }))),
      now.sessions.map((s) => [
        h('h2', {}, `Session ${s.id}: ${s.title}`),
        h('p', {}, `About ${s.minutes} minutes.`),
        s.exercises.map((e) => {
          const first = planned.get(e.plan_exercise);
          const easier = e.exercise === e.plan_exercise ? first?.start_easier : null;
          return h('article', { class: 'ex', 'data-exercise': e.exercise },
            h('img', { src: api.svgUrl(e.exercise), alt: `Animated figure showing ${e.name}`, loading: 'lazy', width: '120', height: '120' }),
            h('div', {},
              h('h3', {}, h('a', { href: `#/exercise?id=${encodeURIComponent(e.exercise)}` }, e.name)),
              h('p', { class: 'dose' }, h('strong', {}, 'Dose: '), e.dose_text),
              e.changed_on ? h('p', { class: 'changed' }, h('strong', {}, `Changed on ${e.changed_on}: `), e.change_reason) : null,
              h('p', {}, h('strong', {}, 'Why: '), e.why),
              easier ? h('p', {}, h('strong', {}, 'Start easier: '), easier) : null,
              h('p', {}, h('a', { href: `#/exercise?id=${encodeURIComponent(e.exercise)}`, 'aria-label': `How to do it: ${e.name}` }, 'How to do it'))));
        }),
      ]),
      plan.reviews.length ? [h('h2', {}, 'Review'), h('ul', {}, plan.reviews.map((r) => h('li', {}, `${r.date} (end of week ${r.week}): ${r.what}`)))] : null,
      changes?.length ? [h('h2', {}, 'Changes your clinician made'), h('ul', { id: 'clinician-changes' }, changes.map((c) =>
        h('li', {}, `${c.at.slice(0, 10)}, ${c.by}: ${CHANGE_WORDS[c.kind] ?? c.kind}${c.exercise ? ` ${names.get(c.exercise) ?? c.exercise}` : ''}${c.reason ? `. ${c.reason}` : ''}`)))] : null,
      h('h2', {}, 'Stay safe'), h('ul', {}, plan.safety.map((s) => h('li', {}, s))),
      h('h2', {}, 'Why the program looks like this'), h('ul', {}, plan.decisions.map((s) => h('li', {}, s))),
      plan.sources?.length ? h('details', { id: 'plan-sources' }, h('summary', {}, 'Where this comes from'),
        h('ul', {}, plan.sources.map((s) => h('li', {}, s)))) : null);
  } catch (e) {
    page('My program', errorBox(e));
  }
}
