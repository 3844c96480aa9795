// The installable app on a 390×844 phone with the connection going away (issue 17 item 4), in
// Debian's chromium against the real `kneecoach serve`: the manifest and icons, the service worker
// keeping the app and today's session, a session and a check-in done offline and kept in the
// outbox, a reload while offline, then back online: both reach the server exactly once, even
// when the reply to the first send is lost (the retry carries the same Idempotency-Key).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, watchErrors } from './camera-lib.mjs';
import { PHONE, axe, browser, doSession, heading, person, serverGet, shoot } from './pwa-lib.mjs';

let server, chrome;

before(async () => { server = await startServer(); chrome = await browser(PHONE); });
after(async () => { await chrome?.close(); await server?.stop(); });

const stored = async (id) => {
  const p = await serverGet(chrome.ctx, server.base, `/api/v1/people/${id}/progress`);
  return { sessions: p.sessions.length, checkIns: p.series['pain-next-morning'].length };
};
/** The items the connection line lists as waiting, once it lists `n` (it redraws after the outbox changes). */
const waiting = async (page, n) => {
  await page.waitForFunction((k) => document.querySelectorAll('#outbox-list li').length === k, n);
  return page.locator('#outbox-list li').allTextContents();
};

test('the manifest and icons make it installable', { timeout: 30000 }, async () => {
  const page = await chrome.ctx.newPage();
  await page.goto(`${server.base}/`);
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const reply = await page.request.get(`${server.base}${href}`);
  assert.equal(reply.headers()['content-type'], 'application/manifest+json');
  const manifest = await reply.json();
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, '/#/');
  for (const size of ['192x192', '512x512']) assert.ok(manifest.icons.some((i) => i.sizes === size && i.type === 'image/png'), size);
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  for (const icon of manifest.icons) {
    const r = await page.request.get(`${server.base}${icon.src}`);
    assert.equal(r.status(), 200, icon.src);
    assert.equal(r.headers()['content-type'], icon.type);
    if (icon.type === 'image/png') {
      const png = await r.body();  // the PNG's own width and height (IHDR) match what the manifest says
      assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes);
    }
  }
  // The service worker's own policy lets it reach its origin, and nothing else.
  const sw = await page.request.get(`${server.base}/sw.js`);
  assert.match(sw.headers()['content-security-policy'], /connect-src 'self'/);
  assert.equal(sw.headers()['cache-control'], 'no-cache');
  await page.close();
});

test('a phone goes offline: session and check-in kept, app still there after a reload, synced once when back', { timeout: 120000 }, async () => {
  const page = await chrome.ctx.newPage();
  const errors = [];
  watchErrors(page, errors);
  const id = await person(page, server.base);
  await page.goto(`${server.base}/#/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');
  assert.equal(await page.locator('#net-status').isVisible(), false, 'online with nothing waiting: no connection line');

  // Online: today's session and the check-in questions are loaded once (the worker keeps copies).
  await page.goto(`${server.base}/#/session`);
  await heading(page, /^Session /);
  const exercises = await page.locator('#session-exercises li').count();
  await page.waitForFunction((n) => caches.open('kc-data-v1').then((c) => c.keys())
    .then((keys) => keys.filter((k) => /\/svg$/.test(k.url)).length >= n), exercises);
  // This chromium has no voice of its own, so every distinct spoken cue of the session is kept too.
  const steps = (await serverGet(chrome.ctx, server.base, `/api/v1/people/${id}/session`)).steps;
  const cues = new Set(steps.flatMap((st) => [st.speech, st.reminder?.speech]).filter(Boolean)).size;
  const t0 = Date.now();
  await page.waitForFunction((n) => caches.open('kc-data-v1').then((c) => c.keys())
    .then((keys) => keys.filter((k) => k.url.includes('/api/v1/speech?text=')).length >= n), cues, { timeout: 60000 });
  console.log(`${exercises} figures and ${cues} spoken cues kept for offline in ${Date.now() - t0} ms after the figures`);
  await page.goto(`${server.base}/#/check-in`);
  await heading(page, /Morning check-in/);

  await chrome.ctx.setOffline(true);
  await page.reload();  // no connection: the page, its scripts and the questions come from the worker
  await heading(page, /Morning check-in/);
  assert.match(await page.locator('#offline-note').textContent(), /You are offline\. Today's session, the check-in and the measures still work/);

  await doSession(page, server.base, 2);
  await heading(page, /Session kept on this phone/);
  assert.equal((await waiting(page, 1)).length, 1);

  await page.goto(`${server.base}/#/check-in`);
  await heading(page, /Morning check-in/);
  await page.locator('input[name=morning][value="1"]').check();
  await page.locator('input[name=worried][value=no]').check();
  await page.locator('main button[type=submit]').click();
  await heading(page, /Check-in kept on this phone/);
  assert.deepEqual((await waiting(page, 2)).map((t) => t.split(':')[0].split(' of')[0]), ['Session A', 'Check-in']);
  await axe(page, 'offline, two waiting');
  await shoot(page, 'offline-waiting');
  assert.deepEqual(await stored(id), { sessions: 0, checkIns: 0 }, 'nothing reached the server while offline');
  await page.goto(`${server.base}/#/progress`);  // a page that is not kept offline says so
  assert.match(await page.locator('main .notice.bad').textContent(), /There is no connection, and this page needs one/);

  await page.goto(`${server.base}/#/check-in`);
  await page.reload();  // still offline: the app and what waits are still there
  await heading(page, /Morning check-in/);
  assert.equal((await waiting(page, 2)).length, 2);

  // Back online. The server stores the first send of the session, but its reply is lost on the way.
  const keys = { sessions: [], 'check-ins': [] };
  let lose = true;
  await chrome.ctx.route(/\/api\/v1\/people\/[0-9a-f]+\/(sessions|check-ins)$/, async (route) => {
    const what = new URL(route.request().url()).pathname.split('/').pop();
    keys[what].push(route.request().headers()['idempotency-key']);
    if (what === 'sessions' && lose) { lose = false; await route.fetch(); await route.abort('failed'); return; }
    await route.continue();
  });
  await chrome.ctx.setOffline(false);
  await page.locator('#net-status').waitFor({ state: 'hidden', timeout: 30000 });
  assert.deepEqual(await stored(id), { sessions: 1, checkIns: 1 }, 'each stored exactly once');
  assert.equal(keys.sessions.length, 2, 'the session was sent again after its reply was lost');
  assert.equal(keys.sessions[0], keys.sessions[1], 'with the same Idempotency-Key');
  assert.match(keys.sessions[0], /^[0-9a-f]{32}$/);
  assert.equal(keys['check-ins'].length, 1);

  await page.reload();
  await page.waitForTimeout(500);
  assert.deepEqual(await stored(id), { sessions: 1, checkIns: 1 }, 'nothing more after a reload');

  // The conflict rule: a second check-in of the day, made offline, is refused by the server when
  // it arrives; the phone keeps it marked with the server's reason and never forces it.
  await chrome.ctx.setOffline(true);
  await page.goto(`${server.base}/#/check-in`);
  await heading(page, /Morning check-in/);
  await page.locator('input[name=morning][value="6"]').check();
  await page.locator('input[name=worried][value=no]').check();
  await page.locator('main button[type=submit]').click();
  await heading(page, /Check-in kept on this phone/);
  await chrome.ctx.setOffline(false);
  const refused = page.locator('#outbox-refused li');
  await refused.waitFor();
  assert.match(await refused.textContent(), /Check-in of .*: pain 6\/10: not stored, because that day already has a check-in \(pain 1\/10\), and it stands/);
  await axe(page, 'a refused save');
  await shoot(page, 'offline-refused');
  const progress = await serverGet(chrome.ctx, server.base, `/api/v1/people/${id}/progress`);
  assert.deepEqual(progress.series['pain-next-morning'].map((p) => p.value), [1], 'the stored check-in stands');
  await refused.getByRole('button', { name: 'Discard' }).click();
  await page.locator('#net-status').waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a measure saved offline reaches the server once, even after the browser dropped its session cookie', { timeout: 60000 }, async () => {
  await chrome.ctx.setOffline(false);  // whatever the test before left
  await chrome.ctx.unrouteAll();
  const page = await chrome.ctx.newPage();
  const errors = [];
  watchErrors(page, errors);
  const id = await person(page, server.base);
  await page.goto(`${server.base}/#/measures/grc`);  // online once: the definitions and standing are kept
  await heading(page, /Global rating of change/);
  await chrome.ctx.setOffline(true);
  await page.reload();
  await heading(page, /Global rating of change/);
  await page.locator('input[name=grc][value="2"]').check();
  await page.locator('main button[type=submit]').click();
  await heading(page, /kept on this phone/);
  assert.equal((await waiting(page, 1)).length, 1);
  // The browser was closed and its session cookie is gone: the outbox gets it back by loading the
  // page, then sends the measure with its key.
  const replies = [];
  page.on('response', (r) => { if (r.request().method() === 'POST' && r.url().endsWith('/measures')) replies.push(r.status()); });
  await chrome.ctx.clearCookies();
  await chrome.ctx.setOffline(false);
  await page.locator('#net-status').waitFor({ state: 'hidden', timeout: 30000 });
  assert.deepEqual(replies, [403, 201], 'refused without the cookie, stored once with it');
  const grc = (await serverGet(chrome.ctx, server.base, `/api/v1/people/${id}/measures`)).measures.find((m) => m.measure === 'grc');
  assert.equal(grc.count, 1);
  assert.equal(grc.latest.value, 2);
  assert.deepEqual(errors, []);
  await page.close();
});
