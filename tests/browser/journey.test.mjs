// Browser tests: the real `kneecoach serve` (KNEECOACH_BIN) driven through Debian's chromium with
// playwright-core. Whole journey, red-flag referral, screenshots, axe WCAG 2 AA checks.
// KNEECOACH_MOCK=1 runs against mock-server.mjs instead (UI development only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, waitUp, watchErrors } from './camera-lib.mjs';
import { answerIntake } from './pwa-lib.mjs';
import { AxeBuilder } from '@axe-core/playwright';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const bin = process.env.KNEECOACH_BIN ?? path.join(repo, 'build/release/src/app/kneecoach');
const webDir = path.join(repo, 'web/dist');
const shots = path.join(repo, 'build/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let server, base, dataDir;
const profileDirs = [];
const contexts = [];
const axeProblems = [];

before(async () => {
  assert.ok(fs.existsSync(path.join(webDir, 'index.html')), 'web/dist is missing: run npm run build --prefix web');
  fs.mkdirSync(shots, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-browser-data-'));
  const [cmd, args] = process.env.KNEECOACH_MOCK
    ? [process.execPath, [path.join(here, 'mock-server.mjs'), String(port), webDir]]
    : [bin, ['serve', '--port', String(port), '--data-dir', dataDir, '--web', webDir]];
  server = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  await waitUp(`${base}/`);
});

/** A fresh browser with its own new profile (--user-data-dir in a mkdtemp folder). */
async function newContext() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-chromium-'));
  profileDirs.push(dir);
  // playwright passes the folder to chromium as --user-data-dir.
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: DESKTOP,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  contexts.push(ctx);
  return ctx;
}

after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  if (server) { server.kill('SIGTERM'); await new Promise((r) => server.once('exit', r)); }
  for (const d of [dataDir, ...profileDirs]) if (d) fs.rmSync(d, { recursive: true, force: true });
  if (axeProblems.length) console.log(JSON.stringify(axeProblems, null, 2));
});

async function axe(page, name) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) axeProblems.push({ page: name, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) });
  assert.deepEqual(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}`), [], `axe found serious/critical problems on ${name}`);
}
async function shoot(page, name) {
  const size = page.viewportSize();
  for (const [tag, vp] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(vp);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(shots, `${name}-${tag}.png`), fullPage: false });
  }
  await page.setViewportSize(size);
}
async function check(page, name) {
  await axe(page, name);
  await shoot(page, name);
}
async function heading(page) {
  return (await page.locator('main h1').textContent())?.trim();
}

test('whole journey: intake, program, a session on the fast clock, check-in, chart', { timeout: 240000 }, async () => {
  const ctx = await newContext();
  const page = ctx.pages()[0] ?? await ctx.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.goto(`${base}/`);
  assert.match(await page.locator('footer').textContent(), /does not replace a clinician/);
  await check(page, 'home');
  assert.equal(await page.evaluate(() => document.querySelector('a, button, input')?.textContent), 'Skip to content', 'the skip link comes first');
  await page.locator('.skip').focus();
  assert.ok((await page.locator('.skip').boundingBox()).x >= 0, 'the focused skip link is on screen');
  for (const landmark of ['banner', 'navigation', 'main', 'contentinfo']) assert.equal(await page.getByRole(landmark).count(), 1, landmark);
  await page.getByRole('link', { name: 'Start the questions' }).click();

  let sawValidation = false;
  const asked = await answerIntake(page, {}, async (id) => {
    if (id === 'age' && !sawValidation) {
      await page.locator('main input').fill('abc');
      await page.locator('main button[type=submit]').click();
      await page.locator('main .error').filter({ hasText: /number/ }).waitFor();
      await check(page, 'intake-error');
      await page.locator('main input').fill('200');
      await page.locator('main button[type=submit]').click();
      await page.locator('main .error').filter({ hasText: /from 12 to 110/ }).waitFor();
      sawValidation = true;
    }
    if (id === 'pain_now') await check(page, 'intake-question');
  });
  assert.ok(sawValidation, 'the age question was asked and validated');
  assert.ok(!asked.includes('injury_days_ago'), 'injury questions are not asked after a gradual start');

  await page.waitForURL(/#\/result/);
  assert.match(await heading(page), /You can start/);
  await check(page, 'result-go');
  await page.getByRole('link', { name: 'See my program' }).click();
  await page.locator('main article.ex').first().waitFor();
  assert.ok(await page.locator('main article.ex img').count() > 2);
  assert.match(await page.locator('main').textContent(), /Why:/);
  const firstSvg = await page.locator('main article.ex img').first().getAttribute('src');
  const svg = await page.request.get(`${base}${firstSvg}`);
  assert.equal(svg.status(), 200);
  assert.match(svg.headers()['content-type'], /svg/);
  for (const name of [/handout/i, /calendar/i]) {
    const href = await page.getByRole('link', { name }).getAttribute('href');
    const r = await page.request.get(`${base}${href}`);
    assert.equal(r.status(), 200, `${href} answers 200`);
  }
  await check(page, 'program');

  await page.goto(`${base}/#/session?fast=1`);
  await page.getByRole('button', { name: 'Start the session' }).waitFor();
  await check(page, 'session-start');
  await page.getByRole('button', { name: 'Start the session' }).click();
  await page.locator('.player .count').waitFor();
  await page.keyboard.press(' ');
  await page.locator('.player').filter({ hasText: 'Paused' }).waitFor();
  await check(page, 'session-player');
  // While paused: n goes to the next exercise, b (within 3 s of its start) back to the previous one.
  await page.keyboard.press('n');
  await page.locator('#ex-name').filter({ hasText: /^2\. / }).waitFor();
  await page.keyboard.press('b');
  await page.locator('#ex-name').filter({ hasText: /^1\. / }).waitFor();
  await page.keyboard.press(' ');
  await page.waitForFunction(() => /Session complete/.test(document.querySelector('main h1')?.textContent ?? ''), null, { timeout: 120000 });
  await page.locator('main button[type=submit]').click();
  await page.locator('main .error').filter({ hasText: /0 to 10/ }).waitFor();
  await page.locator('input[name=pain][value="3"]').check();
  await check(page, 'session-pain');
  await page.locator('main button[type=submit]').click();
  await page.waitForFunction(() => /Session saved/.test(document.querySelector('main h1')?.textContent ?? ''));
  await check(page, 'session-saved');

  await page.getByRole('link', { name: 'Morning check-in' }).first().click();
  await page.locator('input[name=morning][value="2"]').check();
  await check(page, 'check-in');
  await page.locator('main button[type=submit]').click();
  await page.waitForFunction(() => /Check-in saved/.test(document.querySelector('main h1')?.textContent ?? ''));
  await check(page, 'check-in-saved');

  await page.getByRole('link', { name: 'See my progress' }).click();
  await page.locator('main svg.chart').waitFor();
  assert.equal(await page.locator('svg.chart [data-series="pain-during"]').count(), 1, 'the session pain is on the chart');
  assert.equal(await page.locator('svg.chart [data-series="pain-next-morning"]').count(), 1, 'the morning pain is on the chart');
  assert.match(await page.locator('#pain-table').textContent(), /Pain during the session\s*3/);
  assert.match(await page.locator('#adherence').textContent(), /^1 of \d+ planned sessions done/);
  await check(page, 'progress');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a red-flag intake ends at the referral, with no program', { timeout: 120000 }, async () => {
  const ctx = await newContext();
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto(`${base}/#/intake`);
  const asked = await answerIntake(page, { hot_red_swollen: 'yes', fever_or_unwell: 'yes' });
  // The warning sign stops the questions at once (issue 14): nothing is asked after it.
  assert.equal(asked.at(-1), 'hot_red_swollen');
  assert.ok(!asked.includes('fever_or_unwell'), asked.join(' '));
  await page.waitForURL(/#\/result/);
  assert.match(await heading(page), /see a doctor today|get help now/i);
  const text = await page.locator('main').textContent();
  assert.match(text, /today|now/i);
  // Whom to call, as a tap-to-call link (the referral page's own test: referral.test.mjs).
  await page.waitForSelector('main a[href^="tel:"]');
  assert.equal(await page.getByRole('link', { name: 'See my program' }).count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('kneecoach.person')), null, 'no person was created');
  await check(page, 'referral');
  await page.goto(`${base}/#/program`);
  await page.waitForFunction(() => /No program yet/.test(document.querySelector('main h1')?.textContent ?? ''));
  await check(page, 'no-program');
  await ctx.close();
});

test('a warning sign at the check-in stops the program', { timeout: 120000 }, async () => {
  const ctx = await newContext();
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto(`${base}/`);
  const r = await page.request.post(`${base}/api/v1/people`, { data: { answers: {
    version: 1, age: 50, knee: 'left', pain_now: 2, location: ['front'], onset: 'gradual', equipment: ['chair', 'step', 'wall', 'mat', 'counter'] } } });
  assert.equal(r.status(), 201);
  const id = (await r.json()).person.id;
  await page.evaluate((pid) => localStorage.setItem('kneecoach.person', pid), id);
  await page.goto(`${base}/#/check-in`);
  await page.locator('input[name=morning][value="4"]').check();
  await page.locator('input[name=worried][value=yes]').check();
  await page.locator('input[name=flag][value=calf_pain_or_swelling]').check();
  await page.locator('main button[type=submit]').click();
  await page.waitForFunction(() => /Please stop the exercises/.test(document.querySelector('main h1')?.textContent ?? ''));
  await page.waitForSelector('main a[href^="tel:"]');
  await check(page, 'check-in-stopped');
  await page.goto(`${base}/#/session`);
  await page.waitForFunction(() => /Your program is stopped/.test(document.querySelector('main h1')?.textContent ?? ''));
  await axe(page, 'session-stopped');
});
