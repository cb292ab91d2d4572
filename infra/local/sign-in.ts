import { createHash, randomBytes } from 'node:crypto';
import type * as http from 'node:http';
import type { Language } from '../../shared/domain/event';
import type { Role } from '../../shared/http/claims';
import { pickLanguage } from '../../shared/i18n/format';
import { html, type SafeHtml } from '../../shared/i18n/html';
import { pageDocument } from '../../shared/pages/layout';
import { readAccounts, type OrganiserAccount } from './accounts';
import { issueAccessToken, issueOrganiserToken, LOCAL_AUDIENCE, LOCAL_ISSUER, localJwks } from './auth';
import { readBody } from './gateway';

/**
 * The local stand-in for Cognito managed login: an OAuth 2.0 authorization server with the
 * authorization-code flow and PKCE (S256), on the same paths and parameters as Cognito's
 * (`/oauth2/authorize`, `/oauth2/token`, `/logout`), so the browser code that signs in
 * against AWS signs in here unchanged. Instead of a password and MFA the page offers the local
 * accounts (`npm run organiser`).
 */

/** RFC 6749 §4.1.2 recommends at most ten minutes; Cognito's codes last five. */
const CODE_LIFETIME_MS = 5 * 60 * 1000;
/** As the stack's app client: ID and access tokens are valid for an hour. */
const TOKEN_LIFETIME_SECONDS = 3600;
const MAX_FORM_BYTES = 16 * 1024;
/** The scopes Cognito knows; another one is `invalid_scope` there too. */
const KNOWN_SCOPES = new Set(['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin']);
/** RFC 7636 §4.2: BASE64URL of a SHA-256 digest is 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const AUTHORIZE_PARAMETERS = ['response_type', 'client_id', 'redirect_uri', 'state', 'scope', 'code_challenge', 'code_challenge_method', 'nonce', 'lang'];
const TOKEN_PARAMETERS = ['grant_type', 'code', 'redirect_uri', 'client_id', 'code_verifier'];

export interface SignInOptions {
  stateDir: string;
  now?: () => number;
}

interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state?: string;
  scope?: string;
  codeChallenge: string;
  nonce?: string;
}

interface Grant extends AuthorizationRequest {
  email: string;
  expiresAt: number;
}

type Checked =
  /** Client or redirect_uri not trusted: say so on a page, never redirect (RFC 6749 §4.1.2.1). */
  | { outcome: 'refuse'; problem: 'client' | 'redirect' }
  /** Anything else wrong: tell the client at its (valid) redirect_uri. */
  | { outcome: 'redirect-error'; redirectUri: string; state?: string; error: string; description: string }
  | { outcome: 'ok'; request: AuthorizationRequest };

/**
 * Locally the only trusted return addresses are on the gateway's own origin: plain http on
 * 127.0.0.1 or localhost at the port this request came in on. Cognito likewise only returns to
 * the callback URLs registered for the app client.
 */
function isOwnOrigin(value: string | undefined, localPort: number | undefined): value is string {
  if (!value || value.includes('#') || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && Number(url.port || 80) === localPort && !url.username && !url.password
  );
}

/** RFC 6749 §3.1: a parameter sent more than once makes the request invalid. */
const repeated = (params: URLSearchParams, names: readonly string[]) => names.filter((name) => params.getAll(name).length > 1);
const optional = (params: URLSearchParams, name: string) => params.get(name) || undefined;

function checkAuthorizationRequest(params: URLSearchParams, localPort: number | undefined): Checked {
  const twice = repeated(params, AUTHORIZE_PARAMETERS);
  const clientId = params.get('client_id');
  if (clientId !== LOCAL_AUDIENCE || twice.includes('client_id')) return { outcome: 'refuse', problem: 'client' };
  const redirectUri = optional(params, 'redirect_uri');
  if (!isOwnOrigin(redirectUri, localPort) || twice.includes('redirect_uri')) return { outcome: 'refuse', problem: 'redirect' };

  const state = optional(params, 'state');
  const fail = (error: string, description: string): Checked => ({ outcome: 'redirect-error', redirectUri, ...(state ? { state } : {}), error, description });
  if (twice.length > 0) return fail('invalid_request', `Parameters sent more than once: ${twice.join(', ')}`);
  const responseType = params.get('response_type');
  if (!responseType) return fail('invalid_request', 'response_type is required');
  if (responseType !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported');
  if (params.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'PKCE is required with code_challenge_method=S256');
  const codeChallenge = params.get('code_challenge') ?? '';
  if (!S256_CHALLENGE.test(codeChallenge)) return fail('invalid_request', 'code_challenge must be the BASE64URL-encoded SHA-256 of the code_verifier');
  const scope = optional(params, 'scope');
  const unknownScopes = (scope ?? '').split(' ').filter((item) => item && !KNOWN_SCOPES.has(item));
  if (unknownScopes.length > 0) return fail('invalid_scope', `Unknown scopes: ${unknownScopes.join(', ')}`);
  const nonce = optional(params, 'nonce');
  return { outcome: 'ok', request: { clientId, redirectUri, codeChallenge, ...(state ? { state } : {}), ...(scope ? { scope } : {}), ...(nonce ? { nonce } : {}) } };
}

const TEXT = {
  nl: {
    title: 'Inloggen (lokaal)',
    heading: 'Inloggen',
    notice:
      'Dit is de lokale vervanger van de echte inlogpagina. In AWS log je in via Amazon Cognito met je e-mailadres, een wachtwoord en een code uit je authenticator-app. Hier kies je alleen een lokaal account; een wachtwoord is niet nodig.',
    returnsTo: 'Na het kiezen ga je terug naar',
    choose: 'Kies een account',
    organisation: 'Organisatie',
    role: 'Rol',
    roles: { organiser: 'organisator', door: 'deur (inchecken)' } satisfies Record<Role, string>,
    none: 'Er zijn nog geen lokale accounts. Voeg er een toe en laad deze pagina opnieuw:',
    more: 'Een account toevoegen:',
    other: { language: 'en', label: 'English' },
    refusedSignIn: 'Inloggen lukt niet',
    refusedSignOut: 'Uitloggen lukt niet',
    problems: {
      client: 'Deze aanvraag komt niet van een bekende toepassing: client_id ontbreekt of is onbekend.',
      redirect: 'Het terugkeeradres (redirect_uri) ontbreekt of ligt niet op deze lokale server. Daarom sturen we je er niet naartoe.',
      logout: 'Het terugkeeradres (logout_uri) ontbreekt of ligt niet op deze lokale server. Daarom sturen we je er niet naartoe.',
      account: 'Dit account bestaat niet (meer).',
      form: 'Het formulier kon niet worden gelezen.',
      accounts: 'De lokale accounts konden niet worden gelezen:',
    },
    again: 'Kies opnieuw een account',
  },
  en: {
    title: 'Sign in (local)',
    heading: 'Sign in',
    notice:
      'This is the local stand-in for the real sign-in page. In AWS you sign in through Amazon Cognito with your e-mail address, a password and a code from your authenticator app. Here you only choose a local account; no password is needed.',
    returnsTo: 'After choosing, you return to',
    choose: 'Choose an account',
    organisation: 'Organisation',
    role: 'Role',
    roles: { organiser: 'organiser', door: 'door (check-in)' } satisfies Record<Role, string>,
    none: 'There are no local accounts yet. Add one and reload this page:',
    more: 'To add an account:',
    other: { language: 'nl', label: 'Nederlands' },
    refusedSignIn: 'Cannot sign in',
    refusedSignOut: 'Cannot sign out',
    problems: {
      client: 'This request does not come from a known application: client_id is missing or unknown.',
      redirect: 'The return address (redirect_uri) is missing or not on this local server, so you are not sent there.',
      logout: 'The return address (logout_uri) is missing or not on this local server, so you are not sent there.',
      account: 'This account does not exist (any more).',
      form: 'The form could not be read.',
      accounts: 'The local accounts could not be read:',
    },
    again: 'Choose an account again',
  },
} as const;

type Problem = keyof (typeof TEXT)['en']['problems'];

const ADD_COMMAND = 'npm run organiser -- add --email jan@gemeente.nl --organisation demo-organisation [--role door]';

/** Only inline styles and no scripts: the page works without JavaScript and loads nothing else. */
const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function sendPage(response: http.ServerResponse, status: number, language: Language, title: string, body: SafeHtml) {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
  response.end(pageDocument(language, title, body));
}

function sendRefusal(response: http.ServerResponse, language: Language, problem: Problem, options: { signOut?: boolean; detail?: string; retry?: string; status?: number } = {}) {
  const text = TEXT[language];
  const heading = options.signOut ? text.refusedSignOut : text.refusedSignIn;
  sendPage(
    response,
    options.status ?? 400,
    language,
    heading,
    html`<h1>${heading}</h1>
<p class="summary" role="alert">${text.problems[problem]}${options.detail ? html` <code>${options.detail}</code>` : ''}</p>
${options.retry ? html`<p><a href="${options.retry}">${text.again}</a></p>` : ''}`,
  );
}

function sendRedirect(response: http.ServerResponse, target: string, params: Record<string, string | undefined>) {
  const url = new URL(target);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  response.writeHead(302, { location: url.toString(), 'cache-control': 'no-store' });
  response.end();
}

/** RFC 6749 §5.2: errors from the token endpoint are JSON with status 400. */
function sendJson(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', pragma: 'no-cache' });
  response.end(JSON.stringify(body));
}

const tokenError = (response: http.ServerResponse, error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type', description: string) =>
  sendJson(response, 400, { error, error_description: description });

async function readForm(request: http.IncomingMessage): Promise<URLSearchParams | undefined> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) return undefined;
  const body = await readBody(request, MAX_FORM_BYTES);
  return body && new URLSearchParams(body.toString('utf8'));
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

function signInPage(language: Language, params: URLSearchParams, request: AuthorizationRequest, accounts: OrganiserAccount[]): SafeHtml {
  const text = TEXT[language];
  const hidden = AUTHORIZE_PARAMETERS.filter((name) => params.has(name)).map((name) => html`<input type="hidden" name="${name}" value="${params.get(name)}">`);
  const switched = new URLSearchParams(params);
  switched.set('lang', text.other.language);
  const returnsTo = new URL(request.redirectUri);
  const choices =
    accounts.length === 0
      ? html`<p>${text.none}</p>
<p><code>${ADD_COMMAND}</code></p>`
      : html`<form method="post" action="/oauth2/authorize">
${hidden}
<fieldset>
<legend>${text.choose}</legend>
<ul style="list-style:none;margin:0;padding:0">
${accounts.map(
  (account) =>
    html`<li><button type="submit" name="account" value="${account.email}" style="width:100%;text-align:left"><strong>${account.email}</strong><br>${text.organisation}: ${account.organisationId}<br>${text.role}: ${text.roles[account.role]}</button></li>
`,
)}</ul>
</fieldset>
</form>
<p class="hint">${text.more} <code>${ADD_COMMAND}</code></p>`;
  return html`<h1>${text.heading}</h1>
<p class="notice">${text.notice}</p>
<p>${text.returnsTo} <code>${returnsTo.origin}${returnsTo.pathname}</code>.</p>
${choices}
<p><a href="/oauth2/authorize?${switched.toString()}" lang="${text.other.language}" hreflang="${text.other.language}">${text.other.label}</a></p>`;
}

/**
 * The sign-in routes for the local gateway's `extraRoutes`. Codes live in memory: a restart
 * forgets them, as a code only lives five minutes anyway.
 */
export function signInRoutes(options: SignInOptions): (request: http.IncomingMessage, response: http.ServerResponse) => Promise<boolean> {
  const now = options.now ?? Date.now;
  const grants = new Map<string, Grant>();

  const issueCode = (request: AuthorizationRequest, email: string) => {
    for (const [code, grant] of grants) if (grant.expiresAt <= now()) grants.delete(code);
    const code = randomBytes(32).toString('base64url');
    grants.set(code, { ...request, email, expiresAt: now() + CODE_LIFETIME_MS });
    return code;
  };

  async function authorize(request: http.IncomingMessage, response: http.ServerResponse, url: URL) {
    const form = request.method === 'POST' ? await readForm(request) : undefined;
    const params = request.method === 'POST' ? form : url.searchParams;
    const language = pickLanguage(params?.get('lang') ?? undefined, request.headers['accept-language'], 'nl');
    if (!params) return sendRefusal(response, language, 'form');

    const checked = checkAuthorizationRequest(params, request.socket.localPort);
    if (checked.outcome === 'refuse') return sendRefusal(response, language, checked.problem);
    if (checked.outcome === 'redirect-error') {
      return sendRedirect(response, checked.redirectUri, { error: checked.error, error_description: checked.description, state: checked.state });
    }

    let accounts: OrganiserAccount[];
    try {
      accounts = await readAccounts(options.stateDir);
    } catch (error) {
      return sendRefusal(response, language, 'accounts', { detail: (error as Error).message, status: 500 });
    }
    if (request.method === 'GET') return sendPage(response, 200, language, TEXT[language].title, signInPage(language, params, checked.request, accounts));

    const account = accounts.find((candidate) => candidate.email === params.get('account'));
    if (!account) {
      const retry = new URLSearchParams(params);
      retry.delete('account');
      return sendRefusal(response, language, 'account', { retry: `/oauth2/authorize?${retry.toString()}` });
    }
    sendRedirect(response, checked.request.redirectUri, { code: issueCode(checked.request, account.email), state: checked.request.state });
  }

  async function token(request: http.IncomingMessage, response: http.ServerResponse) {
    const params = await readForm(request);
    if (!params) return tokenError(response, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded (at most 16 KiB)');
    const twice = repeated(params, TOKEN_PARAMETERS);
    if (twice.length > 0) return tokenError(response, 'invalid_request', `Parameters sent more than once: ${twice.join(', ')}`);
    const grantType = params.get('grant_type');
    if (!grantType) return tokenError(response, 'invalid_request', 'grant_type is required');
    if (grantType !== 'authorization_code') return tokenError(response, 'unsupported_grant_type', 'Only grant_type=authorization_code is supported');
    const clientId = params.get('client_id');
    if (!clientId) return tokenError(response, 'invalid_request', 'client_id is required');
    if (clientId !== LOCAL_AUDIENCE) return tokenError(response, 'invalid_client', 'Unknown client_id');
    const [code, redirectUri, verifier] = [params.get('code'), params.get('redirect_uri'), params.get('code_verifier')];
    if (!code || !redirectUri || !verifier) return tokenError(response, 'invalid_request', 'code, redirect_uri and code_verifier are required');
    if (!CODE_VERIFIER.test(verifier)) return tokenError(response, 'invalid_request', 'code_verifier must be 43 to 128 unreserved characters (RFC 7636)');

    // A code is spent by any attempt to redeem it, so a wrong verifier cannot be retried.
    // (RFC 6749 §4.1.2 also asks to revoke tokens issued for a reused code; a local JWT cannot be revoked.)
    const grant = grants.get(code);
    grants.delete(code);
    if (!grant || grant.expiresAt <= now()) return tokenError(response, 'invalid_grant', 'The code is unknown, expired or already used');
    if (grant.clientId !== clientId || grant.redirectUri !== redirectUri) return tokenError(response, 'invalid_grant', 'client_id or redirect_uri differs from the authorization request');
    if (s256(verifier) !== grant.codeChallenge) return tokenError(response, 'invalid_grant', 'code_verifier does not match the code_challenge');
    const account = (await readAccounts(options.stateDir)).find((candidate) => candidate.email === grant.email);
    if (!account) return tokenError(response, 'invalid_grant', 'The account was removed');

    const expiresIn = `${TOKEN_LIFETIME_SECONDS}s`;
    // As Cognito: an ID token only for the openid scope (or when no scope was asked for).
    const wantsIdToken = !grant.scope || grant.scope.split(' ').includes('openid');
    const [idToken, accessToken] = await Promise.all([
      wantsIdToken ? issueOrganiserToken(options.stateDir, account.organisationId, { email: account.email, role: account.role, expiresIn, nonce: grant.nonce }) : undefined,
      issueAccessToken(options.stateDir, account, { scope: grant.scope ?? [...KNOWN_SCOPES].join(' '), expiresIn }),
    ]);
    sendJson(response, 200, { ...(idToken ? { id_token: idToken } : {}), access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS });
  }

  function logout(request: http.IncomingMessage, response: http.ServerResponse, url: URL) {
    const language = pickLanguage(url.searchParams.get('lang') ?? undefined, request.headers['accept-language'], 'nl');
    if (url.searchParams.get('client_id') !== LOCAL_AUDIENCE) return sendRefusal(response, language, 'client', { signOut: true });
    const logoutUri = url.searchParams.get('logout_uri') ?? undefined;
    if (!isOwnOrigin(logoutUri, request.socket.localPort)) return sendRefusal(response, language, 'logout', { signOut: true });
    // Local sign-in keeps no session, so there is nothing to end: the next sign-in asks again.
    sendRedirect(response, logoutUri, {});
  }

  function discovery(request: http.IncomingMessage, response: http.ServerResponse) {
    const host = request.headers.host;
    const origin = host && isOwnOrigin(`http://${host}/`, request.socket.localPort) ? `http://${host}` : `http://127.0.0.1:${request.socket.localPort}`;
    sendJson(response, 200, {
      issuer: LOCAL_ISSUER,
      authorization_endpoint: `${origin}/oauth2/authorize`,
      token_endpoint: `${origin}/oauth2/token`,
      end_session_endpoint: `${origin}/logout`,
      jwks_uri: `${origin}/.well-known/jwks.json`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: [...KNOWN_SCOPES],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['none'],
    });
  }

  const routes: Record<string, Partial<Record<string, (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => unknown>>> = {
    '/oauth2/authorize': { GET: authorize, POST: authorize },
    '/oauth2/token': { POST: token },
    '/logout': { GET: logout },
    '/.well-known/openid-configuration': { GET: discovery },
    '/.well-known/jwks.json': { GET: async (_request, response) => sendJson(response, 200, await localJwks(options.stateDir)) },
  };

  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const methods = routes[url.pathname];
    if (!methods) return false;
    const handle = methods[request.method ?? 'GET'];
    if (!handle) {
      response.writeHead(405, { allow: Object.keys(methods).join(', ') }).end();
      return true;
    }
    await handle(request, response, url);
    return true;
  };
}
