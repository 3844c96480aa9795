// h() builds DOM nodes: h('p', {class: 'x', onclick: fn}, 'text', child, [more]).
export type Child = Node | string | null | undefined | false;
export type Kids = Child | Kids[];
export function h(tag: string, attrs: Record<string, unknown> = {}, ...children: Kids[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'class') el.className = String(v);
    // Through the CSSOM: the Content-Security-Policy (style-src 'self') refuses style attributes.
    else if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of (children as Child[]).flat(10 as 1) as Child[]) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** A 0-10 rating as eleven radio buttons named `name`, with its help and an error line (#name-err). */
export function scaleField(name: string, legend: string, help: string): HTMLElement {
  return h('fieldset', {}, h('legend', {}, legend), h('p', { class: 'help', id: `${name}-help` }, help),
    h('div', { class: 'opts scale' }, Array.from({ length: 11 }, (_, i) =>
      h('label', {}, h('input', { type: 'radio', name, value: String(i), 'aria-describedby': `${name}-help ${name}-err` }), String(i)))),
    h('p', { class: 'error', id: `${name}-err`, role: 'alert' }));
}

/** "Sun 6 Dec" for "2026-12-06": a date as people write it, in the browser's calendar. */
export function dayText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
}

/** Replaces `el`'s children with `kids`, skipping the empty ones (as h() does). */
export function fill(el: Element, ...kids: Kids[]): void {
  el.replaceChildren(...((kids as Child[]).flat(10 as 1) as Child[]).filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}
