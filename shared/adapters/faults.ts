import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  ThrottlingException,
  TransactionCanceledException,
  type CancellationReason,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { SESv2Client } from '@aws-sdk/client-sesv2';

/**
 * Faults AWS produces and the emulators do not, injected into our own SDK clients: an SDK
 * middleware that exists only when the `FAULTS` environment variable was set at cold start
 * (the CDK stack never sets it, so a deployed function carries none of this).
 *
 *     FAULTS="dynamodb:conflict=0.1,throttle=0.05;ses:throttle=0.3,layer=attempt;seed=42"
 *
 * Sections are separated by `;`. A section is `<service>[.<Operation>]:<fault>=<rate>,...`
 * (`dynamodb`, `ses`; an operation as AWS names it, `TransactWriteItems`, `SendEmail`): a call
 * takes the faults of its operation's section if there is one, else its service's. Each call
 * draws one number from the section's seeded PRNG (mulberry32, seeded from `seed` and the
 * section) and fails with at most one fault, each at its rate (rates add up to at most 1):
 *
 * - `conflict` (DynamoDB transactions): `TransactionCanceledException` whose cancellation
 *   reasons say `TransactionConflict`; nothing written.
 * - `throttle`: DynamoDB `ProvisionedThroughputExceededException` and `ThrottlingException`
 *   by turns; SES `TooManyRequestsException` (429). Nothing written or sent.
 * - `5xx`: DynamoDB `InternalServerError` (500), SES `InternalServiceErrorException` (500).
 * - `timeout`: a `TimeoutError` before the request leaves: nothing written or sent.
 * - `lost` (DynamoDB): the request is made and succeeds, then the answer is lost as a
 *   `TimeoutError`: the write happened and the caller cannot know it (a timeout after commit,
 *   as when a Lambda function is cut off after its transaction).
 *
 * `layer=call` (the default) injects above the SDK's own retries: each fault reaches our code,
 * as one the SDK's retries did not absorb would. `layer=attempt` injects into each HTTP attempt,
 * below them, where AWS's answers arrive: the SDK retries throttling, 5xx and timeouts as it
 * does against AWS (3 attempts), so only a fault on every attempt reaches our code.
 * `off` (or an empty value) injects nothing.
 *
 * The variable is read at each call (and parsed once per value), so a test can change it while
 * its stack runs; each change starts the PRNGs again from the seed. With one seed, the n-th call
 * of a section meets the same fate in every run; which request makes the n-th call depends on
 * timing when requests run concurrently.
 */
export type AwsService = 'dynamodb' | 'ses';
export type FaultKind = 'conflict' | 'throttle' | '5xx' | 'timeout' | 'lost';
export type FaultLayer = 'call' | 'attempt';

export interface FaultSection {
  service: AwsService;
  /** Only this operation (`TransactWriteItems`); every operation of the service when absent. */
  operation?: string;
  layer: FaultLayer;
  /** Rate of each fault, in a fixed order (FAULT_KINDS). */
  rates: Partial<Record<FaultKind, number>>;
}

export interface FaultPlan {
  seed: number;
  sections: FaultSection[];
}

export const FAULT_KINDS: readonly FaultKind[] = ['conflict', 'throttle', '5xx', 'timeout', 'lost'];
const FAULTS_OF: Record<AwsService, readonly FaultKind[]> = {
  dynamodb: FAULT_KINDS,
  // A send whose answer is lost would be sent twice by the retry: SES gives no way to tell.
  ses: ['throttle', '5xx', 'timeout'],
};
const DEFAULT_SEED = 1;

export class FaultConfigError extends Error {
  override name = 'FaultConfigError';
  constructor(detail: string) {
    super(`FAULTS: ${detail}`);
  }
}

/** Parses the `FAULTS` value; throws a FaultConfigError naming the part it cannot read. */
export function parseFaults(text: string | undefined): FaultPlan {
  const plan: FaultPlan = { seed: DEFAULT_SEED, sections: [] };
  const value = (text ?? '').trim();
  if (value === '' || value === 'off') return plan;
  for (const part of value.split(';').map((piece) => piece.trim()).filter(Boolean)) {
    const seed = /^seed=(\d{1,10})$/.exec(part);
    if (seed) {
      plan.seed = Number(seed[1]);
      continue;
    }
    const section = /^(dynamodb|ses)(?:\.([A-Za-z]+))?:(.+)$/.exec(part);
    if (!section) throw new FaultConfigError(`cannot read "${part}": expected "<service>[.<Operation>]:<fault>=<rate>,..." or "seed=<n>"`);
    const [, service, operation, list] = section as unknown as [string, AwsService, string | undefined, string];
    const parsed: FaultSection = { service, ...(operation ? { operation } : {}), layer: 'call', rates: {} };
    for (const entry of list.split(',').map((piece) => piece.trim()).filter(Boolean)) {
      const [name, raw] = entry.split('=') as [string, string | undefined];
      if (name === 'layer') {
        if (raw !== 'call' && raw !== 'attempt') throw new FaultConfigError(`layer must be "call" or "attempt", not "${raw}"`);
        parsed.layer = raw;
        continue;
      }
      if (!FAULTS_OF[service].includes(name as FaultKind)) throw new FaultConfigError(`${service} has no fault "${name}" (it has ${FAULTS_OF[service].join(', ')})`);
      const rate = Number(raw);
      if (raw === undefined || raw.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) throw new FaultConfigError(`the rate of ${service} ${name} must be a number from 0 to 1, not "${raw}"`);
      parsed.rates[name as FaultKind] = rate;
    }
    const total = Object.values(parsed.rates).reduce((sum, rate) => sum + rate, 0);
    if (total > 1 + 1e-9) throw new FaultConfigError(`the rates of ${part.split(':')[0]} add up to ${total}, more than 1`);
    if (plan.sections.some((other) => other.service === parsed.service && other.operation === parsed.operation)) throw new FaultConfigError(`${part.split(':')[0]} is given twice`);
    plan.sections.push(parsed);
  }
  return plan;
}

/** mulberry32: a tiny, fast, seeded PRNG with a 2^32 period; plenty for picking faults. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to give each section a stream of its own from one seed. */
const hash = (text: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** Operation names as AWS spells them: the document client's commands are named without `Items`. */
const DOCUMENT_OPERATIONS: Record<string, string> = {
  Put: 'PutItem',
  Get: 'GetItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactWrite: 'TransactWriteItems',
  TransactGet: 'TransactGetItems',
};
export const operationOf = (commandName: string | undefined) => {
  const operation = String(commandName ?? '').replace(/Command$/, '');
  return DOCUMENT_OPERATIONS[operation] ?? operation;
};

const metadata = (httpStatusCode: number) => ({ httpStatusCode, requestId: 'INJECTED-FAULT', attempts: 1, totalRetryDelay: 0 });

const serviceError = (name: string, fault: 'client' | 'server', status: number, message: string) =>
  Object.assign(new Error(message), { name, $fault: fault, $metadata: metadata(status) });

function timeoutError(detail: string): Error {
  // What Node's HTTP handler throws when the request timer fires; the SDK retries it as transient.
  return Object.assign(new Error(`Injected fault: ${detail}`), { name: 'TimeoutError', $metadata: {} });
}

/** The error a fault raises (for `lost`, after the request went through). */
export function faultError(service: AwsService, kind: FaultKind, operation: string, input: Record<string, unknown>, nth: number): Error {
  const detail = `${kind} on ${service} ${operation}`;
  if (kind === 'timeout' || kind === 'lost') return timeoutError(kind === 'lost' ? `${detail} (the request went through; its answer was lost)` : detail);
  if (service === 'ses') {
    // Shaped as the SES client's exceptions are (name, fault, status), without importing that
    // client into functions that only use DynamoDB.
    return kind === 'throttle'
      ? serviceError('TooManyRequestsException', 'client', 429, `Maximum sending rate exceeded. (${detail})`)
      : serviceError('InternalServiceErrorException', 'server', 500, `Internal failure. (${detail})`);
  }
  if (kind === 'conflict') {
    const items = (input.TransactItems as unknown[] | undefined) ?? [];
    // DynamoDB names the item another transaction was writing; the others were not evaluated.
    const conflicting = nth % Math.max(1, items.length);
    const reasons: CancellationReason[] = items.map((_, index) =>
      index === conflicting ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' },
    );
    return new TransactionCanceledException({
      $metadata: metadata(400),
      message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((reason) => reason.Code).join(', ')}] (injected)`,
      CancellationReasons: reasons,
    });
  }
  if (kind === 'throttle') {
    return nth % 2 === 0
      ? new ProvisionedThroughputExceededException({ $metadata: metadata(400), message: `The level of configured provisioned throughput for the table was exceeded. (${detail})` })
      : new ThrottlingException({ $metadata: metadata(400), message: `Throughput exceeds the current capacity for one or more global secondary indexes. (${detail})` });
  }
  return new InternalServerError({ $metadata: metadata(500), message: `Internal server error (${detail})` });
}

/** A fault only where it can happen: conflicts are cancellations of transactions. */
const applies = (kind: FaultKind, operation: string) => kind !== 'conflict' || operation.startsWith('Transact');

interface ActivePlan {
  text: string;
  plan: FaultPlan;
  draws: Map<FaultSection, () => number>;
  calls: Map<FaultSection, number>;
}

let active: ActivePlan | undefined;
const injectedCounts = new Map<string, number>();

function currentPlan(): ActivePlan {
  const text = process.env.FAULTS ?? '';
  if (active?.text !== text) {
    const plan = parseFaults(text);
    active = { text, plan, draws: new Map(plan.sections.map((section) => [section, mulberry32(plan.seed ^ hash(`${section.service}.${section.operation ?? '*'}`))])), calls: new Map() };
  }
  return active;
}

/** The fault this call meets, if any (and advances its section's PRNG). */
export function pickFault(service: AwsService, operation: string, layer: FaultLayer): { kind: FaultKind; nth: number } | undefined {
  const { plan, draws, calls } = currentPlan();
  const section =
    plan.sections.find((candidate) => candidate.service === service && candidate.operation === operation) ??
    plan.sections.find((candidate) => candidate.service === service && candidate.operation === undefined);
  if (!section || section.layer !== layer) return undefined;
  const nth = (calls.get(section) ?? 0) + 1;
  calls.set(section, nth);
  const draw = draws.get(section)!();
  let threshold = 0;
  for (const kind of FAULT_KINDS) {
    threshold += section.rates[kind] ?? 0;
    if (draw < threshold) return applies(kind, operation) ? { kind, nth } : undefined;
  }
  return undefined;
}

/** How many faults were injected so far, by `<service>.<Operation>:<fault>` (for tests and the bench). */
export function injectedFaults(): Record<string, number> {
  return Object.fromEntries(injectedCounts);
}

export function resetInjectedFaults(): void {
  injectedCounts.clear();
}

/** The part of an SDK client's middleware stack this needs (the SDK's own overloads are per step). */
interface FaultStack {
  add(middleware: ReturnType<typeof faultMiddleware>, options: { step: 'initialize' | 'finalizeRequest'; priority?: 'high' | 'normal' | 'low'; name: string; override?: boolean }): void;
}

function faultMiddleware(service: AwsService, layer: FaultLayer) {
  return (next: (args: { input: unknown }) => Promise<unknown>, context: { commandName?: string }) =>
    async (args: { input: unknown }) => {
      const operation = operationOf(context.commandName);
      const fault = pickFault(service, operation, layer);
      if (!fault) return next(args);
      const key = `${service}.${operation}:${fault.kind}`;
      injectedCounts.set(key, (injectedCounts.get(key) ?? 0) + 1);
      const error = faultError(service, fault.kind, operation, (args.input ?? {}) as Record<string, unknown>, fault.nth);
      if (fault.kind === 'lost') await next(args);
      throw error;
    };
}

/**
 * Adds the fault layer to a client when `FAULTS` is set (`environment` is the process's, read at
 * cold start); otherwise leaves the client as it is. Returns the client.
 */
export function withFaults<C extends DynamoDBClient | SESv2Client>(client: C, service: AwsService, environment: NodeJS.ProcessEnv = process.env): C {
  if (environment.FAULTS === undefined) return client;
  // Fail fast on a typo, as configuration does at cold start.
  parseFaults(environment.FAULTS);
  const stack = client.middlewareStack as unknown as FaultStack;
  stack.add(faultMiddleware(service, 'call'), { step: 'initialize', name: 'injectedFaults', override: true });
  // After the retry middleware (finalizeRequest, high priority): once per attempt.
  stack.add(faultMiddleware(service, 'attempt'), { step: 'finalizeRequest', priority: 'low', name: 'injectedAttemptFaults', override: true });
  return client;
}
