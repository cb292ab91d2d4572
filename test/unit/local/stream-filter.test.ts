import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { catalogue, type TableStreamTrigger } from '../../../infra/catalogue';
import { matchesTrigger } from '../../../infra/local/stream-poller';

const promoteTrigger = catalogue.find((spec) => spec.name === 'promote-waitlist')!.trigger as TableStreamTrigger;

const record = (eventName: 'INSERT' | 'MODIFY', SK: string, image: Record<string, { N?: string; S?: string }>): DynamoDBRecord => ({
  eventName,
  dynamodb: { Keys: { PK: { S: 'EVENT#01E' }, SK: { S: SK } }, NewImage: { PK: { S: 'EVENT#01E' }, SK: { S: SK }, ...image } },
});

describe('the local stream filter', () => {
  it('hands promote-waitlist the seat shards that have freed seats, and nothing else of the event', () => {
    expect(matchesTrigger(record('MODIFY', 'SEATS#03', { freed: { N: '1' } }), promoteTrigger)).toBe(true);
    expect(matchesTrigger(record('INSERT', 'SEATS#04', { freed: { N: '25' } }), promoteTrigger)).toBe(true);
    expect(matchesTrigger(record('MODIFY', 'SEATS#03', { freed: { N: '0' } }), promoteTrigger)).toBe(false);
    expect(matchesTrigger(record('MODIFY', 'SEATS#WAITLIST', { next: { N: '7' } }), promoteTrigger)).toBe(false);
    expect(matchesTrigger(record('MODIFY', 'EVENT', { title: { S: 'Masterclass' } }), promoteTrigger)).toBe(false);
    expect(matchesTrigger(record('INSERT', 'WAIT#0000000001', {}), promoteTrigger)).toBe(false);
  });
});
