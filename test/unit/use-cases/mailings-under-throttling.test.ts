import { describe, expect, it } from 'vitest';
import { noticeMailing, type Mailing } from '../../../shared/domain/mailing';
import type { OutboxMail } from '../../../shared/domain/mail';
import { runDueMailings, type MailingDeps } from '../../../shared/use-cases/mailings';
import { aRegistration, anEvent } from '../../support/fixtures';

const throttled = () => Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ProvisionedThroughputExceededException' });
const now = new Date('2026-12-01T10:00:00Z');

/** Fakes with the mailing repository's and the outbox's behaviour, failing where a test says. */
function depsWith(options: { failAdds: number; failClaimsOf?: string; failEventReads?: number }) {
  const event = anEvent({ id: 'evt-1' });
  const people = [aRegistration({ registrationId: 'r1', eventId: 'evt-1' }), aRegistration({ registrationId: 'r2', eventId: 'evt-1' })];
  const jobs: Mailing[] = [
    { ...noticeMailing(event, 'event-moved', now), jobId: 'moved-1' },
    { ...noticeMailing(event, 'event-moved', now), jobId: 'moved-2' },
  ];
  const outbox = new Map<string, OutboxMail>();
  const completed: string[] = [];
  let failAdds = options.failAdds;
  let failEventReads = options.failEventReads ?? 0;
  const deps = {
    clock: { now: () => now },
    events: {
      get: async () => {
        if (failEventReads-- > 0) throw throttled();
        return event;
      },
    },
    registrations: { listByEvent: async () => people },
    mailings: {
      due: async () => jobs.map(({ eventId, jobId }) => ({ eventId, jobId })),
      claim: async (_eventId: string, jobId: string) => {
        if (jobId === options.failClaimsOf) throw throttled();
        return jobs.find((job) => job.jobId === jobId);
      },
      complete: async (mailing: Mailing) => void completed.push(mailing.jobId),
    },
    outbox: {
      addOnce: async (mail: OutboxMail) => {
        if (failAdds-- > 0) throw throttled();
        if (outbox.has(mail.mailId)) return 'exists';
        outbox.set(mail.mailId, mail);
        return 'added';
      },
    },
    certificates: {},
  } as unknown as MailingDeps;
  return { deps, outbox, completed };
}

describe('fanning mailings out while DynamoDB throttles', () => {
  it('writes a throttled mail again instead of leaving the mailing claimed and its mails late', async () => {
    const { deps, outbox, completed } = depsWith({ failAdds: 3 });

    const tally = await runDueMailings(deps, { stopBy: Date.now() + 60_000 });

    expect(tally).toMatchObject({ done: 2, unfinished: 0, failed: 0 });
    expect([...outbox.keys()].sort()).toEqual(['evt-1.moved-1.r1', 'evt-1.moved-1.r2', 'evt-1.moved-2.r1', 'evt-1.moved-2.r2']);
    expect(completed).toEqual(['moved-1', 'moved-2']);
  });

  it('goes on with the next mailing when one cannot be claimed, and counts it as failed', async () => {
    const { deps, outbox, completed } = depsWith({ failAdds: 0, failClaimsOf: 'moved-1' });

    const tally = await runDueMailings(deps, { stopBy: Date.now() + 60_000 });

    expect(tally).toEqual({ done: 1, unfinished: 0, failed: 1, failures: ['evt-1/moved-1: ProvisionedThroughputExceededException'] });
    expect([...outbox.keys()].sort()).toEqual(['evt-1.moved-2.r1', 'evt-1.moved-2.r2']);
    expect(completed).toEqual(['moved-2']);
  });

  it('starts a claimed fan-out again when a read before its writes is throttled, instead of leaving it claimed', async () => {
    const { deps, outbox, completed } = depsWith({ failAdds: 0, failEventReads: 2 });

    expect(await runDueMailings(deps, { stopBy: Date.now() + 60_000 })).toMatchObject({ done: 2, failed: 0 });
    expect(outbox.size).toBe(4);
    expect(completed).toEqual(['moved-1', 'moved-2']);
  });
});
