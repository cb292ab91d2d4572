import { mkdtemp, rm } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { addAccount } from '../../infra/local/accounts';
import { issueOrganiserToken } from '../../infra/local/auth';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime';
import { freePort } from '../../infra/local/services';
import { writeBlankVideo } from './support/camera';

export interface E2eContext {
  apiUrl: string;
  mailUrl: string;
  /** The organisation of both local accounts; every event the tests create belongs to it. */
  organisationId: string;
  organiserEmail: string;
  doorEmail: string;
  /** For arranging data through the API (the browser signs in through the sign-in page). */
  organiserToken: string;
  /** Playwright's endpoint of the one Chromium that every test file connects to. */
  browserEndpoint: string;
  /** The Y4M file Chromium's fake camera plays; a test writes a QR code into it before scanning. */
  cameraFile: string;
  /** POST here to wait until the stack is quiet (LocalRuntime.settle); it answers the SettleReport. */
  settleUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

const ORGANISATION_ID = 'org-e2e';
const ORGANISER_EMAIL = 'organiser@example.org';
const DOOR_EMAIL = 'door@example.org';
/** The system's Chromium; no browser is downloaded. */
const CHROMIUM = '/usr/bin/chromium';

let runtime: LocalRuntime | undefined;
let browser: BrowserServer | undefined;
let stateDir: string | undefined;
let control: http.Server | undefined;

/** Test files run in workers, the stack runs here: a loopback endpoint lets a test wait for the stack to be quiet. */
async function startSettleEndpoint(stack: LocalRuntime): Promise<string> {
  control = http.createServer(async (request, response) => {
    if (request.method !== 'POST' || request.url !== '/settle') return void response.writeHead(404).end();
    try {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await stack.settle()));
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => control!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(control.address() as AddressInfo).port}/settle`;
}

/**
 * The same local stack as `npm start` (DynamoDB Local, SES emulator, gateway with the console
 * and the sign-in stand-in, stream poller, scheduler) on free ports with a state dir of its own,
 * and one Chromium (Debian's, never a downloaded one) that every test file connects to.
 */
export async function setup(project: TestProject) {
  stateDir = await mkdtemp(path.join(tmpdir(), 'event-registration-e2e-'));
  // The sign-in page offers exactly these accounts (it reads accounts.json from the state dir).
  await addAccount(stateDir, { email: ORGANISER_EMAIL, organisationId: ORGANISATION_ID, role: 'organiser' });
  await addAccount(stateDir, { email: DOOR_EMAIL, organisationId: ORGANISATION_ID, role: 'door' });

  const cameraFile = path.join(stateDir, 'camera.y4m');
  // Chromium looks at the file when it lists cameras, and reads it again whenever the camera starts.
  await writeBlankVideo(cameraFile);

  const [port, dynamoDbPort, sesPort] = [await freePort(), await freePort(), await freePort()];
  const [stack, chromiumServer] = await Promise.allSettled([
    startLocalRuntime({
      port,
      dynamoDbPort,
      sesPort,
      tableName: 'e2e-tests',
      stateDir,
      mailRatePerSecond: 100,
      mailRetryBaseSeconds: 1,
      // The certificate mailing runs from the schedule: every second, so progress shows within a test's patience.
      scheduleIntervalMs: 1000,
    }),
    chromium.launchServer({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${cameraFile}`,
      ],
    }),
  ]);
  if (stack.status === 'fulfilled') runtime = stack.value;
  if (chromiumServer.status === 'fulfilled') browser = chromiumServer.value;
  // Vitest runs teardown only after a setup that succeeded: stop what did start before failing.
  if (stack.status === 'rejected' || chromiumServer.status === 'rejected') {
    await teardown();
    throw stack.status === 'rejected' ? stack.reason : new Error(`Could not start ${CHROMIUM} (Debian's chromium package; .ci/run installs it)`, { cause: (chromiumServer as PromiseRejectedResult).reason });
  }

  project.provide('e2e', {
    apiUrl: runtime!.apiUrl,
    mailUrl: runtime!.mailViewerUrl,
    organisationId: ORGANISATION_ID,
    organiserEmail: ORGANISER_EMAIL,
    doorEmail: DOOR_EMAIL,
    organiserToken: await issueOrganiserToken(stateDir, ORGANISATION_ID),
    browserEndpoint: browser!.wsEndpoint(),
    cameraFile,
    settleUrl: await startSettleEndpoint(runtime!),
  });
}

export async function teardown() {
  control?.close();
  control = undefined;
  await browser?.close();
  await runtime?.stop();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
  browser = runtime = stateDir = undefined;
}
