import { createHash } from 'node:crypto';

/**
 * Registrations that are safe to retry. A client that got no answer (a timeout, a 503, a
 * Lambda function cut off at its deadline after its transaction committed) sends the same
 * request again; it must hear about the registration it made, not `409 already-registered`.
 *
 * The registration transaction writes the request's retry key onto the address's lock, in the
 * same transaction as the registration: either both exist or neither. A retry meets that lock
 * (its condition fails and DynamoDB returns the lock), finds its own key on it and answers
 * with the registration the lock names. Nothing is written before or after the transaction, so
 * there is no window in which a request committed and its key did not, or the other way round
 * (a separate idempotency record, as Powertools Idempotency keeps, is written before the
 * handler and deleted when it fails: after a timeout after commit the retry would run again
 * and meet the registration it cannot tell apart from someone else's).
 *
 * The key is a SHA-256 over the event, the `Idempotency-Key` header (if sent) and the whole
 * request body in a canonical form:
 * - with the header, a retry must send the same key and the same body; it is honoured for
 *   24 hours (the same key with another body, or after that, is an ordinary request);
 * - without it, the body is the key, honoured for 10 minutes: long enough for a client's
 *   retries, short enough that registering again later is still `409 already-registered`.
 * Two different people never share a key: it is matched only on the lock of the address in the
 * body, so a request can only ever be answered with the registration of its own address, and
 * only by repeating everything that registration was made with.
 */
export interface RetryKey {
  value: string;
  /** Until when a retry with this key is answered with the registration (ISO 8601). */
  until: string;
}

/** What the address's lock says about the request that took it. */
export interface LockHolder {
  registrationId: string;
  retryKey?: string;
  retryUntil?: string;
}

export const RETRY_WINDOW_WITH_KEY_SECONDS = 24 * 3600;
export const RETRY_WINDOW_WITHOUT_KEY_SECONDS = 10 * 60;

/** JSON with the keys of every object in order, so two encodings of one body are one string. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, field]) => `${JSON.stringify(name)}:${canonical(field)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function retryKeyOf(eventId: string, body: unknown, idempotencyKey: string | undefined, now: Date): RetryKey {
  const value = createHash('sha256')
    .update(canonical(['registration-retry-v1', eventId, idempotencyKey ?? null, body]))
    .digest('base64url');
  const seconds = idempotencyKey === undefined ? RETRY_WINDOW_WITHOUT_KEY_SECONDS : RETRY_WINDOW_WITH_KEY_SECONDS;
  return { value, until: new Date(now.getTime() + seconds * 1000).toISOString() };
}

/** The lock was taken by this very request (an earlier attempt of it), within its retry window. */
export const isRetryOf = (holder: LockHolder | undefined, key: RetryKey | undefined, now: Date): holder is LockHolder =>
  !!holder && !!key && holder.retryKey === key.value && !!holder.retryUntil && holder.retryUntil > now.toISOString();

/** The lock's attributes that carry the key. */
export const retryKeyAttributes = (key: RetryKey | undefined) => (key ? { retryKey: key.value, retryUntil: key.until } : {});
