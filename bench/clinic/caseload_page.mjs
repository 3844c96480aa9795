// The caseload page (#/clinic) with a few hundred patients in Debian's chromium, run by hand through
// caseload_http.py --page (which seeds the patients and starts the server): the time from opening the
// page to the table drawn (and painted), the caseload request's share of it, and the time from a
// search typed or a flag chosen to the list redrawn. Prints one line per measure (median and worst).
//
//   node bench/clinic/caseload_page.mjs BASE USERNAME PASSWORD PATIENTS [RUNS]
import { chromium } from '../../tests/browser/node_modules/playwright-core/index.mjs';

const [base, username, password, patients, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 10);
const total = Number(patients);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, worst ${s[s.length - 1].toFixed(0)} ms (${s.length} runs)`;
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/#/clinic/sign-in`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.locator('main button[type=submit]').click();
  await page.waitForFunction((n) => document.querySelectorAll('table.caseload tbody tr').length === n, total, { timeout: 120000 });

  // Opening the page: from the route's start to the rows drawn and painted (two animation frames).
  const open = [];
  const request = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => { location.hash = '#/'; });
    await page.waitForFunction(() => !document.querySelector('table.caseload'));
    const [ms, fetchMs] = await page.evaluate((n) => new Promise((resolve) => {
      performance.clearResourceTimings();
      const t0 = performance.now();
      location.hash = '#/clinic';
      const poll = () => {
        if (document.querySelectorAll('table.caseload tbody tr').length === n) {
          requestAnimationFrame(() => requestAnimationFrame(() => {
            const got = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/clinic/caseload'));
            resolve([performance.now() - t0, got.length ? got[got.length - 1].duration : NaN]);
          }));
        } else {
          setTimeout(poll, 2);
        }
      };
      poll();
    }), total);
    open.push(ms);
    request.push(fetchMs);
  }
  console.log(`open the caseload of ${total}: ${stats(open)}; its request: ${stats(request)}`);

  // A search typed (the page waits 250 ms after the last key, then asks the server) and cleared.
  const search = [];
  for (let i = 0; i < runs; i++) {
    const name = `patient${String((i * 37) % total).padStart(4, '0')}`;
    const t0 = Date.now();
    await page.fill('#q', name);
    await page.waitForFunction((u) => [...document.querySelectorAll('table.caseload tbody th a')].map((a) => a.textContent).join() === u, name);
    search.push(Date.now() - t0);
    await page.fill('#q', '');
    await page.waitForFunction((n) => document.querySelectorAll('table.caseload tbody tr').length === n, total);
  }
  console.log(`search for one patient (250 ms typing pause included): ${stats(search)}`);

  // The flag filter: warning signs only, then everyone again.
  const filter = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    await page.selectOption('#flag', 'warning_sign');
    await page.waitForFunction((n) => {
      const rows = document.querySelectorAll('table.caseload tbody tr');
      return rows.length > 0 && rows.length < n && [...rows].every((r) => r.querySelector('[data-kind="warning_sign"]'));
    }, total);
    filter.push(Date.now() - t0);
    await page.selectOption('#flag', '');
    await page.waitForFunction((n) => document.querySelectorAll('table.caseload tbody tr').length === n, total);
  }
  console.log(`flag filter (warning signs only): ${stats(filter)}`);
} finally {
  await browser.close();
}
