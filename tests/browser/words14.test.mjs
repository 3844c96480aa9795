// Issue 14, browser: what the person says of each exercise after a session (too easy, too hard,
// it hurt) and the decision it leads to; the weekly summary on the progress page; the program's
// words (its sessions' true length, plain words with the sources behind a link) and the intake
// questions' form hints. The real `kneecoach serve` and Debian's chromium, at 390x844 and 1280x800.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { repo, webDir, serveOn, headlessChromium, watchErrors } from './camera-lib.mjs';

const shots = path.join(repo, 'build/screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const START = '2025-03-03'; // a Monday: a session day, and the server's today
const ANSWERS = {
  version: 1, age: 50, knee: 'left', pain_now: 2, location: ['front'], onset: 'gradual',
  equipment: ['chair', 'step', 'wall', 'mat', 'books', 'counter', 'band'], minutes_per_session: 45, days: ['mon', 'wed', 'fri'],
};
let server, base, browser, dataDir;

before(async () => {
  assert.ok(fs.existsSync(path.join(webDir, 'index.html')), 'web/dist is missing: run npm run build --prefix web');
  fs.mkdirSync(shots, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-words14-'));
  ({ server, base } = await serveOn(dataDir, { KNEECOACH_FAKE_TIME: `${START}T17:00:00Z` }));
  browser = await headlessChromium();
});

after(async () => {
  await browser?.close().catch(() => {});
  if (server) { server.kill('SIGTERM'); await new Promise((r) => server.once('exit', r)); }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function person(page, answers = ANSWERS) {
  const r = await page.request.post(`${base}/api/v1/people`, { data: { answers, start: START } });
  assert.equal(r.status(), 201, await r.text());
  const id = (await r.json()).person.id;
  await page.evaluate((pid) => localStorage.setItem('kneecoach.person', pid), id);
  return id;
}
async function axe(page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.deepEqual(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);
}
async function fitsTheWidth(page) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `the page is ${scroll} px wide in a ${inner} px window`);
}

for (const size of ['phone', 'desktop']) {
  test(`${size}: after a session each exercise can be called too easy, too hard or it hurt; "it hurt" eases it at once and says why`, async () => {
    const ctx = await browser.newContext({ viewport: SIZES[size] });
    const page = await ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    await page.goto(`${base}/`);
    const id = await person(page);
    await page.goto(`${base}/#/session?date=${START}&fast=40`);
    await page.locator('#start').click();
    await page.getByRole('button', { name: 'Next exercise', exact: true }).click();
    await page.getByRole('button', { name: 'Next exercise', exact: true }).click();
    await page.getByRole('button', { name: 'Quit', exact: true }).click();
    await page.waitForSelector('input[name=pain]');
    const groups = page.locator('fieldset.feedback [role=radiogroup]');
    assert.ok(await groups.count() >= 2, 'a question per exercise reached');
    assert.equal(await page.locator('fieldset.feedback input:checked').count(), 0, 'nothing is chosen for the person');
    const first = await groups.nth(0).getAttribute('aria-label');
    const second = await groups.nth(1).getAttribute('aria-label');
    await groups.nth(0).getByLabel('It hurt').check();
    await groups.nth(1).getByLabel('Too easy').check();
    await page.locator('input[name=pain][value="1"]').check();
    await page.screenshot({ path: path.join(shots, `session-feedback-${size}.png`), fullPage: true });
    await axe(page);
    await page.getByRole('button', { name: 'Save the session' }).click();
    await page.waitForFunction(() => /Session saved/.test(document.querySelector('main h1')?.textContent ?? ''));
    const changes = await page.locator('ul.dose-changes li').allTextContents();
    assert.ok(changes.some((t) => t.startsWith(first) && /you said it hurt/.test(t)), `no eased dose for ${first}: ${changes}`);
    const said = await page.locator('ul.said-decisions li').allTextContents();
    // "Too easy" of an exercise done waits for the check-in; of one skipped, it says the dose stays.
    assert.ok(said.some((t) => t.startsWith(second) && /too easy/.test(t) && /(check-in|not done)/.test(t)), `nothing said of ${second}: ${said}`);
    await page.screenshot({ path: path.join(shots, `session-feedback-saved-${size}.png`), fullPage: true });
    await fitsTheWidth(page);
    // Kept with the session's log.
    const progress = await (await page.request.get(`${base}/api/v1/people/${id}/progress`)).json();
    const logged = progress.sessions.at(-1).exercises;
    assert.deepEqual(logged.slice(0, 2).map((e) => e.feedback), ['hurt', 'too-easy']);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test(`${size}: the progress page opens with the week in brief`, async () => {
    const ctx = await browser.newContext({ viewport: SIZES[size] });
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    const id = await person(page);
    const r = await page.request.post(`${base}/api/v1/people/${id}/sessions`, { data: {
      date: START, status: 'finished', pain_during: 2, exercises: [{ position: 0, sets: 2, reps: 20, holds: 0, seconds: 90, feedback: 'too-hard' }] } });
    assert.equal(r.status(), 201, await r.text());
    const reply = await r.json();
    assert.ok(reply.decisions.some((d) => d.rule === 'said-too-hard' && d.decision === 'ease'), JSON.stringify(reply.decisions));
    await page.goto(`${base}/#/progress`);
    await page.waitForSelector('#week-summary li');
    assert.equal(await page.locator('#week-summary h2').textContent(), 'Week 1 in brief');
    const lines = await page.locator('#week-summary li').allTextContents();
    assert.match(lines[0], /^Sessions: 1 of the 1 planned so far this week done \(3 planned in the whole week\)\.$/);
    assert.match(lines[1], /^Pain: 2\.0\/10 on average this week\.$/);
    assert.ok(lines.some((l) => /^Doses: .* eased on Mon 3 Mar/.test(l) && /too hard/.test(l)), lines.join(' | '));
    assert.match(lines.at(-1), /^Next: .* on Wed 5 Mar\.$/);
    // Above the fold on a phone: the summary starts on the first screen.
    const box = await page.locator('#week-summary').boundingBox();
    assert.ok(box.y < SIZES[size].height, `the summary starts at ${box.y}`);
    await page.screenshot({ path: path.join(shots, `progress-week-summary-${size}.png`), fullPage: true });
    await axe(page);
    await fitsTheWidth(page);
    await ctx.close();
  });
}

test('the program speaks plainly: sources behind a link, and the sessions\' own length, not the time offered', async () => {
  for (const size of ['phone', 'desktop']) {
    const ctx = await browser.newContext({ viewport: SIZES[size] });
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    const id = await person(page);
    const { in_force: now } = await (await page.request.get(`${base}/api/v1/people/${id}/plan`)).json();
    await page.goto(`${base}/#/program`);
    await page.waitForSelector('#program-length');
    const minutes = now.sessions.map((s) => s.minutes);
    const [lo, hi] = [Math.min(...minutes), Math.max(...minutes)];
    const length = await page.locator('#program-length').textContent();
    assert.ok(length.includes(lo === hi ? `about ${lo} minutes a session` : `${lo} to ${hi} minutes a session`), length);
    assert.ok(!length.includes(`${ANSWERS.minutes_per_session} minutes`) || hi === ANSWERS.minutes_per_session, length);
    const visible = await page.locator('main').evaluate((m) => {
      const copy = m.cloneNode(true);
      copy.querySelector('#plan-sources')?.remove();
      return copy.textContent;
    });
    for (const jargon of [/article \d{3}/i, /ACSM/, /GLA:D/, /Juhl/]) assert.doesNotMatch(visible, jargon);
    const sources = page.locator('#plan-sources');
    assert.equal(await sources.getAttribute('open'), null, 'the sources wait behind their link');
    await sources.locator('summary').click();
    assert.match(await sources.textContent(), /Med Sci Sports Exerc 2011/);
    await page.screenshot({ path: path.join(shots, `program-words-${size}.png`), fullPage: true });
    await fitsTheWidth(page);
    await ctx.close();
  }
});

test('the questions give a form\'s hint (no typing, no commas), the unit and the default', async () => {
  const ctx = await browser.newContext({ viewport: SIZES.phone });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  const { questions } = await (await page.request.get(`${base}/api/v1/intake/questions`)).json();
  for (const q of questions) {
    assert.doesNotMatch(q.hint, /\btype\b|comma/i, `${q.id}: ${q.hint}`);
    assert.equal(typeof q.unit, 'string');
    assert.equal(typeof q.default_answer, 'string');
  }
  const byId = Object.fromEntries(questions.map((q) => [q.id, q]));
  assert.equal(byId.days.hint, 'Choose one or more.');
  assert.equal(byId.minutes_per_session.unit, 'minutes');
  assert.equal(byId.minutes_per_session.default_answer, '20');
  for (const q of questions.filter((x) => x.kind === 'yes_no')) assert.equal(q.default_answer, '', `${q.id}: a yes/no never has a default`);
  // A wrong type's message is a form's words too.
  const r = await page.request.post(`${base}/api/v1/intake/answer`, { data: { answers: { days: { monday: true } } } });
  assert.equal(r.status(), 400);
  assert.doesNotMatch((await r.json()).error.message, /\btype\b|comma/i);
  await ctx.close();
});

test('a rest day offers to move the coming session to another day the rules allow', async () => {
  for (const size of ['phone', 'desktop']) {
    const ctx = await browser.newContext({ viewport: SIZES[size] });
    const page = await ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    await page.goto(`${base}/`);
    const id = await person(page, { ...ANSWERS, days: ['mon', 'thu'] });  // Thursday's session has free days near it
    await page.goto(`${base}/#/session?date=2025-03-04`);
    await page.waitForSelector('#move button[data-day]');
    assert.equal(await page.locator('main h1').textContent(), 'Today is a rest day');
    const choices = await (await page.request.get(`${base}/api/v1/people/${id}/moves?date=2025-03-04`)).json();
    const shown = await page.locator('#move button[data-day]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-day')));
    assert.deepEqual(shown, choices.days, 'the page offers exactly the days the server allows');
    await page.screenshot({ path: path.join(shots, `rest-day-move-${size}.png`), fullPage: true });
    await axe(page);
    await fitsTheWidth(page);
    const to = shown[0];
    await page.locator(`#move button[data-day="${to}"]`).click();
    await page.waitForSelector('#move .notice.ok');
    assert.match(await page.locator('#move .notice.ok').textContent(), new RegExp(`^Moved: session ${choices.session} is now on`));
    const after = await (await page.request.get(`${base}/api/v1/people/${id}/session?date=${to}`)).json();
    assert.equal(after.scheduled, true, `session ${choices.session} is planned on ${to} now`);
    assert.equal(after.session, choices.session);
    const before = await (await page.request.get(`${base}/api/v1/people/${id}/session?date=${choices.date}`)).json();
    assert.equal(before.scheduled, false, `${choices.date} is a rest day now`);
    // A day the rules refuse is refused with a reason, and nothing moves.
    const bad = await page.request.post(`${base}/api/v1/people/${id}/moves`, { data: { from: to, to: '2025-03-20' } });
    assert.equal(bad.status(), 400);
    assert.match((await bad.json()).error.message, /more than 3 days/);
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});
