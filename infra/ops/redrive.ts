import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { GetFunctionConfigurationCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ChangeMessageVisibilityCommand, DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod';
import { streamFunctions, type FunctionSpec, type TableStreamTrigger } from '../catalogue';
import { stackNames } from '../deployment-config';
import { matchesAnyStreamFilter } from '../../shared/triggers/stream-filters';
import { toLambdaRecord } from '../local/stream-poller';
import { outputKeys, readStackOutputs, requireOutput } from './stack-outputs';

/**
 * `npm run redrive`: hands the batches in a stream function's dead-letter queue to the function
 * again. A message there holds no records, only where they were in the stream, so the records
 * are read back from the stream, filtered as the event source mapping filters them, and sent
 * in one synchronous invocation. Both stream consumers are idempotent, so a record that was
 * already handled is harmless to deliver again.
 */

export interface RedriveClients {
  cloudFormation: CloudFormationClient;
  sqs: SQSClient;
  lambda: LambdaClient;
  streams: DynamoDBStreamsClient;
}

export interface RedriveOptions {
  stage: string;
  /** The catalogue name: `send-mail`. */
  functionName: string;
  dryRun?: boolean;
}

export type MessageOutcome =
  | { messageId: string; status: 'redriven'; records: number }
  /** Dry run: the records are there and would be sent. */
  | { messageId: string; status: 'ready'; records: number }
  | { messageId: string; status: 'kept'; reason: string };

export interface RedriveReport {
  functionName: string;
  queueUrl: string;
  dryRun: boolean;
  messages: MessageOutcome[];
}

export class UnknownStreamFunctionError extends Error {
  override name = 'UnknownStreamFunctionError';
}

type StreamConsumer = FunctionSpec & { trigger: TableStreamTrigger };

/** The catalogue entry of a stream-triggered function, or an error that names the valid ones. */
export function streamConsumer(functionName: string): StreamConsumer {
  const consumers = streamFunctions();
  const consumer = consumers.find((spec) => spec.name === functionName);
  if (!consumer) {
    throw new UnknownStreamFunctionError(
      `${functionName} is not a stream-triggered function, so it has no dead-letter queue to redrive. Stream-triggered functions: ${consumers.map((spec) => spec.name).join(', ')}.`,
    );
  }
  return consumer;
}

export const STREAM_RETENTION_NOTE =
  'DynamoDB streams keep records for 24 hours, so a redrive must happen within a day of the alarm. The message stays in the queue; its shard and sequence numbers say which writes were affected.';

/** What Lambda writes to an on-failure destination of a DynamoDB stream event source mapping. */
const invocationRecord = z.object({
  requestContext: z.object({ condition: z.string().optional() }).optional(),
  DDBStreamBatchInfo: z.object({
    shardId: z.string(),
    startSequenceNumber: z.string().regex(/^\d+$/),
    endSequenceNumber: z.string().regex(/^\d+$/),
    batchSize: z.number().int().positive().optional(),
    streamArn: z.string().startsWith('arn:'),
  }),
});
type BatchInfo = z.output<typeof invocationRecord>['DDBStreamBatchInfo'];

/** Errors that mean the records of a batch can no longer be read from the stream. */
const RECORDS_GONE = new Set(['TrimmedDataAccessException', 'ExpiredIteratorException', 'ResourceNotFoundException']);

const RECEIVE_BATCH = 10;
/** Extra seconds per message beyond the function's own timeout: reading the stream, deleting. */
const MESSAGE_OVERHEAD_SECONDS = 30;
/** SQS's upper bound for a visibility timeout (12 hours). */
const MAX_VISIBILITY_SECONDS = 43_200;
/** Consecutive empty GetRecords pages after which the end of the range is taken as unreachable. */
const MAX_EMPTY_PAGES = 5;

export async function redrive(options: RedriveOptions, clients: RedriveClients): Promise<RedriveReport> {
  const consumer = streamConsumer(options.functionName);
  const stackName = stackNames(options.stage).api;
  const outputs = await readStackOutputs(stackName, clients.cloudFormation);
  const queueUrl = requireOutput(outputs, outputKeys.deadLetterQueueUrl(consumer.name), stackName);
  const deployedName = requireOutput(outputs, outputKeys.functionName(consumer.name), stackName);

  // A round of messages is handled one after another, each possibly taking the function's full
  // timeout; the round must stay invisible until its last message is done, or another receive
  // would hand it out twice. Without a configured timeout, assume Lambda's longest (900 s).
  const { Timeout = 900 } = await clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: deployedName }));
  const visibilityTimeout = Math.min(RECEIVE_BATCH * (Timeout + MESSAGE_OVERHEAD_SECONDS), MAX_VISIBILITY_SECONDS);

  const dryRun = options.dryRun ?? false;
  const outcomes = new Map<string, MessageOutcome>();
  // Every message received and not deleted, by id, with its latest receipt handle. They stay
  // invisible while the run lasts, so none is read twice, and are made visible again at its
  // end (or when it stops on an error) so the next run, or a person, sees them at once.
  const undeleted = new Map<string, string>();
  try {
    for (;;) {
      const { Messages = [] } = await clients.sqs.send(
        // Long polling (WaitTimeSeconds) asks every SQS server, so an empty answer means an empty queue.
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: RECEIVE_BATCH, VisibilityTimeout: visibilityTimeout, WaitTimeSeconds: 1 }),
      );
      for (const message of Messages) undeleted.set(message.MessageId!, message.ReceiptHandle!);
      // A kept message comes back if the run outlasts its visibility timeout: it has had its turn.
      const fresh = Messages.filter((message) => !outcomes.has(message.MessageId!));
      if (fresh.length === 0) break;

      for (const message of fresh) {
        const messageId = message.MessageId!;
        const outcome = await handleMessage(message.Body ?? '', messageId, consumer, deployedName, dryRun, clients);
        outcomes.set(messageId, outcome);
        if (outcome.status === 'redriven') {
          await clients.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
          undeleted.delete(messageId);
        }
      }
    }
  } finally {
    for (const receiptHandle of undeleted.values()) {
      await clients.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: 0 }));
    }
  }
  return { functionName: consumer.name, queueUrl, dryRun, messages: [...outcomes.values()] };
}

async function handleMessage(
  body: string,
  messageId: string,
  consumer: StreamConsumer,
  deployedName: string,
  dryRun: boolean,
  clients: RedriveClients,
): Promise<MessageOutcome> {
  const parsed = invocationRecord.safeParse(parseJson(body));
  if (!parsed.success) return { messageId, status: 'kept', reason: 'Not an invocation record of a DynamoDB stream batch (no valid DDBStreamBatchInfo).' };
  const info = parsed.data.DDBStreamBatchInfo;

  let inRange: DynamoDBRecord[];
  try {
    inRange = await readRange(info, clients.streams);
  } catch (error) {
    if (error instanceof Error && RECORDS_GONE.has(error.name)) {
      return { messageId, status: 'kept', reason: `The records are no longer in the stream (${error.name}). ${STREAM_RETENTION_NOTE}` };
    }
    throw error;
  }
  const records = inRange.filter((record) => matchesAnyStreamFilter(record, consumer.trigger.filters));
  const expected = info.batchSize ?? 1;
  if (records.length < expected) {
    const found = inRange.length === 0 ? 'The records are no longer in the stream' : `Only ${records.length} of the ${expected} records of this batch were found in the stream`;
    return { messageId, status: 'kept', reason: `${found} (sequence numbers ${info.startSequenceNumber} to ${info.endSequenceNumber}). ${STREAM_RETENTION_NOTE}` };
  }
  if (dryRun) return { messageId, status: 'ready', records: records.length };

  const failure = await invoke(deployedName, records, clients.lambda);
  return failure ? { messageId, status: 'kept', reason: failure } : { messageId, status: 'redriven', records: records.length };
}

/** The stream records from the batch's first sequence number through its last, in Lambda's shape. */
async function readRange(info: BatchInfo, streams: DynamoDBStreamsClient): Promise<DynamoDBRecord[]> {
  const region = info.streamArn.split(':')[3]!;
  const end = BigInt(info.endSequenceNumber);
  const { ShardIterator } = await streams.send(
    new GetShardIteratorCommand({ StreamArn: info.streamArn, ShardId: info.shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: info.startSequenceNumber }),
  );
  const found: StreamRecord[] = [];
  let iterator = ShardIterator;
  let emptyPages = 0;
  while (iterator && emptyPages < MAX_EMPTY_PAGES) {
    const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    emptyPages = Records.length === 0 ? emptyPages + 1 : 0;
    for (const record of Records) {
      if (BigInt(record.dynamodb?.SequenceNumber ?? '0') > end) return found.map((each) => toLambdaRecord(each, info.streamArn, region));
      found.push(record);
    }
    if (found.length > 0 && BigInt(found.at(-1)!.dynamodb!.SequenceNumber!) === end) break;
    iterator = NextShardIterator;
  }
  return found.map((record) => toLambdaRecord(record, info.streamArn, region));
}

/** Invokes the function as its event source mapping would; returns why it failed, if it did. */
async function invoke(functionName: string, records: DynamoDBRecord[], lambda: LambdaClient): Promise<string | undefined> {
  let response;
  try {
    response = await lambda.send(
      new InvokeCommand({ FunctionName: functionName, InvocationType: 'RequestResponse', Payload: new TextEncoder().encode(JSON.stringify({ Records: records })) }),
    );
  } catch (error) {
    return `The invocation failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  const payload = parseJson(response.Payload ? new TextDecoder().decode(response.Payload) : '') as
    | (Partial<DynamoDBBatchResponse> & { errorType?: string; errorMessage?: string })
    | null
    | undefined;
  if (response.FunctionError) {
    return `The function failed (${response.FunctionError}): ${payload?.errorType ?? 'Error'}: ${payload?.errorMessage ?? 'no message'}. See its logs.`;
  }
  const failures = payload?.batchItemFailures ?? [];
  if (failures.length > 0) {
    return `The function reported ${failures.length} of ${records.length} record(s) as failed (sequence numbers ${failures.map((failure) => failure.itemIdentifier).join(', ')}). See its logs.`;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
