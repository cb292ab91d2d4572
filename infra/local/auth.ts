import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JSONWebKeySet, type JWK, type JWTPayload } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { GROUPS_CLAIM, ORGANISATION_CLAIM, type Role } from '../../shared/http/claims';

/**
 * The local stand-in for Cognito and API Gateway's JWT authorizer. Tokens are RS256 tokens
 * with the claims Cognito issues; the gateway verifies them as the authorizer does (see
 * createTokenVerifier).
 */
export const LOCAL_ISSUER = 'https://cognito-idp.local/event-registration';
export const LOCAL_AUDIENCE = 'local-organiser-client';
const ALGORITHM = 'RS256';
/** The authorizer picks the key by the token's `kid` from the issuer's key set; ours holds one. */
const KEY_ID = 'local';

interface StoredKeys {
  privateJwk: JWK;
  publicJwk: JWK;
}

const keysByFile = new Map<string, Promise<StoredKeys>>();

/**
 * One key pair per state dir, shared by every caller in this process: two tokens issued at once
 * for a new state dir must not each create (and write) a key pair of their own.
 */
function loadOrCreateKeys(stateDir: string): Promise<StoredKeys> {
  const file = path.resolve(stateDir, 'jwt-keys.json');
  let keys = keysByFile.get(file);
  if (!keys) {
    keys = readOrCreateKeys(file);
    keysByFile.set(file, keys);
    keys.catch(() => keysByFile.delete(file));
  }
  return keys;
}

async function readKeys(file: string): Promise<StoredKeys> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as StoredKeys;
  } catch {
    throw new Error(`${file} is damaged: delete it and restart, so a new key pair is made (tokens issued before stop working).`);
  }
}

async function readOrCreateKeys(file: string): Promise<StoredKeys> {
  try {
    return await readKeys(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const keys = { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // `wx`: another process (npm run token beside npm start) may have just written its pair; keep that one.
    await writeFile(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' });
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeys(file);
    throw error;
  }
}

export const defaultStateDir = (projectRoot: string) => path.join(projectRoot, '.local');

/** The public half as a JWKS document, what Cognito serves at `/.well-known/jwks.json`. */
export async function localJwks(stateDir: string): Promise<JSONWebKeySet> {
  const { publicJwk } = await loadOrCreateKeys(stateDir);
  return { keys: [{ ...publicJwk, kid: KEY_ID, alg: ALGORITHM, use: 'sig' }] };
}

/**
 * Cognito's `sub` is a stable id per account; locally the account is its e-mail address, so
 * the id is derived from it and stays the same across restarts.
 */
const subjectFor = (email: string) => {
  const hex = createHash('sha256').update(email).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

async function sign(stateDir: string, claims: JWTPayload, expiresIn: string, audience?: string): Promise<string> {
  const { privateJwk } = await loadOrCreateKeys(stateDir);
  const jwt = new SignJWT({ ...claims, jti: randomUUID() })
    .setProtectedHeader({ alg: ALGORITHM, kid: KEY_ID })
    .setIssuer(LOCAL_ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (audience) jwt.setAudience(audience);
  return jwt.sign(await importJWK(privateJwk, ALGORITHM));
}

export interface TokenOptions {
  email?: string;
  /** A jose time span: `12h`, `3600s`. */
  expiresIn?: string;
  role?: Role;
  /** Echoed from the authorization request, as OpenID Connect asks of an ID token. */
  nonce?: string;
}

/** An ID token as Cognito issues it to an organiser: their organisation, their role as a group, their e-mail. */
export async function issueOrganiserToken(stateDir: string, organisationId: string, options: TokenOptions = {}): Promise<string> {
  const role = options.role ?? 'organiser';
  const email = options.email ?? `${role}@${organisationId}.example`.toLowerCase();
  const sub = subjectFor(email);
  const claims: JWTPayload = {
    sub,
    [ORGANISATION_CLAIM]: organisationId,
    [GROUPS_CLAIM]: [role],
    token_use: 'id',
    email,
    email_verified: true,
    'cognito:username': sub,
    auth_time: Math.floor(Date.now() / 1000),
    ...(options.nonce ? { nonce: options.nonce } : {}),
  };
  return sign(stateDir, claims, options.expiresIn ?? '12h', LOCAL_AUDIENCE);
}

/**
 * An access token as Cognito issues it: `client_id` instead of `aud`, the groups and scopes,
 * and no custom attributes. So, as in AWS, it passes the authorizer but carries no
 * organisation: a browser app that sends it instead of the ID token fails here as it would there.
 */
export async function issueAccessToken(stateDir: string, account: { email: string; role: Role }, options: { scope?: string; expiresIn?: string } = {}): Promise<string> {
  const sub = subjectFor(account.email);
  const claims: JWTPayload = {
    sub,
    [GROUPS_CLAIM]: [account.role],
    token_use: 'access',
    client_id: LOCAL_AUDIENCE,
    scope: options.scope ?? 'openid email',
    username: sub,
    auth_time: Math.floor(Date.now() / 1000),
  };
  return sign(stateDir, claims, options.expiresIn ?? '1h');
}

/**
 * Verifies a bearer token as API Gateway's JWT authorizer does: RS256 with the issuer's key
 * (by `kid`), the issuer, an `exp` that must be present and in the future, `nbf` when present,
 * and the audience from `aud`, or from `client_id` when there is no `aud` (Cognito's access
 * tokens carry only `client_id`).
 */
export async function createTokenVerifier(stateDir: string): Promise<(token: string) => Promise<JWTPayload>> {
  const keys = createLocalJWKSet(await localJwks(stateDir));
  return async (token) => {
    const { payload } = await jwtVerify(token, keys, { issuer: LOCAL_ISSUER, algorithms: [ALGORITHM], requiredClaims: ['exp'] });
    const audience = payload.aud !== undefined ? [payload.aud].flat() : [payload.client_id];
    if (!audience.includes(LOCAL_AUDIENCE)) throw new Error(`Token audience ${JSON.stringify(payload.aud ?? payload.client_id)} is not ${LOCAL_AUDIENCE}`);
    return payload;
  };
}
