import fc from 'fast-check';
import { hostileString, plausibleName, UNDRAWABLE_NAMES } from './strings';

/**
 * Values for a JSON Schema of the OpenAPI document (the request bodies and parameters
 * generated from the zod schemas): mostly the shape the schema asks for, with hostile text in
 * its strings and the hand-found bounds in its dates and durations, so a good share passes
 * the shape check and reaches the rules behind it.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  maxLength?: number;
  default?: unknown;
};

export interface SchemaContext {
  /** Resolves `#/components/schemas/<Name>`. */
  resolve(ref: string): JsonSchema;
  /** Values a named field should often carry (a target's token, its registration ids). */
  hints?: Record<string, fc.Arbitrary<unknown>>;
}

/** Dates around the 2000–2100 bound, the 4-digit year's end, and plain good ones. */
export const dateTime = fc.oneof(
  fc.constantFrom(
    '9999-12-31T23:00:00-05:00',
    '9999-12-31T12:00:00Z',
    '0001-01-01T00:00:00Z',
    '1999-12-31T23:59:59Z',
    '2000-01-01T00:00:00+01:00',
    '2100-12-31T23:00:00-05:00',
    '2101-01-01T00:00:00Z',
    '2026-02-29T09:00:00Z',
    '2026-13-01T09:00:00Z',
    '2026-12-07T09:00:00',
    '2026-12-07',
    '2026-12-07T09:00:00+24:00',
    '2026-12-07T09:00:00.123456789+01:00',
  ),
  fc
    .tuple(fc.integer({ min: 1990, max: 2110 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.constantFrom('Z', '+01:00', '-11:00', '+14:00'))
    .map(([year, month, day, hour, zone]) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00${zone}`),
);

/** ISO 8601 durations: empty, negative, zero, a year and past it, out of range, and good ones. */
export const duration = fc.oneof(
  fc.constantFrom('P', 'PT', 'P1DT', '-P1D', 'P-1D', 'PT-5M', 'PT0S', 'P0D', 'P1Y', 'P12M', 'P365D', 'P366D', 'P1Y1D', 'P2Y', 'P3Y', 'P99999999999999999999Y', 'PT99999999999999999999H', 'P1.5D', 'PT0.5S', 'P1W', 'P7D', 'PT2H', 'PT15M', 'P2D', 'P14D', '1D', 'p1d'),
  fc.tuple(fc.integer({ min: -3, max: 1000 }), fc.constantFrom('Y', 'M', 'W', 'D')).map(([amount, unit]) => `P${amount}${unit}`),
  fc.tuple(fc.integer({ min: -3, max: 100_000 }), fc.constantFrom('H', 'M', 'S')).map(([amount, unit]) => `PT${amount}${unit}`),
);

export const timeZone = fc.constantFrom('Europe/Amsterdam', 'UTC', 'Pacific/Kiritimati', 'America/St_Johns', 'Mars/Olympus', 'europe/amsterdam', 'Etc/GMT+12', '+01:00', '');

export const emailAddress = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcdefghij0123456789'.split('')), minLength: 1, maxLength: 10 }).map((local) => `${local}.hostile@example.org`),
  fc.constantFrom('zoë@exämple.org', 'a@b', '@example.org', 'ann@', 'ann@@example.org', 'ann@example..org', `${'a'.repeat(250)}@example.org`, 'ann@例え.jp', ' ann@example.org ', 'ANN@EXAMPLE.ORG', 'bounce@simulator.amazonses.com', 'ann@example.org\u200B'),
  hostileString,
);

const DURATION_FIELDS = new Set(['promotionCutoff', 'retention', 'needsRetention', 'confirmationWindow', 'reminders']);

/** Text for a string field: plausible, hostile, or (for names) a script the certificate cannot draw. */
function text(field: string | undefined, schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date-time') return dateTime;
  if (schema.format === 'uri') return fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'ftp://example.org', 'http://', 'https://例え.jp/x'), hostileString);
  if (field && DURATION_FIELDS.has(field)) return fc.oneof({ arbitrary: duration, weight: 4 }, { arbitrary: hostileString, weight: 1 });
  if (field === 'email') return emailAddress;
  if (field === 'timeZone') return timeZone;
  if (schema.pattern) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(schema.pattern);
    } catch {
      pattern = undefined;
    }
    if (pattern) return fc.oneof({ arbitrary: fc.stringMatching(pattern, { size: 'xsmall' }), weight: 3 }, { arbitrary: hostileString, weight: 1 });
  }
  if (field === 'name' || field === 'signatoryName' || field === 'organiserName') return fc.oneof(plausibleName, fc.constantFrom(...UNDRAWABLE_NAMES), fc.constant('W'.repeat(200)), hostileString);
  return fc.oneof({ arbitrary: plausibleName, weight: 2 }, { arbitrary: hostileString, weight: 3 });
}

/** A value shaped like `schema` (depth-limited), its strings hostile. */
export function conforming(schema: JsonSchema, context: SchemaContext, field?: string, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return conforming(context.resolve(schema.$ref), context, field, depth);
  const hint = field ? context.hints?.[field] : undefined;
  const shaped = shape(schema, context, field, depth);
  return hint ? fc.oneof({ arbitrary: hint, weight: 3 }, { arbitrary: shaped, weight: 1 }) : shaped;
}

function shape(schema: JsonSchema, context: SchemaContext, field: string | undefined, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => conforming(choice, context, field, depth + 1)));
  if (schema.allOf?.[0]) return conforming(schema.allOf[0], context, field, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const record = fc.record(Object.fromEntries(properties.map(([name, property]) => [name, conforming(property, context, name, depth + 1)])), {
        requiredKeys: properties.map(([name]) => name).filter((name) => required.has(name)),
      });
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        const key = schema.propertyNames ? conforming(schema.propertyNames, context, undefined, depth + 1) : fc.string({ maxLength: 10 });
        const extra = fc.dictionary(key as fc.Arbitrary<string>, conforming(schema.additionalProperties, context, undefined, depth + 1), { maxKeys: 3 });
        return fc.tuple(record, extra).map(([known, more]) => ({ ...more, ...known }));
      }
      return record;
    }
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(schema.items ? conforming(schema.items, context, field, depth + 1) : fc.anything(), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'string':
      return text(field, schema);
    case 'integer':
      return fc.oneof(fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 1000, 1000) }), fc.constantFrom(0, -1, 100_001, 2 ** 53, Number.MAX_SAFE_INTEGER));
    case 'number':
      return fc.oneof(fc.double({ min: -10, max: 2000, noNaN: true }), fc.constantFrom(0, 0.25, 6.5, 1e308, -0, 1001, 0.1));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean());
  }
}

/** A value of any JSON type but `avoid`: what a client that got the type wrong sends. */
export const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  hostileString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

/** Deep nesting, as text (a serialiser would recurse): arrays or objects `depth` levels down. */
export const deepNesting = fc.tuple(fc.integer({ min: 100, max: 5000 }), fc.boolean()).map(([depth, arrays]) => (arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));
