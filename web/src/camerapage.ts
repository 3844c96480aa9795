// #/camera?exercise=ID: the camera form coach on its own, outside a session.
// Test options: auto=1 starts the camera at once; analyze=0 leaves the server out;
// model=1 uses the full pose model; thumbs=1 keeps small frame pictures (the recorder uses them);
// until=MS stops sending frames to the analyzer from that stream time on (a looping test video).
import { h } from './dom';
import { createCoach, type Coach } from './coach';

export const CAMERA_EXERCISES: [string, string][] = [
  ['partial-squat', 'Partial squat'], ['wall-sit', 'Wall sit'], ['step-up', 'Step-up'], ['lunge', 'Lunge'], ['bridge', 'Bridge'],
];

export async function cameraPage(params: URLSearchParams, speak: (t: string) => void,
  page: (title: string, ...body: (Node | null)[]) => void): Promise<() => void> {
  const id = params.get('exercise');
  if (!id) {
    page('Camera coach', h('p', {}, 'Choose an exercise. The camera checks your reps and your form while you do it.'),
      h('ul', {}, CAMERA_EXERCISES.map(([x, name]) => h('li', {}, h('a', { href: `#/camera?exercise=${x}` }, name)))));
    return () => undefined;
  }
  let name = CAMERA_EXERCISES.find(([x]) => x === id)?.[1] ?? id;
  try {
    const r = await fetch(`/api/v1/exercises/${encodeURIComponent(id)}`, { mode: 'same-origin', credentials: 'same-origin' });
    if (r.ok) name = ((await r.json()) as { name?: string }).name ?? name;
  } catch { /* keep the plain name */ }
  let coach: Coach | null = null;
  const startBtn = h('button', { type: 'button', id: 'camera-start' }, 'Start the camera');
  const stopBtn = h('button', { type: 'button', class: 'secondary', id: 'camera-stop', hidden: true }, 'Stop');
  const result = h('div', { id: 'camera-result' });
  const box = h('div', {});
  const start = () => {
    if (coach) return;
    coach = createCoach({
      exercise: id, name, speak, analyze: params.get('analyze') !== '0',
      modelComplexity: params.get('model') === '1' ? 1 : 0, thumbs: params.get('thumbs') === '1',
      sendUntilMs: params.has('until') ? Number(params.get('until')) : undefined,
    });
    box.replaceChildren(coach.el);
    startBtn.hidden = true; stopBtn.hidden = false;
    void coach.start();
  };
  startBtn.addEventListener('click', start);
  stopBtn.addEventListener('click', async () => {
    if (!coach) return;
    stopBtn.hidden = true;
    const s = await coach.stop();
    result.replaceChildren(s ? h('p', { class: 'notice ok', role: 'status' },
      `${s.reps} ${s.reps === 1 ? 'rep' : 'reps'}; ${s.faults_per_rep.filter((f) => f.length).length} with something to work on.`) : h('p', {}, 'Stopped.'));
  });
  page(`Camera coach: ${name}`, box, h('div', { class: 'row' }, startBtn, stopBtn), result);
  if (params.get('auto') === '1') start();
  return () => { void coach?.stop(); };
}
