// Issue 14, browser: the referral page a frightened person can act on (whom to call, by country,
// as a tap-to-call link, no exercise advice), the exercise detail pages, and question pages whose
// heading is the question. The real `kneecoach serve`, Debian's chromium, at 390x844 and desktop,
// axe on every page, screenshots in build/screenshots (looked at by hand).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repo, openPersonal, closePersonal, watchErrors } from './camera-lib.mjs';
import { axe } from './pwa-lib.mjs';

const shots = path.join(repo, 'build/screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const FINE = {
  version: 1, age: 50, knee: 'left', pain_now: 2, location: ['front'], onset: 'gradual',
  equipment: ['chair', 'step', 'wall', 'mat', 'books', 'counter', 'band'], minutes_per_session: 30, days: ['mon', 'wed', 'fri'],
};
let server, base, browser, dataDir;

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  ({ server, base, browser, dataDir } = await openPersonal('kc-pages14-'));
});

after(() => closePersonal({ server, browser, dataDir }));

async function open(size) {
  const ctx = await browser.newContext({ viewport: SIZES[size] });
  const page = await ctx.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.goto(`${base}/`);
  return { ctx, page, errors };
}
async function shoot(page, name) {
  for (const [tag, vp] of Object.entries(SIZES)) {
    await page.setViewportSize(vp);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(shots, `${name}-${tag}.png`), fullPage: true });
  }
}
/** The server's reply to setting up a person with these answers (a referral stores nothing). */
async function create(page, answers) {
  const r = await page.request.post(`${base}/api/v1/people`, { data: { answers } });
  return r.json();
}
/** No element wider than the window: nothing to scroll sideways on a phone. */
async function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

for (const size of ['phone', 'desktop']) {
  test(`${size}: an emergency referral shows whom to call, by country, and no exercise advice`, async () => {
    const { ctx, page, errors } = await open(size);
    const reply = await create(page, { ...FINE, numb_or_cold_foot: true });
    assert.equal(reply.status, 'referral');
    assert.equal(reply.triage.level, 'emergency');
    const contacts = await (await page.request.get(`${base}/api/v1/contacts`)).json();
    await page.evaluate((r) => sessionStorage.setItem('kneecoach.result', JSON.stringify(r)), reply);
    await page.goto(`${base}/#/result`);
    await page.waitForSelector('main .calls');
    assert.equal(await page.locator('main h1').textContent(), 'Get help now');
    // The default country's emergency number is the first, large call button.
    const def = contacts.countries.find((c) => c.code === contacts.default);
    const first = page.locator('main .calls a[href^="tel:"]').first();
    assert.equal(await first.getAttribute('href'), `tel:${def.emergency.dial}`);
    assert.match(await first.getAttribute('class'), /\bcall\b/);
    const box = await first.boundingBox();
    assert.ok(box.height >= 44 && box.y + box.height <= SIZES[size].height, `call button ${JSON.stringify(box)} in the first screen`);
    // The server's advice and reasons, and nothing about exercising: no program, no doses.
    const text = await page.locator('main').textContent();
    assert.ok(text.includes(reply.triage.advice.trim()), 'the advice is the server\'s');
    for (const r of reply.triage.reasons) assert.ok(text.includes(r.message.trim()));
    assert.doesNotMatch(text, /\b(sets?|reps|repetitions|stretch|warm[- ]up|dose)\b/i);
    assert.equal(await page.locator('main a[href="#/program"], main a[href="#/session"]').count(), 0);
    await axe(page, `referral-${size}`);
    await shoot(page, `referral-emergency-${size === 'phone' ? 'p' : 'd'}`);
    // The country is a setting: choosing the UK shows 999 and NHS 111, and it stays after a reload.
    await page.setViewportSize(SIZES[size]);
    await page.selectOption('#country', 'GB');
    const gb = contacts.countries.find((c) => c.code === 'GB');
    await page.waitForSelector('main .calls[data-country="GB"]');
    assert.deepEqual(await page.locator('main .calls a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      [`tel:${gb.emergency.dial}`, `tel:${gb.urgent.dial}`]);
    await page.reload();
    await page.waitForSelector('main .calls[data-country="GB"]');
    assert.equal(await page.locator('#country').inputValue(), 'GB');
    assert.ok(await fitsWidth(page));
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('an urgent referral offers the same-day line first, or says where to go when the country has none', async () => {
  const { ctx, page } = await open('phone');
  const reply = await create(page, { ...FINE, hot_red_swollen: true });
  assert.equal(reply.status, 'referral');
  assert.equal(reply.triage.level, 'urgent');
  await page.evaluate(() => localStorage.setItem('kneecoach.country', 'US'));
  await page.evaluate((r) => sessionStorage.setItem('kneecoach.result', JSON.stringify(r)), reply);
  await page.goto(`${base}/#/result`);
  await page.waitForSelector('main .calls[data-country="US"]');
  assert.equal(await page.locator('main h1').textContent(), 'See a doctor today');
  const us = (await (await page.request.get(`${base}/api/v1/contacts`)).json()).countries.find((c) => c.code === 'US');
  assert.match(await page.locator('main .calls').textContent(), new RegExp(us.urgent_note.replace(/'/g, '.')));
  assert.deepEqual(await page.locator('main .calls a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['tel:911']);
  await axe(page, 'referral-urgent');
  await shoot(page, 'referral-urgent');
  await ctx.close();
});

for (const size of ['phone', 'desktop']) {
  test(`${size}: each exercise of the program opens its page: steps, cues, mistakes, purpose, easier, harder, a large figure`, async () => {
    const { ctx, page, errors } = await open(size);
    const reply = await create(page, FINE);
    assert.equal(reply.status, 'created');
    await page.evaluate((id) => localStorage.setItem('kneecoach.person', id), reply.person.id);
    await page.goto(`${base}/#/program`);
    await page.waitForSelector('article.ex');
    const ids = await page.locator('article.ex').evaluateAll((els) => els.map((e) => e.getAttribute('data-exercise')));
    assert.ok(ids.length >= 3);
    const id = ids.find((x) => x === 'partial-squat') ?? ids[0];
    await page.locator(`article.ex[data-exercise="${id}"] a`, { hasText: 'How to do it' }).click();
    await page.waitForFunction(() => document.querySelector('main ol.ex-list'));
    const ex = await (await page.request.get(`${base}/api/v1/exercises/${id}`)).json();
    assert.equal(await page.locator('main h1').textContent(), ex.name);
    const main = page.locator('main');
    assert.ok((await main.textContent()).includes(ex.purpose));
    const list = async (title) => main.locator(`h2:text-is("${title}") + .ex-list > li`).allTextContents();
    assert.deepEqual(await list('How to do it'), ex.steps);
    assert.deepEqual(await list('What to feel for'), ex.cues);
    assert.deepEqual(await list('Common mistakes'), ex.mistakes);
    assert.equal((await list('Easier')).length, ex.variants.easier.length);
    assert.equal((await list('Harder')).length, ex.variants.harder.length);
    // The animated figure, large: most of a phone's width, up to 420 px on a desktop.
    const img = main.locator('figure.ex-figure img');
    await page.waitForFunction(() => document.querySelector('figure.ex-figure img')?.complete);
    assert.equal(await img.getAttribute('src'), `/api/v1/exercises/${id}/svg`);
    const w = (await img.boundingBox()).width;
    assert.ok(size === 'phone' ? w >= 340 : w >= 400, `figure ${w}px wide`);
    assert.ok(await fitsWidth(page));
    await axe(page, `exercise-${size}`);
    await shoot(page, `exercise-${id}-${size === 'phone' ? 'p' : 'd'}`);
    // A harder version that is another exercise links to that exercise's page.
    const other = ex.variants.harder.find((v) => v.exercise);
    if (other) {
      await page.setViewportSize(SIZES[size]);
      const next = await (await page.request.get(`${base}/api/v1/exercises/${other.exercise}`)).json();
      const link = main.locator(`a[href="#/exercise?id=${other.exercise}"]`).first();
      assert.equal(await link.textContent(), next.name, 'the link names the exercise it opens');
      await link.click();
      await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, next.name);
    }
    await page.goto(`${base}/#/exercise?id=no-such-exercise`);
    await page.waitForSelector('main [role=alert]');
    assert.match(await main.textContent(), /no exercise/);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('a question page\'s heading is the question, and no day is ticked before the person chooses', async () => {
  const { ctx, page } = await open('phone');
  const { questions } = await (await page.request.get(`${base}/api/v1/intake/questions`)).json();
  await page.goto(`${base}/#/intake?new=1`);
  await page.waitForSelector('main [data-qid]');
  const first = await page.locator('main [data-qid]').getAttribute('data-qid');
  assert.equal(await page.locator('main h1').textContent(), questions.find((q) => q.id === first).prompt);
  // The days question, with every earlier answer given.
  const { days, minutes_per_session: _m, ...earlier } = FINE;
  await page.evaluate((a) => sessionStorage.setItem('kneecoach.intake', JSON.stringify({ answers: a, current: 'days' })), earlier);
  await page.goto(`${base}/#/intake`);
  await page.reload();
  await page.waitForSelector('main [data-qid="days"]');
  assert.equal(await page.locator('main h1').textContent(), questions.find((q) => q.id === 'days').prompt);
  assert.equal(await page.locator('main [data-qid="days"] input:checked').count(), 0, 'a day was ticked before the person chose');
  // Nothing chosen: the form says so in the form's words, not the terminal's.
  await page.locator('main button[type=submit]').click();
  await page.waitForFunction(() => document.querySelector('main .error')?.textContent);
  assert.doesNotMatch(await page.locator('main .error').textContent(), /type|comma/i);
  await axe(page, 'question-days');
  await shoot(page, 'question-days');
  await ctx.close();
});

test('a caution result lists its cautions above the advice that says "the cautions above"', async () => {
  const { ctx, page, errors } = await open('phone');
  const reply = await create(page, { ...FINE, pain_now: 6 });
  assert.equal(reply.status, 'created');
  assert.equal(reply.triage.level, 'caution');
  assert.match(reply.triage.advice, /cautions above/);
  await page.evaluate((r) => sessionStorage.setItem('kneecoach.result', JSON.stringify(r)), reply);
  await page.goto(`${base}/#/result`);
  await page.waitForSelector('main [role=status]');
  const order = await page.evaluate(() => {
    const main = document.querySelector('main');
    const cautions = [...main.querySelectorAll('h2')].find((x) => x.textContent === 'Cautions');
    const advice = main.querySelector('[role=status]');
    return cautions && advice ? cautions.compareDocumentPosition(advice) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  assert.ok(order, 'the cautions are not above the advice');
  await axe(page, 'result-caution');
  await shoot(page, 'result-caution');
  assert.deepEqual(errors, []);
  await ctx.close();
});
