import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { issueOrganiserToken } from '../../infra/local/auth';
import { LOCAL_REGION, type LocalRuntime } from '../../infra/local/runtime';

export interface RushFigures {
  registrations: number;
  capacity: number;
  gatewayMs: number;
  rawMs: number;
  /** Raw throughput as a share of ours: 1.0 means the whole stack costs nothing over bare transactions. */
  ratio: number;
  /** 503s (with Retry-After) sent again during the measured rounds (only with faults on). */
  unavailable: number;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function gatewayRush(runtime: LocalRuntime, token: string, registrations: number, capacity: number): Promise<number> {
  let unavailable = 0;
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  let created: Response;
  // With faults on, the organiser's client sends a 503 again too.
  do {
    created = await fetch(`${runtime.apiUrl}/admin/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bench', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), venue: { name: 'Bench' }, capacity, emailConfirmation: 'off' }),
    });
  } while (created.status === 503 && (await created.arrayBuffer()));
  if (created.status !== 201) throw new Error(`Could not create the bench event: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const run = Date.now();
  const statuses = await Promise.all(
    Array.from({ length: registrations }, (_, index) =>
      (async () => {
        // With faults on, a 503 is sent again at once, as a client honouring Retry-After would (without its wait).
        for (let attempt = 1; ; attempt++) {
          const response = await fetch(`${runtime.apiUrl}/events/${id}/registrations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: `Bench ${index}`, email: `bench${index}.${run}@example.org`, consent: true }),
          });
          await response.arrayBuffer();
          if (response.status !== 503 || attempt >= 30) return response.status;
          unavailable++;
        }
      })(),
    ),
  );
  const failed = statuses.filter((status) => status !== 201).length;
  if (failed > 0) throw new Error(`${failed} of ${registrations} registrations failed during the rush`);
  return unavailable;
}

/**
 * The floor: the writes the registrations make (email lock, registration, a seat on the seat
 * counter or a ticket and a waitlist entry, an outbox record, the check-in code), as many seats
 * and waitlist places as the rush gives, issued straight at DynamoDB Local with the same
 * concurrency, with no reads and no retries. The outbox record gets a key the mail trigger
 * ignores, so the floor sends no mail.
 */
async function rawRush(client: DynamoDBDocumentClient, tableName: string, registrations: number, capacity: number): Promise<void> {
  const eventPartition = `BENCH#${Date.now()}`;
  const seatKey = { PK: eventPartition, SK: 'SEATS#00' };
  const waitlistKey = { PK: eventPartition, SK: 'SEATS#WAITLIST' };
  await client.send(new PutCommand({ TableName: tableName, Item: { ...seatKey, taken: 0, capacity } }));
  await client.send(new PutCommand({ TableName: tableName, Item: { ...waitlistKey, next: 1 } }));
  const now = new Date().toISOString();
  await Promise.all(
    Array.from({ length: registrations }, async (_, index) => {
      const registrationId = `01BENCH${String(index).padStart(19, '0')}`;
      const seat = index < capacity;
      let seq = 0;
      if (!seat) {
        const { Attributes } = await client.send(
          new UpdateCommand({ TableName: tableName, Key: waitlistKey, UpdateExpression: 'SET #next = #next + :one', ExpressionAttributeNames: { '#next': 'next' }, ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'UPDATED_OLD' }),
        );
        seq = Number(Attributes!.next);
      }
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { PK: `BENCHEMAIL#${eventPartition}#bench${index}@example.org`, SK: 'EMAIL', registrationId }, ConditionExpression: 'attribute_not_exists(PK)' } },
            seat
              ? { Update: { TableName: tableName, Key: seatKey, UpdateExpression: 'SET taken = taken + :one', ExpressionAttributeValues: { ':one': 1 } } }
              : { Put: { TableName: tableName, Item: { PK: eventPartition, SK: `WAIT#${String(seq).padStart(10, '0')}`, seq, registrationId } } },
            {
              Put: {
                TableName: tableName,
                Item: { PK: `BENCHREG#${eventPartition}#${registrationId}`, SK: 'REG', GSI1PK: `BENCHREGS#${eventPartition}`, GSI1SK: registrationId, registrationId, name: `Bench ${index}`, email: `bench${index}@example.org`, status: seat ? 'confirmed' : 'waitlisted', createdAt: now, consentedAt: now },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: tableName, Item: { PK: `BENCHMAIL#${registrationId}`, SK: 'MAIL', kind: 'registration-confirmed', registrationId, status: 'pending', attempts: 0, createdAt: now } } },
            { Put: { TableName: tableName, Item: { PK: `BENCHCHECKIN#${eventPartition}#${registrationId.slice(-8)}`, SK: 'CHECKIN', registrationId }, ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
    }),
  );
}

export async function rushFigures(runtime: LocalRuntime, options: { registrations: number; capacity: number; rounds: number }): Promise<RushFigures> {
  const token = await issueOrganiserToken(runtime.stateDir, 'bench');
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.dynamoDbUrl, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );

  // One unmeasured round each: JIT, handler cold starts and DynamoDB Local's own warm-up.
  await gatewayRush(runtime, token, options.registrations, options.capacity);
  await rawRush(client, runtime.tableName, options.registrations, options.capacity);
  await runtime.drainStreams(120_000);

  const gateway: number[] = [];
  const raw: number[] = [];
  let unavailable = 0;
  for (let round = 0; round < options.rounds; round++) {
    gateway.push(await timed(async () => void (unavailable += await gatewayRush(runtime, token, options.registrations, options.capacity))));
    await runtime.drainStreams(120_000);
    raw.push(await timed(() => rawRush(client, runtime.tableName, options.registrations, options.capacity)));
  }
  client.destroy();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const gatewayMs = median(gateway);
  const rawMs = median(raw);
  return { registrations: options.registrations, capacity: options.capacity, gatewayMs, rawMs, ratio: rawMs / gatewayMs, unavailable };
}
