import { afterEach, describe, expect, it, vi } from 'vitest';
import { pauses } from '../../../shared/adapters/pauses';
import type { SeatStateAsRead } from '../../../shared/adapters/dynamo/seat-counters';
import type { RegistrationDeps } from '../../../shared/use-cases/deps';
import { fillFreeSeats } from '../../../shared/use-cases/promote';

const now = new Date('2026-12-01T10:00:00Z');

/** Counters of a full 10-seat event with `freed` freed seats on its one shard, the latest freed by `lastFreedBy`, and people waiting from ticket 1. */
function seatsWith(freed: number, promoted = 0, lastFreedBy = 'me'): SeatStateAsRead {
  return {
    lastFreedBy: new Map([[0, lastFreedBy]]),
    gate: { registrationClosesAt: '2026-12-20T00:00:00Z', promotionCutoffAt: '2026-12-20T00:00:00Z', waitlistEnabled: true },
    shards: [{ index: 0, capacity: 10, taken: 10, freed, cancelled: 0 }],
    waitlist: { next: 6, promoted, promotedThrough: promoted, left: 0, cancelled: 0, full: true, waiting: 5 - promoted },
  };
}

/** Fakes that answer the promoter's reads with `reads` in turn (the last one repeated) and its promotions with `outcomes`. */
function depsWith(reads: SeatStateAsRead[], outcomes: Array<'promoted' | 'changed'>) {
  const promotions: Array<{ heads: number[]; promoted: number }> = [];
  let read = 0;
  let last = reads[0]!;
  const deps = {
    clock: { now: () => now },
    events: {
      seats: {
        readForPromotion: vi.fn(async () => (last = reads[Math.min(read++, reads.length - 1)]!)),
        // Tickets 1 to 5 wait; those promoted as last read are gone from the line.
        waitingHeads: async (_eventId: string, limit: number) =>
          [1, 2, 3, 4, 5].filter((seq) => seq > last.waitlist.promotedThrough).slice(0, limit).map((seq) => ({ seq, registrationId: `r${seq}` })),
        departuresBetween: async () => new Set<number>(),
      },
    },
    registrations: {
      promote: vi.fn(async (plan: { heads: { seq: number }[]; counter: { promoted: number } }) => {
        promotions.push({ heads: plan.heads.map((head) => head.seq), promoted: plan.counter.promoted });
        return outcomes.shift() ?? 'promoted';
      }),
    },
  } as unknown as RegistrationDeps;
  return { deps, promotions };
}

describe('handing freed seats on from a request', () => {
  const sleep = pauses.sleep;
  afterEach(() => {
    pauses.sleep = sleep;
  });

  it('promotes the first in line at once when the seat it freed is the only one', async () => {
    const { deps, promotions } = depsWith([seatsWith(1), seatsWith(0, 1)], []);

    const outcome = await fillFreeSeats(deps, 'evt-1', { budgetMs: 3000, freedBy: { registrationId: 'me', shard: 0 } });

    expect(outcome).toEqual({ promoted: 1, settled: true });
    expect(promotions).toEqual([{ heads: [1], promoted: 0 }]);
  });

  it('leaves the promoting to a cancellation that freed a seat on its shard after it, answering after one read', async () => {
    const { deps, promotions } = depsWith([seatsWith(3, 0, 'later')], []);

    const outcome = await fillFreeSeats(deps, 'evt-1', { budgetMs: 3000, freedBy: { registrationId: 'me', shard: 0 } });

    expect(outcome).toEqual({ promoted: 0, settled: false });
    expect(promotions).toEqual([]);
    expect(deps.events.seats.readForPromotion).toHaveBeenCalledTimes(1);
  });

  it('being the last to free a seat, promotes every freed seat, its own and the earlier ones', async () => {
    const { deps, promotions } = depsWith([seatsWith(3), seatsWith(0, 3)], []);

    const outcome = await fillFreeSeats(deps, 'evt-1', { budgetMs: 3000, freedBy: { registrationId: 'me', shard: 0 } });

    expect(outcome).toEqual({ promoted: 3, settled: true });
    expect(promotions).toEqual([{ heads: [1, 2, 3], promoted: 0 }]);
  });

  it('stops when another promoter moved the line first, without a second transaction', async () => {
    pauses.sleep = vi.fn(async () => undefined);
    const { deps, promotions } = depsWith([seatsWith(1), seatsWith(0, 1)], ['changed']);

    const outcome = await fillFreeSeats(deps, 'evt-1', { budgetMs: 3000, freedBy: { registrationId: 'me', shard: 0 } });

    expect(outcome).toEqual({ promoted: 0, settled: false });
    expect(promotions).toEqual([{ heads: [1], promoted: 0 }]);
  });

  it('tries again when its transaction failed but nobody was promoted meanwhile (someone left the line)', async () => {
    pauses.sleep = vi.fn(async () => undefined);
    const left = { ...seatsWith(1), waitlist: { ...seatsWith(1).waitlist, left: 1, waiting: 4 } };
    const { deps, promotions } = depsWith([seatsWith(1), left, seatsWith(0, 1)], ['changed']);

    const outcome = await fillFreeSeats(deps, 'evt-1', { budgetMs: 3000, freedBy: { registrationId: 'me', shard: 0 } });

    expect(outcome).toEqual({ promoted: 1, settled: true });
    expect(promotions).toHaveLength(2);
  });

  it('keeps going, without a budget (the stream function), until every freed seat is given on', async () => {
    pauses.sleep = vi.fn(async () => undefined);
    const { deps, promotions } = depsWith([seatsWith(3), seatsWith(3, 1), seatsWith(0, 4)], ['changed']);

    const outcome = await fillFreeSeats(deps, 'evt-1');

    expect(outcome).toEqual({ promoted: 3, settled: true });
    expect(promotions).toEqual([
      { heads: [1, 2, 3], promoted: 0 },
      { heads: [2, 3, 4], promoted: 1 },
    ]);
    expect(pauses.sleep).toHaveBeenCalledTimes(1);
  });
});
