import { isTransientAwsError } from '../adapters/aws-errors';
import { DomainError } from '../domain/errors';
import { logger } from '../observability/logger';
import { SECURITY_HEADERS, type HttpResult } from './responses';

import { PROBLEM_TYPE_BASE, type Problem } from './problem-shape';

export { PROBLEM_TYPE_BASE, type Problem };

/**
 * RFC 9457 problem details. Domain errors are the client's to see; anything else is logged
 * with its stack and answered with a generic 500 that reveals nothing internal.
 */
export function problemFor(error: unknown, instance?: string): Problem {
  if (error instanceof DomainError) {
    return {
      type: `${PROBLEM_TYPE_BASE}${error.type}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      instance,
      ...(error.errors ? { errors: error.errors } : {}),
    };
  }
  if (isTransientAwsError(error)) {
    logger.warn('Transient AWS failure', error as Error);
    return {
      type: `${PROBLEM_TYPE_BASE}temporarily-unavailable`,
      title: 'Busy right now',
      status: 503,
      detail: 'We could not finish your request. Please try again in a few seconds; if it did go through, trying again changes nothing.',
      instance,
    };
  }
  logger.error('Unhandled error', error as Error);
  return {
    type: `${PROBLEM_TYPE_BASE}internal`,
    title: 'Something went wrong on our side',
    status: 500,
    detail: 'The request could not be completed. Please try again later.',
    instance,
  };
}

export const RETRY_AFTER_SECONDS = 2;

export function problemResponse(problem: Problem): HttpResult {
  return {
    statusCode: problem.status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'cache-control': 'no-store',
      ...SECURITY_HEADERS,
      ...(problem.status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}),
    },
    body: JSON.stringify(problem),
  };
}
