import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { STATE_CHANGE_SOURCE, type StateChange } from '../domain/state-changes';
import { tracer } from '../observability/tracer';
import { fullJitter } from './pauses';

/** Locally the endpoint comes from the SDK's AWS_ENDPOINT_URL_EVENTBRIDGE variable (the runtime's recording bus). */
const eventBridge = tracer.captureAWSv3Client(new EventBridgeClient({ requestHandler: { requestTimeout: 5000 } }));

/** PutEvents takes at most ten entries per call. */
const ENTRIES_PER_CALL = 10;
/** Entries EventBridge refused (throttled, internal error) are sent again this often before the batch fails. */
const ATTEMPTS = 3;

export interface ChangePublisher {
  publish(changes: readonly StateChange[]): Promise<void>;
}

export class EventBridgePublisher implements ChangePublisher {
  constructor(
    private readonly eventBusName: string,
    private readonly client: EventBridgeClient = eventBridge,
  ) {}

  async publish(changes: readonly StateChange[]): Promise<void> {
    for (let start = 0; start < changes.length; start += ENTRIES_PER_CALL) {
      await this.putAll(changes.slice(start, start + ENTRIES_PER_CALL).map((change) => this.entryOf(change)));
    }
  }

  private entryOf(change: StateChange): PutEventsRequestEntry {
    return { EventBusName: this.eventBusName, Source: STATE_CHANGE_SOURCE, DetailType: change.type, Time: new Date(change.occurredAt), Detail: JSON.stringify(change) };
  }

  /** PutEvents can accept some entries and refuse others; only the refused ones are sent again. */
  private async putAll(entries: PutEventsRequestEntry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const { Entries = [] } = await this.client.send(new PutEventsCommand({ Entries: pending }));
      const refused = pending.filter((_, index) => Entries[index]?.ErrorCode);
      if (refused.length > 0 && attempt >= ATTEMPTS) {
        const reasons = [...new Set(Entries.flatMap((entry) => (entry.ErrorCode ? [`${entry.ErrorCode}: ${entry.ErrorMessage ?? ''}`] : [])))];
        throw new Error(`EventBridge refused ${refused.length} state change(s): ${reasons.join('; ')}`);
      }
      pending = refused;
      if (pending.length > 0) await fullJitter(attempt, { baseMs: 100, maxMs: 1000 });
    }
  }
}
