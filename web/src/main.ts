// kneecoach web UI: a hash router over a handful of pages. No framework: h() builds DOM nodes.
import './style.css';
import { api, ApiError, personId } from './api';
import { h, scaleField, type Child, type Kids } from './dom';
import { cameraPage } from './camerapage';
import { intake, loadState, saveState, clearState } from './intake';
import { session, speak, type Shell } from './player';
import { checkInPage } from './checkin';
import { programPage } from './programpage';
import { exercisePage } from './exercisepage';
import { progressPage } from './progresspage';
import { measurePage, measuresPage, MEASURE_IDS } from './measures';
import { startNetStatus } from './netstatus';
import { referral, levelName } from './referral';
import { clearedLink, clearedPage, clearedStoppedPage, forgetReferral } from './cleared';
import { signInPage } from './clinic/signin';
import { invitePage } from './clinic/invite';
import { caseloadPage } from './clinic/caseload';
import { securityPage } from './clinic/security';
import { recordPage } from './clinic/record';
import { clinicApi } from './clinic/api';
import { signedInBar } from './clinic/shell';
const main = document.getElementById('main') as HTMLElement;
let cleanup: (() => void) | null = null;

function page(title: string, ...body: Kids[]): void {
  document.title = `${title} · kneecoach`;
  const h1 = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(h1, ...((body as Child[]).flat(10 as 1) as Child[]).filter((c): c is Node | string => !!c));
  h1.focus({ preventScroll: false });
}
function errorBox(e: unknown): HTMLElement {
  // fetch() rejects with a TypeError when there is no answer at all (offline, server down).
  const msg = e instanceof TypeError
    ? 'There is no connection, and this page needs one. Today\'s session, the check-in and the measures work offline once you have opened them online. Try again when you are back online.'
    : e instanceof Error ? e.message : String(e);
  return h('div', { class: 'notice bad', role: 'alert' }, h('p', {}, msg));
}
function needPerson(): boolean {
  if (personId()) return true;
  page('No program yet', h('p', {}, 'Answer a few questions about your knee first. It takes about five minutes.'),
    h('p', {}, h('a', { class: 'button', href: '#/intake' }, 'Start the questions')));
  return false;
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
      h('a', { class: 'button secondary', href: '#/progress' }, 'My progress'),
      h('a', { class: 'button secondary', href: '#/measures' }, 'My measures'))
      : h('div', { class: 'row' }, h('a', { class: 'button', href: '#/intake' }, 'Start the questions')),
    id ? h('p', {}, h('a', { href: '#/intake' }, 'Start again with new answers')) : null);
  // On a clinic server: the clinician's messages since the last session or check-in (GET /today).
  if (id) {
    void api.today().then((t) => {
      if (!t.messages?.length || location.hash.replace(/^#\/?/, '') !== '') return;
      main.querySelector('h1')?.after(h('section', { class: 'notice', id: 'clinician-messages', 'aria-label': 'From your clinician' },
        h('h2', {}, 'From your clinician'), h('ul', {}, t.messages.map((m) => h('li', {}, h('p', {}, m.text), h('p', { class: 'help' }, `${m.by}, ${m.at.slice(0, 10)}`))))));
    }).catch(() => undefined);
  }
  // On a clinic server, who is signed in and a way to sign out (a personal server has no such route).
  void clinicApi.me().then(({ account }) => { if (location.hash.replace(/^#\/?/, '') === '') main.append(signedInBar(account)); }).catch(() => undefined);
}

function result(): void {
  let r: Awaited<ReturnType<typeof api.create>> | null = null;
  try { r = JSON.parse(sessionStorage.getItem('kneecoach.result') ?? 'null'); } catch { r = null; }
  if (!r) { home(); return; }
  if (r.status === 'referral') {
    page(r.triage.level === 'emergency' ? 'Get help now' : r.triage.level === 'urgent' ? 'See a doctor today' : 'Please see a clinician first', ...referral(r.triage), clearedLink());
    clearState();  // the answers stay in this page's memory only (cleared.ts), not in the tab's storage
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
  // After a clearance: the plan's cautions, its words first (the triage's own are shown below too).
  const cleared = r.plan?.clearance ? r.plan.cautions.filter((c) => c !== t.advice && !t.reasons.some((x) => x.message === c)) : [];
  page(t.level === 'caution' ? 'You can start gently' : 'You can start',
    cleared.length ? h('section', { class: 'notice', id: 'clearance', 'aria-label': 'Your clearance and cautions' }, cleared.map((c) => h('p', {}, c))) : null,
    t.reasons.length ? [h('h2', {}, 'Cautions'), h('ul', {}, t.reasons.map((x) => h('li', {}, x.message)))] : null,
    h('div', { class: `notice ${t.level === 'caution' ? 'warn' : 'ok'}`, role: 'status' },
      h('p', {}, h('strong', {}, `Result: ${levelName(t.level)}. `), t.advice)),
    h('p', {}, h('a', { class: 'button', href: '#/program' }, 'See my program')));
  clearState();
}

// ---------------------------------------------------------------- session player (player.ts)
function hashParams(): URLSearchParams {
  const q = location.hash.indexOf('?');
  return new URLSearchParams(q >= 0 ? location.hash.slice(q + 1) : '');
}
const shell: Shell = { page, errorBox, needPerson, params: hashParams, setCleanup: (fn) => { cleanup = fn; } };


// ---------------------------------------------------------------- router
const routes: Record<string, () => void | Promise<void>> = {
  '': home, '/': home, '/intake': () => intake(shell), '/result': result, '/cleared': () => clearedPage({ page, errorBox }), '/cleared-stopped': () => clearedStoppedPage({ page, errorBox, needPerson }), '/program': () => programPage({ page, errorBox, needPerson }),
  '/exercise': () => exercisePage(shell), '/session': () => session(shell), '/check-in': () => checkInPage({ page, needPerson, errorBox, scaleField, referral }),
  '/progress': async () => { cleanup = await progressPage({ page, errorBox, needPerson }); },
  '/measures': () => measuresPage(shell),
  ...Object.fromEntries(MEASURE_IDS.map((id) => [`/measures/${id}`, () => measurePage(shell, id)])),
  '/camera': async () => { cleanup = await cameraPage(hashParams(), (t) => speak(t, true), page); },
  // The clinic server's pages (web/src/clinic): sign-in, a patient's invite, the clinician's workspace.
  '/clinic/sign-in': () => signInPage(clinicKit), '/invite': () => invitePage(clinicKit), '/clinic': () => caseloadPage(clinicKit),
  '/clinic/security': () => securityPage(clinicKit),
};
const clinicKit = { page, params: hashParams };
/** #/clinic/people/{id}: the record of one patient (the id is the server's person id). */
function personRoute(path: string): (() => Promise<void>) | null {
  const m = /^\/clinic\/people\/([^/]+)$/.exec(path);
  if (!m) return null;
  let id = '';
  try { id = decodeURIComponent(m[1]); } catch { return null; }
  return () => recordPage(clinicKit, id, (fn) => { cleanup = fn; });
}
function route(): void {
  cleanup?.();
  cleanup = null;
  const path = location.hash.replace(/^#/, '').split('?')[0];
  if (path === '/intake' && hashParams().has('new')) { clearState(); forgetReferral(); }
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.getAttribute('href') === `#${path}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  // The clinician's pages replace the patient's menu (they are not the patient's app).
  (document.querySelector('header nav') as HTMLElement | null)?.toggleAttribute('hidden', path.startsWith('/clinic'));
  const fn = routes[path] ?? personRoute(path) ?? (() => page('Page not found', h('p', {}, h('a', { href: '#/' }, 'Go to the start page'))));
  void Promise.resolve(fn()).catch((e) => page('Something went wrong', errorBox(e)));
}
window.addEventListener('hashchange', route);
route();
startNetStatus(document.getElementById('net-status') as HTMLElement);
// The service worker keeps the app and today's session working offline (src/sw.ts, docs/offline.md).
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => { navigator.serviceWorker.register('/sw.js').catch(() => { /* not offline-capable: fine online */ }); });
}
// Ask the browser not to evict the outbox and the kept copies when space runs short.
void navigator.storage?.persist?.().catch(() => false);
export { ApiError };
