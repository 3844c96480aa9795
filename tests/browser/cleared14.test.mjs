// Issue 14, browser: "I have been seen and cleared", the referral page's path for later. The person
// records who cleared them, when and the clinician's limits; the server checks each field and builds
// the program keeping to them; the program says who cleared it and for what. The real
// `kneecoach serve` (real clock: the page's today is the server's) and Debian's chromium, at 390x844
// and 1280x800.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repo, openPersonal, closePersonal, watchErrors } from './camera-lib.mjs';
import { answerIntake, axe, fitsTheWidth } from './pwa-lib.mjs';

const shots = path.join(repo, 'build/screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
// A knee that gives way (see a clinician) and a painful calf (urgent): two warning signs.
const FLAGGED = {
  version: 1, age: 50, knee: 'left', pain_now: 3, location: ['front'], onset: 'gradual', gives_way: true, calf_pain_or_swelling: true,
  equipment: ['chair', 'step', 'wall', 'mat', 'books', 'counter'], minutes_per_session: 30, days: ['mon', 'wed', 'fri'],
};
const KNEELING = ['hip-flexor-stretch', 'lunge', 'knee-bounce'];
let server, base, browser, dataDir;

function iso(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
// "Sun 6 Dec 2026", as core/plan/civil_date.h describe_date writes it.
function spoken(d) {
  const day = d.toLocaleDateString('en-GB', { weekday: 'short' }).slice(0, 3);
  const month = d.toLocaleDateString('en-GB', { month: 'short' }).slice(0, 3);
  return `${day} ${d.getDate()} ${month} ${d.getFullYear()}`;
}
const today = new Date();
// The referral is shown today (the page keeps its answers in memory only), so the clinician's day
// is today at the earliest.
const referredOn = iso(today);
const seenOn = referredOn;
const tooEarly = iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1));
// Every key a page stored on the device, with its value.
const stored = (page) => page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  ({ server, base, browser, dataDir } = await openPersonal('kc-cleared14-'));
});

after(() => closePersonal({ server, browser, dataDir }));

const heading = (page) => page.locator('main h1').textContent();

for (const size of ['phone', 'desktop']) {
  test(`${size}: seen and cleared: the referral's path for later builds a program that keeps the limits and says who cleared it`, async () => {
    const ctx = await browser.newContext({ viewport: SIZES[size] });
    const page = await ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    // An older version's copy of the answers on the device is removed when the app loads.
    await page.goto(`${base}/`);
    await page.evaluate(() => localStorage.setItem('kneecoach.referral', '{"answers":{"gives_way":true},"on":"2025-01-01"}'));
    await page.reload();
    await page.waitForSelector('main h1');
    assert.equal(await page.evaluate(() => localStorage.getItem('kneecoach.referral')), null);
    await page.goto(`${base}/#/intake`);
    // The referral, as the questions leave it.
    // A knee that gives way: see a clinician (the questions run to the end: no same-day sign).
    await answerIntake(page, { gives_way: 'yes', age: '50', pain_now: '3' });
    await page.waitForSelector('main .calls');
    // The answers that raised it are in the page's memory only: nothing about them on the device.
    assert.doesNotMatch(await stored(page), /gives_way|calf_pain|kneecoach\.referral/);
    const link = page.getByRole('link', { name: 'I have been seen and cleared' });
    assert.equal(await link.count(), 1);
    await link.click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'I have been seen and cleared');
    await page.waitForSelector('#avoid input[value="wall-sit"]');
    await page.fill('#clinician', 'Ann Lee');
    await page.fill('#role', 'physiotherapist');
    // A day before the referral: the server's message says what and how to fix it; nothing is stored.
    await page.fill('#cleared-on', tooEarly);
    await page.getByRole('button', { name: 'Save and build my program' }).click();
    await page.waitForSelector('#cleared-error .notice');
    const error = await page.locator('#cleared-error').textContent();
    // In people's words: the day as written ("Sun 6 Dec 2026"), no field name or ISO date.
    assert.match(error, new RegExp(`before the warning sign of ${spoken(today)}`));
    assert.doesNotMatch(error, /cleared_on|\d{4}-\d\d-\d\d/);
    assert.equal(await page.evaluate(() => localStorage.getItem('kneecoach.person')), null);
    // The right day and the limits.
    await page.fill('#cleared-on', seenOn);
    await page.locator('#no-kneeling').check();
    await page.selectOption('#pain-ceiling', '3');
    await page.locator('#avoid input[value="wall-sit"]').check();
    await page.fill('#note', 'Walk every day as well.');
    await page.screenshot({ path: path.join(shots, `cleared-form-${size}.png`), fullPage: true });
    await axe(page);
    await fitsTheWidth(page);
    await page.getByRole('button', { name: 'Save and build my program' }).click();
    await page.waitForFunction(() => /You can start gently/.test(document.querySelector('main h1')?.textContent ?? ''));
    const said = await page.locator('#clearance').textContent();
    assert.match(said, /Cleared by Ann Lee \(physiotherapist\) on .* for: gives way\./);
    assert.match(said, /no kneeling; pain during exercise 3\/10 at most; not these exercises: Wall sit/);
    assert.match(said, /Walk every day as well\./);
    await page.screenshot({ path: path.join(shots, `cleared-result-${size}.png`), fullPage: true });
    await axe(page);
    // The program keeps the limits, and says so.
    const id = await page.evaluate(() => localStorage.getItem('kneecoach.person'));
    assert.ok(id, 'a person was set up');
    const plan = await (await page.request.get(`${base}/api/v1/people/${id}/plan`)).json();
    assert.equal(plan.plan.clearance.clinician, 'Ann Lee');
    assert.deepEqual(plan.plan.clearance.flags, ['gives-way']);
    const given = plan.plan.sessions.flatMap((s) => s.exercises.map((e) => e.id));
    assert.ok(given.length > 0);
    for (const out of [...KNEELING, 'wall-sit']) assert.ok(!given.includes(out), `${out} is in the program`);
    await page.goto(`${base}/#/program`);
    await page.waitForSelector('main .notice.warn li');
    const cautions = await page.locator('main .notice.warn li').allTextContents();
    assert.match(cautions[0], /^Cleared by Ann Lee/);
    await page.screenshot({ path: path.join(shots, `cleared-program-${size}.png`), fullPage: true });
    await axe(page);
    await fitsTheWidth(page);
    // Nothing of the health answers was ever kept on the device.
    assert.doesNotMatch(await stored(page), /gives_way|calf_pain|kneecoach\.referral/);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('after a reload the answers are gone: the cleared page asks for the questions again', async () => {
  const ctx = await browser.newContext({ viewport: SIZES.phone });
  const page = await ctx.newPage();
  await page.goto(`${base}/#/intake`);
  await answerIntake(page, { gives_way: 'yes', age: '50' });
  await page.waitForSelector('main .calls');
  assert.equal(await page.getByRole('link', { name: 'I have been seen and cleared' }).count(), 1);
  await page.reload();
  await page.goto(`${base}/#/cleared`);
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Seen and cleared');
  assert.match(await page.locator('main').textContent(), /not kept on this device, for your privacy/);
  assert.doesNotMatch(await stored(page), /gives_way/);
  await axe(page);
  await ctx.close();
});

test('the API refuses a bad clearance with the field named, and a new warning sign is not cleared', async () => {
  const clearance = { clinician: 'Ann Lee', role: 'GP', cleared_on: seenOn, limits: { pain_ceiling: 9 } };
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  const bad = await page.request.post(`${base}/api/v1/people`, { data: { answers: FLAGGED, clearance } });
  assert.equal(bad.status(), 400);
  const body = await bad.json();
  assert.match(JSON.stringify(body), /clearance\.limits\.pain_ceiling/);
  const unknown = await page.request.post(`${base}/api/v1/people`, { data: { answers: FLAGGED, clearance: { ...clearance, limits: { sky: 1 } } } });
  assert.equal(unknown.status(), 400);
  await ctx.close();
});
