// Issue 17, "Done when": a patient does a week of sessions and check-ins on a 390x844 phone while
// the Wi-Fi comes and goes, against the real `kneecoach clinic serve` on PostgreSQL (clinic-lib.mjs).
// The server runs on a fixed clock, restarted each morning on the next day's (KNEECOACH_FAKE_TIME);
// the browser's clock follows (Playwright's clock, running from that morning). The connection drops
// before a session, during one, right after a save (the server stored it, the reply is lost), and in
// the middle of a sync (after the first waiting item is sent); the phone also stays offline
// overnight. Each morning the sign-in has expired (30 minutes idle on the server's clock), so the
// patient signs in again, as on a real phone. At every offline moment the app says it is offline and
// how many items wait. At the end the server holds exactly the week's 7 sessions and 7 check-ins
// (none lost, none doubled), and the clinician's record page shows them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { watchErrors } from './camera-lib.mjs';
import { PHONE, DESKTOP, axe, browser, heading, shoot } from './pwa-lib.mjs';
import { PASSWORD, answersToday, invite, startClinic } from './clinic-lib.mjs';

const START = '2025-03-03';  // a Monday; day n of the week is START + n
const dayOf = (n) => new Date(Date.parse(`${START}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const morning = (n) => `${dayOf(n)}T08:00:00Z`;

let server, dr, pid;

before(async () => {
  server = await startClinic(['dr.lee'], { fakeTime: morning(0) });
  dr = server.client();
  await dr.login('dr.lee');
  // Wren: invited, accepted, a program from day 0 with a session every day (all seven days).
  const inv = await invite(dr, 'wren');
  const wren = server.client();
  const token = /invite=([A-Za-z0-9_-]+)/.exec(inv.link)[1];
  await wren.call('POST', '/api/v1/clinic/invites/accept', { token, password: PASSWORD }, 200);
  const answers = { ...answersToday(), days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] };
  pid = (await wren.call('POST', '/api/v1/people', { answers, start: START }, 201)).person.id;
});
after(async () => { await server?.stop(); });

/** What the server holds for Wren (read by the clinician from node, whatever the phone's network;
 *  signed in again, as the server's clock may have moved on a day). */
async function held() {
  await dr.login('dr.lee');
  const p = await dr.call('GET', `/api/v1/people/${pid}/progress`, undefined, 200);
  return { sessions: p.sessions.map((s) => s.date).sort(), checkIns: (p.check_ins ?? []).map((c) => c.date).sort() };
}

test('a week on a phone with the Wi-Fi switching: every session and check-in stored once', { timeout: 600000 }, async () => {
  const t0 = Date.now();
  const phone = await browser(PHONE);
  phone.ctx.setDefaultTimeout(60000);
  const { ctx } = phone;
  const base = server.base;
  let online = true;
  const net = async (on) => { online = on; await ctx.setOffline(!on); };
  try {
    const page = await ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    await ctx.clock.install({ time: new Date(morning(0)) });
    await ctx.clock.resume();

    /** The connection line says offline (when it is) and exactly `n` items waiting. */
    const says = async (n, why) => {
      await page.waitForFunction(([count, off]) => {
        const box = document.querySelector('#net-status');
        const waiting = document.querySelectorAll('#outbox-list li').length;
        const note = !!document.querySelector('#offline-note');
        return box && !box.hidden === (off || count > 0) && waiting === count && note === off &&
          (count === 0 || box.textContent.includes(`Waiting to be sent (${count})`));
      }, [n, !online], { timeout: 15000 }).catch(async () => {
        assert.fail(`${why}: expected ${online ? 'online' : 'offline'} with ${n} waiting; the line says: ${await page.locator('#net-status').textContent()}`);
      });
    };
    /** The next morning: the server restarts on that day's clock, the phone's clock follows. */
    const newDay = async (n) => {
      await server.restart(morning(n));
      await ctx.clock.setSystemTime(new Date(`${dayOf(n)}T08:00:05Z`));
    };
    const signIn = async () => {
      await page.goto(`${base}/#/clinic/sign-in`);
      await heading(page, /^Sign in to the clinic$/);
      await page.fill('#username', 'wren');
      await page.fill('#password', PASSWORD);
      await page.locator('main button[type=submit]').click();
      await page.waitForFunction(() => location.hash === '#/');
    };
    /** The session page loaded online (the worker keeps today's session for offline). */
    const loadSession = async () => {
      await page.goto(`${base}/#/session?fast=400`);
      await heading(page, /^Session /);
      await page.waitForFunction(() => caches.open('kc-data-v1').then((c) => c.keys()).then((k) => k.some((r) => /\/session$/.test(r.url))));
    };
    /** Today's session played to its end on the fast clock; `midway` runs once it is under way. */
    const session = async (expect, midway = async () => {}) => {
      await page.goto(`${base}/#/session?fast=400`);
      await heading(page, /^Session /);
      await page.locator('#start').click();
      await midway();
      await heading(page, /^Session complete$/);
      await page.locator('input[name=pain][value="2"]').check();
      await page.locator('main button[type=submit]').click();
      await heading(page, expect);
    };
    const checkIn = async (pain, expect) => {
      await page.goto(`${base}/#/check-in`);
      await heading(page, /Morning check-in/);
      await page.locator(`input[name=morning][value="${pain}"]`).check();
      await page.locator('main button[type=submit]').click();
      await heading(page, expect);
    };
    /** The app opened again (as after signing in on a phone): it sends what waits at start. */
    const sendNow = async () => {
      await page.goto(`${base}/#/`);
      await page.reload();
    };
    const KEPT_SESSION = /^Session kept on this phone$/;
    const KEPT_CHECK_IN = /^Check-in kept on this phone$/;
    const SAVED_SESSION = /^Session saved$/;
    const SAVED_CHECK_IN = /^Check-in saved$/;

    // Day 0 (online, then offline before the session): the app installs, the session is kept, then sent.
    await page.goto(`${base}/`);
    await signIn();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await loadSession();
    await net(false);
    await session(KEPT_SESSION);
    await says(1, 'day 0, the session kept offline');
    await shoot(page, 'pwa-week-kept');
    await net(true);
    await says(0, 'day 0, back online');
    assert.deepEqual((await held()).sessions, [dayOf(0)]);

    // Day 1: the check-in online; the connection drops during the session; the phone stays offline overnight.
    await newDay(1);
    await signIn();
    await checkIn(3, SAVED_CHECK_IN);
    await loadSession();
    await session(KEPT_SESSION, async () => { await page.waitForTimeout(500); await net(false); });
    await says(1, 'day 1, the session finished after the connection dropped');

    // Day 2, still offline: the check-in is kept too (2 waiting). Online, signed in again, the sync
    // starts and the connection drops right after the first item is stored: 1 still waits.
    await newDay(2);
    await page.goto(`${base}/#/`);
    await says(1, 'day 2, offline in the morning');
    await checkIn(2, KEPT_CHECK_IN);
    await says(2, 'day 2, the check-in kept offline');
    await axe(page, 'connection line, offline with items waiting');
    await shoot(page, 'pwa-week-waiting');
    await net(true);
    await signIn();  // yesterday's sign-in has expired: the items wait for the new one
    let sent = 0;
    const firstThenOffline = async (route) => {
      if (sent > 0 || route.request().method() !== 'POST') return route.fallback();
      sent++;
      const reply = await route.fetch();
      await net(false);  // the Wi-Fi drops as the first reply arrives: the sync stops there
      return route.fulfill({ response: reply });
    };
    await page.route('**/api/v1/people/*/*', firstThenOffline);
    await sendNow();
    for (let i = 0; online && i < 600; i++) await page.waitForTimeout(50);  // the sync's first reply
    await says(1, 'day 2, offline in the middle of the sync');
    await page.unroute('**/api/v1/people/*/*', firstThenOffline);
    assert.deepEqual(await held(), { sessions: [dayOf(0), dayOf(1)], checkIns: [dayOf(1)] });
    await net(true);
    await says(0, 'day 2, the rest of the sync');
    assert.deepEqual((await held()).checkIns, [dayOf(1), dayOf(2)]);
    await loadSession();
    await session(SAVED_SESSION);

    // Day 3: the session's save reaches the server but its reply is lost (the Wi-Fi drops right after
    // saving): the phone keeps it and sends it again with the same key; the server stores it once.
    await newDay(3);
    await signIn();
    await checkIn(2, SAVED_CHECK_IN);
    await loadSession();
    let lost = 0;
    const replyLost = async (route) => {
      if (lost > 0 || route.request().method() !== 'POST') return route.fallback();
      lost++;
      await route.fetch();  // stored on the server ...
      await net(false);     // ... and the phone is offline before the reply comes
      return route.abort('internetdisconnected');
    };
    await page.route(`**/api/v1/people/${pid}/sessions`, replyLost);
    await session(KEPT_SESSION);
    await says(1, 'day 3, the reply lost');
    await page.unroute(`**/api/v1/people/${pid}/sessions`, replyLost);
    assert.equal((await held()).sessions.filter((d) => d === dayOf(3)).length, 1, 'the server has it already');
    await net(true);
    await says(0, 'day 3, sent again');

    // Day 4: online in the morning only to load the app; the check-in and the session offline, and
    // the phone stays offline overnight.
    await newDay(4);
    await signIn();
    await loadSession();
    await page.goto(`${base}/#/check-in`);
    await heading(page, /Morning check-in/);
    await net(false);
    await checkIn(1, KEPT_CHECK_IN);
    await says(1, 'day 4, the check-in kept offline');
    await session(KEPT_SESSION);
    await says(2, 'day 4, the session kept offline');

    // Day 5: the morning's check-in offline (3 waiting); online and signed in again, all three sent.
    await newDay(5);
    await page.goto(`${base}/#/`);
    await says(2, 'day 5, offline in the morning');
    await checkIn(1, KEPT_CHECK_IN);
    await says(3, 'day 5, the check-in kept offline');
    await net(true);
    await signIn();
    await sendNow();
    await says(0, 'day 5, all sent');
    await loadSession();
    await session(SAVED_SESSION);

    // Day 6 online, and the check-in of the morning after.
    await newDay(6);
    await signIn();
    await checkIn(1, SAVED_CHECK_IN);
    await loadSession();
    await session(SAVED_SESSION);
    await newDay(7);
    await signIn();
    await checkIn(0, SAVED_CHECK_IN);
    await says(0, 'the end of the week');
    assert.deepEqual(errors, []);

    // Exactly the week: sessions on days 0-6, check-ins on days 1-7, each once.
    const week = await held();
    assert.deepEqual(week.sessions, [0, 1, 2, 3, 4, 5, 6].map(dayOf), 'one session a day, none lost or doubled');
    assert.deepEqual(week.checkIns, [1, 2, 3, 4, 5, 6, 7].map(dayOf), 'one check-in a morning, none lost or doubled');

    // The clinician's record shows them.
    const desk = await browser(DESKTOP);
    try {
      desk.ctx.setDefaultTimeout(60000);
      const cp = await desk.ctx.newPage();
      await cp.goto(`${base}/#/clinic/sign-in`);
      await heading(cp, /^Sign in to the clinic$/);
      await cp.fill('#username', 'dr.lee');
      await cp.fill('#password', PASSWORD);
      await cp.locator('main button[type=submit]').click();
      await heading(cp, /^Caseload$/);
      await cp.goto(`${base}/#/clinic/people/${pid}`);
      await heading(cp, /^Record: wren$/);
      await cp.locator('#sessions-table').waitFor();
      const dates = await cp.locator('#sessions-table tbody tr td:first-child').allTextContents();
      assert.deepEqual(dates.sort(), [0, 1, 2, 3, 4, 5, 6].map(dayOf), 'seven sessions on the record');
      const checkIns = await cp.locator('#check-ins li').evaluateAll((items) => items.map((li) => li.getAttribute('data-date')));
      assert.deepEqual(checkIns.sort(), [1, 2, 3, 4, 5, 6, 7].map(dayOf), 'seven check-ins on the record');
      await shoot(cp, 'pwa-week-record');
    } finally {
      await desk.close();
    }
  } finally {
    await phone.close();
    console.log(`a week with the Wi-Fi switching: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
});
