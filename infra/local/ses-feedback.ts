import type { EventBridgeEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAIL_FEEDBACK_EVENTS, mailFeedbackFunctions, type FunctionSpec } from '../catalogue';
import type { LambdaHandler } from './handlers';
import { lambdaContext } from './lambda-context';

/** SES's mailbox simulator: mail to these addresses produces these events, in this order. */
const SIMULATOR_DOMAIN = 'simulator.amazonses.com';
const SIMULATED: Record<string, ReadonlyArray<keyof typeof MAIL_FEEDBACK_EVENTS>> = {
  success: ['DELIVERY'],
  bounce: ['BOUNCE'],
  complaint: ['DELIVERY', 'COMPLAINT'],
  ooto: ['DELIVERY'],
  suppressionlist: ['BOUNCE'],
};

const SES_EVENT_TYPES: Record<keyof typeof MAIL_FEEDBACK_EVENTS, string> = { DELIVERY: 'Delivery', BOUNCE: 'Bounce', COMPLAINT: 'Complaint', REJECT: 'Reject' };

/** The events SES would publish for a send to `address` (labels as in `bounce+anything@…` included). */
export function simulatedEvents(address: string): ReadonlyArray<keyof typeof MAIL_FEEDBACK_EVENTS> {
  const [local = '', domain = ''] = address.toLowerCase().split('@');
  if (domain !== SIMULATOR_DOMAIN) return [];
  return SIMULATED[local.split('+')[0]!] ?? [];
}

export interface SentMail {
  messageId: string;
  recipient: string;
  configurationSet: string;
  tags: Record<string, string>;
}

/** The EventBridge event SES publishes through a configuration set's event destination. */
export function sesFeedbackEvent(type: keyof typeof MAIL_FEEDBACK_EVENTS, mail: SentMail, at: Date): EventBridgeEvent<string, unknown> {
  const timestamp = at.toISOString();
  const tags = Object.fromEntries([['ses:configuration-set', [mail.configurationSet]], ...Object.entries(mail.tags).map(([name, value]) => [name, [value]])]);
  const detail: Record<string, unknown> = {
    eventType: SES_EVENT_TYPES[type],
    mail: { timestamp, messageId: mail.messageId, destination: [mail.recipient], tags },
  };
  if (type === 'DELIVERY') detail.delivery = { timestamp, recipients: [mail.recipient], smtpResponse: '250 2.6.0 Message received' };
  if (type === 'BOUNCE') detail.bounce = { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: mail.recipient }], timestamp };
  if (type === 'COMPLAINT') detail.complaint = { complainedRecipients: [{ emailAddress: mail.recipient }], timestamp, complaintFeedbackType: 'abuse' };
  return { version: '0', id: randomUUID(), 'detail-type': MAIL_FEEDBACK_EVENTS[type], source: 'aws.ses', account: '000000000000', time: timestamp, region: 'eu-west-1', resources: [], detail };
}

interface SendEmailBody {
  Destination?: { ToAddresses?: string[] };
  ConfigurationSetName?: string;
  EmailTags?: Array<{ Name: string; Value: string }>;
}

export interface RunningSesFeedback {
  /** Where the functions send mail: this proxy, in front of the SES emulator. */
  url: string;
  /** Waits until every feedback event produced so far has been handled. */
  drain(): Promise<void>;
  /** How many sends the emulator has accepted through this proxy so far. */
  sends(): number;
  stop(): Promise<void>;
}

/**
 * SES publishes delivery, bounce and complaint events for mail sent through a configuration
 * set; the emulator does not. This proxy sits between the functions and the emulator, passes
 * every request on, and for each send to a mailbox-simulator address that names a
 * configuration set, hands the mail-feedback function the EventBridge events SES would.
 */
export async function startSesFeedback(options: { port: number; emulatorUrl: () => string; loadHandler: (spec: FunctionSpec) => Promise<LambdaHandler> }): Promise<RunningSesFeedback> {
  const pending = new Set<Promise<void>>();
  let sends = 0;
  const [feedbackFunction] = mailFeedbackFunctions();

  const deliver = (sent: SentMail) => {
    if (!feedbackFunction) return;
    const types = simulatedEvents(sent.recipient);
    if (types.length === 0) return;
    const work = (async () => {
      const handler = await options.loadHandler(feedbackFunction);
      for (const type of types) {
        // As Lambda does with an asynchronous invocation: a failure is retried, then given up on (and reported).
        for (let attempt = 0; ; attempt++) {
          try {
            await handler(sesFeedbackEvent(type, sent, new Date()), lambdaContext(feedbackFunction));
            break;
          } catch (error) {
            if (attempt >= feedbackFunction.trigger.invocationRetryAttempts) {
              console.error(`mail-feedback failed on a ${type} event`, error);
              break;
            }
          }
        }
      }
    })();
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const refusal = sendRefusal(request.method, request.url, body);
      if (refusal) {
        response.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'BadRequestException' });
        response.end(JSON.stringify({ message: refusal }));
        return;
      }
      const upstream = http.request(new URL(request.url ?? '/', options.emulatorUrl()), { method: request.method, headers: request.headers }, (answer) => {
        const answerChunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
        answer.on('end', () => {
          const answerBody = Buffer.concat(answerChunks);
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(answerBody);
          if (request.method === 'POST' && request.url?.startsWith('/v2/email/outbound-emails') && answer.statusCode === 200) {
            sends++;
            for (const sent of sentMails(body, answerBody)) deliver(sent);
          }
        });
      });
      // The emulator is down (see takeMailOffline): the sender sees a broken connection, as with SES unreachable.
      upstream.on('error', () => response.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    sends: () => sends,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** SES refuses a tag whose name or value has a character other than letters, digits, `_` and `-`; the emulator does not check. */
const SES_TAG = /^[A-Za-z0-9_-]{1,256}$/;

function sendRefusal(method: string | undefined, url: string | undefined, body: Buffer): string | undefined {
  if (method !== 'POST' || !url?.startsWith('/v2/email/outbound-emails')) return undefined;
  try {
    const request = JSON.parse(body.toString('utf8')) as SendEmailBody;
    const invalid = (request.EmailTags ?? []).find((tag) => !SES_TAG.test(tag.Name) || !SES_TAG.test(tag.Value));
    return invalid ? `Invalid tag ${invalid.Name}=${invalid.Value}: only letters, digits, _ and - are allowed` : undefined;
  } catch {
    return undefined;
  }
}

function sentMails(requestBody: Buffer, answerBody: Buffer): SentMail[] {
  try {
    const request = JSON.parse(requestBody.toString('utf8')) as SendEmailBody;
    const { MessageId } = JSON.parse(answerBody.toString('utf8')) as { MessageId?: string };
    if (!MessageId || !request.ConfigurationSetName) return [];
    const tags = Object.fromEntries((request.EmailTags ?? []).map((tag) => [tag.Name, tag.Value]));
    return (request.Destination?.ToAddresses ?? []).map((recipient) => ({ messageId: MessageId, recipient, configurationSet: request.ConfigurationSetName!, tags }));
  } catch {
    return [];
  }
}
