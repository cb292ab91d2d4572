import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { projectRoot, startLocalRuntime } from '../../infra/local/runtime';
import { freePort } from '../../infra/local/services';
import { bundleSizes } from './bundle-sizes';
import { rushFigures } from './rush';

/**
 * `npm run bench`: prints figures against their targets. It asserts nothing; the figures are
 * for people to read and compare between changes.
 */
const BUNDLE_TARGET_BYTES = 250 * 1024;
const RUSH_RATIO_TARGET = 0.5;
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 200);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER TARGET');

console.log('Bundle size per function (minified ESM, AWS SDK external, as deployed)');
for (const size of await bundleSizes(projectRoot)) {
  const largest = size.largestInputs.map((input) => `${input.module} ${kb(input.bytes)}`).join(', ');
  console.log(`  ${size.name.padEnd(20)} ${kb(size.bytes).padStart(10)}  ${verdict(size.bytes <= BUNDLE_TARGET_BYTES)}  (largest: ${largest})`);
}
console.log(`  target: ≤ ${kb(BUNDLE_TARGET_BYTES)} each\n`);

const stateDir = await mkdtemp(path.join(tmpdir(), 'event-registration-bench-'));
const runtime = await startLocalRuntime({ port: await freePort(), dynamoDbPort: await freePort(), sesPort: await freePort(), tableName: 'bench', stateDir });
try {
  const rush = await rushFigures(runtime, { registrations: REGISTRATIONS, capacity: CAPACITY, rounds: ROUNDS });
  console.log(`Rush: ${rush.registrations} concurrent registrations on ${rush.capacity} seats (median of ${ROUNDS} rounds, after a warm-up)`);
  console.log(`  through the local gateway and handlers  ${rush.gatewayMs.toFixed(0).padStart(6)} ms`);
  console.log(`  raw TransactWriteItems, same count       ${rush.rawMs.toFixed(0).padStart(6)} ms`);
  console.log(`  ratio (raw / gateway)                   ${rush.ratio.toFixed(2).padStart(6)}    ${verdict(rush.ratio >= RUSH_RATIO_TARGET)}  (target ≥ ${RUSH_RATIO_TARGET})`);
} finally {
  await runtime.stop();
  await rm(stateDir, { recursive: true, force: true });
}
