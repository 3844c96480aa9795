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

export async function heading(page, pattern) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('main h1')?.textContent ?? ''), pattern.source);
}

/** axe: no serious or critical WCAG 2.1 AA violation. */
export async function axe(page, name) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
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
