// Issue 14, browser: a program a check-in stopped can be cleared in the browser. The program page
// (and the session page) show the stopped program with "I have been seen and cleared"; its form
// posts to POST /api/v1/people/{id}/clearance (the use case `kneecoach cleared` runs), which clears
// exactly the signs of that check-in and builds a new program keeping to the clinician's limits.
// The real `kneecoach serve` (real clock) and Debian's chromium, at 390x844 and 1280x800, axe clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repo, openPersonal, closePersonal, watchErrors } from './camera-lib.mjs';
import { axe, fitsTheWidth } from './pwa-lib.mjs';

const shots = path.join(repo, 'build/screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const FINE = {
  version: 1, age: 55, knee: 'left', pain_now: 3, location: ['front'], onset: 'gradual',
  equipment: ['chair', 'step', 'wall', 'mat', 'books', 'counter'], minutes_per_session: 30, days: ['mon', 'wed', 'fri'],
};
let server, base, browser, dataDir;

function iso(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const now = new Date();
const today = iso(now);
const yesterday = iso(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  ({ server, base, browser, dataDir } = await openPersonal('kc-clearstopped14-'));
});

after(() => closePersonal({ server, browser, dataDir }));


// A person whose program the morning check-in stopped: a painful, swollen calf (urgent).
async function stoppedPerson(page) {
  await page.goto(`${base}/`);
  const made = await (await page.request.post(`${base}/api/v1/people`, { data: { answers: FINE } })).json();
  assert.equal(made.status, 'created');
  const id = made.person.id;
  const checked = await (await page.request.post(`${base}/api/v1/people/${id}/check-ins`,
    { data: { next_morning_pain: 2, red_flags: ['calf_pain_or_swelling'] } })).json();
  assert.equal(checked.stopped, true, JSON.stringify(checked));
  await page.evaluate((pid) => localStorage.setItem('kneecoach.person', pid), id);
  return id;
}

for (const size of ['phone', 'desktop']) {
  test(`${size}: a stopped program is cleared from the program page and a new program keeps the limits`, async () => {
    const ctx = await browser.newContext({ viewport: SIZES[size] });
    const page = await ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    const id = await stoppedPerson(page);
    await page.goto(`${base}/#/program`);
    await page.waitForSelector('main .notice.bad');
    const link = page.getByRole('link', { name: 'I have been seen and cleared' });
    assert.equal(await link.count(), 1);
    await page.screenshot({ path: path.join(shots, `clearstopped-program-${size}.png`), fullPage: true });
    await axe(page);
    await link.click();
    await page.waitForSelector('#avoid input[value="wall-sit"]');
    assert.match(await page.locator('main').textContent(), /Your program was stopped/);
    await page.fill('#clinician', 'Ann Lee');
    await page.fill('#role', 'GP');
    // Before the check-in that stopped it: refused, saying the day in people's words; nothing changes.
    await page.fill('#cleared-on', yesterday);
    await page.getByRole('button', { name: 'Save and build my program' }).click();
    await page.waitForSelector('#cleared-error .notice');
    const refusal = await page.locator('#cleared-error').textContent();
    assert.match(refusal, /before the warning sign of \w{3} \d{1,2} \w{3} \d{4}/);
    assert.doesNotMatch(refusal, /cleared_on|\d{4}-\d\d-\d\d/);
    let plan = await (await page.request.get(`${base}/api/v1/people/${id}/plan`)).json();
    assert.ok(plan.stopped, 'still stopped after the refusal');
    await page.fill('#cleared-on', today);
    await page.selectOption('#pain-ceiling', '3');
    await page.locator('#no-kneeling').check();
    await page.screenshot({ path: path.join(shots, `clearstopped-form-${size}.png`), fullPage: true });
    await axe(page);
    await fitsTheWidth(page);
    await page.getByRole('button', { name: 'Save and build my program' }).click();
    await page.waitForFunction(() => /You can start/.test(document.querySelector('main h1')?.textContent ?? ''));
    const said = await page.locator('#clearance').textContent();
    assert.match(said, /Cleared by Ann Lee \(GP\) on .* for: calf pain or swelling\./);
    assert.match(said, /pain during exercise 3\/10 at most/);
    await axe(page);
    // The same person, a new program under the clearance; the session keeps to the ceiling.
    assert.equal(await page.evaluate(() => localStorage.getItem('kneecoach.person')), id);
    plan = await (await page.request.get(`${base}/api/v1/people/${id}/plan`)).json();
    assert.equal(plan.stopped, null);
    assert.equal(plan.plan.clearance.clinician, 'Ann Lee');
    assert.deepEqual(plan.plan.clearance.flags, ['calf-pain-or-swelling']);
    await page.goto(`${base}/#/program`);
    await page.waitForSelector('#program-week');
    assert.equal(await page.getByRole('link', { name: 'I have been seen and cleared' }).count(), 0);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('the session page of a stopped program links to the clearance; the API checks what it is sent', async () => {
  const ctx = await browser.newContext({ viewport: SIZES.phone });
  const page = await ctx.newPage();
  const id = await stoppedPerson(page);
  await page.goto(`${base}/#/session`);
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Your program is stopped');
  assert.equal(await page.getByRole('link', { name: 'I have been seen and cleared' }).count(), 1);
  await axe(page);
  const post = (data) => page.request.post(`${base}/api/v1/people/${id}/clearance`, { data });
  const bad = await post({ clinician: 'Ann Lee', role: 'GP', cleared_on: today, limits: { pain_ceiling: 9 } });
  assert.equal(bad.status(), 400);
  assert.match(JSON.stringify(await bad.json()), /limits\.pain_ceiling/);
  const unknown = await post({ clinician: 'Ann Lee', role: 'GP', cleared_on: today, answers: {} });
  assert.equal(unknown.status(), 400);
  const nobody = await page.request.post(`${base}/api/v1/people/nobody-here/clearance`, { data: { clinician: 'A', role: 'GP', cleared_on: today } });
  assert.equal(nobody.status(), 404);
  await ctx.close();
});
