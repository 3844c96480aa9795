// #/exercise?id=...: one exercise as the content states it (GET /api/v1/exercises/{id}): what it
// is for, how to do it step by step, what to feel for, the usual mistakes, easier and harder
// versions, and its animated figure large. The dose is the program's (#/program), not repeated here.
import { api, type Variant } from './api';
import { h, type Kids } from './dom';

export interface ExerciseKit {
  page: (title: string, ...body: Kids[]) => void;
  errorBox: (e: unknown) => HTMLElement;
  params: () => URLSearchParams;
}

function section(title: string, items: Kids[], ordered = false): HTMLElement[] {
  if (!items.length) return [];
  return [h('h2', {}, title), h(ordered ? 'ol' : 'ul', { class: 'ex-list' }, items.map((i) => h('li', {}, i)))];
}

/** A version names another exercise (a link to its page, by its name) or a change to this one. */
function variant(v: Variant, names: Map<string, string>): Kids {
  const change = v.change.charAt(0).toUpperCase() + v.change.slice(1);
  return v.exercise ? [change, ': ', h('a', { href: `#/exercise?id=${encodeURIComponent(v.exercise)}` }, names.get(v.exercise) ?? 'that exercise')] : change;
}

export async function exercisePage(kit: ExerciseKit): Promise<void> {
  const id = kit.params().get('id') ?? '';
  kit.page('Exercise', h('p', { role: 'status' }, 'Loading…'));
  try {
    const [e, names] = await Promise.all([api.exercise(id),
      api.exercises().then((l) => new Map(l.exercises.map((x) => [x.id, x.name]))).catch(() => new Map<string, string>())]);
    kit.page(e.name,
      h('figure', { class: 'ex-figure' },
        h('img', { src: api.svgUrl(e.id), alt: `Animated figure doing ${e.name}, moving through the steps below`, width: '360', height: '360' })),
      h('p', { class: 'lead' }, e.purpose),
      e.equipment.needed.length ? h('p', {}, h('strong', {}, 'You need: '), e.equipment.needed.join(', ').replace(/-/g, ' ')) : null,
      section('How to do it', e.steps, true),
      section('What to feel for', e.cues),
      section('Common mistakes', e.mistakes),
      section('Easier', e.variants.easier.map((v) => variant(v, names))),
      section('Harder', e.variants.harder.map((v) => variant(v, names))),
      section('Take care', e.cautions.map((c) => [h('strong', {}, `${c.who.charAt(0).toUpperCase()}${c.who.slice(1)}: `), c.advice])),
      h('p', {}, h('a', { href: '#/program' }, 'Back to my program')));
  } catch (err) {
    kit.page('Exercise', kit.errorBox(err), h('p', {}, h('a', { href: '#/program' }, 'Back to my program')));
  }
}
