import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Nothing personal in a log line, at any level: logs are kept longer, read by more people and
 * exported further than the table, and nobody erases a person from them when the person's
 * registration is erased. Call sites log identifiers (eventId, mailId, counts), but they also
 * log errors, and an error's own properties are whatever the SDK put there: a cancelled
 * transaction's CancellationReasons carry the items its conditions read (ALL_OLD), a failed
 * condition its Item, an SES rejection names the recipient in its message, `$response` holds the
 * raw answer. So the one place every line passes through, this logger's JSON replacer, keeps
 * what an operator needs (names, codes, request IDs, stacks) and withholds the rest, instead of
 * each call site remembering to.
 */

const WITHHELD = '[withheld]';

/** Whole records or requests: their content is people's details and their links' tokens. */
const RECORD_KEYS = new Set([
  'Item',
  'Items',
  'Attributes',
  'NewImage',
  'OldImage',
  'TransactItems',
  'ExpressionAttributeValues',
  'body',
  'parsedBody',
  'headers',
  'multiValueHeaders',
  'cookies',
  'queryStringParameters',
  'rawQueryString',
  '$response',
]);

/** A person's fields and secrets. `name` is not among them: errors and functions have names too; a person's record is caught by PERSON_MARKERS. */
const PERSONAL_KEYS = new Set(['email', 'organisation', 'role', 'accessibilityNeeds', 'dietaryNeeds', 'token', 'accessToken', 'authorization', 'Authorization']);

/** Any of these makes an object a person's record (plain or as DynamoDB AttributeValues): only its identifiers are logged. */
const PERSON_MARKERS = ['email', 'accessibilityNeeds', 'dietaryNeeds'];
const IDENTIFIER = /^(PK|SK|id|entity|kind|status|\w+Id)$/;

// No `/` in either part, so a stack's `node_modules/@aws-sdk/…` is not taken for an address.
const ADDRESS = /[^\s@<>()[\]"'`,;:/\\]+@[^\s@<>()[\]"'`,;:/\\]+\.[^\s@<>()[\]"'`,;:/\\]+/gu;
const LINK_TOKEN = /([?&](?:amp;)?token=)[^&\s"'<>]+/g;

/** Addresses and personal-link tokens out of free text (messages and stacks, which repeat the message). */
export function scrub(text: string): string {
  return text.replace(ADDRESS, '[address]').replace(LINK_TOKEN, `$1${WITHHELD}`);
}

/** SDK and domain error fields that say what went wrong without saying about whom. */
const SAFE_ERROR_FIELDS = ['code', 'Code', '$fault', '$retryable', 'status', 'statusCode', 'type'] as const;

/**
 * The error as an operator needs it. A new Error (not a plain object), so Powertools still
 * formats it with its location; its own properties are an allowlist, since a denylist would
 * miss what the next SDK version adds.
 */
export function withheldError(error: Error): Error {
  const cause = error.cause instanceof Error ? withheldError(error.cause) : error.cause;
  const safe = new Error(scrub(error.message), cause === undefined ? undefined : { cause });
  safe.name = error.name;
  safe.stack = error.stack === undefined ? undefined : scrub(error.stack);
  const source = error as unknown as Record<string, unknown>;
  const target = safe as unknown as Record<string, unknown>;
  for (const field of SAFE_ERROR_FIELDS) if (source[field] !== undefined) target[field] = source[field];
  const metadata = source.$metadata as { httpStatusCode?: number; requestId?: string; attempts?: number } | undefined;
  if (metadata) target.$metadata = { httpStatusCode: metadata.httpStatusCode, requestId: metadata.requestId, attempts: metadata.attempts };
  if (Array.isArray(source.CancellationReasons)) {
    // The codes say which part of the transaction failed and why; the items are people.
    target.CancellationReasons = (source.CancellationReasons as Array<{ Code?: string; Message?: string } | undefined>).map((reason) => ({
      Code: reason?.Code,
      ...(reason?.Message ? { Message: scrub(reason.Message) } : {}),
    }));
  }
  return safe;
}

function isPersonRecord(value: object): boolean {
  return !Array.isArray(value) && PERSON_MARKERS.some((marker) => marker in value);
}

/** Called by Powertools for every key and value of a line before it formats errors (see Logger.getJsonReplacer). */
export function withholdPersonalData(key: string, value: unknown): unknown {
  if (RECORD_KEYS.has(key) || PERSONAL_KEYS.has(key)) return value === undefined ? value : WITHHELD;
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Error) return withheldError(value);
  // The line itself ('' is its root) keeps its keys; a person's record anywhere in it keeps only its identifiers.
  if (key !== '' && typeof value === 'object' && value !== null && isPersonRecord(value)) {
    return Object.fromEntries(Object.entries(value).filter(([field]) => IDENTIFIER.test(field)));
  }
  return value;
}

/** Service name (the function's own) and level come from POWERTOOLS_SERVICE_NAME / POWERTOOLS_LOG_LEVEL. */
export const logger = new Logger({ jsonReplacerFn: withholdPersonalData });
