import { mkdtemp, rm } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';
import { issueOrganiserToken } from '../../infra/local/auth';
import { freePort } from '../../infra/local/services';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    mailUrl: string;
    dynamoDbUrl: string;
    tableName: string;
    /** An organiser of org-integration. */
    organiserToken: string;
    /** An organiser of another organisation, org-other. */
    otherOrganiserToken: string;
    /** A door account of org-integration, the organisation of organiserToken. */
    doorToken: string;
    /** The stack's state dir: its key pair and its local accounts (accounts.json). */
    stateDir: string;
    controlUrl: string;
  }
}

let runtime: LocalRuntime | undefined;
let stateDir: string | undefined;
let control: http.Server | undefined;

/**
 * Test files run in workers; the stack runs here. This small loopback server lets a test do
 * what an operator would: take SES offline and back, run the schedules, wait for the stream,
 * and wait until the whole system is quiet (`/settle`, answering the runtime's SettleReport).
 */
async function startControl(stack: LocalRuntime): Promise<string> {
  let restoreMail: (() => Promise<void>) | undefined;
  const actions: Record<string, (query: URLSearchParams) => Promise<unknown>> = {
    '/mail/offline': async () => {
      restoreMail ??= await stack.takeMailOffline();
    },
    '/mail/online': async () => {
      await restoreMail?.();
      restoreMail = undefined;
    },
    '/schedules/run': () => stack.runSchedules(),
    '/streams/drain': () => stack.drainStreams(60_000),
    '/settle': (query) => stack.settle({ waitForRetries: query.get('retries') !== 'due' }),
  };
  control = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://control');
    const action = actions[url.pathname];
    if (!action || request.method !== 'POST') return void response.writeHead(404).end();
    try {
      const result = await action(url.searchParams);
      if (result === undefined) response.writeHead(204).end();
      else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => control!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
}

/** The same local stack as `npm start`, on free ports: real DynamoDB Local, real SES emulator. */
export async function setup(project: TestProject) {
  stateDir = await mkdtemp(path.join(tmpdir(), 'event-registration-it-'));
  runtime = await startLocalRuntime({
    port: await freePort(),
    dynamoDbPort: await freePort(),
    sesPort: await freePort(),
    tableName: 'integration-tests',
    stateDir,
    // Faster than SES's usual quota, so mail from one test never queues long behind another's;
    // short retry backoff and schedule, so retried mail arrives within a test's patience.
    mailRatePerSecond: 100,
    mailRetryBaseSeconds: 1,
    scheduleIntervalMs: 1000,
  });
  project.provide('apiUrl', runtime.apiUrl);
  project.provide('mailUrl', runtime.mailViewerUrl);
  project.provide('dynamoDbUrl', runtime.dynamoDbUrl);
  project.provide('tableName', runtime.tableName);
  project.provide('organiserToken', await issueOrganiserToken(stateDir, 'org-integration'));
  project.provide('otherOrganiserToken', await issueOrganiserToken(stateDir, 'org-other'));
  project.provide('doorToken', await issueOrganiserToken(stateDir, 'org-integration', { role: 'door' }));
  project.provide('stateDir', stateDir);
  project.provide('controlUrl', await startControl(runtime));
}

export async function teardown() {
  control?.close();
  await runtime?.stop();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
}
