/**
 * The console's service worker: keeps the app shell (page, script, styles, config) so that a
 * reload without a connection still opens the door screen, whose list lives on the device.
 * Always the network first, so a new version shows at once; the copy only when that fails.
 * Nothing else passes through it: API requests go to the network untouched.
 */

/** Set by the build: every file of the shell, relative to the scope, and their content hash. */
declare const SHELL_FILES: string[];
declare const SHELL_VERSION: string;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

interface WorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const CACHE_PREFIX = 'console-shell-';
const CACHE = `${CACHE_PREFIX}${SHELL_VERSION}`;
/** On a connection that hangs, the copy is better than waiting. */
const NETWORK_TIMEOUT_MS = 4000;

const scope = () => worker.registration.scope;
const shellUrls = () => SHELL_FILES.map((file) => new URL(file, scope()).href);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(shellUrls()))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

function fromNetwork(request: Request): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS);
    fetch(request).then(
      (response) => {
        clearTimeout(timer);
        resolve(response);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function networkFirst(request: Request, cacheKey: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fromNetwork(request);
    if (response.ok) await cache.put(cacheKey, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(cacheKey);
    if (copy) return copy;
    throw error;
  }
}

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope())) return;
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    // The sign-in answer (?code=&state=) must reach the page as sent; the shell is the same page.
    event.respondWith(networkFirst(request, new URL('./', scope()).href));
    return;
  }
  const key = `${url.origin}${url.pathname}`;
  if (shellUrls().includes(key)) event.respondWith(networkFirst(request, key));
});
