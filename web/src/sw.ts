// The service worker (built to /sw.js; docs/offline.md). It keeps what a session needs with no
// connection, and nothing more:
//  - the app shell (the page, its scripts and styles, the manifest and icons): precached at install;
//  - the last copy of a few API replies a session, a check-in and a measure need offline: today's
//    session, the check-in questions, the measures and the person's standing on them, the
//    exercise figures and the spoken cues. Network first; the copy only when the network fails.
// Every other request (writes, the plan, progress, the handout) goes to the network untouched: the
// page queues writes itself (outbox.ts). No file here imports anything: it runs as a classic worker.

interface ExtendableEvent extends Event { waitUntil(p: Promise<unknown>): void }
interface FetchEvent extends ExtendableEvent { request: Request; respondWith(r: Promise<Response> | Response): void }
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const worker = self as unknown as WorkerScope;

// Filled in by the build (vite.config.ts): every file of the app shell, and a version made from them.
const SHELL: string[] = JSON.parse('__KC_SHELL__') as string[];
const VERSION = '__KC_VERSION__';
const SHELL_CACHE = `kc-shell-${VERSION}`;
/** API copies: personal data, kept only for offline use (docs/offline.md); api.ts setPersonId deletes it by this name. */
const DATA_CACHE = 'kc-data-v1';

/** The API GETs kept for offline use (paths under /api/v1/). */
const OFFLINE_API: RegExp[] = [
  /^\/api\/v1\/people\/[a-z0-9-]+\/(session|measures)$/,
  /^\/api\/v1\/(check-in-signs|measures|contacts)$/,
  /^\/api\/v1\/exercises\/[a-z0-9-]+(\/svg)?$/,
  /^\/api\/v1\/speech$/,
];

worker.addEventListener('install', (e) => {
  e.waitUntil(caches.open(SHELL_CACHE).then((c) => c.addAll(SHELL)).then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kc-shell-') && k !== SHELL_CACHE).map((k) => caches.delete(k))))
    .then(() => worker.clients.claim()));
});

async function networkFirst(request: Request, cacheName: string, fallback?: string): Promise<Response> {
  try {
    const reply = await fetch(request);
    if (reply.ok) {
      const copy = reply.clone();
      void caches.open(cacheName).then((c) => c.put(fallback ?? request, copy));
    }
    return reply;
  } catch (err) {
    const kept = await caches.match(fallback ?? request, { cacheName });
    if (kept) return kept;
    throw err;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const kept = await caches.match(request, { cacheName: SHELL_CACHE });
  return kept ?? fetch(request);
}

worker.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page of the app is index.html (hash routes); the network's copy refreshes the cookie.
    e.respondWith(networkFirst(request, SHELL_CACHE, '/index.html'));
  } else if (url.pathname.startsWith('/api/')) {
    if (OFFLINE_API.some((re) => re.test(url.pathname))) e.respondWith(networkFirst(request, DATA_CACHE));
  } else if (SHELL.includes(url.pathname)) {
    e.respondWith(cacheFirst(request));
  }
});
