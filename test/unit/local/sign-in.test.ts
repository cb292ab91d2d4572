import * as http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, removeAccount } from '../../../infra/local/accounts';
import { createTokenVerifier } from '../../../infra/local/auth';
import { signInRoutes } from '../../../infra/local/sign-in';

/** The example of RFC 7636, Appendix B. */
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

let stateDir: string;
let server: http.Server;
let base: string;
let now = Date.parse('2026-12-01T10:00:00Z');

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'sign-in-test-'));
  const routes = signInRoutes({ stateDir, now: () => now });
  server = http.createServer(async (request, response) => {
    if (!(await routes(request, response))) response.writeHead(404).end('not mine');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await addAccount(stateDir, { email: 'ada@gemeente.nl', organisationId: 'publiek-denken', role: 'organiser' });
  await addAccount(stateDir, { email: 'bea@gemeente.nl', organisationId: 'publiek-denken', role: 'door' });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(stateDir, { recursive: true, force: true });
});
beforeEach(() => {
  now = Date.parse('2026-12-01T10:00:00Z');
});

const json = (response: Response): Promise<any> => response.json();

const callback = () => `${base}/console/callback`;

function authorizeParams(overrides: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams();
  const values = {
    response_type: 'code',
    client_id: 'local-organiser-client',
    redirect_uri: callback(),
    state: 'state-1',
    scope: 'openid email',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) if (value !== undefined) params.set(name, value);
  return params;
}

const getAuthorize = (params: URLSearchParams, headers: Record<string, string> = {}) => fetch(`${base}/oauth2/authorize?${params}`, { headers, redirect: 'manual' });
const postForm = (pathname: string, params: URLSearchParams | Record<string, string>, contentType = 'application/x-www-form-urlencoded') =>
  fetch(`${base}${pathname}`, { method: 'POST', headers: { 'content-type': contentType }, body: new URLSearchParams(params).toString(), redirect: 'manual' });

async function codeFor(email: string, overrides: Record<string, string | undefined> = {}) {
  const response = await postForm('/oauth2/authorize', new URLSearchParams([...authorizeParams(overrides), ['account', email]]));
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!).searchParams.get('code')!;
}

const redeem = (code: string, overrides: Record<string, string> = {}) =>
  postForm('/oauth2/token', { grant_type: 'authorization_code', code, redirect_uri: callback(), client_id: 'local-organiser-client', code_verifier: VERIFIER, ...overrides });

describe('the local sign-in page', () => {
  it('offers every local account as a button of a plain form, in Dutch by default', async () => {
    const response = await getAuthorize(authorizeParams());
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('<h1>Inloggen</h1>');
    expect(page).toContain('lokale vervanger van de echte inlogpagina');
    expect(page).toContain('<form method="post" action="/oauth2/authorize">');
    expect(page).toContain('<input type="hidden" name="code_challenge" value="E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM">');
    expect(page).toContain('<input type="hidden" name="state" value="state-1">');
    expect(page).toContain('<legend>Kies een account</legend>');
    expect(page).toContain('<strong>ada@gemeente.nl</strong><br>Organisatie: publiek-denken<br>Rol: organisator</button>');
    expect(page).toContain('<strong>bea@gemeente.nl</strong><br>Organisatie: publiek-denken<br>Rol: deur (inchecken)</button>');
  });

  it('speaks English when the browser prefers it, and links to the other language', async () => {
    const page = await (await getAuthorize(authorizeParams(), { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' })).text();

    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>Sign in</h1>');
    expect(page).toContain('local stand-in for the real sign-in page');
    expect(page).toContain('Organisation: publiek-denken<br>Role: door (check-in)');
    expect(page).toMatch(/<a href="\/oauth2\/authorize\?[^"]*lang=nl" lang="nl" hreflang="nl">Nederlands<\/a>/);
  });

  it('loads nothing from elsewhere and runs no script', async () => {
    const response = await getAuthorize(authorizeParams());
    const page = await response.text();

    expect(page).not.toMatch(/<script|<link|\ssrc=|href="https?:/i);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['another host', () => 'https://evil.example/callback'],
    ['another port', () => 'http://127.0.0.1:1/callback'],
    ['https on this port', () => callback().replace('http:', 'https:')],
    ['a fragment', () => `${callback()}#x`],
    ['no address at all', () => undefined],
  ])('refuses a redirect_uri on %s with a page, never a redirect', async (_, redirectUri) => {
    const response = await getAuthorize(authorizeParams({ redirect_uri: redirectUri(), code_challenge: undefined }));

    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('Het terugkeeradres (redirect_uri) ontbreekt of ligt niet op deze lokale server');
  });

  it('accepts a redirect_uri on localhost at the same port', async () => {
    const response = await getAuthorize(authorizeParams({ redirect_uri: callback().replace('127.0.0.1', 'localhost') }));

    expect(response.status).toBe(200);
  });

  it('refuses an unknown client with a page', async () => {
    const response = await getAuthorize(authorizeParams({ client_id: 'someone-else' }), { 'accept-language': 'en' });

    expect([response.status, response.headers.get('location')]).toEqual([400, null]);
    expect(await response.text()).toContain('client_id is missing or unknown');
  });

  it.each([
    ['no code_challenge', { code_challenge: undefined }, 'invalid_request'],
    ['the plain method', { code_challenge_method: 'plain', code_challenge: VERIFIER }, 'invalid_request'],
    ['no code_challenge_method', { code_challenge_method: undefined }, 'invalid_request'],
    ['a challenge that is no SHA-256', { code_challenge: 'short' }, 'invalid_request'],
    ['the implicit flow', { response_type: 'token' }, 'unsupported_response_type'],
    ['an unknown scope', { scope: 'openid admin' }, 'invalid_scope'],
  ])('sends %s back to the redirect_uri as %s', async (_, overrides, error) => {
    const response = await getAuthorize(authorizeParams(overrides));

    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(callback());
    expect([location.searchParams.get('error'), location.searchParams.get('state')]).toEqual([error, 'state-1']);
  });

  it('tells how to add an account when there are none', async () => {
    const emptyDir = await mkdtemp(path.join(tmpdir(), 'sign-in-empty-'));
    const routes = signInRoutes({ stateDir: emptyDir });
    const empty = http.createServer((request, response) => void routes(request, response));
    await new Promise<void>((resolve) => empty.listen(0, '127.0.0.1', resolve));
    const emptyBase = `http://127.0.0.1:${(empty.address() as AddressInfo).port}`;

    const page = await (await fetch(`${emptyBase}/oauth2/authorize?${authorizeParams({ redirect_uri: `${emptyBase}/cb` })}`)).text();
    empty.closeAllConnections();
    empty.close();
    await rm(emptyDir, { recursive: true, force: true });

    expect(page).toContain('Er zijn nog geen lokale accounts.');
    expect(page).toContain('npm run organiser -- add --email');
    expect(page).not.toContain('<form');
  });
});

describe('choosing an account', () => {
  it('redirects to the redirect_uri with a code and the state', async () => {
    const response = await postForm('/oauth2/authorize', new URLSearchParams([...authorizeParams(), ['account', 'ada@gemeente.nl']]));

    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(callback());
    expect(location.searchParams.get('state')).toBe('state-1');
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('checks the posted request again: a foreign redirect_uri is refused there too', async () => {
    const response = await postForm('/oauth2/authorize', new URLSearchParams([...authorizeParams({ redirect_uri: 'https://evil.example/cb' }), ['account', 'ada@gemeente.nl']]));

    expect([response.status, response.headers.get('location')]).toEqual([400, null]);
  });

  it('refuses an account that does not exist, with a way back to the choice', async () => {
    const response = await postForm('/oauth2/authorize', new URLSearchParams([...authorizeParams({ lang: 'en' }), ['account', 'nobody@gemeente.nl']]));
    const page = await response.text();

    expect([response.status, response.headers.get('location')]).toEqual([400, null]);
    expect(page).toContain('This account does not exist (any more).');
    expect(page).toContain('Choose an account again</a>');
  });
});

describe('the token endpoint', () => {
  it('exchanges a code and its verifier for an ID token of the chosen account and an access token', async () => {
    const code = await codeFor('bea@gemeente.nl', { nonce: 'n-0S6_WzA2Mj' });

    const response = await redeem(code);
    const body = await json(response);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body).toEqual({ id_token: expect.any(String), access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
    const verify = await createTokenVerifier(stateDir);
    const idToken = await verify(body.id_token);
    expect(idToken).toMatchObject({
      aud: 'local-organiser-client',
      token_use: 'id',
      email: 'bea@gemeente.nl',
      'custom:organisationId': 'publiek-denken',
      'cognito:groups': ['door'],
      nonce: 'n-0S6_WzA2Mj',
    });
    expect(idToken.exp! - idToken.iat!).toBe(3600);
    expect(await verify(body.access_token)).toMatchObject({ client_id: 'local-organiser-client', token_use: 'access', scope: 'openid email', 'cognito:groups': ['door'] });
  });

  it('gives no ID token without the openid scope, as Cognito', async () => {
    const body = await json(await redeem(await codeFor('ada@gemeente.nl', { scope: 'email' })));

    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
  });

  it('refuses a wrong verifier, and the code is spent by that attempt', async () => {
    const code = await codeFor('ada@gemeente.nl');

    const wrong = await redeem(code, { code_verifier: 'x'.repeat(43) });
    const retried = await redeem(code);

    expect([wrong.status, (await json(wrong)).error]).toEqual([400, 'invalid_grant']);
    expect([retried.status, (await json(retried)).error]).toEqual([400, 'invalid_grant']);
  });

  it('redeems a code once', async () => {
    const code = await codeFor('ada@gemeente.nl');

    const first = await redeem(code);
    const second = await redeem(code);

    expect(first.status).toBe(200);
    expect([second.status, await json(second)]).toEqual([400, { error: 'invalid_grant', error_description: 'The code is unknown, expired or already used' }]);
  });

  it('refuses a code after five minutes', async () => {
    const fresh = await codeFor('ada@gemeente.nl');
    const stale = await codeFor('ada@gemeente.nl');
    now += 5 * 60 * 1000 - 1;
    const justInTime = await redeem(fresh);
    now += 1;
    const tooLate = await redeem(stale);

    expect(justInTime.status).toBe(200);
    expect([tooLate.status, (await json(tooLate)).error]).toEqual([400, 'invalid_grant']);
  });

  it('refuses a code for another redirect_uri', async () => {
    const code = await codeFor('ada@gemeente.nl');

    const response = await redeem(code, { redirect_uri: `${base}/elsewhere` });

    expect([response.status, (await json(response)).error]).toEqual([400, 'invalid_grant']);
  });

  it('refuses a code of an account removed meanwhile', async () => {
    await addAccount(stateDir, { email: 'gone@gemeente.nl', organisationId: 'publiek-denken', role: 'organiser' });
    const code = await codeFor('gone@gemeente.nl');
    await removeAccount(stateDir, 'gone@gemeente.nl');

    const response = await redeem(code);

    expect([response.status, (await json(response)).error]).toEqual([400, 'invalid_grant']);
  });

  it.each([
    ['another grant type', { grant_type: 'refresh_token' }, 'unsupported_grant_type'],
    ['another client', { client_id: 'someone-else' }, 'invalid_client'],
    ['no verifier', { code_verifier: '' }, 'invalid_request'],
    ['no code', { code: '' }, 'invalid_request'],
    ['no grant type', { grant_type: '' }, 'invalid_request'],
  ])('answers %s with %s', async (_, overrides, error) => {
    const response = await redeem('some-code', overrides);

    expect([response.status, response.headers.get('content-type'), (await json(response)).error]).toEqual([400, 'application/json; charset=utf-8', error]);
  });

  it('reads only form posts', async () => {
    const response = await postForm('/oauth2/token', { grant_type: 'authorization_code' }, 'application/json');

    expect([response.status, (await json(response)).error]).toEqual([400, 'invalid_request']);
  });
});

describe('signing out and discovery', () => {
  it('returns to a logout_uri on this origin', async () => {
    const response = await fetch(`${base}/logout?client_id=local-organiser-client&logout_uri=${encodeURIComponent(`${base}/console/`)}`, { redirect: 'manual' });

    expect([response.status, response.headers.get('location')]).toEqual([302, `${base}/console/`]);
  });

  it('refuses a foreign logout_uri with a page', async () => {
    const response = await fetch(`${base}/logout?client_id=local-organiser-client&logout_uri=https%3A%2F%2Fevil.example%2F`, { redirect: 'manual', headers: { 'accept-language': 'en' } });

    expect([response.status, response.headers.get('location')]).toEqual([400, null]);
    expect(await response.text()).toContain('<h1>Cannot sign out</h1>');
  });

  it('publishes its endpoints and its public key', async () => {
    const configuration = await json(await fetch(`${base}/.well-known/openid-configuration`));
    const jwks = await json(await fetch(`${base}/.well-known/jwks.json`));

    expect(configuration).toMatchObject({
      issuer: 'https://cognito-idp.local/event-registration',
      authorization_endpoint: `${base}/oauth2/authorize`,
      token_endpoint: `${base}/oauth2/token`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(jwks.keys).toEqual([expect.objectContaining({ kid: 'local', alg: 'RS256', use: 'sig', kty: 'RSA' })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('leaves every other path to the gateway', async () => {
    const response = await fetch(`${base}/admin/events`);

    expect([response.status, await response.text()]).toEqual([404, 'not mine']);
  });

  it('answers another method on its paths with 405', async () => {
    const response = await fetch(`${base}/oauth2/token`);

    expect([response.status, response.headers.get('allow')]).toEqual([405, 'POST']);
  });
});
