import { setTimeout as delay } from 'node:timers/promises';
import type { EventBridgeEvent } from 'aws-lambda';
import { CreateTableCommand, DynamoDBClient, QueryCommand, ResourceInUseException, type AttributeValue, type QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import type { ClientLimit } from '../client-limit';
import { DEFAULTS } from '../../shared/config/defaults';
import { metricNamespace, parseSender } from '../deployment-config';
import { createTableInput } from '../table';
import { keys, type MailQueue } from '../../shared/adapters/dynamo/keys';
import { createTokenVerifier, defaultStateDir } from './auth';
import { consoleSite } from './console';
import { startGateway, type RunningGateway } from './gateway';
import { loadHandler } from './handlers';
import { signInRoutes } from './sign-in';
import { startDynamoDbLocal, startSesEmulator, type RunningService } from './services';
import { startScheduler } from './scheduler';
import { publishedEventsRoute, startEventBus } from './event-bus';
import { startSesFeedback } from './ses-feedback';
import { startStreamPoller, type RunningStreamPoller } from './stream-poller';

import { projectRoot } from '../project-root';

export { projectRoot };

export const LOCAL_REGION = 'eu-west-1';

export const DEFAULT_TABLE_NAME = 'event-registration-local';
export const DEFAULT_MAIL_FROM = 'Masterclass <no-reply@example.org>';
/** The configuration set the local functions name; the SES feedback proxy answers for it. */
export const LOCAL_MAIL_CONFIGURATION_SET = 'event-registration-local';
/** The state-change bus the local functions publish to (the runtime's recording stand-in for EventBridge). */
export const LOCAL_EVENT_BUS_NAME = 'event-registration-local-state-changes';
export const DEFAULT_SCHEDULE_INTERVAL_MS = 10_000;

export interface LocalRuntimeOptions {
  port: number;
  dynamoDbPort: number;
  sesPort: number;
  /** The recording stand-in for EventBridge; any free port if not given. */
  eventBusPort?: number;
  tableName?: string;
  mailFrom?: string;
  mailRatePerSecond?: number;
  allowedOrigins?: readonly string[];
  stateDir?: string;
  /** How often scheduled functions run locally (AWS: their catalogue rate). */
  scheduleIntervalMs?: number;
  mailRetryBaseSeconds?: number;
  /**
   * The per-client limit on public writes that WAF applies when deployed. `npm start` passes
   * CLIENT_WRITE_LIMIT; without it no client is limited, since the test stacks and the bench
   * send hundreds of writes from 127.0.0.1.
   */
  clientWriteLimit?: ClientLimit;
}

export interface SettleOptions {
  /** Gives up (throws) after this long; 50 s if not given. */
  timeoutMs?: number;
  /**
   * Whether mail waiting out its retry backoff counts as work still on its way (the default):
   * settling then also waits until each such mail is due and the sweep has tried it again.
   * Pass false while SES is offline, where every retry fails again until the mail is parked.
   */
  waitForRetries?: boolean;
}

/** What settling found, once the system was quiet. */
export interface SettleReport {
  /** Rounds of schedules, stream and SES feedback it took; the last changed nothing. */
  rounds: number;
  /** Mails waiting for a later attempt (only when not waited for: `waitForRetries: false`). */
  waitingMail: number;
  /** Mails claimed by a sender that is no longer running: the sweep parks them when their lease ends. */
  interruptedClaims: number;
}

export interface LocalRuntime {
  apiUrl: string;
  mailViewerUrl: string;
  dynamoDbUrl: string;
  tableName: string;
  stateDir: string;
  /** Waits until the stream functions have seen every write made so far. */
  drainStreams(timeoutMs?: number): Promise<void>;
  /** Runs the scheduled functions now instead of at their next tick. */
  runSchedules(): Promise<void>;
  /**
   * Waits for the system, not the clock: runs the due schedules, drains the stream and the SES
   * feedback, round after round, until a round changes nothing (no write to the table, no mail
   * sent) and no mail or mailing in the queues is due (nor, unless told otherwise, a mail
   * waiting out a retry backoff). Then nothing the system was asked to do is still on its way,
   * and an absence ("no second mail") can be asserted. The timer's own ticks are held meanwhile.
   */
  settle(options?: SettleOptions): Promise<SettleReport>;
  /** Everything published to the state-change bus so far, as a rule's target receives it (also at GET /_local/published-events). */
  publishedEvents(): ReadonlyArray<EventBridgeEvent<string, unknown>>;
  /** Stops the SES emulator (mail fails, as when SES is down) until the returned function restarts it. */
  takeMailOffline(): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

/**
 * Points the AWS SDK and our configuration at the local services. The SDK reads the
 * per-service endpoint variables itself, so handler code is unchanged.
 */
export function applyLocalEnvironment(settings: {
  dynamoDbUrl: string;
  sesUrl: string;
  eventBusUrl: string;
  tableName: string;
  publicBaseUrl: string;
  mailFrom: string;
  mailRatePerSecond: number;
  mailRetryBaseSeconds: number;
}) {
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: settings.dynamoDbUrl,
    AWS_ENDPOINT_URL_SES: settings.sesUrl,
    AWS_ENDPOINT_URL_SESV2: settings.sesUrl,
    AWS_ENDPOINT_URL_EVENTBRIDGE: settings.eventBusUrl,
    EVENT_BUS_NAME: LOCAL_EVENT_BUS_NAME,
    MAIL_CONFIGURATION_SET: LOCAL_MAIL_CONFIGURATION_SET,
    TABLE_NAME: settings.tableName,
    PUBLIC_BASE_URL: settings.publicBaseUrl,
    MAIL_FROM: localSender(settings.mailFrom),
    MAIL_RATE_PER_SECOND: String(settings.mailRatePerSecond),
    MAIL_RETRY_BASE_SECONDS: String(settings.mailRetryBaseSeconds),
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // CloudWatch reads metrics from the log lines; locally they would only bury the logs.
    POWERTOOLS_METRICS_NAMESPACE: metricNamespace('local'),
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}

/** The sender parsed as a deployment parses it (a local sender may use a reserved domain: nothing is verified here). */
function localSender(mailFrom: string): string {
  const sender = parseSender(mailFrom);
  if (!sender) throw new Error(`The local sender ${JSON.stringify(mailFrom)} must be an address or "Display Name <address>"`);
  return sender.header;
}

export async function createTable(dynamoDbUrl: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint: dynamoDbUrl, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  } finally {
    client.destroy();
  }
}

const MAIL_QUEUES: readonly MailQueue[] = ['retry', 'certificate'];

/**
 * The queues of scheduled work as they stand: mails and mailings (reminders, notices, messages)
 * whose turn is due, mails waiting out a retry backoff (with when they fall due), and mails
 * claimed for sending (a claim stays queued until its lease ends). A mailing due later is
 * planned work, not work on its way.
 */
async function queueState(client: DynamoDBClient, tableName: string, now: Date): Promise<{ due: number; waitingUntil: number[]; claimed: number }> {
  const state = { due: 0, waitingUntil: [] as number[], claimed: 0 };
  // Every queue's sort key starts with the time its entry is due (keys.mailQueueEntry, keys.mailingQueueEntry).
  const dueAtOf = (item: Record<string, AttributeValue>) => Date.parse(String(item.GSI1SK?.S).split('#')[0]!);
  const queues = [...MAIL_QUEUES.map((queue) => ({ partition: keys.mailQueue(queue), mail: true })), { partition: keys.mailingQueue, mail: false }];
  for (const queue of queues) {
    let start: QueryCommandOutput['LastEvaluatedKey'];
    do {
      const page: QueryCommandOutput = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: queue.mail ? 'GSI1PK = :queue' : 'GSI1PK = :queue AND GSI1SK <= :now',
          ExpressionAttributeValues: { ':queue': { S: queue.partition }, ...(queue.mail ? {} : { ':now': { S: `${now.toISOString()}#~` } }) },
          ExpressionAttributeNames: { '#status': 'status' },
          ProjectionExpression: 'GSI1SK, #status',
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        if (queue.mail && item.status?.S === 'sending') state.claimed++;
        else if (dueAtOf(item) <= now.getTime()) state.due++;
        else state.waitingUntil.push(dueAtOf(item));
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return state;
}

/** The whole system on this machine: DynamoDB Local, the SES emulator, the gateway and the stream. */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const started: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    for (const service of started.reverse()) await service.stop().catch((error) => console.error(error));
  };
  try {
    const [dynamo, firstSes]: RunningService[] = await Promise.all([startDynamoDbLocal(options.dynamoDbPort), startSesEmulator(options.sesPort)]);
    // The SES emulator can be taken offline and restarted (see takeMailOffline); stop whichever runs.
    let ses = firstSes!;
    const sesPort = Number(new URL(ses.url).port);
    started.push(dynamo!, { stop: () => ses.stop() });
    const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
    const stateDir = options.stateDir ?? defaultStateDir(projectRoot);
    await createTable(dynamo!.url, tableName);

    const load = (spec: Parameters<typeof loadHandler>[1]) => loadHandler(projectRoot, spec);
    // The functions send through the feedback proxy, which plays SES's part in publishing events.
    const feedback = await startSesFeedback({ port: 0, emulatorUrl: () => ses.url, loadHandler: load });
    started.push(feedback);
    const bus = await startEventBus({ port: options.eventBusPort ?? 0, busName: LOCAL_EVENT_BUS_NAME, region: LOCAL_REGION });
    started.push(bus);
    const published = publishedEventsRoute(bus);
    const signIn = signInRoutes({ stateDir });
    const organiserConsole = await consoleSite();
    const gateway: RunningGateway = await startGateway({
      port: options.port,
      loadHandler: load,
      verifyToken: await createTokenVerifier(stateDir),
      allowedOrigins: options.allowedOrigins,
      clientWriteLimit: options.clientWriteLimit,
      extraRoutes: async (request, response) => (await published(request, response)) || (await signIn(request, response)) || organiserConsole(request, response),
    });
    started.push(gateway);
    applyLocalEnvironment({
      dynamoDbUrl: dynamo!.url,
      sesUrl: feedback.url,
      eventBusUrl: bus.url,
      tableName,
      publicBaseUrl: gateway.url,
      mailFrom: options.mailFrom ?? DEFAULT_MAIL_FROM,
      mailRatePerSecond: options.mailRatePerSecond ?? DEFAULTS.mailRatePerSecond,
      mailRetryBaseSeconds: options.mailRetryBaseSeconds ?? DEFAULTS.mailRetryBaseSeconds,
    });

    const poller: RunningStreamPoller = await startStreamPoller({ tableName, endpoint: dynamo!.url, region: LOCAL_REGION, loadHandler: load });
    started.push(poller);
    const scheduler = startScheduler({ intervalMs: options.scheduleIntervalMs ?? DEFAULT_SCHEDULE_INTERVAL_MS, loadHandler: load });
    started.push(scheduler);

    const queues = new DynamoDBClient({ endpoint: dynamo!.url, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    started.push({ stop: async () => queues.destroy() });
    // Every write to the table reaches the stream, and every mail passes the feedback proxy.
    const activity = () => poller.recordsRead() + feedback.sends();

    async function settle(settleOptions: SettleOptions = {}): Promise<SettleReport> {
      const timeoutMs = settleOptions.timeoutMs ?? 50_000;
      const waitForRetries = settleOptions.waitForRetries ?? true;
      const deadline = Date.now() + timeoutMs;
      const release = scheduler.hold();
      try {
        for (let rounds = 1; ; rounds++) {
          const before = activity();
          await scheduler.tick();
          await poller.drain(Math.max(1000, deadline - Date.now()));
          await feedback.drain();
          if (activity() === before) {
            const now = Date.now();
            const queued = await queueState(queues, tableName, new Date(now));
            const waiting = waitForRetries ? queued.waitingUntil : [];
            if (queued.due === 0 && waiting.length === 0) {
              return { rounds, waitingMail: queued.waitingUntil.length, interruptedClaims: queued.claimed };
            }
            // A retry's backoff is the system's own clock: wait until the first one is due, then sweep again.
            if (queued.due === 0) await delay(Math.min(Math.max(Math.min(...waiting) - now, 10), 1000, Math.max(0, deadline - now)));
          }
          if (Date.now() > deadline) {
            const queued = await queueState(queues, tableName, new Date());
            throw new Error(
              `The local system was still busy after ${timeoutMs} ms (${rounds} rounds of schedules, stream and SES feedback; ${queued.due} queued mail(s) or mailing(s) due, ${queued.waitingUntil.length} mail(s) waiting to be retried)`,
            );
          }
        }
      } finally {
        release();
      }
    }

    return {
      apiUrl: gateway.url,
      mailViewerUrl: ses.url,
      dynamoDbUrl: dynamo!.url,
      tableName,
      stateDir,
      // Stream work sends mail; mail to simulator addresses brings feedback; feedback writes nothing the stream acts on.
      async drainStreams(timeoutMs) {
        await poller.drain(timeoutMs);
        await feedback.drain();
      },
      runSchedules: () => scheduler.tick(),
      settle,
      publishedEvents: () => bus.published(),
      async takeMailOffline() {
        await ses.stop();
        return async () => {
          ses = await startSesEmulator(sesPort);
        };
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
