import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { domainToASCII } from 'node:url';
import { formatWithOptions } from 'node:util';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { MessageRejected } from '@aws-sdk/client-sesv2';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { setTimeout as sleep } from 'node:timers/promises';

// The logger reads its level once, when its module loads: this runs before every import of the
// file (and so before the runtime loads any handler), or the flows would log at WARN and the
// test would prove nothing about what DEBUG and INFO lines carry.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
});

interface StoredMail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

/**
 * Everything this worker prints while the flows run: Powertools writes each line through its
 * own `Console` on process.stdout/stderr (not through the global console), and the local
 * runtime's poller, scheduler and gateway report failures with console.error. Swallowed, so the
 * DEBUG lines do not bury the test output; the leaking ones are shown when the test fails.
 */
function captureOutput() {
  const lines: string[] = [];
  const restore: Array<() => void> = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
    restore.push(() => void (stream.write = write));
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[method];
    // As a console prints it (depth included): what reaches CloudWatch is what is searched.
    console[method] = (...args: unknown[]) => void lines.push(formatWithOptions({}, ...args));
    restore.push(() => void (console[method] = original));
  }
  return {
    text: () => lines.join('\n'),
    lines,
    stop: () => restore.splice(0).reverse().forEach((undo) => undo()),
  };
}

const random = Math.random().toString(36).slice(2, 8);
// Distinctive enough that any appearance in a log line is a leak, not a coincidence. The second
// address has an internationalised domain, so its ASCII form (what is mailed) is searched too.
const people = [
  {
    name: 'Zwaantje Privacytest',
    email: `Privacy.Zwaan.${random}@Example.org`,
    dietaryNeeds: 'glutenvrij-geheim',
    accessibilityNeeds: 'rolstoel-geheim',
  },
  {
    name: 'Reinier Ëlsbroek-Privé',
    email: `privacy.reiger.${random}@gemeënte-privacy.nl`,
    dietaryNeeds: 'notenallergie-verborgen',
    accessibilityNeeds: 'gebarentolk-verborgen',
  },
  // Meets a contended event (injected, see below): the 503 path, which logs the SDK's error.
  {
    name: 'Kees Drukte-Privacytest',
    email: `privacy.kees.${random}@example.org`,
    dietaryNeeds: 'halal-onthuld',
    accessibilityNeeds: 'ringleiding-onthuld',
  },
];

function forbiddenTexts(tokens: string[], organiserToken: string): string[] {
  const texts = people.flatMap((person) => {
    const [local, domain] = person.email.split('@') as [string, string];
    const ascii = `${local}@${domainToASCII(domain)}`;
    return [person.name, person.name.split(' ').at(-1)!, person.email, person.email.toLowerCase(), ascii, ascii.toLowerCase(), local.toLowerCase(), person.dietaryNeeds, person.accessibilityNeeds];
  });
  return [...new Set([...texts, ...tokens, organiserToken])];
}

/**
 * Faults AWS produces and the emulators do not, injected into the functions' own clients (they
 * run in this worker): what the SDK then throws is what a handler logs.
 * - DynamoDB: a registration whose transaction stays contended through every retry, cancelled
 *   with reasons that carry the registration as DynamoDB returns an item (ALL_OLD); the
 *   handler answers 503 and logs the error.
 * - SES: one send rejected with SES's sandbox message, which names the recipient.
 */
async function injectFaults(contended: string) {
  const [{ documentClient }, { sesClient }] = await Promise.all([import('../../shared/adapters/dynamo/client'), import('../../shared/adapters/ses-mailer')]);
  let rejectNextSend = false;
  const injected = { contentions: 0, rejections: 0 };
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      // Depending on where the document client's own marshalling sits, the items are plain or AttributeValues already.
      const items = (args.input as { TransactItems?: Array<{ Put?: { Item?: Record<string, any> } }> }).TransactItems ?? [];
      const registration = items.find((item) => [item.Put?.Item?.email, item.Put?.Item?.email?.S].includes(contended))?.Put?.Item;
      if (/^TransactWrite(Items)?Command$/.test(String(context.commandName)) && registration) {
        injected.contentions++;
        throw new TransactionCanceledException({
          $metadata: { httpStatusCode: 400, requestId: 'INJECTED' },
          message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict, ConditionalCheckFailed]',
          CancellationReasons: items.map((item, index) =>
            index === 1
              ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }
              : item.Put?.Item === registration
                ? { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: typeof registration.email === 'string' ? marshall(registration, { removeUndefinedValues: true }) : registration }
                : { Code: 'None' },
          ),
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'injectedContention' },
  );
  sesClient.middlewareStack.add(
    (next) => async (args) => {
      if (!rejectNextSend) return next(args);
      rejectNextSend = false;
      injected.rejections++;
      const recipient = (args.input as { Destination?: { ToAddresses?: string[] } }).Destination?.ToAddresses?.[0];
      throw new MessageRejected({ $metadata: { httpStatusCode: 400, requestId: 'INJECTED' }, message: `Email address is not verified. The following identities failed the check in region EU-WEST-1: ${recipient}` });
    },
    { step: 'initialize', name: 'injectedRejection' },
  );
  return {
    injected,
    rejectNextSend: () => void (rejectNextSend = true),
    remove() {
      documentClient.middlewareStack.remove('injectedContention');
      sesClient.middlewareStack.remove('injectedRejection');
    },
  };
}

describe('logs at DEBUG carry nothing personal', () => {
  let runtime: LocalRuntime;
  let stateDir: string;
  let capture: ReturnType<typeof captureOutput> | undefined;

  beforeAll(async () => {
    // Imported here, after the level is set, like a cold start reading its environment.
    const [{ startLocalRuntime }, { freePort }] = await Promise.all([import('../../infra/local/runtime'), import('../../infra/local/services')]);
    stateDir = await mkdtemp(path.join(tmpdir(), 'event-registration-log-privacy-'));
    runtime = await startLocalRuntime({
      port: await freePort(),
      dynamoDbPort: await freePort(),
      sesPort: await freePort(),
      tableName: 'log-privacy',
      stateDir,
      mailRatePerSecond: 100,
      mailRetryBaseSeconds: 1,
      // The test runs the schedules itself, when it wants them.
      scheduleIntervalMs: 3_600_000,
    });
  });

  afterAll(async () => {
    capture?.stop();
    await runtime?.stop();
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  });

  it('registration, duplicate, cancellation, promotion, reminder, check-in and certificates, with SES failing once', async () => {
    const { issueOrganiserToken } = await import('../../infra/local/auth');
    const { logger } = await import('../../shared/observability/logger');
    const organiserToken = await issueOrganiserToken(stateDir, 'org-log-privacy');

    const request = async (method: string, route: string, options: { body?: unknown; form?: Record<string, string>; token?: string } = {}) => {
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.form) [body, headers['content-type']] = [new URLSearchParams(options.form).toString(), 'application/x-www-form-urlencoded'];
      else if (options.body !== undefined) [body, headers['content-type']] = [JSON.stringify(options.body), 'application/json'];
      const response = await fetch(`${runtime.apiUrl}${route}`, { method, headers, body, redirect: 'manual' });
      const text = await response.text();
      return { status: response.status, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
    };
    const admin = (method: string, route: string, body?: unknown) => request(method, `/admin${route}`, { token: organiserToken, body });
    // The emulator keeps mail in memory and forgets it when taken offline: every mail seen is kept here.
    const seen = new Map<string, StoredMail>();
    const mails = async (): Promise<StoredMail[]> => {
      for (const mail of ((await (await fetch(`${runtime.mailViewerUrl}/store`)).json()) as { emails: StoredMail[] }).emails) seen.set(mail.messageId, mail);
      return [...seen.values()];
    };
    /** Runs schedules and the stream until `done` holds for the mail store: waiting on the system, not the clock. */
    const until = async (what: string, done: (all: StoredMail[]) => boolean, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await runtime.runSchedules();
        await runtime.drainStreams(30_000);
        const all = await mails();
        if (done(all)) return all;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; mail so far: ${all.map((mail) => mail.subject).join(' | ')}`);
        await sleep(250);
      }
    };
    const mailsTo = (all: StoredMail[], person: (typeof people)[number]) => {
      const [local, domain] = person.email.split('@') as [string, string];
      const ascii = `${local}@${domainToASCII(domain)}`.toLowerCase();
      return all.filter((mail) => mail.destination.to.some((to) => to.toLowerCase() === ascii));
    };

    let faults: Awaited<ReturnType<typeof injectFaults>> | undefined;
    capture = captureOutput();
    try {
      expect(logger.getLevelName()).toBe('DEBUG');

      // Starts in 3 minutes; the reminder falls due about 6 seconds from now.
      const startsAt = new Date(Date.now() + 3 * 60_000);
      startsAt.setUTCMilliseconds(0);
      const created = await admin('POST', '/events', {
        title: `Privacy ${random}`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        venue: { name: 'Provinciehuis' },
        capacity: 1,
        emailConfirmation: 'off',
        language: 'nl',
        reminders: ['PT2M54S'],
        certificate: { hours: 2, organiserName: 'Publiek Denken', signatoryName: 'Marion van der Voort' },
      });
      expect(created.status).toBe(201);
      const eventId = created.json.id as string;
      const [zwaan, reiger, kees] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number]];
      faults = await injectFaults(kees.email);

      const first = await request('POST', `/events/${eventId}/registrations`, { body: { ...zwaan, consent: true, needsConsent: true } });
      expect([first.status, first.json.status]).toEqual([201, 'confirmed']);
      // The hosted form's post: the other body format, which the handler decodes itself.
      const second = await request('POST', `/events/${eventId}/registrations`, { form: { ...reiger, consent: 'on', needsConsent: 'on' } });
      expect(second.status).toBe(303);
      // Registered already (in other letters): DynamoDB Local cancels the transaction on the address's lock.
      const again = await request('POST', `/events/${eventId}/registrations`, { body: { ...zwaan, email: zwaan.email.toUpperCase(), consent: true, needsConsent: true } });
      expect(again.status).toBe(409);
      const contended = await request('POST', `/events/${eventId}/registrations`, { body: { ...kees, consent: true, needsConsent: true } });
      expect(contended.status).toBe(503);

      const confirmations = await until('both confirmation mails', (all) => mailsTo(all, zwaan).length >= 1 && mailsTo(all, reiger).length >= 1);
      const link = /\/registrations\/([^/?\s]+)\?token=([A-Za-z0-9_-]+)/.exec(mailsTo(confirmations, zwaan)[0]!.body.text ?? '')!;
      const [, zwaanId, zwaanToken] = link;
      expect((await request('GET', `/registrations/${zwaanId}?token=${zwaanToken}`)).status).toBe(200);

      // SES is down while the cancellation and the promotion are mailed: the sends fail and are retried.
      const bringMailBack = await runtime.takeMailOffline();
      try {
        const cancelled = await request('POST', `/registrations/${zwaanId}/cancel`, { body: { token: zwaanToken } });
        expect(cancelled.status).toBe(200);
        await runtime.drainStreams(30_000);
        await runtime.runSchedules();
      } finally {
        await bringMailBack();
      }
      faults.rejectNextSend();
      await until('the cancellation and promotion mails', (all) => mailsTo(all, zwaan).length >= 2 && mailsTo(all, reiger).length >= 2);
      // To whoever holds the seat when it falls due: the retries above take a few seconds.
      await until('the reminder', (all) => all.some((mail) => mail.subject.startsWith('Herinnering')));

      const listed = await admin('GET', `/events/${eventId}/registrations`);
      const reigerId = (listed.json.items as Array<{ registrationId: string; status: string }>).find((item) => item.status === 'confirmed')!.registrationId;
      expect((await admin('POST', `/events/${eventId}/registrations/${reigerId}/check-in`)).status).toBe(200);
      // Cancelled, so not checked in: DynamoDB's failed condition returns the whole registration (ALL_OLD).
      expect((await admin('POST', `/events/${eventId}/registrations/${zwaanId}/check-in`)).status).toBe(409);
      const ended = new Date(Date.now() - 3_600_000);
      expect((await admin('PATCH', `/events/${eventId}`, { startsAt: new Date(ended.getTime() - 2 * 3_600_000).toISOString(), endsAt: ended.toISOString() })).status).toBe(200);
      expect((await admin('POST', `/events/${eventId}/certificates`, {})).json).toEqual({ total: 1 });
      const all = await until('the certificate', (found) => mailsTo(found, reiger).some((mail) => mail.subject.startsWith('Je certificaat')));

      capture.stop();
      expect(faults.injected.contentions).toBeGreaterThan(1);
      expect(faults.injected.rejections).toBe(1);
      const tokens = all.flatMap((mail) => [...`${mail.body.text ?? ''} ${mail.body.html ?? ''}`.matchAll(/[?&](?:amp;)?token=([A-Za-z0-9_-]{16,})/g)].map((match) => match[1]!));
      expect(tokens.length).toBeGreaterThan(0);
      const logged = capture.text();
      // The test cannot pass by capturing nothing: handlers did log at INFO or below.
      expect(capture.lines.some((line) => /"level":"(DEBUG|INFO)"/.test(line))).toBe(true);

      const forbidden = forbiddenTexts(tokens, organiserToken);
      const leaks = capture.lines.flatMap((line) => {
        const found = forbidden.filter((needle) => line.toLowerCase().includes(needle.toLowerCase()));
        return found.length > 0 ? [`${found.join(', ')} in: ${line.slice(0, 3000)}`] : [];
      });
      expect(leaks, `${capture.lines.length} lines captured, ${logged.length} characters`).toEqual([]);
    } finally {
      capture.stop();
      faults?.remove();
    }
  });
});
