// Shared by the clinic browser tests: the real `kneecoach clinic serve` on a fresh database in the
// PostgreSQL cluster of the CTest fixture `postgres` (KNEECOACH_TEST_PG_URL), with an admin and a
// clinician made by the `kneecoach clinic` commands, and API clients (one cookie each) to set up
// patients the way their phones would.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin, freePort, waitUp, webDir } from './camera-lib.mjs';

export const PASSWORD = 'correct horse battery';
const PSQL = '/usr/lib/postgresql/15/bin/psql';

/** A new empty database in the fixture's cluster; returns its URL. */
function newDatabase() {
  const url = process.env.KNEECOACH_TEST_PG_URL;
  assert.ok(url, 'KNEECOACH_TEST_PG_URL is not set: run through ctest (fixture postgres), or start scripts/pg-cluster');
  const name = `kc_web_${crypto.randomBytes(5).toString('hex')}`;
  execFileSync(PSQL, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', `CREATE DATABASE ${name}`]);
  const [head, query] = url.split('?');
  return `${head.slice(0, head.lastIndexOf('/'))}/${name}${query ? `?${query}` : ''}`;
}

function clinicCommand(args, input) {
  execFileSync(bin, ['clinic', ...args], { input, stdio: ['pipe', 'ignore', 'inherit'] });
}

/** One browser's worth of API calls from node: its own session cookie, same-origin headers. */
export class Client {
  constructor(base) { this.base = base; this.cookie = ''; }
  async call(method, p, body, expect) {
    const headers = { origin: this.base, 'sec-fetch-site': 'same-origin', accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${this.base}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const set = r.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    const text = await r.text();
    if (expect !== undefined) assert.equal(r.status, expect, `${method} ${p}: ${text.slice(0, 400)}`);
    return text ? JSON.parse(text) : null;
  }
  login(username) { return this.call('POST', '/api/v1/clinic/login', { username, password: PASSWORD }, 200); }
}

/** Starts the clinic server with the clinicians `names`; resolves with {base, client(), restart(), stop()}.
 *  `fakeTime` (an ISO instant or date) runs it on a fixed clock (KNEECOACH_FAKE_TIME); restart(fakeTime)
 *  starts it again on the same port and database, e.g. on the next day's clock. */
export async function startClinic(names = ['dr.lee'], { fakeTime } = {}) {
  assert.ok(fs.existsSync(path.join(webDir, 'index.html')), `${webDir} is missing: run npm run build --prefix web`);
  const db = newDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-clinic-web-'));
  const adminFile = path.join(dir, 'admin.txt');
  fs.writeFileSync(adminFile, `username=admin\npassword=${PASSWORD}\n`);
  const keyFile = path.join(dir, 'clinic.key');  // the server's key (sealing TOTP secrets), made by init
  clinicCommand(['init', '--db', db, '--admin-file', adminFile, '--key-file', keyFile]);
  for (const n of names) clinicCommand(['clinician', 'add', '--db', db, n], `${PASSWORD}\n`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serve = async (time) => {
    const env = time ? { ...process.env, KNEECOACH_FAKE_TIME: time } : process.env;
    const p = spawn(bin, ['clinic', 'serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), '--threads', '4', '--web', webDir,
      '--key-file', keyFile],
      { stdio: ['ignore', 'ignore', 'inherit'], env });
    await waitUp(`${base}/`);
    return p;
  };
  const end = async (p) => {
    p.kill('SIGTERM');
    await new Promise((r) => (p.exitCode !== null ? r() : p.once('exit', r)));
  };
  let proc = await serve(fakeTime);
  return {
    base,
    client: () => new Client(base),
    async restart(time) {
      await end(proc);
      proc = await serve(time);
    },
    async stop() {
      await end(proc);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Intake answers with a session today and every other day (no red flag). */
export function answersToday() {
  const d = new Date().getDay();
  return { version: 1, age: 66, knee: 'left', pain_now: 2, location: ['front'], onset: 'gradual',
    equipment: ['chair', 'step', 'wall', 'mat', 'counter'], days: [d, (d + 2) % 7, (d + 4) % 7].map((i) => WEEKDAYS[i]), minutes_per_session: 10 };
}

/** The clinician invites `username`; returns the invite ({link, code, person, ...}). */
export function invite(clinician, username) {
  return clinician.call('POST', '/api/v1/clinic/invites', { username }, 201);
}

/** A patient who accepted their invite and did the intake through the API; returns {client, id}. */
export async function patient(server, clinician, username) {
  const inv = await invite(clinician, username);
  const client = server.client();
  const token = /invite=([A-Za-z0-9_-]+)/.exec(inv.link)[1];
  await client.call('POST', '/api/v1/clinic/invites/accept', { token, password: PASSWORD }, 200);
  const made = await client.call('POST', '/api/v1/people', { answers: answersToday() }, 201);
  return { client, id: made.person.id };
}
