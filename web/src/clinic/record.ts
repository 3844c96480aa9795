// #/clinic/people/{id}: one patient's record for their clinician: the intake's triage, the program
// (with its changes and editing, program.ts), sessions, check-ins and pain (the patient's own
// progress view, progresspage.ts), measures against their meaningful change (measures.ts), camera
// form results, and the clinician's notes. Each part is asked of the server, which checks that this
// person is on the caller's caseload; someone else's id shows nothing but "not found".
import { api, ApiError, type CheckInRecord, type Level, type PlanReply, type Progress, type MeasureDef, type MeasureStanding } from '../api';
import { dayText, h, type Kids } from '../dom';
import { progressView } from '../progresspage';
import { standingCard } from '../measures';
import { levelName } from '../referral';
import { clinicApi, type Note } from './api';
import { programSection } from './program';
import { clinicError, needClinician, sentence, signedInBar, when, type ClinicKit } from './shell';

type Got<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(p: Promise<T>): Promise<Got<T>> => p.then((value) => ({ ok: true as const, value }), (error) => ({ ok: false as const, error }));

function triageSection(got: Got<PlanReply>): Kids {
  if (!got.ok) return [h('h2', {}, 'Intake and triage'), clinicError(got.error, 'The intake')];
  const { plan, stopped } = got.value;
  return [h('h2', {}, 'Intake and triage'),
    h('dl', { class: 'facts', id: 'triage' },
      h('div', {}, h('dt', {}, 'Triage'), h('dd', {}, levelName(plan.triage_level))),
      h('div', {}, h('dt', {}, 'Pain at intake'), h('dd', {}, `${plan.pain}/10 (${plan.pain_band.replace(/_/g, ' ')})`)),
      h('div', {}, h('dt', {}, 'Program'), h('dd', {}, `${plan.start} to ${plan.end}, ${plan.weeks} weeks, ${plan.minutes_per_session} minutes on ${plan.days.join(', ')}`))),
    stopped ? h('p', { class: 'notice bad' }, `Stopped ${when(stopped.at)}: ${stopped.reason}`) : null,
    plan.cautions.length ? [h('h3', {}, 'Cautions'), h('ul', {}, plan.cautions.map((c) => h('li', {}, c)))] : null,
    plan.decisions.length ? h('details', {}, h('summary', {}, 'How the planner built the program'), h('ul', {}, plan.decisions.map((d) => h('li', {}, d)))) : null];
}

/** One check-in: its date and pain, the triage level it produced and the warning signs named
 *  (the server's outcome, shown as it comes). */
function checkInItem(c: CheckInRecord): HTMLElement {
  const level = levelName(c.triage_level as Level) ?? c.triage_level;  // an unknown name as it comes
  return h('li', { class: c.refers ? 'check-in refers' : 'check-in', 'data-level': c.triage_level, 'data-date': c.date },
    h('span', {}, `${dayText(c.date)}: pain the next morning ${c.next_morning_pain}/10. `),
    h('span', { class: 'triage' }, h('strong', {}, `Triage: ${level}`), ` (${c.level_meaning})`),
    c.signs.length ? h('span', { class: 'signs' }, `. Warning signs named: ${c.signs.map((s) => s.name).join('; ')}.`) : null,
    c.stopped ? h('span', { class: 'help' }, ' The program was stopped.') : null);
}

function checkInSection(got: Got<Progress>): Kids {
  if (!got.ok) return null;
  const records = got.value.check_ins;
  if (!records) {  // an older server: the ratings only
    const ratings = got.value.series['pain-next-morning'] ?? [];
    return [h('h2', {}, 'Check-ins'), ratings.length
      ? h('ul', { id: 'check-ins' }, [...ratings].reverse().slice(0, 14).map((p) => h('li', {}, `${p.date}: pain the next morning ${p.value}/10`)))
      : h('p', {}, 'No check-ins yet.')];
  }
  const newest = [...records].reverse();
  const list = (items: CheckInRecord[]) => h('ul', { class: 'check-ins' }, items.map(checkInItem));
  return [h('h2', {}, 'Check-ins'), newest.length
    ? h('div', { id: 'check-ins' }, list(newest.slice(0, 14)),
      newest.length > 14 ? h('details', {}, h('summary', {}, `${newest.length - 14} earlier check-ins`), list(newest.slice(14))) : null)
    : h('p', {}, 'No check-ins yet.')];
}

function cameraSection(got: Got<Progress>): Kids {
  if (!got.ok) return null;
  const seen = got.value.sessions.flatMap((s) => (s.exercises ?? []).filter((e) => e.camera).map((e) => ({ s, e })));
  return [h('h2', {}, 'Camera form checks'), seen.length
    ? h('ul', { id: 'camera-results' }, seen.map(({ s, e }) => h('li', {}, `${s.date}, ${e.name}: ${e.camera?.reps} reps by camera, ${e.camera?.reps_with_faults} with a form fault`)))
    : h('p', {}, 'No session used the camera.')];
}

function measuresSection(defs: Got<{ measures: MeasureDef[] }>, got: Got<{ measures: MeasureStanding[] }>): Kids {
  if (!got.ok || !defs.ok) return [h('h2', {}, 'Measures'), clinicError(got.ok ? (defs as { error: unknown }).error : got.error, 'The measures')];
  const byId = new Map(defs.value.measures.map((d) => [d.id, d]));
  return [h('h2', {}, 'Measures'), h('div', { class: 'measures-grid' }, got.value.measures.map((st) => {
    const def = byId.get(st.measure);
    return def ? standingCard(def, st) : null;
  }))];
}

function notesSection(person: string, got: Got<{ notes: Note[] }>): HTMLElement {
  const box = h('section', { id: 'notes', 'aria-labelledby': 'notes-h' });
  const list = h('ul', { class: 'notes' });
  const draw = (notes: Note[]) => list.replaceChildren(...(notes.length ? [...notes].reverse().map((n) => h('li', {}, h('p', {}, n.text), h('p', { class: 'help' }, `${n.author}, ${when(n.at)}`))) : [h('li', {}, 'No notes yet.')]));
  if (!got.ok) { box.append(h('h2', { id: 'notes-h' }, 'Clinician notes'), clinicError(got.error, 'Clinician notes')); return box; }
  const notes = [...got.value.notes];
  draw(notes);
  const err = h('div', { 'aria-live': 'assertive' });
  const text = h('textarea', { id: 'note-text', rows: '3', maxlength: '4000' }) as HTMLTextAreaElement;
  const form = h('form', {}, h('div', { class: 'field' }, h('label', { for: 'note-text' }, 'New note (seen by clinicians only)'), text), err,
    h('button', { type: 'submit' }, 'Save the note'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.replaceChildren();
    if (!text.value.trim()) { err.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'Write the note first.')); return; }
    try {
      notes.push(await clinicApi.addNote(person, text.value.trim()));
      text.value = '';
      draw(notes);
    } catch (e) {
      err.replaceChildren(e instanceof ApiError && e.status === 400 ? h('p', { class: 'error', role: 'alert' }, sentence(e.message)) : clinicError(e, 'Saving a note'));
    }
  });
  box.append(h('h2', { id: 'notes-h' }, 'Clinician notes'), list, form);
  return box;
}

export async function recordPage(kit: ClinicKit, person: string, setCleanup: (fn: () => void) => void): Promise<void> {
  kit.page('Patient record', h('p', { role: 'status' }, 'Loading…'));
  const me = await needClinician(kit, 'Patient record');
  if (!me) return;
  const [plan, progress, defs, measures, notes, caseload] = await Promise.all([
    settle(api.plan(person)), settle(api.progress(person)), settle(api.measureDefs()), settle(api.measures(person)), settle(clinicApi.notes(person)),
    settle(clinicApi.caseload())]);
  // The username the clinician knows the patient by, from their caseload (the id otherwise).
  const row = caseload.ok ? caseload.value.patients.find((p) => p.person === person) : undefined;
  const name = row?.username ?? person;
  const notFound = (g: Got<unknown>) => !g.ok && g.error instanceof ApiError && (g.error.status === 404 || g.error.status === 403);
  // Someone else's patient, or no such person: the server says the same for both; the caseload,
  // when there is one, says who is on it (an invited patient has no records yet but is there).
  const absent = caseload.ok ? !row : notFound(plan) && notFound(progress) && notFound(measures);
  if (absent) {
    // Not on this clinician's caseload, or no such person: the server says the same for both.
    kit.page('Patient not found', signedInBar(me), h('p', { class: 'notice' }, 'There is no patient with this id on your caseload.'),
      h('p', {}, h('a', { href: '#/clinic' }, 'Back to the caseload')));
    return;
  }
  const offline = [plan, progress].find((g) => !g.ok && (g.error instanceof TypeError || (g.error instanceof ApiError && g.error.status === 401)));
  if (offline && !offline.ok) { kit.page('Patient record', clinicError(offline.error)); return; }
  const main = document.getElementById('main') as HTMLElement;
  const view = progress.ok ? progressView(progress.value, main, { whose: 'Their', measuresHref: null, doses: false }) : null;
  const programBox = h('section', { id: 'program', 'aria-labelledby': 'program-h' }, h('h2', { id: 'program-h' }, 'Program'), h('p', { role: 'status' }, 'Loading…'));
  kit.page(`Record: ${name}`, signedInBar(me), h('p', {}, h('a', { href: '#/clinic' }, '← Back to the caseload')),
    row ? h('p', { class: 'help' }, `Patient id ${person}; ${row.state === 'pending' ? 'invited, not signed in yet' : row.state}, on your caseload since ${when(row.added_at)}.`) : null,
    row && notFound(plan) ? [h('h2', {}, 'Intake and triage'), h('p', { class: 'notice' }, 'No intake yet: they have not answered the questions about their knee.')] : triageSection(plan), programBox,
    h('section', { id: 'progress', 'aria-labelledby': 'progress-h' }, h('h2', { id: 'progress-h' }, 'Progress'),
      view ? view.nodes : clinicError((progress as { error: unknown }).error, 'Progress')),
    checkInSection(progress), cameraSection(progress), measuresSection(defs, measures), notesSection(person, notes));
  if (view) setCleanup(view.start());
  await programSection(person, programBox, plan.ok ? plan.value.in_force : undefined);
}
