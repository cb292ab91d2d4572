import { mkdtemp, rm } from 'node:fs/promises';
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
    organiserToken: string;
    otherOrganiserToken: string;
  }
}

let runtime: LocalRuntime | undefined;
let stateDir: string | undefined;

/** The same local stack as `npm start`, on free ports: real DynamoDB Local, real SES emulator. */
export async function setup(project: TestProject) {
  stateDir = await mkdtemp(path.join(tmpdir(), 'event-registration-it-'));
  runtime = await startLocalRuntime({
    port: await freePort(),
    dynamoDbPort: await freePort(),
    sesPort: await freePort(),
    tableName: 'integration-tests',
    stateDir,
    // Faster than SES's usual quota, so mail from one test never queues long behind another's.
    mailRatePerSecond: 100,
  });
  project.provide('apiUrl', runtime.apiUrl);
  project.provide('mailUrl', runtime.mailViewerUrl);
  project.provide('dynamoDbUrl', runtime.dynamoDbUrl);
  project.provide('tableName', runtime.tableName);
  project.provide('organiserToken', await issueOrganiserToken(stateDir, 'org-integration'));
  project.provide('otherOrganiserToken', await issueOrganiserToken(stateDir, 'org-other'));
}

export async function teardown() {
  await runtime?.stop();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
}
