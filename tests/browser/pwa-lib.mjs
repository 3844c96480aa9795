// Shared by the measure and offline browser tests: a chromium with a fresh profile, a person with a
// session today made through the API, the API read from node with the page's cookie (so it works
// while the browser is offline), axe and screenshots at phone and desktop size.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { repo } from './camera-lib.mjs';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const shots = path.join(repo, 'build/screenshots');

/** A chromium with a new profile folder; close() removes it. */
export async function browser(viewport = DESKTOP) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-chromium-pwa-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return { ctx, async close() { await ctx.close().catch(() => {}); fs.rmSync(dir, { recursive: true, force: true }); } };
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Makes a person (aged 66) whose program has a session today; the page keeps their id. */
export async function person(page, base) {
  await page.goto(`${base}/`);
  const d = new Date().getDay();
  const days = [d, (d + 2) % 7, (d + 4) % 7].map((i) => WEEKDAYS[i]);
  const r = await page.request.post(`${base}/api/v1/people`, { data: { answers: {
    version: 1, age: 66, knee: 'left', pain_now: 2, location: ['front'], onset: 'gradual',
    equipment: ['chair', 'step', 'wall', 'mat', 'counter'], days, minutes_per_session: 10 } } });
  assert.equal(r.status(), 201);
  const id = (await r.json()).person.id;
  await page.evaluate((pid) => localStorage.setItem('kneecoach.person', pid), id);
  return id;
}

/** GETs an API path from node with the browser's cookie: the server's view, whatever the browser's network. */
export async function serverGet(ctx, base, p) {
  const cookie = (await ctx.cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ');
  const r = await fetch(`${base}${p}`, { headers: { cookie, origin: base, 'sec-fetch-site': 'same-origin' } });
  assert.equal(r.status, 200, `GET ${p}`);
  return r.json();
}

/** Today's session on the fast clock (?fast=400) played to its end, rated `pain` during it, and saved
 *  (or, offline, kept on the phone). */
export async function doSession(page, base, pain) {
  await page.goto(`${base}/#/session?fast=400`);
  await heading(page, /^Session /);
  await page.locator('#start').click();
  await heading(page, /Session complete/);
  await page.locator(`input[name=pain][value="${pain}"]`).check();
  await page.locator('main button[type=submit]').click();
}

export async function heading(page, pattern) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('main h1')?.textContent ?? ''), pattern.source);
}

/** axe: no serious or critical WCAG 2.1 AA violation (`name` says which page, in the message). */
export async function axe(page, name = page.url()) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
}

/** The page fits its window's width: nothing scrolls sideways. */
export async function fitsTheWidth(page) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `the page is ${scroll} px wide in a ${inner} px window`);
}

/** Screenshots at desktop and phone size (build/screenshots/NAME-desktop.png, -phone.png). */
export async function shoot(page, name) {
  fs.mkdirSync(shots, { recursive: true });
  const size = page.viewportSize();
  for (const [tag, vp] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(vp);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(shots, `${name}-${tag}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

/** Intake answers the browser journeys give (a program with no red flag); others get a neutral answer. */
const DEFAULT_TRUE = new Set(['could_walk_4_steps_after_injury', 'can_walk_4_steps_now', 'can_bend_to_90', 'can_kneel', 'can_get_down_to_floor']);
export const ANSWERS = {
  age: '46', knee: 'right', pain_now: '3', pain_worst_week: '4', duration_weeks: '10', location: ['front', 'inner'], onset: 'gradual',
  equipment: ['chair', 'step', 'wall', 'mat', 'counter'], minutes_per_session: '20',
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
};

/** Answers the wizard one question at a time; returns the ids asked. */
export async function answerIntake(page, overrides = {}, onQuestion = async () => {}) {
  const answers = { ...ANSWERS, ...overrides };
  const asked = [];
  for (let n = 0; n < 80; n++) {
    await page.waitForFunction(() => !location.hash.startsWith('#/intake') || document.querySelector('main [data-qid]'));
    if (!(await page.evaluate(() => location.hash.startsWith('#/intake')))) return asked;
    const q = page.locator('main [data-qid]');
    const id = await q.getAttribute('data-qid');
    asked.push(id);
    await onQuestion(id);
    const want = answers[id];
    const radios = await q.locator('input[type=radio]').count();
    const boxes = await q.locator('input[type=checkbox]').count();
    if (radios) {
      let v = want ?? (await q.locator('input[value=yes]').count() ? (DEFAULT_TRUE.has(id) ? 'yes' : 'no') : null);
      if (v === null) v = await q.locator('input[type=radio]').first().getAttribute('value');
      await q.locator(`input[type=radio][value="${v}"]`).check();
    } else if (boxes) {
      if (want) {
        for (const b of await q.locator('input[type=checkbox]').all()) {
          const on = want.includes(await b.getAttribute('value'));
          if (on) await b.check(); else await b.uncheck();
        }
      }
      // else: keep what is preselected (days: all seven)
      if (!want && (await q.locator('input:checked').count()) === 0) await q.locator('input[type=checkbox]').first().check();
    } else {
      if (want === undefined && (await page.locator('button[data-skip]').count())) {
        await page.locator('button[data-skip]').click();
        await page.waitForFunction((old) => !document.querySelector(`main [data-qid="${old}"]`), id);
        continue;
      }
      await q.locator('input').fill(String(want ?? '1'));
    }
    await page.locator('main button[type=submit]').click();
    await page.waitForFunction((old) => !document.querySelector(`main [data-qid="${old}"]`), id);
  }
  throw new Error('the intake did not end');
}
