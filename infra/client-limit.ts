import { PROBLEM_TYPE_BASE, type Problem } from '../shared/http/problem-shape';
import { httpFunctions, type HttpTrigger } from './catalogue';

/**
 * The per-client limit on public writes, read by the deployed web ACL's rate-based rule
 * (infra/constructs/public-write-limit.ts) and by the local gateway (infra/local/client-limit.ts).
 * The route throttles in the catalogue cap each route's total; this stops one address from
 * spending that total on its own.
 */
export interface ClientLimit {
  /** Writes one client address may make within a window. */
  requests: number;
  /** AWS WAF evaluates rates over 60, 120, 300 or 600 seconds, nothing else. */
  windowSeconds: 60 | 120 | 300 | 600;
}

/**
 * 300 writes per 5 minutes per address: one a second, sustained for five minutes. A town
 * hall's whole staff sits behind one NAT, and an internal invitation can bring a hundred or
 * more of them to the form in the first minutes; mobile carriers put many participants
 * behind one address too. No person registers faster than that, while a script stays at
 * 300 per window: a fraction of a percent of the registration route's 400 a second.
 */
export const CLIENT_WRITE_LIMIT: ClientLimit = { requests: 300, windowSeconds: 300 };

/** Public routes that change something: registering and cancelling with the token from a mail. */
export const isPublicWrite = (trigger: Pick<HttpTrigger, 'auth' | 'method'>) => trigger.auth === 'public' && trigger.method !== 'GET';

export const publicWriteRoutes = (): HttpTrigger[] => httpFunctions().map((spec) => spec.trigger).filter(isPublicWrite);

/**
 * An API Gateway route path (`/events/{eventId}/registrations`) as an anchored regular
 * expression, one segment per parameter: the local gateway routes with it, and the web ACL
 * recognises the public write routes with it.
 */
export function routePathPattern(path: string): { source: string; parameterNames: string[] } {
  const parameterNames: string[] = [];
  const segments = path.split('/').map((segment) => {
    const parameter = /^\{(\w+)\}$/.exec(segment);
    if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    parameterNames.push(parameter[1]!);
    return '([^/]+)';
  });
  return { source: `^${segments.join('/')}$`, parameterNames };
}

/**
 * What a client over the limit reads, locally and from AWS WAF alike. One text for both,
 * so it cannot name the seconds to wait: the Retry-After header does.
 */
export const CLIENT_LIMIT_PROBLEM: Problem = {
  type: `${PROBLEM_TYPE_BASE}too-many-requests`,
  title: 'Too many requests from your address',
  status: 429,
  detail:
    'Many registrations or cancellations came from your network in a short time. Nothing was changed by this request. Please try again after the number of seconds in the Retry-After header.',
};
