// Cross-surface tests: the browser and the terminal tell the same story. Drives the real
// `kneecoach serve` (KNEECOACH_BIN) through Debian's chromium, and the same binary's terminal
// commands, with the same inputs:
// - for several plans (tests/data/surfaces/*.json), the steps the browser player plays (read from
//   the page: the session outline, and every step the player marks as entered) equal the steps the
//   terminal player runs (`kneecoach session --answers F --date D --steps-json`);
// - the questions the browser asks equal those `kneecoach intake` asks, in the same order, with the
//   same words, choices and gating, and the same answers give the same answers document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, waitUp, watchErrors } from './camera-lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const bin = process.env.KNEECOACH_BIN ?? path.join(repo, 'build/release/src/app/kneecoach');
const webDir = path.join(repo, 'web/dist');
const plansDir = path.join(repo, 'tests/data/surfaces');
const DATE = '2025-03-03'; // a Monday: every plan of tests/data/surfaces exercises on Mondays

let server, base, dataDir, browser;
const dirs = [];

before(async () => {
  assert.ok(fs.existsSync(path.join(webDir, 'index.html')), 'web/dist is missing: run npm run build --prefix web');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-surfaces-data-'));
  server = spawn(bin, ['serve', '--port', String(port), '--data-dir', dataDir, '--web', webDir], { stdio: ['ignore', 'inherit', 'inherit'] });
  await waitUp(`${base}/`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close().catch(() => {});
  if (server) { server.kill('SIGTERM'); await new Promise((r) => server.once('exit', r)); }
  for (const d of [dataDir, ...dirs]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

/** Runs the terminal's kneecoach with `args` and `input` on standard input; {status, stdout, stderr}. */
function kc(args, input = '') {
  const env = { ...process.env };
  delete env.KNEECOACH_CONTENT;
  const r = spawnSync(bin, args, { input, env, encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** A step as the page lists it, and as it is worked out from the steps JSON: "text (N s)". */
const seconds = (ms) => Math.round(ms / 100) / 10;
const outlineLine = (s) => `${s.text} (${seconds(s.ms)} s)`;

async function newPage() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const errors = [];
  watchErrors(page, errors);
  return { ctx, page, errors };
}

// ---------------------------------------------------------------- the session's steps
for (const file of fs.readdirSync(plansDir).filter((f) => f.endsWith('.json')).sort()) {
  test(`the browser player plays the steps the terminal player runs: ${file}`, { timeout: 180000 }, async () => {
    const answersPath = path.join(plansDir, file);
    const answers = JSON.parse(fs.readFileSync(answersPath, 'utf8'));
    const cli = kc(['session', '--answers', answersPath, '--date', DATE, '--steps-json']);
    assert.equal(cli.status, 0, cli.stderr);
    const terminal = JSON.parse(cli.stdout);
    assert.ok(terminal.scheduled && terminal.steps.length > 20, 'a session is planned on the start day');

    const { ctx, page, errors } = await newPage();
    await page.goto(`${base}/`);
    const r = await page.request.post(`${base}/api/v1/people`, { data: { answers, start: DATE } });
    assert.equal(r.status(), 201, await r.text());
    const id = (await r.json()).person.id;
    await page.evaluate((pid) => localStorage.setItem('kneecoach.person', pid), id);
    await page.goto(`${base}/#/session?date=${DATE}&fast=2000`);
    await page.getByRole('button', { name: 'Start the session' }).waitFor();

    // The exercises and their doses, in words, as the terminal shows them.
    const listed = await page.locator('#session-exercises li').allTextContents();
    assert.deepEqual(listed, terminal.exercises.map((e) => `${e.name}: ${e.dose_text}`));
    // The outline: every step, its words and its length.
    const outline = await page.locator('#session-steps li').evaluateAll((lis) => lis.map((li) => ({
      kind: li.dataset.kind, ms: Number(li.dataset.ms), exercise: Number(li.dataset.exercise), line: li.textContent })));
    assert.deepEqual(outline, terminal.steps.map((s) => ({ kind: s.kind, ms: s.ms, exercise: s.exercise, line: outlineLine(s) })));

    // Play it on the fast clock and note every step the player enters.
    // Records arrive in batches: each one's old value is the step before it; the last step is
    // what the player holds at the end.
    await page.evaluate(() => {
      window.__before = [];
      new MutationObserver((records) => {
        for (const m of records) {
          if (m.target instanceof HTMLElement && m.target.classList.contains('player')) {
            window.__before.push(Number(m.oldValue));
            window.__player = m.target;
          }
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-step'] });
    });
    await page.getByRole('button', { name: 'Start the session' }).click();
    await page.waitForFunction(() => /Session complete/.test(document.querySelector('main h1')?.textContent ?? ''), null, { timeout: 120000 });
    const entered = await page.evaluate(() => [...window.__before, Number(window.__player.dataset.step)]
      .filter((n, i, a) => i === 0 || n !== a[i - 1]));
    assert.deepEqual(entered, terminal.steps.map((_, i) => i), 'the player entered every step, in order');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

// ---------------------------------------------------------------- the intake questions
const DEFAULT_YES = new Set(['could_walk_4_steps_after_injury', 'can_walk_4_steps_now', 'can_bend_to_90', 'can_kneel', 'can_get_down_to_floor']);
/** Answers as a person types them in the terminal; the browser picks or types the same. */
const PEOPLE = {
  gradual: {
    age: '46', knee: 'right', pain_now: '3', pain_worst_week: 'not sure', duration_weeks: '10', location: 'front, inner',
    onset: 'gradual', weeks_since_knee_surgery: 'none', equipment: 'chair, step, wall, mat, counter', days: 'mon, wed, fri',
    minutes_per_session: '20',
  },
  'injury and a replaced knee': {
    age: '71', knee: 'left', pain_now: '5', pain_worst_week: '7', duration_weeks: 'not sure', location: 'whole', onset: 'injury',
    injury_days_ago: '40', pop_at_injury: 'yes', joint_replacement: 'yes', weeks_since_knee_surgery: '60', runner: 'no',
    can_kneel: 'no', equipment: 'none', days: 'tue, thu', minutes_per_session: '15',
  },
};
const typed = (person, id) => person[id] ?? (DEFAULT_YES.has(id) ? 'yes' : 'no');
const norm = (s) => s.replace(/\s+/g, ' ').trim();

/** Answers the browser's questionnaire; returns each question as shown and the document it sent. */
async function browserIntake(page, person) {
  const shown = [];
  let sent = null;
  page.on('request', (rq) => { if (rq.url().endsWith('/api/v1/people') && rq.method() === 'POST') sent = rq.postDataJSON(); });
  await page.goto(`${base}/#/intake?new=1`);
  for (let n = 0; n < 80; n++) {
    await page.waitForFunction(() => !location.hash.startsWith('#/intake') || document.querySelector('main [data-qid]'));
    if (!(await page.evaluate(() => location.hash.startsWith('#/intake')))) return { shown, sent };
    const q = page.locator('main [data-qid]');
    const id = await q.getAttribute('data-qid');
    const prompt = norm(await q.locator('legend, label.q-label').first().textContent());
    const help = (await q.locator('.help').count()) ? norm(await q.locator('.help').textContent()) : '';
    const inputs = await q.locator('input[type=radio], input[type=checkbox]').evaluateAll((xs) => xs.map((x) => ({ value: x.value, label: x.parentElement.textContent.trim() })));
    shown.push({ id, prompt, help, inputs });
    const want = typed(person, id);
    const skip = page.locator('main button[data-skip]');
    if ((await skip.count()) && want === (await skip.textContent()).toLowerCase()) {
      await skip.click();
    } else if (await q.locator('input[type=checkbox]').count()) {
      const chosen = want.split(/[,\s]+/).filter(Boolean);
      for (const b of await q.locator('input[type=checkbox]').all()) {
        if (chosen.includes(await b.getAttribute('value'))) await b.check(); else await b.uncheck();
      }
      await page.locator('main button[type=submit]').click();
    } else if (await q.locator('input[type=radio]').count()) {
      await q.locator(`input[type=radio][value="${want}"]`).check();
      await page.locator('main button[type=submit]').click();
    } else {
      await q.locator('input').fill(want);
      await page.locator('main button[type=submit]').click();
    }
    await page.waitForFunction((old) => !document.querySelector(`main [data-qid="${old}"]`), id);
  }
  throw new Error('the browser intake did not end');
}

/** The terminal's questions, from `kneecoach intake`'s transcript: the text of each, in order. */
function terminalQuestions(transcript) {
  const blocks = [];
  for (const line of transcript.split('\n')) {
    const start = line.match(/^( \d|\d\d)\. (.*)$/);
    if (start) { blocks.push({ lines: [start[2]], choices: [] }); continue; }
    const b = blocks[blocks.length - 1];
    if (!b || b.done) continue;
    if (line.startsWith('> ')) { b.done = true; continue; }
    const choice = line.match(/^ {6}\d+\. (.*) \(([^()]*)\)$/);
    if (choice) b.choices.push({ value: choice[2], label: choice[1] });
    else b.lines.push(line.trim());
  }
  return blocks.map((b) => ({ text: norm(b.lines.join(' ')), choices: b.choices }));
}

for (const [who, person] of Object.entries(PEOPLE)) {
  test(`the browser asks the terminal's questions, in its order and with its gating: ${who}`, { timeout: 180000 }, async () => {
    const { ctx, page, errors } = await newPage();
    const { shown, sent } = await browserIntake(page, person);
    assert.ok(sent, 'the browser sent the answers to set up the person');
    const cli = kc(['intake'], shown.map((q) => typed(person, q.id)).join('\n') + '\n');
    assert.equal(cli.status, 0, cli.stderr);
    const asked = terminalQuestions(cli.stderr);
    assert.equal(asked.length, shown.length, `the terminal asked ${asked.length} questions, the browser ${shown.length}`);
    shown.forEach((q, i) => {
      const t = asked[i];
      assert.ok(t.text.startsWith(norm(`${q.prompt} ${q.help}`)), `question ${i + 1} (${q.id}): "${t.text}" vs "${q.prompt} ${q.help}"`);
      const choices = q.inputs.filter((x) => !['yes', 'no'].includes(x.value) && !/^\d+$/.test(x.value));
      assert.deepEqual(t.choices, choices, `question ${i + 1} (${q.id}): the same choices`);
    });
    // Gating: injury questions only after an injury; the same ids either way.
    const ids = shown.map((q) => q.id);
    assert.equal(ids.includes('pop_at_injury'), person.onset === 'injury');
    assert.ok(ids.includes('joint_replacement'));
    // The same answers give the same document.
    assert.deepEqual(sent.answers, JSON.parse(cli.stdout));
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}
