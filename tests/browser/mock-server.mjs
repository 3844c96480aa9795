// A tiny stand-in for `kneecoach serve`, for developing the UI when the real server is not built.
// Serves web/dist and canned JSON shaped like api/openapi.yaml. Not used by the browser test when
// the real binary exists. Usage: node mock-server.mjs PORT WEBDIR
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.argv[2] ?? 8081);
const web = path.resolve(process.argv[3] ?? path.join(here, '../../web/dist'));
const golden = JSON.parse(fs.readFileSync(path.join(here, '../data/golden/plan-inner-go.json'), 'utf8'));
const people = new Map();
const today = new Date().toISOString().slice(0, 10);
const RED = ['hot_red_swollen', 'fever_or_unwell', 'calf_pain_or_swelling', 'numb_or_cold_foot', 'deformity'];

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type });
  res.end(type === 'application/json' ? JSON.stringify(body) : body);
}
function triage(a) {
  const fired = RED.filter((f) => a[f]);
  if (fired.length) return { level: 'urgent', reasons: fired.map((f) => ({ rule: f, message: `Mock: ${f} needs a doctor today.` })), advice: 'Be seen by a doctor today.' };
  return { level: 'go', reasons: [], advice: 'You can start the program.' };
}
http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    const url = new URL(req.url, 'http://x');
    const p = url.pathname;
    const json = body ? JSON.parse(body) : null;
    let m;
    if (p === '/api/v1/triage') return send(res, 200, triage(json));
    if (p === '/api/v1/people' && req.method === 'POST') {
      const t = triage(json.answers);
      if (t.level !== 'go') return send(res, 200, { status: 'referral', triage: t, person: null, plan: null });
      const id = 'p' + (people.size + 1);
      people.set(id, { sessions: [], checkins: [] });
      return send(res, 201, { status: 'created', person: { id, created_at: new Date().toISOString() }, triage: t, plan: golden });
    }
    if ((m = p.match(/^\/api\/v1\/exercises\/([a-z0-9-]+)\/svg$/))) {
      return send(res, 200, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="20" fill="#0b5cad"><animate attributeName="r" values="10;30;10" dur="2s" repeatCount="indefinite"/></circle></svg>`, 'image/svg+xml');
    }
    if ((m = p.match(/^\/api\/v1\/people\/([a-z0-9]+)\/(.*)$/))) {
      const person = people.get(m[1]);
      if (!person) return send(res, 404, { error: { code: 'not_found', message: 'no such person', field: null } });
      const what = m[2];
      if (what === 'plan') return send(res, 200, { person: { id: m[1] }, stopped: null, plan: { ...golden, start: today } });
      if (what === 'today' && person.stopped) return send(res, 409, { error: { code: 'program_stopped', message: 'Your program was stopped after a warning sign.', field: null } });
      if (what === 'today') {
        const s = golden.sessions[0];
        return send(res, 200, { date: today, scheduled: true, done: person.sessions.length > 0, session: 'A', week: 1, title: s.title,
          exercises: s.exercises.map((e, i) => ({ position: i, exercise: e.id, name: e.name, block: e.block, dose: e.dose, reason: '' })),
          next: null, review_due: false, see_clinician: false });
      }
      if (what === 'sessions') { person.sessions.push({ ...json, date: today }); return send(res, 201, { session_id: person.sessions.length, date: today, session: 'A', status: json.status, dose_changes: [] }); }
      if (what === 'check-ins') {
        person.checkins.push(json);
        const stopped = (json.red_flags ?? []).length > 0;
        if (stopped) person.stopped = true;
        return send(res, 201, { check_in_id: person.checkins.length, date: today, next_morning_pain: json.next_morning_pain, triage_level: stopped ? 'urgent' : 'go', stopped,
          referral: stopped ? triage(Object.fromEntries(json.red_flags.map((f) => [f, true]))) : null, cautions: [], dose_changes: [], review: { due: false, see_clinician: false, message: '' } });
      }
      if (what === 'progress') {
        return send(res, 200, { date: today, stopped: false, adherence: { planned: 1, done: person.sessions.length, partly: 0, percent: person.sessions.length ? 100 : 0 },
          review: { due: false, see_clinician: false, message: '' },
          series: { 'pain-during': person.sessions.map((s) => ({ date: today, value: s.pain_during })), 'pain-next-morning': person.checkins.map((c) => ({ date: today, value: c.next_morning_pain })),
            'pain-now': [], 'pain-worst-24h': [], 'chair-stand': [], psfs: [], grc: [] },
          sessions: person.sessions.map((s, i) => ({ id: i + 1, date: today, session: 'A', status: s.status, pain_during: s.pain_during })), doses: [] });
      }
      if (what === 'handout.pdf') return send(res, 200, '%PDF-1.4 mock', 'application/pdf');
      if (what === 'calendar.ics') return send(res, 200, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', 'text/calendar');
    }
    if (p.startsWith('/api/')) return send(res, 404, { error: { code: 'not_found', message: `no route ${p}`, field: null } });
    const file = path.join(web, p === '/' ? 'index.html' : path.normalize(p));
    if (!file.startsWith(web) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return send(res, 404, { error: { code: 'not_found', message: 'no file', field: null } });
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[path.extname(file)] ?? 'application/octet-stream';
    send(res, 200, fs.readFileSync(file), type);
  });
}).listen(port, '127.0.0.1', () => console.log(`mock on http://127.0.0.1:${port}/`));
