import { readFile } from 'node:fs/promises';
import type * as http from 'node:http';
import * as path from 'node:path';
import { buildConsole, defaultOutdir } from '../../console/build';
import { consoleCsp } from '../console-headers';
import { CONSOLE_PATH } from '../deployment-config';
import { LOCAL_AUDIENCE } from './auth';

/**
 * The organiser console on the local gateway, as CloudFront serves it in AWS: the built files
 * of console/ at `/console/`, and `/console/config.json` telling the browser where to sign in
 * (locally: the gateway itself, whose sign-in stand-in has Cognito's endpoints).
 */

const PREFIX = CONSOLE_PATH;

const SECURITY_HEADERS = {
  'content-security-policy': consoleCsp(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Locally every change shows on reload; offline, the service worker has its copy.
  'cache-control': 'no-cache',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ConsoleSiteOptions {
  /** Where the build goes (default console/dist). */
  outdir?: string;
  /** The OAuth client the console signs in as (default the local one the gateway accepts). */
  clientId?: string;
}

export type ExtraRoutes = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<boolean>;

/**
 * The address the browser used, if it is this server's own (127.0.0.1 or localhost at this
 * port), so the sign-in returns to the origin the console's session lives in.
 */
function ownOrigin(request: http.IncomingMessage): string {
  const port = request.socket.localPort;
  const host = request.headers.host ?? '';
  const match = /^(127\.0\.0\.1|localhost)(?::(\d+))?$/.exec(host);
  if (match && Number(match[2] ?? 80) === port) return `http://${host}`;
  return `http://127.0.0.1:${port}`;
}

function send(response: http.ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, head: boolean) {
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(head ? undefined : body);
}

/** Builds the console, then answers `/console`, `/console/` and the files under it. */
export async function consoleSite(options: ConsoleSiteOptions = {}): Promise<ExtraRoutes> {
  const outdir = path.resolve(options.outdir ?? defaultOutdir);
  const clientId = options.clientId ?? LOCAL_AUDIENCE;
  const built = await buildConsole({ outdir, minify: true });
  // Held in memory: another build into the same folder (a test run beside npm start) cannot
  // take a file away from under this server.
  const files = new Map(await Promise.all(built.files.map(async (file) => [file, await readFile(path.join(outdir, ...file.split('/')))] as const)));

  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const bare = PREFIX.slice(0, -1);
    if (url.pathname !== bare && !url.pathname.startsWith(PREFIX)) return false;
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    const head = method === 'HEAD';
    if (url.pathname === bare) {
      response.writeHead(301, { location: `${PREFIX}${url.search}`, 'cache-control': 'no-cache' }).end();
      return true;
    }
    const file = url.pathname.slice(PREFIX.length) || 'index.html';
    if (file === 'config.json') {
      const origin = ownOrigin(request);
      const config = { authority: origin, clientId, redirectUri: `${origin}${PREFIX}` };
      send(response, 200, { 'content-type': CONTENT_TYPES['.json']! }, JSON.stringify(config), head);
      return true;
    }
    // Only what the build made: no path is ever joined from the request.
    const body = files.get(file);
    if (!body) {
      send(response, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not Found', head);
      return true;
    }
    send(response, 200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' }, body, head);
    return true;
  };
}
