import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A participant's personal link carries a bearer token. Each mail that needs a link gets a
 * fresh token of 256 random bits; only its SHA-256 hash is stored, so the table never holds a
 * usable link, and earlier mails' links keep working. (High-entropy tokens need no slow hash.)
 */
const TOKEN_BYTES = 32;

export const newAccessToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

export const hashAccessToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64url');

/** Compares against every stored hash in constant time per hash, and never stops early. */
export function accessTokenMatches(token: string | undefined, storedHashes: readonly string[] | undefined): boolean {
  if (!token || !storedHashes || storedHashes.length === 0) return false;
  const presented = Buffer.from(hashAccessToken(token));
  let matched = false;
  for (const stored of storedHashes) {
    const candidate = Buffer.from(stored);
    if (candidate.length === presented.length && timingSafeEqual(candidate, presented)) matched = true;
  }
  return matched;
}

/** The personal page, as mails link to it and its buttons return to it. */
export const personalPageUrl = (publicBaseUrl: string, registrationId: string, token: string) => `${publicBaseUrl}/registrations/${registrationId}?token=${encodeURIComponent(token)}`;
