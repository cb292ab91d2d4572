import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionCanceledException, type ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * DynamoDB's limits in virtual time, around a real client. The registration code runs for real
 * against DynamoDB Local (real transactions, real conditions), one call at a time in the order
 * of virtual time; this layer decides, from the limits below, what AWS would have answered at
 * that moment, and charges each call the capacity DynamoDB Local reported for it. README
 * "Capacity plan" states the assumptions.
 */
export const LIMITS = {
  /** Per item and per partition (a partition key value, before any split for heat). */
  writeUnitsPerSecond: 1000,
  readUnitsPerSecond: 3000,
  /** Virtual latency of a call, which is also how long a transaction holds its items. */
  latencyMs: { read: 4, write: 6, transaction: 14 },
  /** What the SDK does on a throttle: this many attempts with jittered backoff from 50 ms. */
  throttleAttempts: 3,
  throttleBaseMs: 50,
} as const;

interface Task {
  now: number;
}

/** A discrete-event clock: tasks wait on it, and it releases them in order of virtual time. */
export class VirtualTime {
  readonly tasks = new AsyncLocalStorage<Task>();
  private readonly queue = new EventHeap();
  private order = 0;
  now = 0;

  get taskNow(): number {
    return this.tasks.getStore()?.now ?? this.now;
  }

  schedule(at: number, fire: () => Promise<void> | void): void {
    this.queue.push({ at, order: this.order++, fire });
  }

  /** Resolves when virtual time reaches the task's now + ms; the task's clock moves with it. */
  sleep(ms: number): Promise<void> {
    const task = this.tasks.getStore();
    const at = (task?.now ?? this.now) + Math.max(0, ms);
    return new Promise((resolve) =>
      this.schedule(at, () => {
        if (task) task.now = at;
        resolve();
      }),
    );
  }

  /** Starts a task at `at`, with its own clock. */
  start<T>(at: number, run: () => Promise<T>, done: (result: PromiseSettledResult<T>, endedAt: number) => void): void {
    this.schedule(at, () => {
      const task: Task = { now: at };
      this.tasks.run(task, () => {
        run().then(
          (value) => done({ status: 'fulfilled', value }, task.now),
          (reason: unknown) => done({ status: 'rejected', reason }, task.now),
        );
      });
    });
  }

  /** Runs every event in time order; after each, lets the woken code run until it waits again. */
  async run(): Promise<void> {
    for (let event = this.queue.pop(); event; event = this.queue.pop()) {
      this.now = Math.max(this.now, event.at);
      await event.fire();
      await settleMicrotasks();
    }
  }
}

interface TimedEvent {
  at: number;
  order: number;
  fire: () => Promise<void> | void;
}

/** Earliest first; equal times in the order they were scheduled. */
class EventHeap {
  private readonly items: TimedEvent[] = [];
  private before(a: TimedEvent, b: TimedEvent) {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }
  push(event: TimedEvent) {
    const items = this.items;
    items.push(event);
    for (let index = items.length - 1; index > 0; ) {
      const parent = (index - 1) >> 1;
      if (!this.before(items[index]!, items[parent]!)) break;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }
  pop(): TimedEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      for (let index = 0; ; ) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < items.length && this.before(items[left]!, items[smallest]!)) smallest = left;
        if (right < items.length && this.before(items[right]!, items[smallest]!)) smallest = right;
        if (smallest === index) break;
        [items[index], items[smallest]] = [items[smallest]!, items[index]!];
        index = smallest;
      }
    }
    return top;
  }
}

const settleMicrotasks = async () => {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
};

class Bucket {
  private level: number;
  private updatedAt = 0;
  constructor(private readonly perSecond: number) {
    this.level = perSecond;
  }
  private refill(now: number) {
    this.level = Math.min(this.perSecond, this.level + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
  }
  has(units: number, now: number): boolean {
    this.refill(now);
    return this.level >= Math.min(units, this.perSecond);
  }
  take(units: number, now: number) {
    this.refill(now);
    this.level -= units;
  }
}

export interface ModelFigures {
  calls: number;
  throttles: number;
  conflicts: number;
  /** Reported write units per operation. */
  writeUnits: Record<string, number>;
}

type Input = Record<string, any>;
interface Touched {
  key: string;
  partition: string;
  write: boolean;
  /** Estimated bytes, to split a transaction's reported units over its items. */
  bytes: number;
}

const itemKey = (key: { PK?: unknown; SK?: unknown }) => `${String(key.PK)}|${String(key.SK)}`;
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? {}));

function touchedBy(name: string, input: Input): Touched[] {
  const one = (key: Input, write: boolean, item?: Input): Touched => ({ key: itemKey(key), partition: String(key.PK), write, bytes: bytesOf(item ?? key) });
  switch (name) {
    case 'GetCommand':
      return [one(input.Key, false)];
    case 'PutCommand':
      return [one(input.Item, true, input.Item)];
    case 'UpdateCommand':
    case 'DeleteCommand':
      return [one(input.Key, true)];
    case 'QueryCommand':
      return [{ key: `query|${JSON.stringify(input.ExpressionAttributeValues)}`, partition: input.IndexName ? `${input.IndexName}|${input.ExpressionAttributeValues?.[':pk']}` : String(input.ExpressionAttributeValues?.[':pk']), write: false, bytes: 0 }];
    case 'BatchGetCommand':
      return Object.values(input.RequestItems as Record<string, { Keys: Input[] }>).flatMap((request) => request.Keys.map((key) => one(key, false)));
    case 'TransactWriteCommand':
      return (input.TransactItems as Input[]).map((entry) => {
        const [kind, body] = Object.entries(entry)[0] as [string, Input];
        return kind === 'Put' ? one(body.Item, true, body.Item) : one(body.Key, true);
      });
    default:
      throw new Error(`The DynamoDB model does not know ${name}`);
  }
}

const throttled = () => Object.assign(new Error('The level of configured provisioned throughput for one or more global secondary indexes or the table was exceeded.'), { name: 'ProvisionedThroughputExceededException' });

/**
 * A document client whose every call goes through the model. `Object.create` keeps it an
 * instance of DynamoDBDocumentClient, which the SDK's paginators insist on.
 */
export function modelledClient(real: DynamoDBDocumentClient, time: VirtualTime, figures: ModelFigures): DynamoDBDocumentClient {
  const itemWrites = new Map<string, Bucket>();
  const itemReads = new Map<string, Bucket>();
  const partitionWrites = new Map<string, Bucket>();
  const partitionReads = new Map<string, Bucket>();
  /** Until when a transaction holds an item, and until when a single-item write is in progress on it. */
  const transactionUntil = new Map<string, number>();
  const writeUntil = new Map<string, number>();
  const bucket = (map: Map<string, Bucket>, key: string, perSecond: number) => {
    let found = map.get(key);
    if (!found) map.set(key, (found = new Bucket(perSecond)));
    return found;
  };
  const writeBuckets = (touched: Touched) => [bucket(itemWrites, touched.key, LIMITS.writeUnitsPerSecond), bucket(partitionWrites, touched.partition, LIMITS.writeUnitsPerSecond)];
  const readBuckets = (touched: Touched) =>
    touched.key.startsWith('query|') ? [bucket(partitionReads, touched.partition, LIMITS.readUnitsPerSecond)] : [bucket(itemReads, touched.key, LIMITS.readUnitsPerSecond), bucket(partitionReads, touched.partition, LIMITS.readUnitsPerSecond)];

  type Outcome = { value?: unknown; error?: unknown; latency: number };

  /** Decides and performs one call at virtual time `now`; the caller then waits out its latency. */
  async function attempt(command: { constructor: { name: string }; input: Input }, now: number): Promise<Outcome> {
    const name = command.constructor.name;
    const touched = touchedBy(name, command.input);
    const transaction = name === 'TransactWriteCommand';
    const latency = transaction ? LIMITS.latencyMs.transaction : touched.some((item) => item.write) ? LIMITS.latencyMs.write : LIMITS.latencyMs.read;

    // A transaction meeting an item that another transaction holds, or that a single-item write
    // is changing, is cancelled; a single-item write meeting a transaction's item fails the same
    // way. Single-item writes of one item do not conflict: DynamoDB applies them one after another.
    const busy = (key: string) => (transactionUntil.get(key) ?? -1) > now || (transaction && (writeUntil.get(key) ?? -1) > now);
    const blocked = touched.map((item) => item.write && busy(item.key));
    if (blocked.some(Boolean)) {
      figures.conflicts++;
      const error = transaction
        ? new TransactionCanceledException({ message: 'Transaction cancelled (modelled conflict)', $metadata: {}, CancellationReasons: blocked.map((hit) => ({ Code: hit ? 'TransactionConflict' : 'None' })) })
        : Object.assign(new Error('Transaction is ongoing for the item (modelled)'), { name: 'TransactionConflictException' });
      return { error, latency };
    }
    const estimate = (item: Touched) => Math.max(1, Math.ceil(item.bytes / 1024)) * (transaction ? 2 : 1);
    const unavailable = touched.some((item) =>
      item.write ? writeBuckets(item).some((b) => !b.has(estimate(item), now)) : readBuckets(item).some((b) => !b.has(1, now)),
    );
    if (unavailable) {
      figures.throttles++;
      return { error: throttled(), latency };
    }
    const holds = transaction ? transactionUntil : writeUntil;
    for (const item of touched) if (item.write) holds.set(item.key, Math.max(holds.get(item.key) ?? 0, now + latency));

    command.input.ReturnConsumedCapacity = 'INDEXES';
    figures.calls++;
    let output: { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] } | undefined;
    let failure: unknown;
    try {
      output = (await real.send(command as never)) as typeof output;
    } catch (error) {
      failure = error;
      output = { ConsumedCapacity: (error as { ConsumedCapacity?: ConsumedCapacity[] }).ConsumedCapacity };
    }
    const reported = [output?.ConsumedCapacity ?? []].flat();
    const total = reported.reduce((sum, capacity) => sum + (capacity.Table?.CapacityUnits ?? capacity.CapacityUnits ?? 0), 0);
    if (touched.some((item) => item.write)) figures.writeUnits[name] = (figures.writeUnits[name] ?? 0) + reported.reduce((sum, capacity) => sum + (capacity.CapacityUnits ?? 0), 0);
    // The call's reported units, split over its items by their size.
    const weights = touched.map((item) => Math.max(1, item.bytes));
    const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
    touched.forEach((item, index) => {
      const units = total > 0 ? (total * weights[index]!) / weightSum : estimate(item);
      for (const b of item.write ? writeBuckets(item) : readBuckets(item)) b.take(units, now);
    });
    for (const capacity of reported) {
      for (const [index, indexCapacity] of Object.entries(capacity.GlobalSecondaryIndexes ?? {})) {
        // Index writes land on the index's partition for the item's index key.
        for (const item of touched.filter((entry) => entry.write)) bucket(partitionWrites, `${index}|${item.partition}`, LIMITS.writeUnitsPerSecond).take((indexCapacity.CapacityUnits ?? 0) / touched.length, now);
      }
    }
    return failure ? { error: failure, latency } : { value: output, latency };
  }

  async function send(command: { constructor: { name: string }; input: Input }): Promise<unknown> {
    for (let tries = 1; ; tries++) {
      const now = time.taskNow;
      const outcome = await new Promise<Outcome>((resolve) => time.schedule(now, () => attempt(command, now).then(resolve, (error: unknown) => resolve({ error, latency: 0 }))));
      await time.sleep(outcome.latency);
      if (!('error' in outcome) || outcome.error === undefined) return outcome.value;
      if ((outcome.error as Error).name !== 'ProvisionedThroughputExceededException' || tries >= LIMITS.throttleAttempts) throw outcome.error;
      await time.sleep(Math.random() * LIMITS.throttleBaseMs * 2 ** tries);
    }
  }

  return Object.assign(Object.create(real) as DynamoDBDocumentClient, { send });
}
