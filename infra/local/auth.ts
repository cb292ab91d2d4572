import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { GROUPS_CLAIM, ORGANISATION_CLAIM, type Role } from '../../shared/http/claims';

/**
 * The local stand-in for Cognito and API Gateway's JWT authorizer. Tokens are RS256 ID tokens
 * with the same claims Cognito issues; the gateway verifies them as the authorizer does:
 * signature, issuer, audience (client id), expiry.
 */
export const LOCAL_ISSUER = 'https://cognito-idp.local/event-registration';
export const LOCAL_AUDIENCE = 'local-organiser-client';
const ALGORITHM = 'RS256';

interface StoredKeys {
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreateKeys(stateDir: string): Promise<StoredKeys> {
  const file = path.join(stateDir, 'jwt-keys.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredKeys;
  } catch {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const keys = { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
    await mkdir(stateDir, { recursive: true });
    await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
    return keys;
  }
}

export const defaultStateDir = (projectRoot: string) => path.join(projectRoot, '.local');

export async function issueOrganiserToken(stateDir: string, organisationId: string, options: { email?: string; expiresIn?: string; role?: Role } = {}): Promise<string> {
  const { privateJwk } = await loadOrCreateKeys(stateDir);
  const key = await importJWK(privateJwk, ALGORITHM);
  return new SignJWT({ [ORGANISATION_CLAIM]: organisationId, [GROUPS_CLAIM]: [options.role ?? 'organiser'], token_use: 'id', email: options.email ?? `organiser@${organisationId}.example` })
    .setProtectedHeader({ alg: ALGORITHM, kid: 'local' })
    .setSubject(`organiser-${organisationId}`)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(key);
}

export async function createTokenVerifier(stateDir: string): Promise<(token: string) => Promise<JWTPayload>> {
  const { publicJwk } = await loadOrCreateKeys(stateDir);
  const key = await importJWK(publicJwk, ALGORITHM);
  return async (token) => (await jwtVerify(token, key, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: [ALGORITHM] })).payload;
}
