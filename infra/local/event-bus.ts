import type { EventBridgeEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * EventBridge's PutEvents, on this machine: the functions publish through the real SDK client
 * (AWS_ENDPOINT_URL_EVENTBRIDGE points here), and every accepted event is kept as a rule's
 * target would receive it, for the gateway's debug endpoint and the tests. It checks what
 * EventBridge checks that our code could get wrong: the bus, the source, a JSON object detail, the size.
 */
export interface RunningEventBus {
  url: string;
  busName: string;
  /** Every event accepted so far, oldest first. */
  published(): ReadonlyArray<EventBridgeEvent<string, unknown>>;
  stop(): Promise<void>;
}

interface PutEventsEntry {
  EventBusName?: string;
  Source?: string;
  DetailType?: string;
  Detail?: string;
  Time?: number | string;
  Resources?: string[];
}

/** EventBridge's limit on one entry (and on a whole request). */
const MAX_ENTRY_BYTES = 256 * 1024;
/** Enough for any test run or an afternoon of `npm start`; the oldest go first. */
const KEPT = 20_000;

function refusal(entry: PutEventsEntry, busName: string): { ErrorCode: string; ErrorMessage: string } | undefined {
  if (entry.EventBusName !== undefined && entry.EventBusName !== 'default' && entry.EventBusName !== busName && !entry.EventBusName.endsWith(`:event-bus/${busName}`)) {
    return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${entry.EventBusName} does not exist.` };
  }
  if (!entry.Source || !entry.DetailType || entry.Detail === undefined) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Source, DetailType and Detail are required.' };
  if (entry.Source.startsWith('aws.')) return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Sources starting with aws. are reserved.' };
  if (Buffer.byteLength(JSON.stringify(entry)) > MAX_ENTRY_BYTES) return { ErrorCode: 'ValidationException', ErrorMessage: 'Entry exceeds 256 KB.' };
  try {
    const detail: unknown = JSON.parse(entry.Detail);
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) throw new Error('not an object');
  } catch {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  return undefined;
}

/** The SDK sends Time as epoch seconds. */
const timeOf = (time: PutEventsEntry['Time']) => (time === undefined ? new Date() : new Date(typeof time === 'number' ? time * 1000 : time)).toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function startEventBus(options: { port: number; busName: string; region: string }): Promise<RunningEventBus> {
  const events: Array<EventBridgeEvent<string, unknown>> = [];

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() }).end(JSON.stringify(body));
      if (request.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
        return reply(400, { __type: 'UnknownOperationException', message: `Only PutEvents is emulated, not ${String(request.headers['x-amz-target'])}` });
      }
      let entries: PutEventsEntry[];
      try {
        entries = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Entries?: PutEventsEntry[] }).Entries ?? [];
      } catch {
        return reply(400, { __type: 'SerializationException', message: 'Malformed request body' });
      }
      if (entries.length < 1 || entries.length > 10) return reply(400, { __type: 'ValidationException', message: 'Entries must hold 1 to 10 entries' });
      const results = entries.map((entry) => {
        const refused = refusal(entry, options.busName);
        if (refused) return refused;
        // As in AWS: without a bus name the event goes to the account's default bus, not this one.
        if (entry.EventBusName === undefined || entry.EventBusName === 'default') return { EventId: randomUUID() };
        const id = randomUUID();
        events.push({
          version: '0',
          id,
          'detail-type': entry.DetailType!,
          source: entry.Source!,
          account: '000000000000',
          time: timeOf(entry.Time),
          region: options.region,
          resources: entry.Resources ?? [],
          detail: JSON.parse(entry.Detail!),
        });
        if (events.length > KEPT) events.shift();
        return { EventId: id };
      });
      reply(200, { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    busName: options.busName,
    published: () => events,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Where the local gateway shows what was published (npm start only: nothing like it exists in AWS). */
export const PUBLISHED_EVENTS_PATH = '/_local/published-events';

/**
 * `GET /_local/published-events[?eventId=…&type=…]`: the published events, oldest first, as a
 * rule's target receives them, so a developer (or a test) sees what a CRM or Slack would get.
 */
export function publishedEventsRoute(bus: Pick<RunningEventBus, 'published'>) {
  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== PUBLISHED_EVENTS_PATH) return false;
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return true;
    }
    const eventId = url.searchParams.get('eventId');
    const type = url.searchParams.get('type');
    const events = bus.published().filter(
      (event) => (!eventId || (event.detail as { eventId?: string }).eventId === eventId) && (!type || event['detail-type'] === type),
    );
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(events));
    return true;
  };
}
