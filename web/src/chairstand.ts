// The 30-second chair stand: a get-ready count of 3, then the test's own length (def.seconds) counted
// down on screen, with a beep and a spoken word at the start, 10 seconds before the end and at the
// end, then the count is entered. ?fast=N runs the clock N times faster (tests).
import { api, Action, localDay } from './api';
import { dayText, h } from './dom';
import { speak } from './player';
import type { FormShell, Save } from './measureforms';

const READY_S = 3;

/** A short tone (WebAudio): works offline and without a voice. */
function beeper(): (ms: number, hz: number) => void {
  let ctx: AudioContext | null = null;
  try { ctx = new AudioContext(); } catch { ctx = null; }
  return (ms, hz) => {
    if (!ctx) return;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = hz;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + ms / 1000);
  };
}

function normText(shell: FormShell): string | null {
  const n = shell.standing.norm;
  if (!n) return null;
  return `For people aged ${n.age_min} to ${n.age_max}, fewer than ${n.men} stands (men) or ${n.women} stands (women) is below average.`;
}

const CUES = ['Go', '10 seconds', 'Stop'];

/** Fetches the spoken cues once online, so the service worker keeps them for a test with no
 *  connection (only needed when the browser has no voice of its own; the beeps need nothing). */
function keepCuesForOffline(): void {
  const own = 'speechSynthesis' in window && speechSynthesis.getVoices().length > 0;
  if (own || !navigator.onLine || !navigator.serviceWorker?.controller) return;
  for (const c of CUES) void fetch(api.speechUrl(c), { credentials: 'same-origin' }).catch(() => undefined);
}

export function chairStandForm(shell: FormShell, save: Save): void {
  const { def } = shell;
  const seconds = def.seconds ?? 30;
  const max = def.max_count ?? 80;
  const fast = Math.max(1, Number(shell.params().get('fast') ?? '1') || 1);
  const action = new Action();
  const count = h('div', { class: 'count', id: 'timer', 'aria-hidden': 'true' }, String(seconds));
  const phase = h('p', { class: 'phase', id: 'timer-phase', 'aria-live': 'assertive' }, 'Sit down with your arms crossed, then press Start.');
  const voiceBox = h('input', { type: 'checkbox', id: 'voice', checked: fast === 1 }) as HTMLInputElement;
  const start = h('button', { type: 'button', id: 'start' }, 'Start the timer');
  const stopBtn = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Stop');
  const input = h('input', { type: 'number', id: 'stands', name: 'stands', min: '0', max: String(max), step: '1', inputmode: 'numeric', 'aria-describedby': 'stands-help stands-err' }) as HTMLInputElement;
  const form = h('form', { novalidate: true, hidden: true, id: 'count-form' },
    h('p', { class: 'field' }, h('label', { for: 'stands', class: 'q-label' }, 'How many full stands did you do?')),
    h('p', { class: 'help', id: 'stands-help' }, def.instructions.find((i) => /halfway/i.test(i)) ?? ''),
    input, h('p', { class: 'error', id: 'stands-err', role: 'alert' }),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save')));
  const manual = h('button', { type: 'button', class: 'link' }, 'Someone else timed it: enter the count');
  let timer = 0;
  const stop = () => { window.clearInterval(timer); timer = 0; };
  shell.setCleanup(stop);
  const showForm = () => { form.hidden = false; manual.hidden = true; input.focus(); };

  start.addEventListener('click', () => {
    const beep = beeper();
    delete phase.dataset.state;
    const say = (t: string) => speak(t, voiceBox.checked);
    start.hidden = true; manual.hidden = true; stopBtn.hidden = false;
    const began = performance.now();
    let shown = -1;
    const tick = (): void => {
      const t = ((performance.now() - began) * fast) / 1000;  // seconds since Start
      if (t < READY_S) {
        const n = READY_S - Math.floor(t);
        if (n !== shown) { shown = n; count.textContent = String(n); phase.textContent = `Get ready: ${n}`; beep(80, 440); }
        return;
      }
      if (phase.dataset.state !== 'go') {
        phase.dataset.state = 'go'; shown = -1;
        phase.textContent = 'Go! Stand up and sit down, as many times as you can.'; beep(300, 880); say(CUES[0]);
      }
      const left = Math.max(0, Math.ceil(seconds - (t - READY_S)));
      if (left !== shown) {
        // Crossing 10 s left, even when a slow tick jumps past it (a throttled tab).
        if (left <= 10 && left > 0 && (shown > 10 || shown < 0)) { phase.textContent = '10 seconds left'; beep(120, 660); say(CUES[1]); }
        shown = left;
        count.textContent = String(left);
      }
      if (left === 0) {
        stop(); stopBtn.hidden = true;
        phase.dataset.state = 'stop';
        phase.textContent = 'Stop! Sit down and rest.';
        beep(600, 880); say(CUES[2]);
        showForm();
      }
    };
    timer = window.setInterval(tick, 50);
    tick();
  });
  stopBtn.addEventListener('click', () => { stop(); stopBtn.hidden = true; start.hidden = false; start.textContent = 'Start again'; phase.textContent = 'Stopped. Start again when you are ready.'; count.textContent = String(seconds); });
  manual.addEventListener('click', showForm);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = input.value.trim();
    const n = Number(v);
    if (!/^\d+$/.test(v) || n > max) {
      (form.querySelector('#stands-err') as HTMLElement).textContent = `Please type a whole number from 0 to ${max}.`;
      input.focus();
      return;
    }
    void save(shell, { measure: def.id, value: n }, action, `${def.name} of ${dayText(localDay())}: ${n} stands`, form);
  });
  keepCuesForOffline();
  const norm = normText(shell);
  shell.page(def.name, h('p', {}, def.purpose),
    h('details', { class: 'how', open: !shell.standing.count }, h('summary', {}, 'How to do it'), h('ul', {}, def.instructions.map((i) => h('li', {}, i)))),
    norm ? h('p', { class: 'help' }, norm) : null,
    h('section', { class: 'player timer', 'aria-labelledby': 'timer-phase' }, count, phase,
      h('div', { class: 'row center' }, start, stopBtn),
      h('p', {}, h('label', {}, voiceBox, ' Spoken cues (a beep sounds either way)'))),
    h('p', {}, manual), form);
}
