// The connection line under the header: says plainly when the app is offline, what waits on this
// phone to be sent, and what the server refused (with its reason and a way to discard it). It
// also sends what waits: at start, when the connection comes back, and every 30 s while any waits.
import { h } from './dom';
import { onOutboxChange, outboxItems, removeFromOutbox, syncOutbox, type OutboxItem } from './outbox';

const RETRY_MS = 30000;

function waitingList(items: OutboxItem[]): HTMLElement {
  return h('ul', { id: 'outbox-list' }, items.map((i) => h('li', { 'data-kind': i.kind }, i.label)));
}

function refusedList(items: OutboxItem[], redraw: () => void): HTMLElement {
  return h('ul', { id: 'outbox-refused' }, items.map((i) => h('li', {},
    h('strong', {}, i.label), `: not stored, because ${i.refused ?? ''} `,
    h('button', { type: 'button', class: 'secondary small', onclick: () => { void removeFromOutbox(i.key).then(redraw); } }, 'Discard'))));
}

/** Starts the connection line in `box` (index.html #net-status). */
export function startNetStatus(box: HTMLElement): void {
  let timer = 0;
  const draw = async (): Promise<void> => {
    const items = await outboxItems().catch(() => [] as OutboxItem[]);
    const waiting = items.filter((i) => !i.refused);
    const refused = items.filter((i) => i.refused);
    const offline = !navigator.onLine;
    box.hidden = !offline && items.length === 0;
    box.className = offline ? 'net offline' : 'net';
    box.replaceChildren(...[
      offline ? h('p', { id: 'offline-note' }, h('strong', {}, 'You are offline. '), location.hash.startsWith('#/clinic')
        // The clinician's pages keep nothing offline (web/src/clinic): they say so, not the patient's promise.
        ? 'The clinic pages need a connection: what is on the screen stays, but nothing can be loaded or saved until the connection is back.'
        : "Today's session, the check-in and the measures still work. What you save is kept on this phone and sent when the connection is back.") : null,
      waiting.length ? h('p', {}, h('strong', {}, `Waiting to be sent (${waiting.length}):`)) : null,
      waiting.length ? waitingList(waiting) : null,
      waiting.length && !offline ? h('button', { type: 'button', class: 'secondary small', onclick: () => { void syncOutbox(); } }, 'Send now') : null,
      refused.length ? refusedList(refused, () => { void draw(); }) : null].filter((n): n is HTMLElement => n !== null));
    window.clearTimeout(timer);
    if (waiting.length && !offline) timer = window.setTimeout(() => { void syncOutbox(); }, RETRY_MS);
  };
  onOutboxChange(() => { void draw(); });
  window.addEventListener('online', () => { void draw(); void syncOutbox(); });
  window.addEventListener('offline', () => { void draw(); });
  window.addEventListener('hashchange', () => { if (!navigator.onLine) void draw(); });
  void draw();
  if (navigator.onLine) void syncOutbox();
}
