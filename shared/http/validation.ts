import * as z from '../schemas/zod';
import { ValidationFailed, type FieldError } from '../domain/errors';

/** zod issues as per-field errors: `venue.name`, and one entry per unknown field. */
export function fieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: path ? `${path}.${key}` : key, message: 'is not a known field' }));
    }
    return [{ field: path || '(body)', message: issue.message }];
  });
}

export function parseInput<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new ValidationFailed(fieldErrors(result.error));
  return result.data;
}
