import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, issueAccessToken, issueOrganiserToken } from '../../../infra/local/auth';

let stateDir: string;
let verify: (token: string) => Promise<JWTPayload>;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'auth-test-'));
  verify = await createTokenVerifier(stateDir);
});
afterAll(() => rm(stateDir, { recursive: true, force: true }));

/** A token signed with the state dir's own private key, so only the claims decide whether it passes. */
async function forge(claims: JWTPayload, header: { kid?: string } = { kid: 'local' }): Promise<string> {
  const { privateJwk } = JSON.parse(await readFile(path.join(stateDir, 'jwt-keys.json'), 'utf8'));
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', ...header }).sign(await importJWK(privateJwk, 'RS256'));
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const issuer = 'https://cognito-idp.local/event-registration';

describe('the local JWT authorizer', () => {
  it('accepts an ID token with the organisation, the role as a group and the client as audience', async () => {
    const token = await issueOrganiserToken(stateDir, 'publiek-denken', { email: 'ada@gemeente.nl' });

    const claims = await verify(token);

    expect(claims).toMatchObject({
      iss: issuer,
      aud: 'local-organiser-client',
      token_use: 'id',
      email: 'ada@gemeente.nl',
      'custom:organisationId': 'publiek-denken',
      'cognito:groups': ['organiser'],
    });
    expect(claims.exp! - claims.iat!).toBe(12 * 3600);
  });

  it('gives a door account the door group', async () => {
    const claims = await verify(await issueOrganiserToken(stateDir, 'publiek-denken', { role: 'door' }));

    expect([claims['cognito:groups'], claims.email]).toEqual([['door'], 'door@publiek-denken.example']);
  });

  it('accepts an access token, which names the client in client_id instead of aud', async () => {
    const token = await issueAccessToken(stateDir, { email: 'ada@gemeente.nl', role: 'organiser' });

    const claims = await verify(token);

    expect(claims).toMatchObject({ client_id: 'local-organiser-client', token_use: 'access', 'cognito:groups': ['organiser'] });
    expect(claims.aud).toBeUndefined();
    expect(claims['custom:organisationId']).toBeUndefined();
  });

  it('refuses a token without exp', async () => {
    const token = await forge({ iss: issuer, aud: 'local-organiser-client', 'custom:organisationId': 'publiek-denken' });

    await expect(verify(token)).rejects.toThrow(/exp/);
  });

  it('refuses another audience in aud, and in client_id when there is no aud', async () => {
    const otherAud = await forge({ iss: issuer, aud: 'another-client', client_id: 'local-organiser-client', exp: inAnHour() });
    const otherClient = await forge({ iss: issuer, client_id: 'another-client', exp: inAnHour() });
    const neither = await forge({ iss: issuer, exp: inAnHour() });

    await expect(verify(otherAud)).rejects.toThrow(/audience/);
    await expect(verify(otherClient)).rejects.toThrow(/audience/);
    await expect(verify(neither)).rejects.toThrow(/audience/);
  });

  it('refuses an expired token', async () => {
    const token = await forge({ iss: issuer, aud: 'local-organiser-client', exp: Math.floor(Date.now() / 1000) - 60 });

    await expect(verify(token)).rejects.toThrow(/exp/);
  });

  it('refuses another issuer, a token not yet valid, and a key it does not know', async () => {
    const otherIssuer = await forge({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other', aud: 'local-organiser-client', exp: inAnHour() });
    const notYet = await forge({ iss: issuer, aud: 'local-organiser-client', exp: inAnHour(), nbf: inAnHour() - 60 });
    const unknownKid = await forge({ iss: issuer, aud: 'local-organiser-client', exp: inAnHour() }, { kid: 'rotated-away' });
    const otherDir = await mkdtemp(path.join(tmpdir(), 'auth-test-other-'));
    const otherKey = await issueOrganiserToken(otherDir, 'publiek-denken');
    await rm(otherDir, { recursive: true, force: true });

    await expect(verify(otherIssuer)).rejects.toThrow(/iss/);
    await expect(verify(notYet)).rejects.toThrow(/nbf/);
    await expect(verify(unknownKid)).rejects.toThrow(/no applicable key/);
    await expect(verify(otherKey)).rejects.toThrow(/signature/);
  });
});
