// The outcome-measure pages in Debian's chromium against the real `kneecoach serve`: PSFS with the
// person's own activities (named once, then the same ones rated), the 30-second chair stand with
// its timer, the global rating of change with its labels. Each shows the server's change against
// its meaningful change; the scales, labels and timer length on the page are the server's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, watchErrors } from './camera-lib.mjs';
import { axe, browser, heading, person, serverGet, shoot } from './pwa-lib.mjs';

let server, chrome, page, id, defs;
const errors = [];

before(async () => {
  server = await startServer();
  chrome = await browser();
  page = await chrome.ctx.newPage();
  watchErrors(page, errors);
  id = await person(page, server.base);
  defs = Object.fromEntries((await serverGet(chrome.ctx, server.base, '/api/v1/measures')).measures.map((m) => [m.id, m]));
});

after(async () => {
  await chrome?.close();
  await server?.stop();
});

const standing = async (measure) => (await serverGet(chrome.ctx, server.base, `/api/v1/people/${id}/measures`)).measures.find((m) => m.measure === measure);
const summary = () => page.locator('main [data-summary]').first().textContent();

test('PSFS: name your activities the first time, rate the same ones after, see the change against 2 points', { timeout: 60000 }, async () => {
  await page.goto(`${server.base}/#/measures/psfs`);
  await heading(page, /Patient-Specific Functional Scale/);
  assert.equal(await page.locator('main input[type=text]').count(), defs.psfs.items.max);  // up to 5, from the content
  await axe(page, 'psfs names');
  await shoot(page, 'measure-psfs-names');
  await page.locator('main button[type=submit]').click();  // nothing named: the page says what to do
  assert.match(await page.locator('#names-err').textContent(), /name at least 1 activity/);
  await page.fill('#name0', 'climbing stairs');
  await page.fill('#name2', 'kneeling in the garden');
  await page.locator('main button[type=submit]').click();
  const legends = await page.locator('main fieldset legend').allTextContents();
  assert.deepEqual(legends, ['How well can you do this now: climbing stairs?', 'How well can you do this now: kneeling in the garden?']);
  assert.equal(await page.locator('input[name=item0]').count(), defs.psfs.scale.max - defs.psfs.scale.min + 1);
  await axe(page, 'psfs ratings');
  await page.locator('input[name=item0][value="3"]').check();
  await page.locator('input[name=item1][value="4"]').check();
  await page.locator('main button[type=submit]').click();
  await heading(page, /saved/);
  let st = await standing('psfs');
  assert.deepEqual(st.first.items.map((i) => [i.label, i.value]), [['climbing stairs', 3], ['kneeling in the garden', 4]]);
  assert.equal(await summary(), st.summary);
  assert.match(st.summary, /^Your start: 3\.5 points/);

  await page.goto(`${server.base}/#/`);
  await page.goto(`${server.base}/#/measures/psfs`);
  await heading(page, /Patient-Specific Functional Scale/);
  assert.equal(await page.locator('main input[type=text]').count(), 0, 'the second time, the same activities are rated');
  assert.match(await page.locator('main').textContent(), /Rate the same activities as the first time/);
  await page.locator('input[name=item0][value="6"]').check();
  await page.locator('input[name=item1][value="6"]').check();
  await page.locator('main button[type=submit]').click();
  await heading(page, /saved/);
  st = await standing('psfs');
  assert.equal(st.change, 2.5);
  assert.equal(st.meaningful, true);
  assert.equal(await summary(), st.summary);
  assert.match(st.summary, /up 2\.5 points\. That is a meaningful improvement \(a change of 2 points or more counts\)/);
  const facts = await page.locator('main .facts').textContent();
  assert.match(facts, /Change\+2\.5 points/);
  assert.match(facts, /Meaningful change2 points or more/);
  await axe(page, 'psfs saved');
  await shoot(page, 'measure-psfs-saved');
});

/** Runs the chair-stand timer 10 times faster and records every phase word it shows. */
async function timedStand(count) {
  await page.goto(`${server.base}/#/`);
  await page.goto(`${server.base}/#/measures/chair-stand?fast=10`);
  await heading(page, /30-second chair stand/);
  await page.evaluate(() => {
    const seen = [];
    window.kcPhases = seen;
    const el = document.getElementById('timer-phase');
    new MutationObserver(() => seen.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
  });
  assert.equal(await page.locator('#timer').textContent(), String(defs['chair-stand'].seconds));
  assert.equal(await page.locator('#count-form').isVisible(), false, 'the count is asked after the timer');
  await page.locator('#start').click();
  await page.locator('#count-form').waitFor({ state: 'visible', timeout: 5000 });
  const phases = await page.evaluate(() => window.kcPhases);
  assert.deepEqual(phases.filter((p, i) => p !== phases[i - 1]), ['Get ready: 3', 'Get ready: 2', 'Get ready: 1',
    'Go! Stand up and sit down, as many times as you can.', '10 seconds left', 'Stop! Sit down and rest.']);
  assert.equal(await page.locator('#timer').textContent(), '0');
  await page.fill('#stands', String(count));
  await page.locator('#count-form button[type=submit]').click();
  await heading(page, /saved/);
}

test('chair stand: a 30 s timer with its cues, then the count, against the norm and 3 stands', { timeout: 60000 }, async () => {
  await page.goto(`${server.base}/#/measures/chair-stand`);
  await heading(page, /30-second chair stand/);
  // Age 66: the server's norm band for 65-69.
  assert.match(await page.locator('main').textContent(), /For people aged 65 to 69, fewer than 12 stands \(men\) or 11 stands \(women\) is below average/);
  await axe(page, 'chair stand');
  await shoot(page, 'measure-chair-stand');
  await page.fill('#stands', '5').catch(() => {});  // hidden until the timer ends
  await timedStand(9);
  assert.match(await summary(), /^Your start: 9 stands/);
  await timedStand(13);
  const st = await standing('chair-stand');
  assert.equal(st.change, 4);
  assert.equal(st.meaningful, true);
  assert.equal(await summary(), st.summary);
  assert.match(st.summary, /up 4 stands\. That is a meaningful improvement \(a change of 3 stands or more counts\)/);
  assert.equal(await page.locator('main svg.meter').count(), 1);
  await axe(page, 'chair stand saved');
  await shoot(page, 'measure-chair-stand-saved');

  // A count out of range is refused on the page, with the server's limit.
  await page.goto(`${server.base}/#/`);
  await page.goto(`${server.base}/#/measures/chair-stand`);
  await page.getByRole('button', { name: 'Someone else timed it: enter the count' }).click();
  await page.fill('#stands', String(defs['chair-stand'].max_count + 1));
  await page.locator('#count-form button[type=submit]').click();
  assert.match(await page.locator('#stands-err').textContent(), new RegExp(`from 0 to ${defs['chair-stand'].max_count}`));
  assert.equal((await standing('chair-stand')).count, 2);
});

test('global rating of change: −7 to +7 with the content\'s labels; +3 is a meaningful improvement', { timeout: 60000 }, async () => {
  await page.goto(`${server.base}/#/measures/grc`);
  await heading(page, /Global rating of change/);
  const options = await page.locator('input[name=grc]').evaluateAll((inputs) => inputs.map((i) => i.parentElement.textContent.trim()));
  assert.equal(options.length, 15);
  const signed = (v) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');
  assert.deepEqual(options, defs.grc.anchors.map((a) => `${signed(a.value)}${a.label}`));
  assert.equal(await page.locator('main fieldset legend').textContent(), defs.grc.questions[0].prompt);
  await axe(page, 'grc');
  await shoot(page, 'measure-grc');
  await page.locator('input[name=grc][value="3"]').check();
  await page.locator('main button[type=submit]').click();
  await heading(page, /saved/);
  const st = await standing('grc');
  assert.equal(st.latest.value, 3);
  assert.equal(st.meaningful, true);
  assert.equal(await summary(), st.summary);
  assert.match(st.summary, /\+3 \(somewhat better\)\. It is itself the change since you started\. That is a meaningful improvement/);

  await page.goto(`${server.base}/#/measures`);
  await heading(page, /My measures/);
  assert.deepEqual(await page.locator('main [data-summary]').allTextContents(), (await serverGet(chrome.ctx, server.base, `/api/v1/people/${id}/measures`)).measures.map((m) => m.summary));
  await axe(page, 'measures');
  await shoot(page, 'measures');
  assert.deepEqual(errors, []);
});
