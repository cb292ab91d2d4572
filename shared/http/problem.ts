import { DomainError } from '../domain/errors';
import { logger } from '../logger';
import type { HttpResult } from './responses';

export const PROBLEM_TYPE_BASE = 'urn:event-registration:problem:';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: Array<{ field: string; message: string }>;
}

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
  logger.error('Unhandled error', error as Error);
  return {
    type: `${PROBLEM_TYPE_BASE}internal`,
    title: 'Something went wrong on our side',
    status: 500,
    detail: 'The request could not be completed. Please try again later.',
    instance,
  };
}

export function problemResponse(problem: Problem): HttpResult {
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    body: JSON.stringify(problem),
  };
}
