import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** The published contract (events/schemas/state-change.v1.json), compiled: what tests hold every published event to. */
const schema = JSON.parse(readFileSync(new URL('../../events/schemas/state-change.v1.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// strictRequired off: a `then` may require a property its `if` does not define, which is the point of the conditionals.
export const validateStateChangeEvent = addFormats(new Ajv({ allErrors: true, strict: true, strictRequired: false })).compile(schema);

/** An error message naming what failed, or undefined when the event fits the schema. */
export function schemaErrorsOf(event: unknown): string | undefined {
  return validateStateChangeEvent(event) ? undefined : JSON.stringify(validateStateChangeEvent.errors);
}
