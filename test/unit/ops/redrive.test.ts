import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, TrimmedDataAccessException, type _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { GetFunctionConfigurationCommand, InvokeCommand, LambdaClient, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { ChangeMessageVisibilityCommand, DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../infra/ops/redrive-cli';
import { redrive, type RedriveClients } from '../../../infra/ops/redrive';

const cloudFormation = mockClient(CloudFormationClient);
const sqs = mockClient(SQSClient);
const lambda = mockClient(LambdaClient);
const streams = mockClient(DynamoDBStreamsClient);

const clients: RedriveClients = {
  cloudFormation: new CloudFormationClient({}),
  sqs: new SQSClient({}),
  lambda: new LambdaClient({}),
  streams: new DynamoDBStreamsClient({}),
};

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/send-mail-dlq';
const STREAM_ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/events/stream/2026-11-01T00:00:00.000';

/** What Lambda puts in the dead-letter queue when a batch of records 100..200 gave up. */
const deadLetter = (messageId: string, batch: { start?: string; end?: string; batchSize?: number } = {}) => ({
  MessageId: messageId,
  ReceiptHandle: `receipt-${messageId}`,
  Body: JSON.stringify({
    requestContext: { requestId: 'c0ffee', functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:send-mail-x', condition: 'RetryAttemptsExhausted', approximateInvokeCount: 9 },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: '2026-11-29T10:00:00.000Z',
    DDBStreamBatchInfo: {
      shardId: 'shardId-00000001795860000000-abcdef12',
      startSequenceNumber: batch.start ?? '100',
      endSequenceNumber: batch.end ?? '200',
      approximateArrivalOfFirstRecord: '2026-11-29T09:59:00Z',
      approximateArrivalOfLastRecord: '2026-11-29T09:59:01Z',
      batchSize: batch.batchSize ?? 2,
      streamArn: STREAM_ARN,
    },
  }),
});

/** A stream record of a new outbox mail, as GetRecords returns it. */
const mailInsert = (sequenceNumber: string, kind: string): StreamRecord => ({
  eventID: `event-${sequenceNumber}`,
  eventName: 'INSERT',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-west-1',
  dynamodb: {
    ApproximateCreationDateTime: new Date('2026-11-29T09:59:00Z'),
    Keys: { PK: { S: `MAIL#${sequenceNumber}` }, SK: { S: 'MAIL' } },
    NewImage: { PK: { S: `MAIL#${sequenceNumber}` }, SK: { S: 'MAIL' }, kind: { S: kind } },
    SequenceNumber: sequenceNumber,
    SizeBytes: 80,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)) as InvokeCommandOutput['Payload'];
const invokedRecords = () =>
  lambda.commandCalls(InvokeCommand).map((call) => (JSON.parse(new TextDecoder().decode(call.args[0].input.Payload as Uint8Array)) as { Records: unknown[] }).Records);

beforeEach(() => {
  cloudFormation.on(DescribeStacksCommand, { StackName: 'EventRegistration-prod-Api' }).resolves({
    Stacks: [
      {
        StackName: 'EventRegistration-prod-Api',
        CreationTime: new Date('2026-11-01T00:00:00Z'),
        StackStatus: 'UPDATE_COMPLETE',
        Outputs: [
          { OutputKey: 'SendMailDeadLetterQueueUrl', OutputValue: QUEUE_URL },
          { OutputKey: 'SendMailFunctionName', OutputValue: 'EventRegistration-prod-Api-SendMail1A2B3C' },
        ],
      },
    ],
  });
  lambda.on(GetFunctionConfigurationCommand).resolves({ Timeout: 300 });
  streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'iterator-1' });
  // Two pages: the range 100..200 holds a certificate mail (another function's) in between,
  // and the second page runs past the range's end.
  streams.on(GetRecordsCommand, { ShardIterator: 'iterator-1' }).resolves({ Records: [mailInsert('100', 'registration-confirmed'), mailInsert('150', 'certificate')], NextShardIterator: 'iterator-2' });
  streams.on(GetRecordsCommand, { ShardIterator: 'iterator-2' }).resolves({ Records: [mailInsert('200', 'waitlisted'), mailInsert('250', 'registration-confirmed')], NextShardIterator: 'iterator-3' });
});

afterEach(() => {
  cloudFormation.reset();
  sqs.reset();
  lambda.reset();
  streams.reset();
});

describe('redrive', () => {
  it('sends the matching records of the range to the function and deletes the message', async () => {
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [deadLetter('m-1')] }).resolves({});
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload({ batchItemFailures: [] }) });

    const report = await redrive({ stage: 'prod', functionName: 'send-mail' }, clients);

    expect(report.messages).toEqual([{ messageId: 'm-1', status: 'redriven', records: 2 }]);
    expect(lambda.commandCalls(InvokeCommand)[0]!.args[0].input).toMatchObject({ FunctionName: 'EventRegistration-prod-Api-SendMail1A2B3C', InvocationType: 'RequestResponse' });
    expect(invokedRecords()).toEqual([
      [
        {
          eventID: 'event-100',
          eventName: 'INSERT',
          eventVersion: '1.1',
          eventSource: 'aws:dynamodb',
          awsRegion: 'eu-west-1',
          eventSourceARN: STREAM_ARN,
          dynamodb: {
            ApproximateCreationDateTime: 1795946340,
            Keys: { PK: { S: 'MAIL#100' }, SK: { S: 'MAIL' } },
            NewImage: { PK: { S: 'MAIL#100' }, SK: { S: 'MAIL' }, kind: { S: 'registration-confirmed' } },
            SequenceNumber: '100',
            SizeBytes: 80,
            StreamViewType: 'NEW_AND_OLD_IMAGES',
          },
        },
        {
          eventID: 'event-200',
          eventName: 'INSERT',
          eventVersion: '1.1',
          eventSource: 'aws:dynamodb',
          awsRegion: 'eu-west-1',
          eventSourceARN: STREAM_ARN,
          dynamodb: {
            ApproximateCreationDateTime: 1795946340,
            Keys: { PK: { S: 'MAIL#200' }, SK: { S: 'MAIL' } },
            NewImage: { PK: { S: 'MAIL#200' }, SK: { S: 'MAIL' }, kind: { S: 'waitlisted' } },
            SequenceNumber: '200',
            SizeBytes: 80,
            StreamViewType: 'NEW_AND_OLD_IMAGES',
          },
        },
      ],
    ]);
    expect(streams.commandCalls(GetShardIteratorCommand)[0]!.args[0].input).toEqual({
      StreamArn: STREAM_ARN,
      ShardId: 'shardId-00000001795860000000-abcdef12',
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: '100',
    });
    expect(sqs.commandCalls(DeleteMessageCommand).map((call) => call.args[0].input)).toEqual([{ QueueUrl: QUEUE_URL, ReceiptHandle: 'receipt-m-1' }]);
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand)).toHaveLength(0);
  });

  it('keeps the messages invisible long enough for a round of ten invocations at the function timeout', async () => {
    sqs.on(ReceiveMessageCommand).resolves({});

    await redrive({ stage: 'prod', functionName: 'send-mail' }, clients);

    // 10 × (300 s timeout + 30 s to read and delete)
    expect(sqs.commandCalls(ReceiveMessageCommand)[0]!.args[0].input).toEqual({ QueueUrl: QUEUE_URL, MaxNumberOfMessages: 10, VisibilityTimeout: 3300, WaitTimeSeconds: 1 });
  });

  it('keeps a message whose records the function reports as failed, and makes it visible again', async () => {
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [deadLetter('m-1')] }).resolves({});
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload({ batchItemFailures: [{ itemIdentifier: '200' }] }) });

    const report = await redrive({ stage: 'prod', functionName: 'send-mail' }, clients);

    expect(report.messages).toEqual([
      { messageId: 'm-1', status: 'kept', reason: 'The function reported 1 of 2 record(s) as failed (sequence numbers 200). See its logs.' },
    ]);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand).map((call) => call.args[0].input)).toEqual([
      { QueueUrl: QUEUE_URL, ReceiptHandle: 'receipt-m-1', VisibilityTimeout: 0 },
    ]);
  });

  it('keeps a message when the function fails outright', async () => {
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [deadLetter('m-1')] }).resolves({});
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, FunctionError: 'Unhandled', Payload: payload({ errorType: 'Error', errorMessage: 'SES is throttling' }) });

    const report = await redrive({ stage: 'prod', functionName: 'send-mail' }, clients);

    expect(report.messages).toEqual([{ messageId: 'm-1', status: 'kept', reason: 'The function failed (Unhandled): Error: SES is throttling. See its logs.' }]);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
  });

  it('keeps a message whose records were trimmed from the stream and says a redrive must happen within a day', async () => {
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [deadLetter('m-1')] }).resolves({});
    streams.on(GetShardIteratorCommand).rejects(new TrimmedDataAccessException({ message: 'Sequence number 100 is trimmed', $metadata: {} }));

    const report = await redrive({ stage: 'prod', functionName: 'send-mail' }, clients);

    expect(report.messages).toEqual([
      {
        messageId: 'm-1',
        status: 'kept',
        reason:
          'The records are no longer in the stream (TrimmedDataAccessException). DynamoDB streams keep records for 24 hours, so a redrive must happen within a day of the alarm. The message stays in the queue; its shard and sequence numbers say which writes were affected.',
      },
    ]);
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
  });

  it('keeps a message when fewer of its records are found than the batch held', async () => {
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [deadLetter('m-1', { batchSize: 3 })] }).resolves({});

    const report = await redrive({ stage: 'prod', functionName: 'send-mail' }, clients);

    expect(report.messages).toEqual([
      {
        messageId: 'm-1',
        status: 'kept',
        reason:
          'Only 2 of the 3 records of this batch were found in the stream (sequence numbers 100 to 200). DynamoDB streams keep records for 24 hours, so a redrive must happen within a day of the alarm. The message stays in the queue; its shard and sequence numbers say which writes were affected.',
      },
    ]);
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
  });

  it('reads and reports in a dry run, but invokes and deletes nothing', async () => {
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [deadLetter('m-1'), deadLetter('m-2')] }).resolves({});

    const report = await redrive({ stage: 'prod', functionName: 'send-mail', dryRun: true }, clients);

    expect(report.messages).toEqual([
      { messageId: 'm-1', status: 'ready', records: 2 },
      { messageId: 'm-2', status: 'ready', records: 2 },
    ]);
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand).map((call) => call.args[0].input.ReceiptHandle)).toEqual(['receipt-m-1', 'receipt-m-2']);
  });

  it('stops when a receive brings back only messages it already kept', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [deadLetter('m-1')] })
      .resolves({ Messages: [{ ...deadLetter('m-1'), ReceiptHandle: 'receipt-m-1-again' }] });
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, FunctionError: 'Unhandled', Payload: payload({ errorType: 'Error', errorMessage: 'down' }) });

    const report = await redrive({ stage: 'prod', functionName: 'send-mail' }, clients);

    expect(report.messages.map((message) => message.status)).toEqual(['kept']);
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(1);
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand).map((call) => call.args[0].input.ReceiptHandle)).toEqual(['receipt-m-1-again']);
  });

  it.each([['no-such-function'], ['register']])('refuses %s, which has no dead-letter queue, before any AWS call', async (name) => {
    await expect(redrive({ stage: 'prod', functionName: name }, clients)).rejects.toThrow(
      new RegExp(`^${name} is not a stream-triggered function, so it has no dead-letter queue to redrive\\. Stream-triggered functions: .*send-mail.*table-changes`),
    );
    expect(cloudFormation.calls()).toHaveLength(0);
  });
});

describe('npm run redrive', () => {
  const run = async (argv: string[]) => {
    const lines: string[] = [];
    const errors: string[] = [];
    const code = await main(argv, { log: (line) => lines.push(line), error: (line) => errors.push(line) }, () => clients);
    return { code, lines, errors };
  };

  it.each([
    [['send-mail'], 'Missing --stage.'],
    [['--stage', 'prod'], 'Name exactly one function.'],
    [['--stage', 'prod', 'send-mail', 'table-changes'], 'Name exactly one function.'],
    [['--stage', 'prod', '--force', 'send-mail'], "Unknown option '--force'"],
  ])('answers %j with usage and exit code 2', async (argv, problem) => {
    const { code, errors } = await run(argv);

    expect(code).toBe(2);
    expect(errors.join('\n')).toContain(problem);
    expect(errors.join('\n')).toContain('Usage: npm run redrive -- --stage <stage> <function-name> [--dry-run]');
  });

  it('answers an unknown function with the valid names and exit code 2', async () => {
    const { code, errors } = await run(['--stage', 'prod', 'sendmail']);

    expect(code).toBe(2);
    expect(errors[0]).toMatch(/^sendmail is not a stream-triggered function.*Stream-triggered functions: .*send-mail.*table-changes/);
    expect(cloudFormation.calls()).toHaveLength(0);
  });

  it('prints the summary and exits 1 when a message was kept', async () => {
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [deadLetter('m-1'), deadLetter('m-2', { start: '300', end: '300', batchSize: 1 })] }).resolves({});
    streams.on(GetShardIteratorCommand, { SequenceNumber: '300' }).rejects(new TrimmedDataAccessException({ message: 'trimmed', $metadata: {} }));
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload(null) });

    const { code, lines } = await run(['--stage', 'prod', 'send-mail']);

    expect(code).toBe(1);
    expect(lines).toEqual([
      `Dead-letter queue of send-mail: ${QUEUE_URL}`,
      '  m-1: redriven (2 record(s)), deleted from the queue',
      '  m-2: kept. The records are no longer in the stream (TrimmedDataAccessException). DynamoDB streams keep records for 24 hours, so a redrive must happen within a day of the alarm. The message stays in the queue; its shard and sequence numbers say which writes were affected.',
      'Messages found: 2; 1 redriven; 1 kept.',
    ]);
  });

  it('exits 0 when the queue is empty', async () => {
    sqs.on(ReceiveMessageCommand).resolves({});

    const { code, lines } = await run(['--stage', 'prod', 'send-mail', '--dry-run']);

    expect(code).toBe(0);
    expect(lines).toEqual([`Dead-letter queue of send-mail (dry run: nothing invoked, nothing deleted): ${QUEUE_URL}`, 'Messages found: 0; 0 could be redriven; 0 kept.']);
  });
});
