import type { DynamoDBRecord } from 'aws-lambda';
import {
  CERTIFICATE_SORT_PREFIX,
  EVENT_KEY_PREFIX,
  EVENT_SORT_KEY,
  MAIL_KEY_PREFIX,
  REGISTRATION_KEY_PREFIX,
  REGISTRATION_SORT_KEY,
  SEAT_COUNTER_PREFIX,
} from '../adapters/dynamo/keys';

/**
 * A Lambda event filter on table stream records, in AWS's own pattern syntax, limited to the
 * rules we use. CDK hands these objects to the event source mapping as they are, and the local
 * stream poller and the functions that route records evaluate the same objects with
 * `matchesStreamFilter`: one definition of which record goes where.
 */
export type StringRule = string | { readonly prefix: string } | { readonly 'anything-but': readonly string[] };
export interface AttributeRule {
  readonly S?: readonly StringRule[];
  /** Stream images carry numbers as strings. */
  readonly N?: readonly StringRule[];
}
export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';
export interface StreamFilter {
  readonly eventName: readonly StreamEventName[];
  readonly dynamodb: {
    readonly Keys: { readonly PK: AttributeRule; readonly SK?: AttributeRule };
    readonly NewImage?: Readonly<Record<string, AttributeRule>>;
  };
}

const startsWith = (prefix: string): AttributeRule => ({ S: [{ prefix }] });

export const STREAM_FILTERS = {
  /** New outbox mail, other than certificates (those wait for the certificate sweep, which carries the PDF renderer). */
  newMail: {
    eventName: ['INSERT'],
    dynamodb: { Keys: { PK: startsWith(MAIL_KEY_PREFIX) }, NewImage: { kind: { S: [{ 'anything-but': ['certificate'] }] } } },
  },
  /** Seat shards left with freed seats; "anything but 0" also needs the attribute to be there. */
  freedSeats: {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { Keys: { PK: startsWith(EVENT_KEY_PREFIX), SK: startsWith(SEAT_COUNTER_PREFIX) }, NewImage: { freed: { N: [{ 'anything-but': ['0'] }] } } },
  },
  /** Every write to a registration: which of them is a state change only the images tell. */
  registrationChanges: {
    eventName: ['INSERT', 'MODIFY', 'REMOVE'],
    dynamodb: { Keys: { PK: startsWith(REGISTRATION_KEY_PREFIX), SK: { S: [REGISTRATION_SORT_KEY] } } },
  },
  eventChanges: {
    eventName: ['INSERT', 'MODIFY', 'REMOVE'],
    dynamodb: { Keys: { PK: startsWith(EVENT_KEY_PREFIX), SK: { S: [EVENT_SORT_KEY] } } },
  },
  issuedCertificates: {
    eventName: ['INSERT'],
    dynamodb: { Keys: { PK: startsWith(EVENT_KEY_PREFIX), SK: startsWith(CERTIFICATE_SORT_PREFIX) } },
  },
} as const satisfies Record<string, StreamFilter>;

function matchesRule(value: string | undefined, rules: readonly StringRule[]): boolean {
  // As in AWS: a rule on an attribute the record lacks never matches, "anything-but" included.
  if (value === undefined) return false;
  return rules.some((rule) => {
    if (typeof rule === 'string') return value === rule;
    if ('prefix' in rule) return value.startsWith(rule.prefix);
    return !rule['anything-but'].includes(value);
  });
}

function matchesAttributes(attributes: Record<string, { S?: string; N?: string }> | undefined, rules: Readonly<Record<string, AttributeRule>>): boolean {
  return Object.entries(rules).every(([name, rule]) => {
    const attribute = attributes?.[name];
    return (!rule.S || matchesRule(attribute?.S, rule.S)) && (!rule.N || matchesRule(attribute?.N, rule.N));
  });
}

/** Whether Lambda's event filtering would pass this record to a function with this filter. */
export function matchesStreamFilter(record: DynamoDBRecord, filter: StreamFilter): boolean {
  const { Keys, NewImage } = record.dynamodb ?? {};
  return (
    filter.eventName.includes(record.eventName as StreamEventName) &&
    matchesAttributes(Keys as Record<string, { S?: string }>, filter.dynamodb.Keys) &&
    (!filter.dynamodb.NewImage || matchesAttributes(NewImage as Record<string, { S?: string; N?: string }>, filter.dynamodb.NewImage))
  );
}

export const matchesAnyStreamFilter = (record: DynamoDBRecord, filters: readonly StreamFilter[]) => filters.some((filter) => matchesStreamFilter(record, filter));
