import type { ScheduledEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { scheduledFunctions, type FunctionSpec } from '../catalogue';
import type { LambdaHandler } from './handlers';
import { lambdaContext } from './lambda-context';

export interface RunningScheduler {
  stop(): Promise<void>;
  /** Runs every scheduled function once now, as a tick would. */
  tick(): Promise<void>;
  /**
   * Holds the timer's ticks (explicit `tick()` calls still run) until the returned function is
   * called: whoever holds it knows no scheduled function runs but the ones it starts.
   */
  hold(): () => void;
}

/**
 * The local stand-in for EventBridge: every scheduled function of the catalogue is invoked
 * with an EventBridge "Scheduled Event", every `intervalMs` (more often than in AWS, so local
 * retries and reminders do not keep you waiting). A run never overlaps the previous one.
 */
export function startScheduler(options: { intervalMs: number; loadHandler: (spec: FunctionSpec) => Promise<LambdaHandler> }): RunningScheduler {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let holds = 0;

  const runAll = async () => {
    for (const spec of scheduledFunctions()) {
      const event: ScheduledEvent = {
        version: '0',
        id: randomUUID(),
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: '000000000000',
        time: new Date().toISOString(),
        region: 'local',
        resources: [`arn:aws:events:local:000000000000:rule/${spec.name}`],
        detail: {},
      };
      try {
        await (await options.loadHandler(spec))(event, lambdaContext(spec));
      } catch (error) {
        console.error(`Local scheduler: ${spec.name} failed`, error);
      }
    }
  };
  const tick = () => {
    running = running.then(() => (stopped ? undefined : runAll()));
    return running;
  };
  const timer = setInterval(() => {
    if (holds === 0) void tick();
  }, options.intervalMs);

  return {
    tick,
    hold() {
      holds++;
      let released = false;
      return () => {
        if (!released) holds--;
        released = true;
      };
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
