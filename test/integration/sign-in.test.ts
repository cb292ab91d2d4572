import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addAccount } from '../../infra/local/accounts';
import { api, call, uniqueEmail } from '../support/local-stack';

/**
 * The local sign-in as the organiser console uses it: the authorization-code flow with PKCE
 * against the running stack, the form submitted as a browser without JavaScript would.
 */
const CLIENT_ID = 'local-organiser-client';
const redirectUri = () => api('/console/callback');

const newVerifier = () => randomBytes(32).toString('base64url');
const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

const unescapeHtml = (value: string) => value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** What a browser posts when the button with this value is pressed: the form's hidden fields and the button. */
function submission(page: string, buttonValue: string): { action: string; fields: URLSearchParams } {
  const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(page);
  if (!form) throw new Error(`No form on the page:\n${page}`);
  const fields = new URLSearchParams();
  for (const [, name, value] of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.append(name!, unescapeHtml(value!));
  const button = [...form[2]!.matchAll(/<button type="submit" name="([^"]+)" value="([^"]*)"/g)].find((match) => unescapeHtml(match[2]!) === buttonValue);
  if (!button) throw new Error(`No button for ${buttonValue} on the page`);
  fields.append(button[1]!, buttonValue);
  return { action: unescapeHtml(form[1]!), fields };
}

const authorizeQuery = (verifier: string, overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    state: 'console-state',
    scope: 'openid email',
    code_challenge: challengeOf(verifier),
    code_challenge_method: 'S256',
    ...overrides,
  });

/** Opens the sign-in page, presses the account's button and returns the code from the redirect. */
async function signInAs(email: string, verifier: string): Promise<string> {
  const page = await call('GET', `/oauth2/authorize?${authorizeQuery(verifier)}`, { headers: { 'accept-language': 'en' } });
  expect(page.status).toBe(200);
  const { action, fields } = submission(page.text, email);
  const chosen = await call('POST', action, { body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(chosen.status).toBe(302);
  const location = new URL(chosen.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri());
  expect(location.searchParams.get('state')).toBe('console-state');
  return location.searchParams.get('code')!;
}

const redeem = (code: string, verifier: string) =>
  call('POST', '/oauth2/token', {
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(), client_id: CLIENT_ID, code_verifier: verifier }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

const organiser = uniqueEmail('sign-in-organiser');
const door = uniqueEmail('sign-in-door');

beforeAll(async () => {
  await addAccount(inject('stateDir'), { email: organiser, organisationId: 'org-integration', role: 'organiser' });
  await addAccount(inject('stateDir'), { email: door, organisationId: 'org-integration', role: 'door' });
});

describe('signing in locally', () => {
  it('runs the authorization-code flow with PKCE to an ID token the gateway accepts on organiser routes', async () => {
    const page = await call('GET', `/oauth2/authorize?${authorizeQuery(newVerifier())}`, { headers: { 'accept-language': 'en' } });
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain(`<strong>${organiser}</strong><br>Organisation: org-integration<br>Role: organiser</button>`);

    const verifier = newVerifier();
    const tokens = await redeem(await signInAs(organiser, verifier), verifier);

    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    expect(tokens.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(decodeJwt(tokens.json.id_token)).toMatchObject({ email: organiser, 'custom:organisationId': 'org-integration', 'cognito:groups': ['organiser'] });
    const events = await call('GET', '/admin/events', { token: tokens.json.id_token });
    expect(events.status).toBe(200);
    // As in AWS: the access token passes the authorizer but names no organisation.
    const withAccessToken = await call('GET', '/admin/events', { token: tokens.json.access_token });
    expect(withAccessToken.status).toBe(401);
  });

  it('refuses a wrong code_verifier', async () => {
    const code = await signInAs(organiser, newVerifier());

    const response = await redeem(code, newVerifier());

    expect([response.status, response.json.error]).toEqual([400, 'invalid_grant']);
  });

  it('redeems a code only once', async () => {
    const verifier = newVerifier();
    const code = await signInAs(organiser, verifier);

    const first = await redeem(code, verifier);
    const second = await redeem(code, verifier);

    expect(first.status).toBe(200);
    expect([second.status, second.json.error]).toEqual([400, 'invalid_grant']);
  });

  it('refuses a foreign redirect_uri with a page and no redirect', async () => {
    const response = await call('GET', `/oauth2/authorize?${authorizeQuery(newVerifier(), { redirect_uri: 'https://evil.example/callback' })}`);

    expect([response.status, response.headers.get('location')]).toEqual([400, null]);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('gives a door account a token with the door role, which may not list events', async () => {
    const verifier = newVerifier();
    const tokens = await redeem(await signInAs(door, verifier), verifier);

    expect(decodeJwt(tokens.json.id_token)['cognito:groups']).toEqual(['door']);
    const events = await call('GET', '/admin/events', { token: tokens.json.id_token });
    expect(events.status).toBe(403);
    expect(events.headers.get('content-type')).toContain('application/problem+json');
    expect(events.json).toMatchObject({ type: 'urn:event-registration:problem:forbidden', detail: 'Only organisers may do this; door accounts may only use the door list and check people in and out.' });
  });

  it('accepts the door token from the global setup as a door account', async () => {
    const events = await call('GET', '/admin/events', { token: inject('doorToken') });

    expect([events.status, events.json.type]).toEqual([403, 'urn:event-registration:problem:forbidden']);
  });
});
