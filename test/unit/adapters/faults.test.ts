import { Readable } from 'node:stream';
import { DynamoDBClient, ProvisionedThroughputExceededException, ThrottlingException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTransientAwsError } from '../../../shared/adapters/aws-errors';
import { isTransactionConflict } from '../../../shared/adapters/dynamo/retry';
import { injectedFaults, mulberry32, parseFaults, pickFault, resetInjectedFaults, withFaults } from '../../../shared/adapters/faults';

/** A client whose "network" answers every request with `body` and counts what reached it. */
function fakeNetwork(body: string) {
  const sent: string[] = [];
  const requestHandler = {
    handle: async (request: { headers: Record<string, string> }) => {
      sent.push(request.headers['x-amz-target'] ?? 'ses');
      return { response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Readable.from([Buffer.from(body)]) } };
    },
  };
  return { sent, requestHandler };
}

const settings = { region: 'eu-west-1', endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'unit', secretAccessKey: 'unit' } };

function dynamoWithFaults(faults: string | undefined, maxAttempts = 3) {
  const network = fakeNetwork('{}');
  const environment = faults === undefined ? {} : { FAULTS: faults };
  const client = withFaults(new DynamoDBClient({ ...settings, maxAttempts, requestHandler: network.requestHandler }), 'dynamodb', environment);
  return { network, client: DynamoDBDocumentClient.from(client) };
}

const transaction = new TransactWriteCommand({
  TransactItems: [
    { Put: { TableName: 't', Item: { PK: 'EMAIL#e#a@example.org', SK: 'EMAIL' } } },
    { Update: { TableName: 't', Key: { PK: 'EVENT#e', SK: 'SEATS#00' }, UpdateExpression: 'SET taken = taken + :one', ExpressionAttributeValues: { ':one': 1 } } },
    { Put: { TableName: 't', Item: { PK: 'REG#r', SK: 'REG' } } },
  ],
});

const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Error & Record<string, any>);

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.FAULTS;
  resetInjectedFaults();
});
afterEach(() => {
  if (saved === undefined) delete process.env.FAULTS;
  else process.env.FAULTS = saved;
});

describe('parseFaults', () => {
  it('reads services, operations, rates, layers and the seed', () => {
    expect(parseFaults('dynamodb:conflict=0.1,throttle=0.05,timeout=0.01; ses:throttle=0.3,5xx=0.1,layer=attempt; dynamodb.TransactWriteItems:lost=1; seed=42')).toEqual({
      seed: 42,
      sections: [
        { service: 'dynamodb', layer: 'call', rates: { conflict: 0.1, throttle: 0.05, timeout: 0.01 } },
        { service: 'ses', layer: 'attempt', rates: { throttle: 0.3, '5xx': 0.1 } },
        { service: 'dynamodb', operation: 'TransactWriteItems', layer: 'call', rates: { lost: 1 } },
      ],
    });
  });

  it('injects nothing when empty or off', () => {
    expect(parseFaults('')).toEqual({ seed: 1, sections: [] });
    expect(parseFaults('off')).toEqual({ seed: 1, sections: [] });
    expect(parseFaults(undefined)).toEqual({ seed: 1, sections: [] });
  });

  it.each([
    ['sqs:throttle=0.1', 'cannot read "sqs:throttle=0.1"'],
    ['ses:lost=0.1', 'ses has no fault "lost"'],
    ['dynamodb:throttle=2', 'the rate of dynamodb throttle must be a number from 0 to 1, not "2"'],
    ['dynamodb:throttle=', 'the rate of dynamodb throttle must be a number from 0 to 1, not ""'],
    ['dynamodb:throttle=0.6,conflict=0.6', 'the rates of dynamodb add up to 1.2, more than 1'],
    ['dynamodb:throttle=0.1,layer=sdk', 'layer must be "call" or "attempt", not "sdk"'],
    ['dynamodb:throttle=0.1;dynamodb:conflict=0.1', 'dynamodb is given twice'],
  ])('refuses %s, naming the mistake', (text, message) => {
    expect(() => parseFaults(text)).toThrow(`FAULTS: ${message}`);
  });
});

describe('the PRNG and the draw', () => {
  it('gives the same numbers for the same seed, and others for another seed', () => {
    const first = Array.from({ length: 5 }, mulberry32(42));
    expect(Array.from({ length: 5 }, mulberry32(42))).toEqual(first);
    expect(Array.from({ length: 5 }, mulberry32(43))).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('meets each fault at its rate, and the same calls meet the same faults after the configuration is set again', () => {
    process.env.FAULTS = 'dynamodb:conflict=0.1,throttle=0.05;seed=7';
    const fates = () => Array.from({ length: 20_000 }, () => pickFault('dynamodb', 'TransactWriteItems', 'call')?.kind ?? 'none');
    const first = fates();
    const share = (kind: string) => first.filter((fate) => fate === kind).length / first.length;
    expect(share('conflict')).toBeGreaterThan(0.09);
    expect(share('conflict')).toBeLessThan(0.11);
    expect(share('throttle')).toBeGreaterThan(0.04);
    expect(share('throttle')).toBeLessThan(0.06);

    process.env.FAULTS = 'off';
    expect(pickFault('dynamodb', 'TransactWriteItems', 'call')).toBeUndefined();
    process.env.FAULTS = 'dynamodb:conflict=0.1,throttle=0.05;seed=7';
    expect(fates()).toEqual(first);
    process.env.FAULTS = 'dynamodb:conflict=0.1,throttle=0.05;seed=8';
    expect(fates()).not.toEqual(first);
  });

  it('prefers the section of the operation over the service, and cancels only transactions with conflicts', () => {
    process.env.FAULTS = 'dynamodb:conflict=1;dynamodb.GetItem:throttle=1';
    expect(pickFault('dynamodb', 'GetItem', 'call')?.kind).toBe('throttle');
    expect(pickFault('dynamodb', 'TransactWriteItems', 'call')?.kind).toBe('conflict');
    expect(pickFault('dynamodb', 'UpdateItem', 'call')).toBeUndefined();
    expect(pickFault('ses', 'SendEmail', 'call')).toBeUndefined();
    expect(pickFault('dynamodb', 'GetItem', 'attempt')).toBeUndefined();
  });
});

describe('the fault middleware on a DynamoDB client', () => {
  it('is not there unless FAULTS is set', async () => {
    const { client, network } = dynamoWithFaults(undefined);
    process.env.FAULTS = 'dynamodb:throttle=1';

    await client.send(new GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' } }));

    expect(network.sent).toEqual(['DynamoDB_20120810.GetItem']);
    expect(injectedFaults()).toEqual({});
  });

  it('cancels a transaction with a TransactionConflict reason per item, as DynamoDB does, without sending it', async () => {
    process.env.FAULTS = 'dynamodb:conflict=1';
    const { client, network } = dynamoWithFaults(process.env.FAULTS);

    const error = await failureOf(client.send(transaction));

    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons!.map((reason) => reason.Code)).toEqual(['None', 'TransactionConflict', 'None']);
    expect(isTransactionConflict(error)).toBe(true);
    expect(network.sent).toEqual([]);
    expect(injectedFaults()).toEqual({ 'dynamodb.TransactWriteItems:conflict': 1 });
  });

  it('throttles with ProvisionedThroughputExceededException and ThrottlingException by turns, which the HTTP layer answers with 503', async () => {
    process.env.FAULTS = 'dynamodb:throttle=1';
    const { client, network } = dynamoWithFaults(process.env.FAULTS);

    const errors = [await failureOf(client.send(transaction)), await failureOf(client.send(transaction))];

    expect(errors.map((error) => error?.name).sort()).toEqual(['ProvisionedThroughputExceededException', 'ThrottlingException']);
    expect(errors[0]).toBeInstanceOf(errors[0]!.name === 'ThrottlingException' ? ThrottlingException : ProvisionedThroughputExceededException);
    expect(errors.every(isTransientAwsError)).toBe(true);
    expect(network.sent).toEqual([]);
  });

  it('times out before the request leaves: nothing is written', async () => {
    process.env.FAULTS = 'dynamodb:timeout=1';
    const { client, network } = dynamoWithFaults(process.env.FAULTS);

    const error = await failureOf(client.send(transaction));

    expect([error?.name, isTransientAwsError(error)]).toEqual(['TimeoutError', true]);
    expect(network.sent).toEqual([]);
  });

  it('loses the answer after the write went through (a timeout after commit)', async () => {
    process.env.FAULTS = 'dynamodb.TransactWriteItems:lost=1';
    const { client, network } = dynamoWithFaults(process.env.FAULTS);

    const error = await failureOf(client.send(transaction));
    await client.send(new GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' } }));

    expect(error?.name).toBe('TimeoutError');
    expect(error?.message).toContain('the request went through');
    expect(network.sent).toEqual(['DynamoDB_20120810.TransactWriteItems', 'DynamoDB_20120810.GetItem']);
    expect(injectedFaults()).toEqual({ 'dynamodb.TransactWriteItems:lost': 1 });
  });

  it('at layer=attempt, fails each attempt inside the SDK, which retries as against AWS and gives up after its last attempt', async () => {
    process.env.FAULTS = 'dynamodb:timeout=1,layer=attempt';
    const { client, network } = dynamoWithFaults(process.env.FAULTS, 3);

    const error = await failureOf(client.send(new GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' } })));

    expect([error?.name, error?.$metadata?.attempts]).toEqual(['TimeoutError', 3]);
    expect(network.sent).toEqual([]);
    expect(injectedFaults()).toEqual({ 'dynamodb.GetItem:timeout': 3 });
  });

  it('at layer=attempt, a fault that a retry gets past never reaches the caller', async () => {
    // Half of all attempts fail; with ten attempts a call (seeded: the same in every run) gets through.
    process.env.FAULTS = 'dynamodb:5xx=0.5,layer=attempt;seed=3';
    const { client, network } = dynamoWithFaults(process.env.FAULTS, 10);

    const results = await Promise.all(Array.from({ length: 5 }, () => failureOf(client.send(new GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' } })))));

    expect(results).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(network.sent).toHaveLength(5);
    expect(injectedFaults()['dynamodb.GetItem:5xx']).toBeGreaterThan(0);
  });
});

describe('the fault middleware on the SES client', () => {
  const send = (client: SESv2Client) =>
    client.send(new SendEmailCommand({ FromEmailAddress: 'a@example.org', Destination: { ToAddresses: ['b@example.org'] }, Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } } }));

  it('throttles with TooManyRequestsException (429) and fails with 500, sending nothing', async () => {
    process.env.FAULTS = 'ses:throttle=1';
    const network = fakeNetwork('{"MessageId":"m"}');
    const client = withFaults(new SESv2Client({ ...settings, maxAttempts: 1, requestHandler: network.requestHandler }), 'ses', { FAULTS: process.env.FAULTS });

    const throttled = await failureOf(send(client));
    process.env.FAULTS = 'ses:5xx=1';
    const failed = await failureOf(send(client));
    process.env.FAULTS = 'off';
    const sent = await send(client);

    expect([throttled?.name, throttled?.$metadata?.httpStatusCode]).toEqual(['TooManyRequestsException', 429]);
    expect([failed?.name, failed?.$metadata?.httpStatusCode, failed?.$fault]).toEqual(['InternalServiceErrorException', 500, 'server']);
    expect(sent.MessageId).toBe('m');
    expect(network.sent).toHaveLength(1);
  });
});
