// The outbox: sessions, check-ins and measures saved while offline, kept in IndexedDB until the
// server has them (docs/offline.md). Each keeps the Idempotency-Key made when the person pressed
// Save, so sending it again (after a lost reply, a reload, two tabs) stores it once. Items are sent
// in the order they were saved. The server is the record: an item it refuses (a 4xx, e.g. a
// second check-in for a day that has one) is not forced; it stays here, marked with the server's
// reason, until the person discards it.

export type OutboxKind = 'session' | 'check-in' | 'measure';

export interface OutboxItem {
  key: string;          // the Idempotency-Key, also the IndexedDB key
  kind: OutboxKind;
  label: string;        // what the person saved, in words ("Session A of 7 Dec")
  path: string;         // the API path it is POSTed to
  body: unknown;        // the JSON body, exactly as first sent
  saved_at: string;     // ISO instant of the Save press: the sending order
  refused?: string;     // the server's reason, once it refused the item
}

const DB = 'kneecoach';
const STORE = 'outbox';
const listeners = new Set<() => void>();

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => { req.result.createObjectStore(STORE, { keyPath: 'key' }); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

function changed(): void { for (const fn of listeners) fn(); }

/** Calls `fn` whenever the outbox changes (an item added, sent, refused or discarded). */
export function onOutboxChange(fn: () => void): void { listeners.add(fn); }

/** Every item, oldest first. */
export async function outboxItems(): Promise<OutboxItem[]> {
  const all = await run('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>);
  return all.sort((a, b) => a.saved_at.localeCompare(b.saved_at));
}

/** Keeps `item` until it is sent; the same key twice is kept once. */
export async function addToOutbox(item: OutboxItem): Promise<void> {
  await run('readwrite', (s) => s.put(item));
  changed();
}

/** Forgets an item (sent, or discarded by the person). */
export async function removeFromOutbox(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
  changed();
}

/** Sends one item; 'sent', 'refused' (the server said no: its reason) or 'later' (no answer, a 5xx, a lost credential). */
type Sent = { result: 'sent' } | { result: 'refused'; reason: string } | { result: 'later' };

async function send(item: OutboxItem): Promise<Sent> {
  let reply: Response;
  try {
    reply = await fetch(item.path, {
      method: 'POST', mode: 'same-origin', credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': item.key },
      body: JSON.stringify(item.body),
    });
  } catch {
    return { result: 'later' };
  }
  if (reply.ok) return { result: 'sent' };
  const json = await reply.json().catch(() => null) as { error?: { code?: string; field?: string; message?: string }; existing?: { next_morning_pain: number } } | null;
  const code = json?.error?.code;
  // The session cookie is gone (the browser was closed): loading the page gives it back; try again.
  if (reply.status === 403 && code === 'no_credential') {
    await fetch('/', { cache: 'no-store', credentials: 'same-origin' }).catch(() => undefined);
    return { result: 'later' };
  }
  if (reply.status >= 500 || reply.status === 408 || reply.status === 429 || reply.status === 403) return { result: 'later' };
  // A second check-in for a day that has one: said in the person's words (the API's also tells a
  // program how to replace it, which is the check-in page's question, asked online).
  if (code === 'conflict' && json?.error?.field === 'replace' && json.existing) {
    return { result: 'refused', reason: `that day already has a check-in (pain ${json.existing.next_morning_pain}/10), and it stands. To change it, check in again while online.` };
  }
  return { result: 'refused', reason: json?.error?.message ?? `${reply.status} ${reply.statusText}` };
}

let syncing: Promise<number> | null = null;

/** Sends what waits, oldest first, stopping at the first that cannot be sent now. One run at a
 *  time; returns how many were stored. Refused items are kept, marked, and skipped. */
export function syncOutbox(): Promise<number> {
  if (syncing) return syncing;
  syncing = (async () => {
    let stored = 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      let retry = false;
      for (const item of await outboxItems()) {
        if (item.refused) continue;
        const r = await send(item);
        if (r.result === 'sent') { await removeFromOutbox(item.key); stored++; continue; }
        if (r.result === 'refused') { await addToOutbox({ ...item, refused: r.reason }); continue; }
        retry = true;
        break;
      }
      if (!retry || !navigator.onLine) break;
    }
    return stored;
  })().finally(() => { syncing = null; });
  return syncing;
}
