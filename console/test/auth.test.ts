import { describe, expect, it } from 'vitest';
import { base64url, decodeJwt, isExpired, roleOf, s256Challenge, sessionFromIdToken } from '../src/auth';

const jwt = (claims: Record<string, unknown>) => `${base64url(new TextEncoder().encode('{"alg":"RS256"}'))}.${base64url(new TextEncoder().encode(JSON.stringify(claims)))}.signature`;

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('the ID token', () => {
  it('reads expiry, e-mail, organisation and role, also from names outside ASCII', () => {
    const session = sessionFromIdToken(
      jwt({ exp: 1_800_000_000, email: 'zoë@example.org', 'custom:organisationId': 'demo-organisation', 'cognito:groups': ['door'] }),
    );

    expect(session).toMatchObject({ expiresAt: 1_800_000_000_000, email: 'zoë@example.org', organisationId: 'demo-organisation', role: 'door' });
  });

  it('takes the organiser role over the door role, and no role from other groups', () => {
    expect(roleOf({ exp: 1, 'cognito:groups': ['door', 'organiser'] })).toBe('organiser');
    expect(roleOf({ exp: 1, 'cognito:groups': ['admins'] })).toBeUndefined();
    expect(roleOf({ exp: 1 })).toBeUndefined();
  });

  it('counts a token as expired half a minute early', () => {
    const session = sessionFromIdToken(jwt({ exp: 1_800_000_000 }));

    expect(isExpired(session, 1_800_000_000_000 - 31_000)).toBe(false);
    expect(isExpired(session, 1_800_000_000_000 - 29_000)).toBe(true);
  });

  it('refuses what is not a JWT', () => {
    expect(() => decodeJwt('not-a-token')).toThrow('not a JWT');
  });
});
