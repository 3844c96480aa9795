// The web pages tell the terminal's story (issue 13): after check-ins raise the doses, the program
// page shows the doses `kneecoach today` shows, and the program and progress pages number the
// weeks as the terminal does (week 1 on the start date, a Wednesday here), with the pain bands
// the server sends. The program is set up and progressed through the real CLI, then served.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { bin, webDir, freePort, waitUp, watchErrors } from './camera-lib.mjs';

const START = '2025-03-05'; // a Wednesday
const PERSON = '0123456789abcdef0123456789abcdef';
const ANSWERS = {
  version: 1, age: 50, knee: 'left', pain_now: 2, location: ['front'], onset: 'gradual',
  equipment: ['chair', 'step', 'wall', 'mat', 'books', 'counter', 'band'], minutes_per_session: 30, days: ['mon', 'wed', 'fri'],
};

let dataDir, server, base, browser, day;

function kc(args, input = '') {
  return execFileSync(bin, [...args, '--data-dir', dataDir, '--person', PERSON], { input, encoding: 'utf8' });
}
const nextDay = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
const weekOf = (iso) => Math.floor((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${START}T00:00:00Z`)) / (7 * 86400000)) + 1;

before(async () => {
  assert.ok(fs.existsSync(path.join(webDir, 'index.html')), 'web/dist is missing: run npm run build --prefix web');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-views-'));
  const answers = path.join(dataDir, 'answers.json');
  fs.writeFileSync(answers, JSON.stringify(ANSWERS));
  kc(['init', '--answers', answers, '--start', START, '--date', START]);
  // The session dates, from the plan as `kneecoach plan` builds it (the planner is deterministic).
  const plan = JSON.parse(execFileSync(bin, ['plan', '--answers', answers, '--start', START, '--json'], { encoding: 'utf8' }));
  const dates = plan.calendar.map((d) => d.date);
  for (const d of [dates[0], dates[3]]) {
    kc(['session', '--fast', '--date', d], '0\n');
    kc(['check-in', '--date', nextDay(d)], '1\nno\n');
  }
  day = dates[7];
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(bin, ['serve', '--port', String(port), '--data-dir', dataDir, '--web', webDir], {
    stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, KNEECOACH_FAKE_TIME: `${day}T08:00:00Z` },
  });
  await waitUp(`${base}/`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close().catch(() => {});
  if (server) { server.kill('SIGTERM'); await new Promise((r) => server.once('exit', r)); }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(hash) {
  const page = await browser.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.goto(`${base}/`);
  await page.evaluate((id) => localStorage.setItem('kneecoach.person', id), PERSON);
  await page.goto(`${base}/${hash}`);
  return { page, errors };
}

test('the program page shows the doses today shows, and today\'s program week', async () => {
  const today = JSON.parse(kc(['today', '--date', day, '--json']));
  assert.ok(today.exercises.some((e) => e.changed_on), 'progression changed no dose');
  const { page, errors } = await open('#/program');
  await page.waitForSelector('article.ex');
  const shown = await page.$$eval('article.ex', (els) => els.map((el) => ({
    exercise: el.getAttribute('data-exercise'),
    dose: el.querySelector('.dose')?.textContent ?? '',
    changed: el.querySelector('.changed')?.textContent ?? '',
  })));
  for (const e of today.exercises) {
    const on = shown.filter((s) => s.exercise === e.exercise);
    assert.ok(on.length > 0, `${e.exercise} is not on the program page`);
    for (const s of on) assert.equal(s.dose, `Dose: ${e.dose_text}`);
    if (e.changed_on) assert.ok(on[0].changed.includes(e.changed_on) && on[0].changed.includes(e.reason), on[0].changed);
  }
  assert.match(await page.textContent('#program-week'), new RegExp(`week ${weekOf(day)} of 6`));
  assert.equal(weekOf(day), today.week);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the progress page draws the server\'s weeks and pain bands', async () => {
  const { page, errors } = await open('#/progress');
  await page.waitForSelector('#pain-chart svg');
  assert.match(await page.textContent('#progress-week'), new RegExp(`week ${weekOf(day)} of 6`));
  const ticks = await page.$$eval('#pain-chart .week-tick', (els) => els.map((e) => e.textContent));
  assert.ok(ticks.length > 0);
  for (const t of ticks) assert.match(t, /^week [1-6]$/);
  assert.equal(ticks[0], 'week 1');
  const bands = await page.$$eval('#pain-chart .pain-band', (els) => els.map((e) => e.getAttribute('data-band')));
  assert.deepEqual(bands, ['low', 'moderate', 'high']);
  const served = await page.evaluate(async (id) => (await (await fetch(`/api/v1/people/${id}/progress`)).json()), PERSON);
  const doses = await page.$$eval('#doses-now li', (els) => els.map((e) => e.textContent));
  for (const d of served.doses) assert.ok(doses.some((t) => t.startsWith(`${d.name}: ${d.dose_text}`)), d.name);
  const weeks = await page.$$eval('#sessions-table tbody tr', (rows) => rows.map((r) => [r.cells[0].textContent, r.cells[1].textContent]));
  for (const [date, week] of weeks) assert.equal(Number(week), weekOf(date), date);
  assert.deepEqual(errors, []);
  await page.close();
});
