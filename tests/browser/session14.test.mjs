// Issue 14, browser: the session survives real life. A reload (or Back, or a tab restored) resumes
// where it was, paused; leaving asks first; the controls stay on screen at 390x844 and on a desktop;
// a double press on Save stores the session once. The real `kneecoach serve` and Debian's chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { repo, webDir, serveOn, headlessChromium, watchErrors } from './camera-lib.mjs';

const shots = path.join(repo, 'build/screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const START = '2025-03-03'; // a Monday: a session day
const REST = '2025-03-04'; // the Tuesday after: a rest day, and the server's today
const ANSWERS = {
  version: 1, age: 50, knee: 'left', pain_now: 2, location: ['front'], onset: 'gradual',
  equipment: ['chair', 'step', 'wall', 'mat', 'books', 'counter', 'band'], minutes_per_session: 30, days: ['mon', 'wed', 'fri'],
};
let server, base, browser, dataDir;

before(async () => {
  assert.ok(fs.existsSync(path.join(webDir, 'index.html')), 'web/dist is missing: run npm run build --prefix web');
  fs.mkdirSync(shots, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-session14-'));
  ({ server, base } = await serveOn(dataDir, { KNEECOACH_FAKE_TIME: `${REST}T08:00:00Z` }));
  browser = await headlessChromium();
});

after(async () => {
  await browser?.close().catch(() => {});
  if (server) { server.kill('SIGTERM'); await new Promise((r) => server.once('exit', r)); }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function person(page) {
  const r = await page.request.post(`${base}/api/v1/people`, { data: { answers: ANSWERS, start: START } });
  assert.equal(r.status(), 201);
  const id = (await r.json()).person.id;
  await page.evaluate((pid) => localStorage.setItem('kneecoach.person', pid), id);
  return id;
}
const step = (page) => page.locator('section.player').getAttribute('data-step').then(Number);

for (const size of ['phone', 'desktop']) {
  test(`${size}: a reload resumes the session where it was; the controls stay on screen; leaving asks first`, async () => {
    const ctx = await browser.newContext({ viewport: SIZES[size] });
    const page = await ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    await page.goto(`${base}/`);
    await person(page);
    await page.goto(`${base}/#/session?date=${START}&fast=40`);
    await page.locator('#start').click();
    await page.waitForFunction(() => Number(document.querySelector('section.player')?.getAttribute('data-step')) >= 4);
    // Every control is inside the window while playing.
    for (const name of ['Pause', 'Back', 'Next exercise', 'Quit']) {
      const b = await page.getByRole('button', { name, exact: true }).boundingBox();
      assert.ok(b && b.y >= 0 && b.y + b.height <= SIZES[size].height, `${name} at ${JSON.stringify(b)} is off screen`);
    }
    await page.screenshot({ path: path.join(shots, `session-playing-${size}.png`) });
    // Leaving asks first (beforeunload).
    const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.accept(); }));
    await page.keyboard.press(' ');  // pause: the step stays put
    const at = await step(page);
    await page.reload();
    assert.equal(await asked, 'beforeunload');
    await page.waitForSelector('#resume');
    assert.match(await page.locator('main').textContent(), /part-way through this session/);
    const carry = await page.locator('#resume').boundingBox();
    assert.ok(carry.y + carry.height <= SIZES[size].height, `"Carry on" at ${JSON.stringify(carry)} is below the first screen`);
    await page.screenshot({ path: path.join(shots, `session-resume-${size}.png`), fullPage: true });
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);
    await page.locator('#resume').click();
    assert.equal(await step(page), at, 'resumed at the step it was on');
    assert.match(await page.locator('#step-text').textContent(), /^Paused\./);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('after the last step, a reload comes back to the pain rating; a double press on Save stores the session once', async () => {
  const ctx = await browser.newContext({ viewport: SIZES.phone });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  const id = await person(page);
  await page.goto(`${base}/#/session?date=${START}&fast=40`);
  await page.locator('#start').click();
  await page.waitForSelector('section.player');
  await page.getByRole('button', { name: 'Quit', exact: true }).click();
  await page.waitForSelector('input[name=pain]');
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await page.waitForSelector('input[name=pain]');
  await page.locator('input[name=pain][value="2"]').check();
  // The server answers slowly: the button is disabled while the save is on its way.
  let posts = 0;
  await page.route('**/api/v1/people/*/sessions', async (route) => { posts++; await new Promise((r) => setTimeout(r, 800)); await route.continue(); });
  const save = page.getByRole('button', { name: 'Save the session' });
  await save.click();
  await page.locator('main button[type=submit]').click({ force: true, timeout: 1000 }).catch(() => {});
  await page.waitForFunction(() => /Session saved/.test(document.querySelector('main h1')?.textContent ?? ''));
  assert.equal(posts, 1);
  const progress = await (await page.request.get(`${base}/api/v1/people/${id}/progress`)).json();
  assert.equal(progress.sessions.filter((x) => x.date === START).length, 1);
  // Saved: nothing to resume, nothing to ask before leaving.
  await page.goto(`${base}/#/session?date=${START}`);
  await page.waitForSelector('#start');
  assert.equal(await page.locator('#resume').count(), 0);
  await ctx.close();
});

test('a rest day offers the next session today anyway, logged for today', async () => {
  const ctx = await browser.newContext({ viewport: SIZES.phone });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  const id = await person(page);
  await page.goto(`${base}/#/session`);
  await page.waitForSelector('#anyway');
  assert.equal(await page.locator('main h1').textContent(), 'Today is a rest day');
  const r = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  assert.deepEqual((await r.analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);
  await page.screenshot({ path: path.join(shots, 'session-rest-day-phone.png'), fullPage: true });
  const label = await page.locator('#anyway').textContent();
  const session = label.match(/session (\w+)/)[1];
  await page.locator('#anyway').click();
  await page.waitForSelector('#start');
  assert.match(await page.locator('main h1').textContent(), new RegExp(`^Session ${session}`));
  await page.locator('#start').click();
  await page.getByRole('button', { name: 'Quit', exact: true }).click();
  await page.locator('input[name=pain][value="1"]').check();
  await page.getByRole('button', { name: 'Save the session' }).click();
  await page.waitForFunction(() => /Session saved/.test(document.querySelector('main h1')?.textContent ?? ''));
  const progress = await (await page.request.get(`${base}/api/v1/people/${id}/progress`)).json();
  const logged = progress.sessions.filter((x) => x.date === REST);
  assert.deepEqual(logged.map((x) => x.session), [session]);
  await ctx.close();
});

test('the pain chart reads on a phone: two sessions on one day show as two, week labels inside the drawing', async () => {
  const ctx = await browser.newContext({ viewport: SIZES.phone });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  const id = await person(page);
  for (const pain of [2, 4]) {
    const r = await page.request.post(`${base}/api/v1/people/${id}/sessions`, { data: {
      date: START, status: 'quit', pain_during: pain, exercises: [{ position: 0, sets: 1, reps: 5, holds: 0, seconds: 30 }] } });
    assert.equal(r.status(), 201, await r.text());
  }
  await page.goto(`${base}/#/progress`);
  await page.waitForSelector('#pain-chart svg');
  const marks = await page.locator('#pain-chart [data-series="pain-during"]').evaluateAll((els) => els.map((e) => ({
    repeat: e.getAttribute('data-repeat'), x: Number(e.getAttribute('cx')) })));
  assert.equal(marks.length, 2);
  assert.deepEqual(marks.map((m) => m.repeat), ['2', '2']);
  assert.notEqual(marks[0].x, marks[1].x, 'the two ratings are drawn side by side, not on top of each other');
  assert.equal(await page.locator('#pain-chart text.repeat').textContent(), '×2');
  const inside = await page.evaluate(() => {
    const svg = document.querySelector('#pain-chart svg').getBoundingClientRect();
    return [...document.querySelectorAll('#pain-chart text')].every((t) => {
      const b = t.getBoundingClientRect();
      return b.left >= svg.left - 0.5 && b.right <= svg.right + 0.5;
    });
  });
  assert.ok(inside, 'a label of the chart is cut off');
  await page.screenshot({ path: path.join(shots, 'progress-repeat-phone.png'), fullPage: true });
  const wide = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth,
    [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth).map((e) => e.tagName + '#' + e.id + '.' + e.className).slice(0, 5)]);
  assert.ok(wide[0] <= wide[1], `the page is wider than the phone: ${JSON.stringify(wide)}`);
  await ctx.close();
});
