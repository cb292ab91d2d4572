import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { LocalRuntime, SettleOptions, SettleReport } from '../../infra/local/runtime';
import { ApiContract } from './api-contract';
import type { StoredMail } from './local-stack';

/**
 * A local stack of its own, with faults injected into the functions' AWS clients (see
 * shared/adapters/faults.ts). The shared stack of the integration tests stays fault-free: this
 * one runs in the test's worker, on free ports, with its own table and state dir, and the
 * handlers it loads build their clients here, after FAULTS is set. `faults(...)` changes what
 * is injected while it runs (the clients read FAULTS at each call); the test's own reads of the
 * table use a client of their own, without faults.
 */
export interface FaultStack {
  runtime: LocalRuntime;
  call(method: string, route: string, options?: { body?: unknown; token?: 'organiser'; headers?: Record<string, string> }): Promise<Answer>;
  createEvent(overrides?: Record<string, unknown>): Promise<{ id: string; title: string }>;
  /** Sets what is injected from now on (`off` for nothing); the PRNGs start again from the seed. */
  faults(spec: string): void;
  injected(): Record<string, number>;
  /** Every mail the SES emulator received so far. */
  mails(): Promise<StoredMail[]>;
  /**
   * The runtime's own settle (LocalRuntime.settle): schedules, stream and SES feedback until
   * quiet, mail waiting out a retry backoff included. Its report counts claims left `sending`.
   */
  settle(options?: SettleOptions): Promise<SettleReport>;
  /** Every item of the table whose partition key starts with `prefix` (a scan: the test's view, not a request path). */
  items(prefix: string): Promise<Array<Record<string, any>>>;
  stop(): Promise<void>;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/**
 * `mailRetryBaseSeconds` is the first retry's backoff (1 s unless given; 30 s when deployed): a
 * mail's six attempts wait 1, 2, 4, 8 and 16 times it, which a test with many mails under faults
 * waits out in settle().
 */
export async function startFaultStack(label: string, faults: string, options: { mailRatePerSecond?: number; mailRetryBaseSeconds?: number } = {}): Promise<FaultStack> {
  // Before the clients are built (they are when the runtime's modules load): the fault layer exists only where FAULTS is set.
  process.env.FAULTS = faults;
  const [{ startLocalRuntime }, { freePort }, { issueOrganiserToken }, faultModule] = await Promise.all([
    import('../../infra/local/runtime'),
    import('../../infra/local/services'),
    import('../../infra/local/auth'),
    import('../../shared/adapters/faults'),
  ]);
  const stateDir = await mkdtemp(path.join(tmpdir(), `event-registration-faults-${label}-`));
  const runtime = await startLocalRuntime({
    port: await freePort(),
    dynamoDbPort: await freePort(),
    sesPort: await freePort(),
    tableName: `faults-${label}`,
    stateDir,
    mailRatePerSecond: options.mailRatePerSecond ?? 200,
    mailRetryBaseSeconds: options.mailRetryBaseSeconds ?? 1,
    // The test runs the schedules itself (settle), when it wants them.
    scheduleIntervalMs: 3_600_000,
  });
  const token = await issueOrganiserToken(stateDir, `org-faults-${label}`);
  const contract = await ApiContract.load(await (await fetch(`${runtime.apiUrl}/openapi.json`)).json());
  const dynamo = new DynamoDBClient({ endpoint: runtime.dynamoDbUrl, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

  async function call(method: string, route: string, callOptions: { body?: unknown; token?: 'organiser'; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (callOptions.token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (callOptions.body !== undefined) [body, headers['content-type']] = [JSON.stringify(callOptions.body), 'application/json'];
    const response = await fetch(`${runtime.apiUrl}${route}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    // Every answer, the 503s included, must be one /openapi.json describes (status, type, body, Retry-After).
    const mismatches = contract.mismatches({ method, path: route, status: response.status, headers: response.headers, text });
    if (mismatches.length > 0) throw new Error(`${method} ${route} answered ${response.status} as /openapi.json does not describe it:\n- ${mismatches.join('\n- ')}\n${text.slice(0, 300)}`);
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  let events = 0;
  async function createEvent(overrides: Record<string, unknown> = {}) {
    const start = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    start.setUTCMinutes(0, 0, 0);
    const body = {
      title: `Fault workshop ${++events} ${label}`,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600 * 1000).toISOString(),
      venue: { name: 'Provinciehuis', address: 'Pythagoraslaan 101, Utrecht' },
      capacity: 2,
      emailConfirmation: 'off',
      language: 'en',
      ...overrides,
    };
    // Organisers retry a 503 as any client would.
    for (let attempt = 1; ; attempt++) {
      const response = await call('POST', '/admin/events', { token: 'organiser', body });
      if (response.status === 201) return response.json as { id: string; title: string };
      if (response.status !== 503 || attempt >= 20) throw new Error(`Could not create event: ${response.status} ${response.text}`);
    }
  }

  const seen = new Map<string, StoredMail>();
  async function mails(): Promise<StoredMail[]> {
    const stored = ((await (await fetch(`${runtime.mailViewerUrl}/store`)).json()) as { emails: StoredMail[] }).emails;
    for (const mail of stored) seen.set(mail.messageId, mail);
    return [...seen.values()];
  }

  async function items(prefix: string): Promise<Array<Record<string, any>>> {
    const found: Array<Record<string, any>> = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await dynamo.send(
        new ScanCommand({ TableName: runtime.tableName, FilterExpression: 'begins_with(PK, :prefix)', ExpressionAttributeValues: { ':prefix': { S: prefix } }, ExclusiveStartKey: start }),
      );
      found.push(...(page.Items ?? []).map((item) => unmarshall(item)));
      start = page.LastEvaluatedKey;
    } while (start);
    return found;
  }

  return {
    runtime,
    call,
    createEvent,
    faults: (spec) => void (process.env.FAULTS = spec),
    injected: faultModule.injectedFaults,
    mails,
    settle: (settleOptions) => runtime.settle({ timeoutMs: 90_000, ...settleOptions }),
    items,
    async stop() {
      dynamo.destroy();
      await runtime.stop();
      await rm(stateDir, { recursive: true, force: true });
      delete process.env.FAULTS;
    },
  };
}

/** Posts until the answer is not a 503, as a client that honours Retry-After would (without its wait: the test is not about time). */
export async function untilAnswered(send: () => Promise<Answer>, onUnavailable?: (answer: Answer) => void, maxAttempts = 30): Promise<Answer> {
  for (let attempt = 1; ; attempt++) {
    const answer = await send();
    if (answer.status !== 503 || attempt >= maxAttempts) return answer;
    onUnavailable?.(answer);
  }
}

/** Runs `tasks` with at most `limit` at a time (a rush from many clients, without opening a thousand sockets at once on a small machine). */
export async function inParallel<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}
