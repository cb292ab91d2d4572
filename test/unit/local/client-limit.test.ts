import { describe, expect, it } from 'vitest';
import { publicWriteRoutes, routePathPattern } from '../../../infra/client-limit';
import { ClientLimiter, clientLimitResponse } from '../../../infra/local/client-limit';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

const admitMany = (limiter: ClientLimiter, client: string, count: number) => Array.from({ length: count }, () => limiter.admit(client));

describe('ClientLimiter', () => {
  it('admits up to the limit within a window and refuses the next write, naming the seconds until one leaves the window', () => {
    const time = clock();
    const limiter = new ClientLimiter({ requests: 3, windowSeconds: 60 }, time.now);

    const first = limiter.admit('192.0.2.1');
    time.advance(10);
    const rest = admitMany(limiter, '192.0.2.1', 2);
    time.advance(5);
    const refused = limiter.admit('192.0.2.1');

    expect([first, ...rest]).toEqual([{ admitted: true }, { admitted: true }, { admitted: true }]);
    expect(refused).toEqual({ admitted: false, retryAfterSeconds: 45 });
  });

  it('admits again once Retry-After has passed, and refused writes do not push that moment back', () => {
    const time = clock();
    const limiter = new ClientLimiter({ requests: 2, windowSeconds: 60 }, time.now);
    admitMany(limiter, '192.0.2.1', 2);

    time.advance(20);
    const refused = limiter.admit('192.0.2.1');
    time.advance(20);
    const refusedAgain = limiter.admit('192.0.2.1');
    time.advance(20);
    const afterWaiting = limiter.admit('192.0.2.1');

    expect(refused).toEqual({ admitted: false, retryAfterSeconds: 40 });
    expect(refusedAgain).toEqual({ admitted: false, retryAfterSeconds: 20 });
    expect(afterWaiting).toEqual({ admitted: true });
  });

  it('counts each address on its own', () => {
    const limiter = new ClientLimiter({ requests: 2, windowSeconds: 300 }, clock().now);
    admitMany(limiter, '192.0.2.1', 2);

    expect(limiter.admit('192.0.2.1').admitted).toBe(false);
    expect(limiter.admit('198.51.100.7')).toEqual({ admitted: true });
  });

  it('never tells a client to retry in under a second', () => {
    const time = clock();
    const limiter = new ClientLimiter({ requests: 1, windowSeconds: 60 }, time.now);
    limiter.admit('192.0.2.1');

    time.advance(59.9);

    expect(limiter.admit('192.0.2.1')).toEqual({ admitted: false, retryAfterSeconds: 1 });
  });
});

describe('clientLimitResponse', () => {
  it('is a 429 problem with Retry-After in seconds', () => {
    const response = clientLimitResponse(42);

    expect(response.statusCode).toBe(429);
    expect(response.headers).toMatchObject({ 'content-type': 'application/problem+json; charset=utf-8', 'retry-after': '42' });
    expect(JSON.parse(response.body!)).toEqual({
      type: 'urn:event-registration:problem:too-many-requests',
      title: 'Too many requests from your address',
      status: 429,
      detail: expect.stringContaining('Retry-After'),
    });
  });
});

describe('the limited routes', () => {
  it('are the public routes that write, and no read or organiser route', () => {
    const routes = publicWriteRoutes().map((route) => `${route.method} ${route.path}`);

    expect(routes).toEqual(expect.arrayContaining(['POST /events/{eventId}/registrations', 'POST /registrations/{registrationId}/cancel']));
    expect(routes.filter((route) => route.startsWith('GET ') || route.includes(' /admin/'))).toEqual([]);
  });

  it('are recognised by their path pattern, one segment per parameter', () => {
    const { source, parameterNames } = routePathPattern('/events/{eventId}/registrations');
    const pattern = new RegExp(source);

    expect(source).toBe('^/events/([^/]+)/registrations$');
    expect(parameterNames).toEqual(['eventId']);
    expect(pattern.test('/events/masterclass-demo/registrations')).toBe(true);
    expect(pattern.test('/events/a/b/registrations')).toBe(false);
    expect(pattern.test('/admin/events/masterclass-demo/registrations')).toBe(false);
  });
});
