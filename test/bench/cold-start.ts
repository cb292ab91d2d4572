import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogue, settingsOf } from '../../infra/catalogue';
import { metricNamespace } from '../../infra/deployment-config';
import type { SettingName } from '../../shared/config';
import { bundleSizes, type BundleSize } from './bundle-sizes';

export interface ColdStart extends BundleSize {
  /** Median time of `await import(bundle)` in a fresh process. */
  importMs: number;
  /** importMs over the median start of an empty `node` process. */
  ratio: number;
}

/** Plausible values for every setting a function may read at import; no AWS endpoint, so nothing is called. */
const SETTINGS: Record<SettingName, string> = {
  TABLE_NAME: 'event-registration-bench',
  MAIL_FROM: 'Masterclass <no-reply@example.org>',
  PUBLIC_BASE_URL: 'https://events.example.org',
  MAIL_RATE_PER_SECOND: '14',
  MAIL_RETRY_BASE_SECONDS: '30',
  MAIL_CONFIGURATION_SET: 'event-registration-bench',
  EVENT_BUS_NAME: 'event-registration-bench',
};

/** What Lambda and the function construct put in a function's environment. */
function lambdaEnvironment(name: string, dir: string): NodeJS.ProcessEnv {
  const spec = catalogue.find((candidate) => candidate.name === name)!;
  return {
    PATH: process.env.PATH,
    TZ: ':UTC',
    LAMBDA_TASK_ROOT: dir,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb ?? 512),
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'ASIABENCHBENCHBENCH0',
    AWS_SECRET_ACCESS_KEY: 'bench/bench/bench/bench/bench/bench/bench0',
    AWS_SESSION_TOKEN: 'bench',
    AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    NODE_OPTIONS: '--enable-source-maps',
    POWERTOOLS_SERVICE_NAME: name,
    POWERTOOLS_METRICS_NAMESPACE: metricNamespace('bench'),
    ...Object.fromEntries(settingsOf(spec).map((setting) => [setting, SETTINGS[setting]])),
  };
}

/** Wall time of a fresh `node`, and what it printed. */
function run(args: string[], env: NodeJS.ProcessEnv): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const IMPORT_TIMED = 'const started = performance.now(); await import(process.argv[1]); console.log(performance.now() - started);';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Every function bundled as deployed, then imported in fresh processes, round-robin and each
 * after an empty `node` start, so that the machine's drift spreads over all of them.
 */
export async function coldStarts(projectRoot: string, rounds: number): Promise<{ emptyNodeMs: number; functions: ColdStart[] }> {
  const outdir = await mkdtemp(path.join(tmpdir(), 'event-registration-cold-start-'));
  try {
    const bundles = await bundleSizes(projectRoot, outdir);
    const empty: number[] = [];
    const imports = new Map<string, number[]>(bundles.map((bundle) => [bundle.name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const bundle of bundles) {
        empty.push(run(['-e', ''], lambdaEnvironment(bundle.name, path.dirname(bundle.file!))).ms);
        const { stdout } = run(['--input-type=module', '-e', IMPORT_TIMED, pathToFileURL(bundle.file!).href], lambdaEnvironment(bundle.name, path.dirname(bundle.file!)));
        imports.get(bundle.name)!.push(Number(stdout.trim().split('\n').at(-1)));
      }
    }
    const emptyNodeMs = median(empty);
    return {
      emptyNodeMs,
      functions: bundles.map((bundle) => {
        const importMs = median(imports.get(bundle.name)!);
        return { ...bundle, importMs, ratio: importMs / emptyNodeMs };
      }),
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}
