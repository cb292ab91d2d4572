import type { ConsoleConfig, IdTokenClaims, TokenResponse } from './api-types';

/**
 * Sign-in with OAuth 2.0 authorization code + PKCE (S256) against Cognito managed login, or
 * locally against its stand-in: same endpoints, same parameters. Tokens never enter a URL or
 * localStorage: the ID token (the API's bearer token) and the verifier of a sign-in in progress
 * live in sessionStorage, which this tab alone can read and which ends with it.
 */

export type Role = 'organiser' | 'door';

export interface Session {
  idToken: string;
  /** Milliseconds since the epoch, from the token's `exp`. */
  expiresAt: number;
  email?: string;
  /** The strongest of the account's groups the console knows; none means no access. */
  role?: Role;
  organisationId?: string;
}

/** What a sign-in in progress keeps until the authorization server sends the browser back. */
interface PendingSignIn {
  state: string;
  verifier: string;
  nonce: string;
  returnHash: string;
}

const SESSION_KEY = 'console.session';
const PENDING_KEY = 'console.sign-in';
/** Renew a little before the token runs out, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 30_000;
const SCOPES = 'openid email';

export class SignInError extends Error {
  override name = 'SignInError';
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as 43 URL-safe characters: a PKCE verifier (RFC 7636 §4.1), a state or a nonce. */
export const randomToken = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The payload of a JWT, unverified: the API verifies the signature; the console only reads its own claims. */
export function decodeJwt(token: string): IdTokenClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new SignInError('The ID token is not a JWT');
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as IdTokenClaims;
}

/** `cognito:groups` as a JSON array in the token (API Gateway would hand it on as `[a b]`). */
export function roleOf(claims: IdTokenClaims): Role | undefined {
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
  if (groups.includes('organiser')) return 'organiser';
  if (groups.includes('door')) return 'door';
  return undefined;
}

export function sessionFromIdToken(idToken: string): Session {
  const claims = decodeJwt(idToken);
  if (typeof claims.exp !== 'number') throw new SignInError('The ID token has no expiry');
  return { idToken, expiresAt: claims.exp * 1000, email: claims.email, role: roleOf(claims), organisationId: claims['custom:organisationId'] };
}

export function currentSession(storage: Storage = sessionStorage): Session | undefined {
  const idToken = storage.getItem(SESSION_KEY);
  if (!idToken) return undefined;
  try {
    return sessionFromIdToken(idToken);
  } catch {
    storage.removeItem(SESSION_KEY);
    return undefined;
  }
}

export const isExpired = (session: Session, now = Date.now()): boolean => now >= session.expiresAt - EXPIRY_MARGIN_MS;

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('./config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config = (await response.json()) as Partial<ConsoleConfig>;
  if (!config.authority || !config.clientId || !config.redirectUri) throw new Error('config.json needs authority, clientId and redirectUri');
  return { authority: config.authority.replace(/\/+$/, ''), clientId: config.clientId, redirectUri: config.redirectUri };
}

/**
 * Sends the browser to the authorization server. The screen to return to travels in `state`
 * (and is checked against the copy kept here), so a sign-in in the middle of work lands where
 * it started.
 */
export async function startSignIn(config: ConsoleConfig, returnHash: string, language: string): Promise<void> {
  const verifier = randomToken();
  const nonce = randomToken();
  const state = `${randomToken()}.${base64url(new TextEncoder().encode(returnHash))}`;
  const pending: PendingSignIn = { state, verifier, nonce, returnHash };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(`${config.authority}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: SCOPES,
    state,
    nonce,
    code_challenge: await s256Challenge(verifier),
    code_challenge_method: 'S256',
    lang: language,
  }).toString();
  location.assign(url.toString());
}

/** True when the address is the authorization server's answer (`?code=&state=` or `?error=`). */
export const isSignInCallback = (url: URL): boolean => url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'));

/**
 * Finishes a sign-in: checks the state, redeems the code with the verifier, keeps the ID token
 * in sessionStorage and takes `?code=&state=` out of the address bar. Returns the screen to go to.
 */
export async function completeSignIn(config: ConsoleConfig, url: URL): Promise<string> {
  const pendingText = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  // Whatever happens next, the code and state leave the address bar (and the history).
  history.replaceState(null, '', `${url.pathname}${url.hash}`);
  const pending = pendingText ? (JSON.parse(pendingText) as PendingSignIn) : undefined;
  if (!pending || pending.state !== url.searchParams.get('state')) throw new SignInError('state');
  const error = url.searchParams.get('error');
  if (error) throw new SignInError(`${error}: ${url.searchParams.get('error_description') ?? ''}`.trim());

  const response = await fetch(`${config.authority}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: url.searchParams.get('code') ?? '',
      redirect_uri: config.redirectUri,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as Partial<TokenResponse> & { error?: string; error_description?: string };
  if (!response.ok || !body.id_token) throw new SignInError(body.error ? `${body.error}: ${body.error_description ?? ''}` : `token endpoint: HTTP ${response.status}`);
  const claims = decodeJwt(body.id_token);
  if (claims.nonce !== pending.nonce) throw new SignInError('nonce');
  sessionStorage.setItem(SESSION_KEY, body.id_token);
  history.replaceState(null, '', `${url.pathname}${pending.returnHash}`);
  return pending.returnHash;
}

/** Forgets the session here and ends it at the authorization server, which sends the browser back. */
export function signOut(config: ConsoleConfig): void {
  sessionStorage.removeItem(SESSION_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const url = new URL(`${config.authority}/logout`);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri }).toString();
  location.assign(url.toString());
}
