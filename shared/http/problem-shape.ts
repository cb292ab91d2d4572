/**
 * What every error answer looks like (RFC 9457), apart from problem.ts so that infra code (the
 * per-client limit's answer) can name it without loading the logger, which reads its level
 * from the environment once, when first imported.
 */
export const PROBLEM_TYPE_BASE = 'urn:event-registration:problem:';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: Array<{ field: string; message: string }>;
}
