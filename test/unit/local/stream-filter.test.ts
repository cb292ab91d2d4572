import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { catalogue, type TableStreamTrigger } from '../../../infra/catalogue';
import { MAIL_KINDS } from '../../../shared/domain/mail';
import { matchesAnyStreamFilter } from '../../../shared/triggers/stream-filters';

const triggerOf = (name: string) => (catalogue.find((spec) => spec.name === name)!.trigger as TableStreamTrigger).filters;
const tableChanges = triggerOf('table-changes');
const sendMail = triggerOf('send-mail');

type Image = Record<string, { N?: string; S?: string }>;
const record = (eventName: 'INSERT' | 'MODIFY' | 'REMOVE', PK: string, SK: string, image: Image = {}): DynamoDBRecord => ({
  eventName,
  dynamodb: {
    Keys: { PK: { S: PK }, SK: { S: SK } },
    ...(eventName === 'REMOVE' ? { OldImage: { PK: { S: PK }, SK: { S: SK }, ...image } } : { NewImage: { PK: { S: PK }, SK: { S: SK }, ...image } }),
  },
});

describe('the stream filters (evaluated as Lambda evaluates the patterns CDK is given)', () => {
  it('hands table-changes the seat shards that have freed seats, and no other counter', () => {
    expect(matchesAnyStreamFilter(record('MODIFY', 'EVENT#01E', 'SEATS#03', { freed: { N: '1' } }), tableChanges)).toBe(true);
    expect(matchesAnyStreamFilter(record('INSERT', 'EVENT#01E', 'SEATS#04', { freed: { N: '25' } }), tableChanges)).toBe(true);
    expect(matchesAnyStreamFilter(record('MODIFY', 'EVENT#01E', 'SEATS#03', { freed: { N: '0' } }), tableChanges)).toBe(false);
    expect(matchesAnyStreamFilter(record('MODIFY', 'EVENT#01E', 'SEATS#WAITLIST', { next: { N: '7' } }), tableChanges)).toBe(false);
    expect(matchesAnyStreamFilter(record('INSERT', 'EVENT#01E', 'WAIT#0000000001'), tableChanges)).toBe(false);
    expect(matchesAnyStreamFilter(record('INSERT', 'EVENT#01E', 'HOLD#01R'), tableChanges)).toBe(false);
  });

  it('hands table-changes every write to a registration and to an event, and new certificates', () => {
    for (const eventName of ['INSERT', 'MODIFY', 'REMOVE'] as const) {
      expect(matchesAnyStreamFilter(record(eventName, 'REG#01R', 'REG'), tableChanges)).toBe(true);
      expect(matchesAnyStreamFilter(record(eventName, 'EVENT#01E', 'EVENT'), tableChanges)).toBe(true);
    }
    expect(matchesAnyStreamFilter(record('INSERT', 'EVENT#01E', 'CERT#01R'), tableChanges)).toBe(true);
    expect(matchesAnyStreamFilter(record('MODIFY', 'EVENT#01E', 'CERT#01R'), tableChanges)).toBe(false);
    expect(matchesAnyStreamFilter(record('INSERT', 'CERTNO#AB12', 'CERTIFICATE'), tableChanges)).toBe(false);
    expect(matchesAnyStreamFilter(record('INSERT', 'NEEDS#01R', 'NEEDS'), tableChanges)).toBe(false);
    expect(matchesAnyStreamFilter(record('INSERT', 'EMAIL#01E#a@example.org', 'EMAIL'), tableChanges)).toBe(false);
    expect(matchesAnyStreamFilter(record('INSERT', 'MAIL#m1', 'MAIL', { kind: { S: 'confirmation' } }), tableChanges)).toBe(false);
  });

  it('hands send-mail every new mail of every kind but certificates, once (INSERT only)', () => {
    const expected = {
      'registration-confirmed': true,
      'registration-waitlisted': true,
      'registration-cancelled': true,
      'registration-promoted': true,
      reminder: true,
      'event-moved': true,
      'event-cancelled': true,
      certificate: false,
      'confirm-address': true,
      'already-registered': true,
      message: true,
    };
    const actual = Object.fromEntries(MAIL_KINDS.map((kind) => [kind, matchesAnyStreamFilter(record('INSERT', `MAIL#01E.${kind}`, 'MAIL', { kind: { S: kind } }), sendMail)]));
    expect(actual).toEqual(expected);
    expect(matchesAnyStreamFilter(record('MODIFY', 'MAIL#m1', 'MAIL', { kind: { S: 'confirmation' } }), sendMail)).toBe(false);
    expect(matchesAnyStreamFilter(record('INSERT', 'MAIL#m1', 'MAIL'), sendMail)).toBe(false);
    expect(matchesAnyStreamFilter(record('INSERT', 'REG#01R', 'REG', { kind: { S: 'confirmation' } }), sendMail)).toBe(false);
  });
});
