import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleSite } from '../../infra/local/console';

/** How `npm start`'s gateway serves the console (infra/local/console.ts). */
let outdir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'console-site-'));
  const site = await consoleSite({ outdir });
  server = http.createServer(async (request, response) => {
    if (!(await site(request, response))) response.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

/** A request sent as written: fetch would normalise `..` away and ignores a Host header. */
function raw(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    http
      .get({ hostname, port, path: pathname, headers }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      })
      .on('error', reject);
  });
}

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(outdir, { recursive: true, force: true });
});

describe('the console on the local gateway', () => {
  it('serves the page with the strict CSP and nosniff', async () => {
    const response = await fetch(`${base}/console/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<div id="app"></div>');
  });

  it('redirects /console to /console/, keeping the query', async () => {
    const response = await fetch(`${base}/console?code=abc&state=xyz`, { redirect: 'manual' });

    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/console/?code=abc&state=xyz');
  });

  it('tells the browser to sign in at this server, as the local client, and come back to the address it used', async () => {
    const port = new URL(base).port;
    const viaLocalhost = await raw('/console/config.json', { host: `localhost:${port}` });

    expect(JSON.parse(viaLocalhost.body)).toEqual({ authority: `http://localhost:${port}`, clientId: 'local-organiser-client', redirectUri: `http://localhost:${port}/console/` });
    expect(viaLocalhost.headers['x-content-type-options']).toBe('nosniff');
    const viaOtherHost = await raw('/console/config.json', { host: `evil.example:${port}` });
    expect(JSON.parse(viaOtherHost.body).authority).toBe(`http://127.0.0.1:${port}`);
  });

  it('serves scripts as JavaScript and nothing outside the build', async () => {
    const page = await (await fetch(`${base}/console/`)).text();
    const script = await fetch(`${base}/console/${/src="\.\/(main-[A-Z0-9]+\.js)"/.exec(page)![1]}`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    for (const probe of ['/console/..%2fpackage.json', '/console/build.ts', '/console/src/app.tsx', '/console/nothing.js']) {
      expect((await raw(probe)).status, probe).toBe(404);
    }
    // `..` (also as %2e%2e) resolves to /package.json, outside the console: the gateway's business.
    expect((await raw('/console/../package.json')).status).toBe(418);
    expect((await raw('/console/%2e%2e/package.json')).status).toBe(418);
    expect((await fetch(`${base}/console/`, { method: 'POST' })).status).toBe(405);
  });

  it('leaves every other path to the gateway', async () => {
    expect((await fetch(`${base}/consoles`)).status).toBe(418);
    expect((await fetch(`${base}/admin/events`)).status).toBe(418);
  });
});
