// Development stand-in for the analyzer WebSocket (/api/v1/analyze), for working on the camera UI
// before the server has it. Not used by the tests. It proxies every other request to a real
// `kneecoach serve` and answers the WebSocket itself with a toy analyzer (reps from the hips
// going down and back up; no form checks beyond a made-up one).
//   node camera-mock-analyzer.mjs PORT UPSTREAM      e.g. 8090 http://127.0.0.1:8080
// Protocol (the real one, see the issue): ready; one answer per frame; end -> summary; close.
import http from 'node:http';
import crypto from 'node:crypto';

const port = Number(process.argv[2] ?? 8090);
const upstream = new URL(process.argv[3] ?? 'http://127.0.0.1:8080');

/** Minimal RFC 6455 server side: text frames only, client frames masked, no fragmentation. */
function accept(req, socket, onText) {
  const key = req.headers['sec-websocket-key'];
  const hash = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${hash}\r\n\r\n`);
  const out = (op, payload) => {
    const n = payload.length;
    const head = n < 126 ? Buffer.from([0x80 | op, n]) : n < 65536 ? Buffer.from([0x80 | op, 126, n >> 8, n & 255])
      : Buffer.concat([Buffer.from([0x80 | op, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; })()]);
    socket.write(Buffer.concat([head, payload]));
  };
  let buf = Buffer.alloc(0);
  socket.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      if (buf.length < 2) return;
      const op = buf[0] & 15;
      let n = buf[1] & 127, at = 2;
      if (n === 126) { if (buf.length < 4) return; n = buf.readUInt16BE(2); at = 4; } else if (n === 127) { if (buf.length < 10) return; n = Number(buf.readBigUInt64BE(2)); at = 10; }
      const masked = buf[1] & 128;
      if (buf.length < at + (masked ? 4 : 0) + n) return;
      const mask = masked ? buf.subarray(at, at + 4) : null;
      at += masked ? 4 : 0;
      const p = Buffer.from(buf.subarray(at, at + n));
      if (mask) for (let i = 0; i < p.length; i++) p[i] ^= mask[i & 3];
      buf = buf.subarray(at + n);
      if (op === 8) { out(8, Buffer.alloc(0)); socket.end(); return; }
      if (op === 9) out(10, p);
      if (op === 1) onText(p.toString('utf8'));
    }
  });
  socket.on('error', () => {});
  return { send: (obj) => out(1, Buffer.from(JSON.stringify(obj))), close: () => { out(8, Buffer.from([0x03, 0xe8])); socket.end(); } };
}

function toyAnalyzer(exercise, ws) {
  const hold = exercise === 'wall-sit' ? 30 : 0;
  ws.send({ type: 'ready', exercise, placement: 'Mock analyzer: put the camera side-on at hip height, 2 to 3 m away, head to feet in view.', hold_seconds: hold,
    cues: [{ cue: 'knee-not-past-toes', fault: 'knee-past-toes', text: 'Keep your knee behind your toes.', checked: true }] });
  let base = null, reps = 0, phase = 'start', inFrame = true, frames = 0, holdStart = null, down = 0;
  const faults = [];
  return (f) => {
    frames++;
    const events = [];
    const seen = f.lm.length === 33 && f.lm[27][3] > 0.5 && f.lm[0][3] > 0.5;
    if (seen !== inFrame) { inFrame = seen; events.push(seen ? { type: 'in-frame' } : { type: 'out-of-frame', text: 'Step back so your whole body is in the picture.' }); }
    let progress = 0;
    if (seen) {
      const hip = (f.lm[23][1] + f.lm[24][1]) / 2;
      base = base === null ? hip : phase === 'start' ? Math.min(base, hip) * 0.9 + hip * 0.1 : base;
      progress = Math.max(0, Math.min(1, (hip - base) / 0.08));
      if (phase === 'start' && progress > 0.3) phase = 'moving';
      if (phase === 'moving' && progress > 0.8) { phase = 'end'; down = 0; holdStart = f.t; }
      if (phase === 'end') {
        down = Math.max(down, f.lm[25][0] - f.lm[31][0]);
        if (hold) events.push({ type: 'hold', rep: reps + 1, seconds: (f.t - holdStart) / 1000, target: hold });
        if (progress < 0.2) {
          reps++; phase = 'start';
          const fl = down > 0.02 ? ['knee-past-toes'] : [];
          if (fl.length) events.push({ type: 'fault', rep: reps, cue: 'knee-not-past-toes', fault: 'knee-past-toes', text: 'Keep your knee behind your toes.' });
          faults.push(fl);
          events.push({ type: 'rep', rep: reps, faults: fl });
        }
      }
    }
    return { type: 'frame', t: f.t, reps, phase, progress, in_frame: inFrame,
      hold: hold && phase === 'end' ? { seconds: (f.t - holdStart) / 1000, target: hold } : null, events, _summary: { reps, faults, frames } };
  };
}

const server = http.createServer((req, res) => {
  const r = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode, up.headers);
    up.pipe(res);
  });
  r.on('error', () => { res.writeHead(502); res.end('upstream down'); });
  req.pipe(r);
});
server.on('upgrade', (req, socket) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname !== '/api/v1/analyze') { socket.end('HTTP/1.1 404 Not Found\r\n\r\n'); return; }
  const exercise = url.searchParams.get('exercise') ?? '';
  let step = null, last = { reps: 0, faults: [], frames: 0 };
  const t0 = process.hrtime.bigint();
  const ws = accept(req, socket, (text) => {
    const m = JSON.parse(text);
    if (m.type === 'end') {
      const us = Number(process.hrtime.bigint() - t0) / 1000 / Math.max(1, last.frames);
      ws.send({ type: 'summary', exercise, reps: last.reps, faults_per_rep: last.faults, frames: last.frames, analyzer_us_per_frame: Math.round(us) });
      ws.close();
      return;
    }
    const a = step(m);
    last = a._summary;
    delete a._summary;
    ws.send(a);
  });
  step = toyAnalyzer(exercise, ws);
});
server.listen(port, '127.0.0.1', () => console.log(`mock analyzer on http://127.0.0.1:${port}/ -> ${upstream.href}`));
