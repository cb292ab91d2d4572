import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot, startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime';
import { freePort } from '../../infra/local/services';
import { bundleSizes } from './bundle-sizes';
import { cancelStorm, profileFunctions, rawCancelStorm } from './cancel-storm';
import { certificateMailing, pdfFigures } from './certificates';
import { coldStarts } from './cold-start';
import { reminderFanout } from './reminder-fanout';
import { rushFigures } from './rush';
import type { SellOutFigures } from './sell-out';

/**
 * `npm run bench`: prints figures against their targets. It asserts nothing; the figures are
 * for people to read and compare between changes.
 */
// Every bundle carries its AWS SDK clients; the certificate renderers also carry pdf-lib and fontkit.
const BUNDLE_TARGET_BYTES = 500 * 1024;
const PDF_BUNDLE_TARGET_BYTES = 1.6 * 1024 * 1024;
// Importing a bundle in a fresh process, over an empty `node` start (the renderers have no target).
const COLD_START_RATIO_TARGET = 3;
const COLD_START_ROUNDS = Number(process.env.BENCH_COLD_START_ROUNDS ?? 7);
const RUSH_RATIO_TARGET = 0.5;
const STORM_RATIO_TARGET = 0.5;
/** What DynamoDB throws under load and DynamoDB Local never does (as in test/integration/faults-rush.test.ts); BENCH_FAULTS overrides. */
const BENCH_FAULTS = process.env.BENCH_FAULTS ?? 'dynamodb:conflict=0.1,throttle=0.05;seed=42';
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 200);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER TARGET');
const bundleTarget = (bundle: { rendersPdf: boolean }) => (bundle.rendersPdf ? PDF_BUNDLE_TARGET_BYTES : BUNDLE_TARGET_BYTES);

/** A fresh local stack, so a scenario starts from nothing queued and handlers cold-start with its settings. */
async function withRuntime<T>(options: { mailRatePerSecond?: number; scheduleIntervalMs?: number }, run: (runtime: LocalRuntime) => Promise<T>): Promise<T> {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'event-registration-bench-'));
  const runtime = await startLocalRuntime({ port: await freePort(), dynamoDbPort: await freePort(), sesPort: await freePort(), tableName: 'bench', stateDir, ...options });
  try {
    return await run(runtime);
  } finally {
    await runtime.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
}

const scenarios: Record<string, () => Promise<void>> = {
  async bundles() {
    console.log('Bundle size per function (minified ESM with its AWS SDK clients, as deployed)');
    for (const size of await bundleSizes(projectRoot)) {
      const largest = size.largestInputs.map((input) => `${input.module} ${kb(input.bytes)}`).join(', ');
      console.log(`  ${size.name.padEnd(26)} ${kb(size.bytes).padStart(10)}  ${verdict(size.bytes <= bundleTarget(size))}  (largest: ${largest})`);
    }
    console.log(`  target: ≤ ${kb(BUNDLE_TARGET_BYTES)} each, ≤ ${(PDF_BUNDLE_TARGET_BYTES / 1024 / 1024).toFixed(1)} MB for those that render PDFs`);
  },

  async 'cold-start'() {
    const { emptyNodeMs, functions } = await coldStarts(projectRoot, COLD_START_ROUNDS);
    console.log(`\nCold start: importing each bundle in a fresh node ${process.versions.node} process, as deployed, over an empty node start`);
    console.log(`  (median of ${COLD_START_ROUNDS} each; an empty node starts in ${emptyNodeMs.toFixed(1)} ms)`);
    for (const bundle of functions) {
      const ratio = `${bundle.ratio.toFixed(2)}×`.padStart(6);
      const target = bundle.rendersPdf ? 'renders PDFs, no target' : verdict(bundle.ratio <= COLD_START_RATIO_TARGET);
      console.log(`  ${bundle.name.padEnd(26)} ${kb(bundle.bytes).padStart(10)}  import ${bundle.importMs.toFixed(1).padStart(6)} ms  ${ratio}  ${target}`);
    }
    console.log(`  target: ≤ ${COLD_START_RATIO_TARGET}× for every function that does not render PDFs`);
  },

  rush: () => rush(),
  'rush-faults': () => rush(BENCH_FAULTS),

  async 'write-units'() {
    const target = 15;
    console.log('\nWrite units per registration (ReturnConsumedCapacity, every item it writes, the index included)');
    // Imported when run: the use cases load their metrics at import, before a local stack switches metrics off.
    const { writeUnitsPerRegistration } = await import('./write-units');
    for (const row of await writeUnitsPerRegistration([0, 1_000, 10_000])) {
      console.log(`  ${row.label.padEnd(36)} reported ${String(row.units).padStart(3)}, AWS bills ${String(row.billed).padStart(3)}  ${verdict(row.billed <= target)}  (${row.detail})`);
    }
    console.log(`  target: ≤ ${target} and the same at every waitlist length (the old layout's event item alone: 108 at 1,000 waiting)`);
  },

  async 'sell-out'() {
    const requests = Number(process.env.BENCH_SELLOUT_REQUESTS ?? 20_000);
    const capacity = Number(process.env.BENCH_SELLOUT_CAPACITY ?? 10_000);
    const seconds = Number(process.env.BENCH_SELLOUT_SECONDS ?? 60);
    const instances = Number(process.env.BENCH_SELLOUT_INSTANCES ?? 40);
    const target = 170;
    console.log(`\nSell-out, modelled: ${requests} requests at random within ${seconds} s for ${capacity} seats (waitlist on), ${instances} warm Lambda instances`);
    console.log('  (real use case and transactions on DynamoDB Local; DynamoDB\'s per-item and per-partition limits and conflicts in virtual time, see README "Capacity plan")');
    // BENCH_SELLOUT_SHARDS=1,4,own: shard counts to compare; `own` is the event's own policy.
    const { sellOut } = await import('./sell-out');
    const shardings = (process.env.BENCH_SELLOUT_SHARDS ?? '1,own').split(',').map((entry) => (entry === 'own' ? undefined : Number(entry)));
    for (const shards of shardings) {
      const run = await sellOut({ requests, seconds, capacity, instances, ...(shards ? { shards } : {}) });
      printSellOut(run, shards ? 'forced' : 'the event\'s own', target);
    }
  },

  storm: () => storm(),
  'storm-faults': () => storm(BENCH_FAULTS),

  async bots() {
    const { botRun } = await import('./abuse');
    const bots = await withRuntime({ mailRatePerSecond: 200 }, (runtime) => botRun(runtime, { bots: 500, people: 25, capacity: 30 }));
    console.log(`\nBot run: ${bots.bots} registrations with made-up addresses on a ${bots.capacity}-seat event that confirms addresses, then ${bots.people} people who confirm`);
    console.log(`  seats and places bots hold after the window ${String(bots.heldByBotsAfter).padStart(4)}    ${verdict(bots.heldByBotsAfter === 0)}  (target 0)`);
    console.log(`  people promoted, in waitlist order       ${String(bots.peoplePromoted).padStart(4)}/${bots.people}  ${verdict(bots.peoplePromoted === bots.people && bots.promotedInOrder)}  (in order: ${bots.promotedInOrder ? 'yes' : 'NO'})`);
    console.log(`  mails to made-up addresses beyond one    ${String(bots.extraMailsToBots).padStart(4)}    ${verdict(bots.extraMailsToBots === 0)}  (target 0)`);
    console.log(`  sweep releasing every lapsed hold        ${(bots.sweepMs / 1000).toFixed(1).padStart(6)} s`);
  },

  async bounces() {
    const { bounceRun } = await import('./abuse');
    const bounces = await withRuntime({ mailRatePerSecond: 200 }, (runtime) => bounceRun(runtime, { bounces: 1000 }));
    console.log(`Bounces: ${bounces.bounces} registrations to bounce@simulator.amazonses.com (labelled), then a change of time mailed to everyone`);
    console.log(`  addresses marked undeliverable           ${String(bounces.marked).padStart(4)}/${bounces.bounces}  ${verdict(bounces.marked === bounces.bounces)}`);
    console.log(`  registering, mailing and feedback took   ${(bounces.feedbackMs / 1000).toFixed(1).padStart(6)} s  (mail rate 200/s)`);
    console.log(`  later mails sent to those addresses      ${String(bounces.laterMailsSent).padStart(4)}    ${verdict(bounces.laterMailsSent === 0)}  (target 0; ${bounces.suppressed} suppressed)`);
  },

  async reminders() {
    const participants = Number(process.env.BENCH_REMINDERS ?? 10_000);
    // 25/s sits below what DynamoDB Local and the SES emulator sustain on two cores (about 35/s), so the
    // figure measures the pacing, not the emulators.
    const ratePerSecond = Number(process.env.BENCH_REMINDER_RATE ?? 25);
    const fanout = await withRuntime({ mailRatePerSecond: ratePerSecond, scheduleIntervalMs: 1000 }, (runtime) => reminderFanout(runtime, { participants, ratePerSecond }));
    const fraction = fanout.achievedPerSecond / fanout.ratePerSecond;
    console.log(`\nReminder fan-out: ${fanout.reminders} confirmed participants, MAIL_RATE_PER_SECOND = ${fanout.ratePerSecond}`);
    console.log(`  achieved rate                          ${fanout.achievedPerSecond.toFixed(1).padStart(6)} /s  = ${fraction.toFixed(2)} of R  ${verdict(fraction >= 0.95)}  (target ≥ 0.95)`);
    console.log(`  duplicates                             ${String(fanout.duplicates).padStart(6)}      ${verdict(fanout.duplicates === 0)}  (target 0)`);
    console.log(`  until the last reminder arrived        ${(fanout.totalMs / 1000).toFixed(1).padStart(6)} s`);
  },

  async certificates() {
    const pdf = await pdfFigures(50);
    console.log(`\nCertificate PDF (warm, median of 50)`);
    console.log(`  render time                            ${pdf.medianMs.toFixed(1).padStart(6)} ms  ${verdict(pdf.medianMs <= 25)}  (target ≤ 25 ms)`);
    console.log(`  size                                   ${kb(pdf.bytes).padStart(9)}  ${verdict(pdf.bytes <= 20 * 1024)}  (target ≤ 20 KB)`);
    const participants = Number(process.env.BENCH_CERTIFICATES ?? 1000);
    const mailing = await withRuntime({ mailRatePerSecond: 200, scheduleIntervalMs: 1000 }, (runtime) => certificateMailing(runtime, participants));
    console.log(`Certificate mailing: ${mailing.participants} attendees, requested twice`);
    console.log(`  until every certificate arrived        ${(mailing.totalMs / 1000).toFixed(1).padStart(6)} s`);
    console.log(`  duplicates                             ${String(mailing.duplicates).padStart(6)}      ${verdict(mailing.duplicates === 0)}  (target 0)`);
  },
};

/**
 * The fault layer exists only in clients built where FAULTS was set (shared/adapters/faults.ts), so
 * a scenario with faults runs in a process started with it (see the end of this file). Returns a
 * line that says what was injected, for after the run.
 */
async function withFaults(faults: string | undefined): Promise<() => string> {
  if (!faults) return () => '';
  if (process.env.FAULTS !== faults) throw new Error(`A scenario with faults needs FAULTS="${faults}" from the start of its process`);
  const { injectedFaults } = await import('../../shared/adapters/faults');
  return () => {
    const injected = Object.entries(injectedFaults());
    const total = injected.reduce((sum, [, count]) => sum + count, 0);
    return `  faults injected ${String(total).padStart(6)}  (FAULTS="${faults}": ${injected.map(([name, count]) => `${count} ${name}`).join(', ') || 'none'})`;
  };
}

async function rush(faults?: string) {
  const injected = await withFaults(faults);
  // Mail paced at SES's usual quota, as `npm start` does.
  const figures = await withRuntime({}, (runtime) => rushFigures(runtime, { registrations: REGISTRATIONS, capacity: CAPACITY, rounds: ROUNDS }));
  console.log(`\nRush${faults ? ' with faults' : ''}: ${figures.registrations} concurrent registrations on ${figures.capacity} seats (median of ${ROUNDS} rounds, after a warm-up)`);
  console.log(`  through the local gateway and handlers  ${figures.gatewayMs.toFixed(0).padStart(6)} ms${faults ? `  (every 503 sent again until answered: ${figures.unavailable} in ${ROUNDS} rounds)` : ''}`);
  console.log(`  raw TransactWriteItems, same writes      ${figures.rawMs.toFixed(0).padStart(6)} ms${faults ? '  (no faults: the floor)' : ''}`);
  console.log(`  ratio (raw / gateway)                   ${figures.ratio.toFixed(2).padStart(6)}    ${verdict(figures.ratio >= RUSH_RATIO_TARGET)}  (target ≥ ${RUSH_RATIO_TARGET})`);
  if (faults) console.log(injected());
}

async function storm(faults?: string) {
  const injected = await withFaults(faults);
  const mailRate = Number(process.env.BENCH_STORM_MAIL_RATE ?? 200);
  const shape = { cancellations: 500, capacity: 1000, waitlist: 1000, concurrency: 25 };
  const profile = process.env.BENCH_PROFILE ? await profileFunctions() : undefined;
  const { figures, raw, profiled } = await withRuntime({ mailRatePerSecond: mailRate }, async (runtime) => {
    const figures = await cancelStorm(runtime, shape);
    const profiled = profile?.();
    return { figures, raw: await rawCancelStorm(runtime, shape), profiled };
  });
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
  const perSecond = (ms: number) => `${((shape.cancellations * 1000) / ms).toFixed(1).padStart(6)} /s`;
  // Time of the floor over time through the system, which is the system's throughput over the floor's: ≥ 0.5 means the system costs at most twice the bare DynamoDB operations.
  const ratio = raw.rawMs / figures.promotedMs;
  console.log(`\nCancel storm${faults ? ' with faults' : ''}: ${figures.cancellations} cancellations (25 at a time) on a ${figures.capacity}-seat event with a ${figures.waitlist}-person waitlist`);
  console.log(`  every cancellation answered            ${seconds(figures.answeredMs)}${faults ? `  (every 503 sent again until answered: ${figures.unavailable})` : ''}`);
  const percentile = (p: number) => figures.latenciesMs[Math.min(figures.latenciesMs.length - 1, Math.floor((p / 100) * figures.latenciesMs.length))]!.toFixed(0);
  console.log(`  one cancellation's answer, p50 / p99     ${percentile(50).padStart(4)} / ${percentile(99)} ms`);
  console.log(`  every freed seat promoted              ${seconds(figures.promotedMs)}  = ${perSecond(figures.promotedMs)} cancellations with their promotion`);
  console.log(`  every promotion mail delivered         ${seconds(figures.mailedMs)}  (mail rate ${mailRate}/s)`);
  console.log(`  raw floor: the same DynamoDB operations ${seconds(raw.rawMs)}  = ${perSecond(raw.rawMs)}  (straight at DynamoDB Local, 25 at a time, no faults)`);
  console.log(`  storm ratio (raw time / system time = system throughput / raw throughput) ${ratio.toFixed(2)}  ${verdict(ratio >= STORM_RATIO_TARGET)}  (target ≥ ${STORM_RATIO_TARGET})`);
  if (faults) console.log(injected());
  if (profiled) console.log(`  the functions' DynamoDB calls during the storm (BENCH_PROFILE):\n${profiled}`);
}

function printSellOut(run: SellOutFigures, how: string, target: number) {
  const refused = Object.entries(run.refused).map(([reason, count]) => `${count} × ${reason}`).join(', ') || 'none';
  console.log(`  ${run.shards} seat shard(s) (${how} sharding)`);
  console.log(`    seats sold per second                ${run.seatsPerSecond.toFixed(1).padStart(8)}  ${verdict(run.seatsPerSecond >= target)}  (target ≥ ${target}); sold out ${run.soldOutAfterSeconds === undefined ? 'not within the run' : `after ${run.soldOutAfterSeconds.toFixed(1)} s`}`);
  console.log(`    accepted per second (seat or waitlist) ${run.acceptedPerSecond.toFixed(1).padStart(6)}  (${run.confirmed} seats, ${run.waitlisted} waitlisted)`);
  const why = Object.entries(run.unavailableBecause).map(([reason, count]) => `${count} ${reason}`).join(', ');
  console.log(`    503 with Retry-After                 ${String(run.unavailable).padStart(8)}  ${why ? `(${why})` : ''}`);
  console.log(`    refused otherwise                    ${refused}; failed: ${run.failed}`);
  console.log(`    latency p50 / p99                    ${run.p50Ms.toFixed(0).padStart(5)} / ${run.p99Ms.toFixed(0)} ms`);
  console.log(`    oversold                             ${String(run.oversold).padStart(8)}  ${verdict(run.oversold === 0)}  (target 0)`);
  console.log(`    DynamoDB calls ${run.model.calls}, modelled conflicts ${run.model.conflicts}, throttles ${run.model.throttles}`);
}

// Each scenario in its own process: handlers keep their configuration from their cold start,
// as in Lambda, so a scenario with other settings needs fresh ones; one with faults starts with FAULTS set.
const runAlone = (name: string) =>
  spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], {
    stdio: 'inherit',
    env: { ...process.env, ...(name.endsWith('-faults') ? { FAULTS: BENCH_FAULTS } : {}) },
  }).status;

const only = process.argv[2];
if (only && !scenarios[only]) {
  throw new Error(`No scenario "${only}"; there are ${Object.keys(scenarios).join(', ')}`);
} else if (only && only.endsWith('-faults') && process.env.FAULTS !== BENCH_FAULTS) {
  process.exitCode = runAlone(only) ?? 1;
} else if (only) {
  await scenarios[only]!();
} else {
  for (const name of Object.keys(scenarios)) {
    const status = runAlone(name);
    if (status !== 0) process.exitCode = status ?? 1;
  }
}
