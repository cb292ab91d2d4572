import { describe, expect, it } from 'vitest';
import { accessTokenMatches, hashAccessToken, newAccessToken } from '../../../shared/domain/personal-link';

describe('personal link tokens', () => {
  it('are 256 random bits, URL-safe, and different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, newAccessToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('match only a stored hash of themselves', () => {
    const token = newAccessToken();
    const other = newAccessToken();
    const stored = [hashAccessToken(other), hashAccessToken(token)];

    expect(accessTokenMatches(token, stored)).toBe(true);
    expect(accessTokenMatches(`${token.slice(0, -1)}x`, stored)).toBe(false);
    expect(accessTokenMatches(hashAccessToken(token), stored)).toBe(false);
    expect(accessTokenMatches('', stored)).toBe(false);
    expect(accessTokenMatches(token, undefined)).toBe(false);
  });
});
