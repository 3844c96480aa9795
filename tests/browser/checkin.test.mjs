// The check-in page in Debian's chromium against the real `kneecoach serve`: the warning signs come
// from the server (GET /api/v1/check-in-signs), a second check-in of the day asks before replacing
// the first, and a save whose network failed is kept and resent with its Idempotency-Key, so the
// server stores it once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { bin, webDir, freePort, waitUp, watchErrors } from './camera-lib.mjs';

let server, base, dataDir, profile, ctx;

before(async () => {
  assert.ok(fs.existsSync(path.join(webDir, 'index.html')), 'web/dist is missing: run npm run build --prefix web');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-checkin-data-'));
  server = spawn(bin, ['serve', '--port', String(port), '--data-dir', dataDir, '--web', webDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitUp(`${base}/`);
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-chromium-checkin-'));
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (ctx) await ctx.close().catch(() => {});
  if (server) { server.kill('SIGTERM'); await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r))); }
  for (const d of [dataDir, profile]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

/** A person with a program, made through the API from the page (which holds the session cookie). */
async function personPage() {
  const page = await ctx.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.goto(`${base}/`);
  const r = await page.request.post(`${base}/api/v1/people`, { data: { answers: {
    version: 1, age: 50, knee: 'left', pain_now: 2, location: ['front'], onset: 'gradual', equipment: ['chair', 'step', 'wall', 'mat', 'counter'] } } });
  assert.equal(r.status(), 201);
  const id = (await r.json()).person.id;
  await page.evaluate((pid) => localStorage.setItem('kneecoach.person', pid), id);
  return { page, id, errors };
}

async function submit(page, pain) {
  await page.locator(`input[name=morning][value="${pain}"]`).check();
  await page.locator('input[name=worried][value=no]').check();
  await page.locator('main button[type=submit]').click();
}

async function heading(page, pattern) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('main h1')?.textContent ?? ''), pattern.source);
}

test('the warning signs on the page are the server\'s, in its order and words', { timeout: 60000 }, async () => {
  const { page, errors } = await personPage();
  const served = await (await page.request.get(`${base}/api/v1/check-in-signs`)).json();
  await page.goto(`${base}/#/check-in`);
  await heading(page, /Morning check-in/);
  const shown = await page.locator('input[name=flag]').evaluateAll((inputs) =>
    inputs.map((i) => ({ id: i.value, prompt: i.parentElement.textContent.trim() })));
  assert.deepEqual(shown, served.signs.map((s) => ({ id: s.id, prompt: s.prompt.trim() })));
  assert.ok(shown.length >= 10);
  assert.equal((await page.locator('fieldset legend').nth(1).textContent()).trim(), served.question);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a second check-in of the day asks before replacing the first', { timeout: 60000 }, async () => {
  const { page, id, errors } = await personPage();
  await page.goto(`${base}/#/check-in`);
  await heading(page, /Morning check-in/);
  await submit(page, 3);
  await heading(page, /Check-in saved/);

  await page.goto(`${base}/#/`);
  await page.goto(`${base}/#/check-in`);
  await heading(page, /Morning check-in/);
  await submit(page, 5);
  const prompt = page.locator('#replace-prompt');
  await prompt.waitFor({ state: 'visible' });
  assert.match(await prompt.textContent(), /You already checked in today \(pain 3\/10\)\. Replace it\?/);
  // Nothing was stored yet: the progress still shows the first rating only.
  let progress = await (await page.request.get(`${base}/api/v1/people/${id}/progress`)).json();
  assert.deepEqual(progress.series['pain-next-morning'].map((p) => p.value), [3]);

  await prompt.getByRole('button', { name: 'Replace it' }).click();
  await heading(page, /Check-in saved/);
  assert.match(await page.locator('main').textContent(), /replaces the earlier check-in of today \(pain 3 out of 10\)/);
  progress = await (await page.request.get(`${base}/api/v1/people/${id}/progress`)).json();
  assert.deepEqual(progress.series['pain-next-morning'].map((p) => p.value), [5]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a save whose network failed is kept and sent again with the same Idempotency-Key; a new answer gets a new key', { timeout: 60000 }, async () => {
  const { page, id } = await personPage();
  const keys = [];
  let failFirst = true;
  await page.route('**/check-ins', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (failFirst) { failFirst = false; await route.abort('failed'); return; }
    await route.continue();
  });
  await page.goto(`${base}/#/check-in`);
  await heading(page, /Morning check-in/);
  await submit(page, 2);
  // The network failed: the check-in is kept on this phone (docs/offline.md) and the outbox sends
  // it again by itself, with the same key.
  await heading(page, /Check-in kept on this phone/);
  const stored = async () => (await (await page.request.get(`${base}/api/v1/people/${id}/progress`)).json()).series['pain-next-morning'].length;
  for (let i = 0; i < 100 && await stored() < 1; i++) await page.waitForTimeout(100);  // the outbox's send
  assert.equal(keys.length, 2);
  assert.match(keys[0], /^[0-9a-f]{32}$/);
  assert.equal(keys[1], keys[0]);

  await page.goto(`${base}/#/`);
  await page.goto(`${base}/#/check-in`);
  await heading(page, /Morning check-in/);
  await submit(page, 4);
  await page.locator('#replace-prompt').waitFor({ state: 'visible' });
  assert.equal(keys.length, 3);
  assert.notEqual(keys[2], keys[0]);
  const progress = await (await page.request.get(`${base}/api/v1/people/${id}/progress`)).json();
  assert.deepEqual(progress.series['pain-next-morning'].map((p) => p.value), [2]);
  await page.close();
});
