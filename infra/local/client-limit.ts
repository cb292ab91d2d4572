import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CLIENT_LIMIT_PROBLEM, type ClientLimit } from '../client-limit';

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Counts each client's writes over a sliding window, as AWS WAF's rate-based rule does in
 * front of the deployed API (it looks back over the same window from the current moment).
 * A refused write is not counted, so Retry-After holds: after that many seconds, the next
 * write is admitted.
 */
export class ClientLimiter {
  private readonly admittedAt = new Map<string, number[]>();

  constructor(
    private readonly limit: ClientLimit,
    private readonly now: () => number = Date.now,
  ) {}

  admit(client: string): Admission {
    const now = this.now();
    const windowMs = this.limit.windowSeconds * 1000;
    // A local stack sees a handful of addresses: each one's record is pruned when it returns.
    const recent = (this.admittedAt.get(client) ?? []).filter((at) => at > now - windowMs);
    if (recent.length >= this.limit.requests) {
      this.admittedAt.set(client, recent);
      const oldest = recent[recent.length - this.limit.requests]!;
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.admittedAt.set(client, recent);
    return { admitted: true };
  }
}

/** The answer to a write over the limit; the deployed web ACL sends the same body (as application/json: WAF cannot name another type). */
export const clientLimitResponse = (retryAfterSeconds: number): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 429,
  headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(retryAfterSeconds) },
  body: JSON.stringify(CLIENT_LIMIT_PROBLEM),
});
