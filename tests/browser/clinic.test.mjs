// The clinic's web pages (issue 17 items 1-3 and 6) in Debian's chromium against the real
// `kneecoach clinic serve` on PostgreSQL (tests/browser/clinic-lib.mjs): a clinician's morning
// (sign in, the flagged patient first, the record, a dose change, a note), a patient's phone
// (invite, intake, a session and a check-in made offline, synced; the clinician sees both), and the
// authorisation checks repeated through the pages. axe and screenshots on every page on the way.
// The steps marked [A] need the caseload routes of contract A (flags, notes), [B] the program
// routes of contract B (docs: /work BRIEF-17); the rest needs only the clinic server of issue 16.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { repo, watchErrors } from './camera-lib.mjs';
import { PHONE, DESKTOP, answerIntake, axe, browser, doSession, heading, shoot } from './pwa-lib.mjs';
import { PASSWORD, invite, patient, startClinic } from './clinic-lib.mjs';

let server, dr, ann, bob, zed, bobSign, bobLevel;

/** A chromium as pwa-lib.mjs makes it, waiting up to 60 s for a page: the shared machine's server
 *  can be slow while it makes the spoken cues the service worker keeps. */
async function chromium(viewport) {
  const b = await browser(viewport);
  b.ctx.setDefaultTimeout(60000);
  return b;
}

before(async () => {
  server = await startClinic(['dr.lee', 'dr.kim', 'dr.otp', 'dr.two']);
  dr = server.client();
  await dr.login('dr.lee');
  ann = await patient(server, dr, 'ann');
  bob = await patient(server, dr, 'bob');
  // Bob's check-in today names a warning sign: triage sends him to a clinician (flag warning_sign).
  const signs = await bob.client.call('GET', '/api/v1/check-in-signs', undefined, 200);
  const today = new Date().toISOString().slice(0, 10);
  bobSign = signs.signs[0];
  bobLevel = (await bob.client.call('POST', `/api/v1/people/${bob.id}/check-ins`, { next_morning_pain: 5, red_flags: [bobSign.id], date: today }, 201)).triage_level;
  const kim = server.client();
  await kim.login('dr.kim');
  zed = await patient(server, kim, 'zed');  // on dr.kim's caseload, not dr.lee's
});
after(async () => { await server?.stop(); });

/** Signs in through the sign-in page. */
async function signIn(page, username) {
  await page.goto(`${server.base}/#/clinic/sign-in`);
  await heading(page, /^Sign in to the clinic$/);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.locator('main button[type=submit]').click();
}

test('a clinician: sign in, the flagged patient first, the record, a dose change, a note, sign out', { timeout: 120000 }, async () => {
  const t0 = Date.now();
  const chrome = await chromium(DESKTOP);
  try {
    const page = await chrome.ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    await page.goto(`${server.base}/#/clinic`);  // not signed in: to the sign-in page, and back after
    await heading(page, /^Sign in to the clinic$/);
    await axe(page, 'clinic sign-in');
    await shoot(page, 'clinic-sign-in');
    await page.fill('#username', 'dr.lee');
    await page.fill('#password', 'not the password');
    await page.locator('main button[type=submit]').click();
    await page.locator('#sign-in-error .error').waitFor();
    assert.match(await page.locator('#sign-in-error').textContent(), /wrong username or password/i);
    await page.fill('#password', PASSWORD);
    await page.locator('main button[type=submit]').click();
    await heading(page, /^Caseload$/);
    assert.equal(await page.evaluate(() => location.hash), '#/clinic');
    await page.locator('table.caseload tbody tr').first().waitFor();
    await axe(page, 'clinic caseload');
    await shoot(page, 'clinic-caseload');

    // [A] Bob's new warning sign puts him first; the flag says what happened; seen, with a note.
    assert.deepEqual(await page.locator('table.caseload tbody th a').allTextContents(), ['bob', 'ann']);
    const first = page.locator('table.caseload tbody tr').first();
    assert.equal(await first.getAttribute('data-person'), bob.id);
    const flag = first.locator('li.flag[data-kind=warning_sign]');
    assert.match(await flag.textContent(), /Warning sign/);
    assert.doesNotMatch(await flag.textContent(), /\d{4}-\d\d-\d\d/, 'dates as people write them');
    await flag.getByRole('button', { name: /Mark seen/ }).click();
    await flag.locator('input').fill('Phoned Bob: seeing his GP today');
    await flag.getByRole('button', { name: 'Save' }).click();
    await page.locator('li.flag.seen[data-kind=warning_sign]').waitFor();
    assert.match(await page.locator('li.flag.seen[data-kind=warning_sign]').textContent(), /Seen: Phoned Bob: seeing his GP today/);
    // [A] The filter and the search ask the server.
    await page.selectOption('#flag', 'warning_sign');
    await page.waitForFunction(() => document.querySelectorAll('table.caseload tbody tr').length === 1);
    await page.selectOption('#flag', '');
    await page.fill('#q', 'ann');
    await page.waitForFunction(() => [...document.querySelectorAll('table.caseload tbody th a')].map((a) => a.textContent).join() === 'ann');
    await page.fill('#q', '');
    await page.waitForFunction(() => document.querySelectorAll('table.caseload tbody tr').length === 2);

    // The record: intake and triage, progress drawn by the patient's own code, measures, notes.
    await page.locator(`table.caseload a[href="#/clinic/people/${bob.id}"]`).click();
    await heading(page, /^Record: bob$/);
    await page.locator('#triage').waitFor();
    assert.match(await page.locator('#triage').textContent(), /Triage/);
    assert.match(await page.locator('#check-ins').textContent(), /pain the next morning 5\/10/);
    // The check-in shows the triage it produced: the server's level and the sign Bob named, in its words.
    const checkIn = page.locator('#check-ins li').first();
    assert.equal(await checkIn.getAttribute('data-level'), bobLevel);
    assert.notEqual(bobLevel, 'go');
    const said = await checkIn.textContent();
    assert.match(said, /Triage: /);
    // By its short name (content/triage/signs.yaml), not the question's wording; the date as people write it.
    const signName = /^\s+hot_red_swollen:\s*(.+?)\s*$/m;
    assert.equal(bobSign.id, 'hot_red_swollen');
    const name = signName.exec(fs.readFileSync(path.join(repo, 'content/triage/signs.yaml'), 'utf8'))[1];
    assert.ok(said.includes(`Warning signs named: ${name}.`), said);
    assert.ok(!said.includes(bobSign.prompt), said);
    assert.doesNotMatch(said, /\d{4}-\d\d-\d\d/);
    assert.match(said, /The program was stopped/);
    assert.equal(await page.locator('.measures-grid .standing').count(), 3);
    await page.locator('#program-h').waitFor();
    await axe(page, 'clinic record');
    await shoot(page, 'clinic-record');

    // [A] A note, seen by clinicians only.
    await page.fill('#note-text', 'Warning sign at the check-in; GP today. Review on Friday.');
    await page.getByRole('button', { name: 'Save the note' }).click();
    await page.waitForFunction(() => /Review on Friday/.test(document.querySelector('ul.notes')?.textContent ?? ''));
    assert.match(await page.locator('ul.notes li').first().textContent(), /dr\.lee/);

    // [B] A dose change, recorded with who made it and why: on Ann's record, since Bob's warning sign
    // stopped his program (a stopped program takes only a message).
    await page.goto(`${server.base}/#/clinic/people/${ann.id}`);
    await heading(page, /^Record: ann$/);
    await page.locator('#program-h').waitFor();
    const firstExercise = page.locator('.program-list > li').first();
    await firstExercise.getByRole('button', { name: /^Dose/ }).click();
    await page.fill('#d-sets', '2');
    await page.fill('#d-reps', '8');
    await page.fill('#change-reason', 'Easier for a week after a sore day');
    await axe(page, 'clinic program change');
    await shoot(page, 'clinic-program-change');
    await page.locator('#change-panel button[type=submit]').click();
    await page.locator('#program-changes li').first().waitFor();
    assert.match(await page.locator('#program-changes li').first().textContent(), /Dose set.*dr\.lee.*Easier for a week after a sore day/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, /^Sign in to the clinic$/);
    assert.match(await page.locator('main .notice.ok').textContent(), /You are signed out/);
    await page.goto(`${server.base}/#/clinic/people/${bob.id}`);
    await heading(page, /^Sign in to the clinic$/);
    assert.deepEqual(errors, []);
  } finally {
    await chrome.close();
    console.log(`clinician journey: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
});

test('a patient on a 390×844 phone: invite, intake, offline session and check-in, synced; the clinician sees both', { timeout: 180000 }, async () => {
  const t0 = Date.now();
  const inv = await invite(dr, 'dan');
  const phone = await chromium(PHONE);
  try {
    const page = await phone.ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    await page.goto(`${server.base}${inv.link}`);
    await heading(page, /^Accept your invite$/);
    await axe(page, 'invite');
    await shoot(page, 'clinic-invite');
    await page.fill('#password', PASSWORD);
    await page.fill('#password2', 'a different one!!');
    await page.locator('main button[type=submit]').click();
    assert.match(await page.locator('#invite-error').textContent(), /not the same/);
    await page.fill('#password2', PASSWORD);
    await page.locator('main button[type=submit]').click();
    await page.waitForFunction(() => location.hash.startsWith('#/intake'));
    const id = await page.evaluate(() => localStorage.getItem('kneecoach.person'));
    assert.equal(id, inv.person, 'the invite signed the patient in as their own person');
    await answerIntake(page);
    await heading(page, /^You can start/);
    await page.getByRole('link', { name: 'See my program' }).click();
    await heading(page, /^My program$/);

    // Online once: the worker keeps the app, today's session and the check-in questions.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.goto(`${server.base}/#/session`);
    await heading(page, /^Session /);
    await page.waitForFunction(() => caches.open('kc-data-v1').then((c) => c.keys()).then((k) => k.some((r) => /\/session$/.test(r.url))));
    await page.goto(`${server.base}/#/check-in`);
    await heading(page, /Morning check-in/);

    await phone.ctx.setOffline(true);
    await doSession(page, server.base, 2);
    await heading(page, /Session kept on this phone/);
    await page.goto(`${server.base}/#/check-in`);
    await heading(page, /Morning check-in/);
    await page.locator('input[name=morning][value="1"]').check();
    await page.locator('main button[type=submit]').click();
    await heading(page, /Check-in kept on this phone/);
    const before = await dr.call('GET', `/api/v1/people/${id}/progress`, undefined, 200);
    assert.equal(before.sessions.length + before.series['pain-next-morning'].length, 0, 'nothing reached the server while offline');

    await phone.ctx.setOffline(false);
    await page.locator('#net-status').waitFor({ state: 'hidden', timeout: 30000 });
    assert.deepEqual(errors, []);
    // Home says who is signed in, with sign-out (the server may still be busy with the session's
    // spoken cues the worker keeps, hence the longer wait).
    await page.goto(`${server.base}/#/`);
    await page.locator('.clinic-bar').waitFor({ timeout: 60000 });
    assert.match(await page.locator('.clinic-bar').textContent(), /Signed in as dan \(patient\)/);

    // The clinician sees both, on the record page.
    const desk = await chromium(DESKTOP);
    try {
      const cp = await desk.ctx.newPage();
      await signIn(cp, 'dr.lee');
      await heading(cp, /^Caseload$/);
      await cp.goto(`${server.base}/#/clinic/people/${id}`);
      await heading(cp, /^Record: dan$/);
      await cp.locator('#sessions-table').waitFor();
      assert.equal(await cp.locator('#sessions-table tbody tr').count(), 1, 'one session, stored once');
      assert.match(await cp.locator('#check-ins').textContent(), /pain the next morning 1\/10\. Triage: Go/);
      assert.equal(await cp.locator('#check-ins li').count(), 1, 'one check-in, stored once');
      await cp.locator('#program-h').waitFor();
      await axe(cp, 'clinic record after the phone synced');
      await shoot(cp, 'clinic-record-synced');
    } finally {
      await desk.close();
    }
  } finally {
    await phone.close();
    console.log(`patient journey: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
});

test('a URL edited to another patient\'s id shows nothing of theirs; no connection and an ended sign-in said plainly', { timeout: 90000 }, async () => {
  const t0 = Date.now();
  const chrome = await chromium(DESKTOP);
  try {
    // A clinician, at a patient on another clinician's caseload.
    const page = await chrome.ctx.newPage();
    await signIn(page, 'dr.lee');
    await heading(page, /^Caseload$/);
    await page.goto(`${server.base}/#/clinic/people/${zed.id}`);
    await heading(page, /^Patient not found$/);
    const shown = await page.locator('main').textContent();
    assert.doesNotMatch(shown, /Triage|Sessions done|Pain|zed/);
    await axe(page, 'clinic record not found');
    await page.goto(`${server.base}/#/clinic/people/no-such-person`);
    await heading(page, /^Patient not found$/);

    // No connection, then a sign-in that has ended: each said plainly where the list was.
    await page.goto(`${server.base}/#/clinic`);
    await page.locator('table.caseload').waitFor();
    await chrome.ctx.setOffline(true);
    await page.fill('#q', 'a');
    await page.locator('#caseload .notice.bad').waitFor();
    assert.match(await page.locator('#caseload .notice.bad').textContent(), /^No connection\. The caseload needs the clinic server/);
    assert.match(await page.locator('#offline-note').textContent(), /The clinic pages need a connection/);
    await axe(page, 'clinic caseload offline');
    await shoot(page, 'clinic-offline');
    await chrome.ctx.setOffline(false);
    await chrome.ctx.clearCookies();
    await page.fill('#q', 'an');
    await page.locator('#caseload .notice.bad a').waitFor();
    assert.match(await page.locator('#caseload .notice.bad').textContent(), /^You are signed out\./);
    await page.locator('#caseload .notice.bad a').click();
    await heading(page, /^Sign in to the clinic$/);

    // A patient, signed in on their phone, with Bob's id in the address.
    const mine = await chromium(PHONE);
    try {
      const pp = await mine.ctx.newPage();
      await signIn(pp, 'ann');
      await heading(pp, /^Exercises for a sore knee$/);
      assert.equal(await pp.evaluate(() => localStorage.getItem('kneecoach.person')), ann.id);
      await pp.goto(`${server.base}/#/clinic/people/${bob.id}`);
      await heading(pp, /^Patient record$/);
      await pp.locator('main .notice.warn').waitFor();
      assert.match(await pp.locator('main').textContent(), /These pages are for clinicians/);
      assert.doesNotMatch(await pp.locator('main').textContent(), /Triage|Sessions done|bob/);
      // The patient's own pages, pointed at Bob: the server answers "no person", nothing else.
      await pp.evaluate((other) => localStorage.setItem('kneecoach.person', other), bob.id);
      await pp.goto(`${server.base}/#/progress`);
      await pp.locator('main .notice.bad').waitFor();
      assert.match(await pp.locator('main .notice.bad').textContent(), /no person/);
      assert.equal(await pp.locator('#pain-table, #sessions-table').count(), 0);
    } finally {
      await mine.close();
    }
  } finally {
    await chrome.close();
    console.log(`authorisation through the pages: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
});

/** RFC 6238 (SHA-1, 6 digits, 30 s) for a base32 secret, `steps` steps from now. */
function totp(secret, steps = 0) {
  const bits = [...secret.replace(/=+$/, '').toUpperCase()].map((ch) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(ch).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + steps));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  const at = mac[19] & 15;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1000000).padStart(6, '0');
}

test('a clinician with TOTP on is asked for the code, and a wrong code is said plainly', { timeout: 60000 }, async () => {
  const t0 = Date.now();
  const otp = server.client();
  await otp.login('dr.otp');
  const { secret } = await otp.call('POST', '/api/v1/clinic/totp/enable', {}, 200);
  await otp.call('POST', '/api/v1/clinic/totp/confirm', { code: totp(secret) }, 200);
  const chrome = await chromium(PHONE);
  try {
    const page = await chrome.ctx.newPage();
    await signIn(page, 'dr.otp');
    await page.locator('#totp:visible').waitFor();
    assert.match(await page.locator('#sign-in-error').textContent(), /enter the 6 digits your authenticator app shows/);
    await axe(page, 'clinic sign-in, code');
    await shoot(page, 'clinic-sign-in-code');
    await page.fill('#totp', totp(secret) === '000000' ? '111111' : '000000');
    await page.locator('main button[type=submit]').click();
    await page.locator('#sign-in-error .error').waitFor();
    await page.fill('#totp', totp(secret, 1));  // the next step: the confirming code signs in only once
    await page.locator('main button[type=submit]').click();
    await heading(page, /^Caseload$/);
  } finally {
    await chrome.close();
    console.log(`TOTP sign-in: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
});

test('a clinician turns on two-factor sign-in on its page, signs in with a code, and turns it off', { timeout: 120000 }, async () => {
  const t0 = Date.now();
  const chrome = await chromium(PHONE);
  try {
    const page = await chrome.ctx.newPage();
    const errors = [];
    watchErrors(page, errors);
    await signIn(page, 'dr.two');
    await heading(page, /^Caseload$/);
    await page.locator('.clinic-bar').getByRole('link', { name: 'Two-factor sign-in' }).click();
    await heading(page, /^Two-factor sign-in$/);
    assert.match(await page.locator('#totp-state').textContent(), /is off/);
    await axe(page, 'clinic two-factor, off');
    await shoot(page, 'clinic-totp-off');
    await page.locator('#totp-start').click();
    await page.locator('#totp-secret').waitFor();
    const grouped = await page.locator('#totp-secret').textContent();
    assert.match(grouped, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/, 'the setup key in groups of four');
    const secret = grouped.replace(/ /g, '');
    assert.equal(await page.locator('#totp-uri').getAttribute('href'),
      `otpauth://totp/kneecoach:dr.two?secret=${secret}&issuer=kneecoach&algorithm=SHA1&digits=6&period=30`);
    await axe(page, 'clinic two-factor, enrol');
    await shoot(page, 'clinic-totp-enrol');  // at 390x844 and desktop
    // Not on until a current code proves the app has the key: a wrong one is refused plainly.
    await page.fill('#totp-code', totp(secret) === '000000' ? '111111' : '000000');
    await page.locator('#totp-confirm button[type=submit]').click();
    await page.locator('#totp-error .error').waitFor();
    assert.match(await page.locator('#totp-error').textContent(), /code/i);
    await page.fill('#totp-code', totp(secret));
    await page.locator('#totp-confirm button[type=submit]').click();
    await page.locator('#totp-state.ok').waitFor();
    assert.match(await page.locator('#totp-state').textContent(), /Two-factor sign-in is on/);
    await axe(page, 'clinic two-factor, on');
    await shoot(page, 'clinic-totp-on');

    // Signing in now asks for the code: the next step's (the confirming code served once).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, /^Sign in to the clinic$/);
    await signIn(page, 'dr.two');
    await page.locator('#totp:visible').waitFor();
    await page.fill('#totp', totp(secret, 1));
    await page.locator('main button[type=submit]').click();
    await heading(page, /^Caseload$/);

    // Off again, with the password (a lost phone while signed in); then the password alone signs in.
    await page.goto(`${server.base}/#/clinic/security`);
    await heading(page, /^Two-factor sign-in$/);
    await page.fill('#totp-off-password', 'not my password');
    await page.locator('#totp-off button[type=submit]').click();
    await page.locator('#totp-error .error').waitFor();
    await page.fill('#totp-off-password', PASSWORD);
    await page.locator('#totp-off button[type=submit]').click();
    await page.locator('#totp-start').waitFor();
    assert.match(await page.locator('#totp-state').textContent(), /is off/);
    const again = server.client();
    await again.login('dr.two');
    assert.deepEqual(errors, []);
  } finally {
    await chrome.close();
    console.log(`TOTP enrolment through the page: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
});

test('an invite accepted with the username and the short code; a wrong code said plainly', { timeout: 60000 }, async () => {
  const t0 = Date.now();
  const inv = await invite(dr, 'eve');
  const phone = await chromium(PHONE);
  try {
    const page = await phone.ctx.newPage();
    await page.goto(`${server.base}/#/invite`);
    await heading(page, /^Accept your invite$/);
    await page.fill('#username', 'eve');
    await page.fill('#code', 'ZZZZ-ZZZZ');
    await page.fill('#password', PASSWORD);
    await page.fill('#password2', PASSWORD);
    await page.locator('main button[type=submit]').click();
    await page.locator('#invite-error .error').waitFor();
    assert.ok((await page.locator('#invite-error').textContent()).length > 10, 'the server\'s reason is shown');
    await axe(page, 'invite by code');
    await shoot(page, 'clinic-invite-code');
    await page.fill('#code', inv.code);
    await page.locator('main button[type=submit]').click();
    await page.waitForFunction(() => location.hash.startsWith('#/intake'));
    assert.equal(await page.evaluate(() => localStorage.getItem('kneecoach.person')), inv.person);
  } finally {
    await phone.close();
    console.log(`invite by code: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
});
