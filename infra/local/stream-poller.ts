import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { streamFunctions, type FunctionSpec, type TableStreamTrigger } from '../catalogue';
import { matchesAnyStreamFilter } from '../../shared/triggers/stream-filters';
import type { LambdaHandler } from './handlers';
import { lambdaContext } from './lambda-context';
import { setTimeout as sleep } from 'node:timers/promises';

export interface StreamPollerOptions {
  tableName: string;
  endpoint: string;
  region: string;
  loadHandler: (spec: FunctionSpec) => Promise<LambdaHandler>;
  pollIntervalMs?: number;
  /** First retry delay of a failing record; doubles per attempt (Lambda retries at once; we pace it). */
  retryBaseDelayMs?: number;
}

export interface RunningStreamPoller {
  stop(): Promise<void>;
  /** Resolves once every record written so far has been handed to its consumers. */
  drain(timeoutMs?: number): Promise<void>;
  /** How many stream records have been read so far (every write to the table makes one): unchanged across a drain means nothing was written. */
  recordsRead(): number;
}

type Consumer = FunctionSpec & { trigger: TableStreamTrigger };


/** The record as Lambda's event source mapping delivers it. */
export function toLambdaRecord(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...dynamodb } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(dynamodb as DynamoDBRecord['dynamodb']),
      ApproximateCreationDateTime: ApproximateCreationDateTime ? Math.floor(new Date(ApproximateCreationDateTime).getTime() / 1000) : undefined,
    },
  };
}

/**
 * Reads DynamoDB Local's real stream and invokes each stream function with Lambda-shaped
 * batches, honouring partial batch responses: a failed record and everything after it are
 * retried, up to the catalogue's retryAttempts, then given up like a dead-letter hand-off.
 */
export async function startStreamPoller(options: StreamPollerOptions): Promise<RunningStreamPoller> {
  const config = { endpoint: options.endpoint, region: options.region };
  const { Table } = await new DynamoDBClient(config).send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);
  const streams = new DynamoDBStreamsClient(config);
  const consumers: Consumer[] = [...streamFunctions()];
  const pollInterval = options.pollIntervalMs ?? 100;
  const retryBase = options.retryBaseDelayMs ?? 250;

  const iterators = new Map<string, string>();
  /** The newest record read per shard, to resume after it. */
  const lastSequence = new Map<string, string>();
  const finishedShards = new Set<string>();
  let stopped = false;
  let cycle = 0;
  let emptyStreak = 0;
  let recordsRead = 0;

  async function discoverShards(initial: boolean) {
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      for (const shard of StreamDescription?.Shards ?? []) {
        const shardId = shard.ShardId!;
        if (iterators.has(shardId) || finishedShards.has(shardId)) continue;
        // On start, open shards are read from now on; shards that appear later are read whole.
        const open = !shard.SequenceNumberRange?.EndingSequenceNumber;
        if (initial && !open) {
          finishedShards.add(shardId);
          continue;
        }
        const { ShardIterator } = await streams.send(
          new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: initial ? 'LATEST' : 'TRIM_HORIZON' }),
        );
        if (ShardIterator) iterators.set(shardId, ShardIterator);
      }
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
  }

  async function deliver(consumer: Consumer, records: DynamoDBRecord[]) {
    const handler = await options.loadHandler(consumer);
    for (let start = 0; start < records.length; start += consumer.trigger.batchSize) {
      let batch = records.slice(start, start + consumer.trigger.batchSize);
      for (let attempt = 0; batch.length > 0; attempt++) {
        let failedFrom: number;
        try {
          const response = (await handler({ Records: batch } satisfies DynamoDBStreamEvent, lambdaContext(consumer))) as DynamoDBBatchResponse | undefined;
          const failedIds = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
          failedFrom = batch.findIndex((record) => failedIds.has(record.dynamodb?.SequenceNumber ?? ''));
        } catch (error) {
          console.error(`Local stream: ${consumer.name} failed a batch`, error);
          failedFrom = 0;
        }
        if (failedFrom === -1) break;
        if (attempt >= consumer.trigger.retryAttempts) {
          console.error(`Local stream: ${consumer.name} gave up on ${batch.length - failedFrom} record(s) after ${attempt + 1} attempts (in AWS they go to the dead-letter queue)`);
          break;
        }
        batch = batch.slice(failedFrom);
        await sleep(Math.min(retryBase * 2 ** attempt, 10_000));
      }
    }
  }

  /**
   * DynamoDB Local sometimes refuses a shard iterator taken at LATEST on an empty shard once the
   * first record arrives (TrimmedDataAccessException, aws/aws-sdk-java#2923). The shard is then
   * read again after the last record delivered, or from its start: consumers are idempotent.
   */
  async function resumeShard(shardId: string): Promise<void> {
    const after = lastSequence.get(shardId);
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand(
        after
          ? { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' },
      ),
    );
    if (ShardIterator) iterators.set(shardId, ShardIterator);
  }

  async function pollOnce(): Promise<boolean> {
    let sawRecords = false;
    for (const [shardId, iterator] of [...iterators]) {
      let page;
      try {
        page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      } catch (error) {
        const name = (error as Error).name;
        if (name !== 'TrimmedDataAccessException' && name !== 'ExpiredIteratorException') throw error;
        await resumeShard(shardId);
        continue;
      }
      const { Records = [], NextShardIterator } = page;
      const newest = Records.at(-1)?.dynamodb?.SequenceNumber;
      if (newest) lastSequence.set(shardId, newest);
      if (NextShardIterator) iterators.set(shardId, NextShardIterator);
      else {
        iterators.delete(shardId);
        finishedShards.add(shardId);
        await discoverShards(false);
      }
      if (Records.length === 0) continue;
      sawRecords = true;
      recordsRead += Records.length;
      const lambdaRecords = Records.map((record) => toLambdaRecord(record, streamArn!, options.region));
      for (const consumer of consumers) {
        const matching = lambdaRecords.filter((record) => matchesAnyStreamFilter(record, consumer.trigger.filters));
        if (matching.length > 0) await deliver(consumer, matching);
      }
    }
    return sawRecords;
  }

  await discoverShards(true);
  let rediscoverAt = Date.now() + 5000;
  const loop = (async () => {
    while (!stopped) {
      try {
        if (Date.now() > rediscoverAt) {
          await discoverShards(false);
          rediscoverAt = Date.now() + 5000;
        }
        const busy = await pollOnce();
        emptyStreak = busy ? 0 : emptyStreak + 1;
      } catch (error) {
        if (!stopped) console.error('Local stream: polling failed', error);
      }
      cycle++;
      if (!stopped) await sleep(pollInterval);
    }
  })();

  return {
    async stop() {
      stopped = true;
      await loop;
      streams.destroy();
    },
    async drain(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      const firstCycle = cycle;
      // Three empty polls in a row, all begun after this call: nothing written before it is in flight.
      while (Date.now() < deadline) {
        if (cycle - firstCycle >= 4 && emptyStreak >= 3) return;
        await sleep(pollInterval);
      }
      throw new Error(`Stream not drained within ${timeoutMs} ms`);
    },
    recordsRead: () => recordsRead,
  };
}
