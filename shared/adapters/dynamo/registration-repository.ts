import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { EventRecord } from '../../domain/event';
import type { SeatShard, WaitlistCounter } from '../../domain/seats';
import type { MailKind, OutboxMail } from '../../domain/mail';
import type { NetworkMember } from '../../domain/network';
import { hasNeeds, normaliseEmail, type Registration } from '../../domain/registration';
import { documentClient } from './client';
import { batchGetAll } from './batch-get';
import { keys, withoutKeys } from './keys';
import { outboxPut, putMailOnce } from './mail-outbox';
import { addressHoldItem } from './event-activity';
import { queryAll } from './query-all';
import { OPEN_NOW, waitlistEntryItem } from './seat-counters';
import { ttlSeconds } from './ttl';
import { transactIfUnchanged, unlessConditionFails } from './conditional';
import { isTransactionConflict, retryOnTransactionConflict } from './retry';
import { retryKeyAttributes, type LockHolder, type RetryKey } from './idempotency';

export interface CancellationPlan {
  registration: Registration;
  mails: OutboxMail[];
  now: Date;
}

export interface PromotionPlan {
  eventId: string;
  /** The shard whose freed seats the heads take. */
  shard: number;
  /** The first people waiting, in order, as read after `counter`. */
  heads: { seq: number; registrationId: string }[];
  /** The waitlist counter as read: no one may have left it since. */
  counter: Pick<WaitlistCounter, 'promoted' | 'left'>;
  mails: OutboxMail[];
  now: Date;
}

/** Most promotions in one transaction: each takes three items (entry, registration, mail), the counters two (limit 100). */
export const MAX_PROMOTIONS_PER_TRANSACTION = 32;

export type CreateRegistrationResult =
  | { outcome: 'created' }
  /** The address's lock as it stands (DynamoDB returns it with the failed condition). */
  | { outcome: 'email-taken'; holder?: LockHolder }
  /** The shard the placement relied on had moved on (its current image, to place again), or the ticket was voided. */
  | { outcome: 'seats-changed'; counter: Record<string, unknown> | undefined };

export type TicketResult = { outcome: 'ticket'; seq: number } | { outcome: 'closed'; counter: Record<string, unknown> | undefined };

/** Indexes of the items in the registration transaction, to read its cancellation reasons. */
const EMAIL_LOCK = 0;
const PLACE = 1;
/** In the address correction's: the new address's lock. */
const CORRECTED_LOCK = 1;

/** An address lock may be taken when nobody holds it, or its holder cancelled (the lock was released). */
const EMAIL_LOCK_FREE = 'attribute_not_exists(PK) OR attribute_exists(releasedAt)';

export class RegistrationRepository {
  constructor(
    private readonly tableName: string,
    private readonly client = documentClient,
  ) {}

  /**
   * Writes the registration, its email lock, the seat or waitlist place and the mail to send,
   * all or nothing. The counter's condition re-checks the placement the caller chose, so
   * capacity and waitlist order hold under any concurrency without a read-then-write race.
   * Only the counter (and, where addresses are confirmed, the small hold item) sits in the
   * event's partition; every other item has a partition of its own.
   */
  async create(
    registration: Registration,
    placement: { kind: 'confirmed'; shard: number } | { kind: 'waitlisted'; seq: number },
    mail: OutboxMail,
    retryKey?: RetryKey,
  ): Promise<CreateRegistrationResult> {
    const now = registration.createdAt;
    const expiresAt = ttlSeconds(registration.retainUntil);
    // A seat is counted on its shard; a waitlist place was counted when its ticket was taken, and
    // only needs its ticket not to have been voided meanwhile.
    const placeItem =
      placement.kind === 'confirmed'
        ? {
            Update: {
              TableName: this.tableName,
              Key: keys.seatShard(registration.eventId, placement.shard),
              UpdateExpression: 'SET taken = taken + :one',
              ConditionExpression: `${OPEN_NOW} AND taken < #capacity`,
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':now': now, ':one': 1 },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
            },
          }
        : {
            ConditionCheck: {
              TableName: this.tableName,
              Key: keys.waitlistDeparture(registration.eventId, placement.seq),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          };

    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            // The request's retry key goes with the registration, all or nothing (see idempotency.ts).
            Item: { ...emailLockItem(registration), ...retryKeyAttributes(retryKey) },
            ConditionExpression: EMAIL_LOCK_FREE,
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
          },
        },
        placeItem,
        {
          Put: {
            TableName: this.tableName,
            Item: registrationItem(registration),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        ...(placement.kind === 'waitlisted'
          ? [
              {
                Put: {
                  TableName: this.tableName,
                  Item: waitlistEntryItem(registration.eventId, placement.seq, registration.registrationId, expiresAt),
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
            ]
          : []),
        outboxPut(this.tableName, mail),
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.checkInCode(registration.eventId, registration.checkInCode), entity: 'check-in-code', registrationId: registration.registrationId, expiresAt },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        ...(registration.confirmBy ? [{ Put: { TableName: this.tableName, Item: addressHoldItem({ ...registration, confirmBy: registration.confirmBy }) } }] : []),
        ...neededItems(registration).map((Item) => ({ Put: { TableName: this.tableName, Item } })),
      ],
    });

    try {
      await retryOnTransactionConflict(() => this.client.send(command));
      return { outcome: 'created' };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const lockReason = reasons[EMAIL_LOCK];
      if (lockReason?.Code === 'ConditionalCheckFailed') return { outcome: 'email-taken', ...(lockReason.Item ? { holder: lockHolderOf(unmarshall(lockReason.Item)) } : {}) };
      const placeReason = reasons[PLACE];
      if (placeReason?.Code === 'ConditionalCheckFailed') {
        return { outcome: 'seats-changed', counter: placeReason.Item ? unmarshall(placeReason.Item) : undefined };
      }
      throw error;
    }
  }

  /**
   * The organiser corrects the address: the registration moves to it (and, when it differs, so
   * do the lock that keeps one registration per address and the personal links: the old
   * address's mails no longer open it), the undeliverable mark goes, an unconfirmed hold starts
   * its window again, and the mail the person should have had goes to the new address. All
   * conditioned on the registration as read.
   */
  async correctAddress(registration: Registration, change: { email: string; confirmBy?: string }, mail: OutboxMail, now: Date): Promise<'corrected' | 'email-taken' | 'changed'> {
    const moved = normaliseEmail(change.email) !== normaliseEmail(registration.email);
    const corrected = { ...registration, email: change.email, ...(change.confirmBy ? { confirmBy: change.confirmBy } : {}) };
    const set = ['email = :email', 'addressChangedAt = :now', ...(change.confirmBy ? ['confirmBy = :confirmBy'] : [])];
    const remove = ['addressUndeliverable', 'mailStatus', ...(moved ? ['accessTokenHashes'] : [])];
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.registration(registration.registrationId),
            UpdateExpression: `SET ${set.join(', ')} REMOVE ${remove.join(', ')}`,
            ConditionExpression: `email = :was AND #status = :status AND ${registration.confirmBy ? 'confirmBy = :wasConfirmBy' : 'attribute_not_exists(confirmBy)'}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':email': change.email,
              ':now': now.toISOString(),
              ':was': registration.email,
              ':status': registration.status,
              ...(change.confirmBy ? { ':confirmBy': change.confirmBy } : {}),
              ...(registration.confirmBy ? { ':wasConfirmBy': registration.confirmBy } : {}),
            },
          },
        },
        ...(moved
          ? [
              { Put: { TableName: this.tableName, Item: emailLockItem(corrected), ConditionExpression: EMAIL_LOCK_FREE } },
              {
                Delete: {
                  TableName: this.tableName,
                  Key: keys.emailLock(registration.eventId, normaliseEmail(registration.email)),
                  ConditionExpression: 'registrationId = :id',
                  ExpressionAttributeValues: { ':id': registration.registrationId },
                },
              },
            ]
          : []),
        ...(change.confirmBy ? [{ Put: { TableName: this.tableName, Item: addressHoldItem({ ...corrected, confirmBy: change.confirmBy }) } }] : []),
        outboxPut(this.tableName, mail),
      ],
    });
    try {
      await retryOnTransactionConflict(() => this.client.send(command));
      return 'corrected';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (moved && reasons[CORRECTED_LOCK]?.Code === 'ConditionalCheckFailed') return 'email-taken';
      if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) return 'changed';
      throw error;
    }
  }

  /** A mail outside any state change (a reminder of an existing registration); see putMailOnce. */
  queueMailOnce(mail: OutboxMail): Promise<'added' | 'exists'> {
    return putMailOnce(this.client, this.tableName, mail);
  }

  /** The registration that holds the address for the event, if any (a released lock holds nothing). */
  async emailHolder(eventId: string, email: string): Promise<string | undefined> {
    return (await this.emailLock(eventId, email))?.registrationId;
  }

  /** The address's lock, with the retry key of the request that took it; a released lock holds nothing. */
  async emailLock(eventId: string, email: string): Promise<LockHolder | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.emailLock(eventId, normaliseEmail(email)), ConsistentRead: true }));
    return Item ? lockHolderOf(Item) : undefined;
  }

  /**
   * The address is confirmed: the hold ends, and the mail the registration would have had at
   * once goes out now. Conditioned on the registration still awaiting it, so twice is once.
   */
  async confirmAddress(registration: Registration, mail: OutboxMail, now: Date): Promise<'confirmed' | 'changed'> {
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.registration(registration.registrationId),
            UpdateExpression: 'SET addressConfirmedAt = :now REMOVE confirmBy',
            ConditionExpression: 'confirmBy = :confirmBy AND #status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':now': now.toISOString(), ':confirmBy': registration.confirmBy, ':status': registration.status },
          },
        },
        { Delete: { TableName: this.tableName, Key: keys.addressHold(registration.eventId, registration.registrationId) } },
        outboxPut(this.tableName, mail),
      ],
    });
    return this.conditional(command, 'confirmed');
  }

  /**
   * An unconfirmed registration goes: its hold lapsed, or it was withdrawn. Its seat or waitlist
   * place is given up as a cancellation gives it up (a freed seat the promoter hands on, a
   * departure marker), and everything about the person is deleted, the address lock included.
   * Conditioned on it still being unconfirmed and where it was read, so a sweep that runs twice releases once.
   */
  async releaseHold(registration: Registration): Promise<'released' | 'changed'> {
    const { eventId, registrationId } = registration;
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Delete: {
            TableName: this.tableName,
            Key: keys.registration(registrationId),
            ConditionExpression: 'confirmBy = :confirmBy AND #status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':confirmBy': registration.confirmBy, ':status': registration.status },
          },
        },
        {
          Delete: {
            TableName: this.tableName,
            Key: keys.emailLock(eventId, normaliseEmail(registration.email)),
            ConditionExpression: 'registrationId = :id',
            ExpressionAttributeValues: { ':id': registrationId },
          },
        },
        { Delete: { TableName: this.tableName, Key: keys.checkInCode(eventId, registration.checkInCode) } },
        { Delete: { TableName: this.tableName, Key: keys.addressHold(eventId, registrationId) } },
        { Delete: { TableName: this.tableName, Key: keys.needs(registrationId) } },
        ...this.placeGivenUp(registration, { countAsCancelled: false }),
      ],
    });
    return this.conditional(command, 'released');
  }

  /**
   * A seat becomes a freed seat on its shard; a waitlist place leaves a marker that later positions
   * discount. A cancellation signs the shard with its registration (`lastFreedBy`, see fillFreeSeats).
   */
  private placeGivenUp(registration: Registration, options: { countAsCancelled: boolean; freedBy?: string }) {
    const { eventId } = registration;
    const cancelled = options.countAsCancelled ? ', cancelled = cancelled + :one' : '';
    if (registration.status === 'waitlisted') {
      return [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.waitlistCounter(eventId),
            UpdateExpression: `SET #left = #left + :one${cancelled}`,
            ExpressionAttributeNames: { '#left': 'left' },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
        { Delete: { TableName: this.tableName, Key: keys.waitlistEntry(eventId, registration.waitlistSeq!), ConditionExpression: 'attribute_exists(PK)' } },
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.waitlistDeparture(eventId, registration.waitlistSeq!), entity: 'waitlist-departure', seq: registration.waitlistSeq, expiresAt: ttlSeconds(registration.retainUntil) },
          },
        },
      ];
    }
    return [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.seatShard(eventId, registration.seatShard ?? 0),
          UpdateExpression: `SET freed = freed + :one${cancelled}${options.freedBy ? ', lastFreedBy = :freedBy' : ''}`,
          ExpressionAttributeValues: { ':one': 1, ...(options.freedBy ? { ':freedBy': options.freedBy } : {}) },
        },
      },
    ];
  }

  /**
   * Takes the next number on the waitlist, if it is open to newcomers: one atomic update of the
   * counter, so joins queue in the order DynamoDB applies them and never fight over a number.
   */
  async takeTicket(eventId: string, now: Date): Promise<TicketResult> {
    return unlessConditionFails(
      async (): Promise<TicketResult> => {
        const { Attributes } = await retryOnTransactionConflict(() =>
          this.client.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: keys.waitlistCounter(eventId),
              UpdateExpression: 'SET #next = #next + :one',
              ConditionExpression: `${OPEN_NOW} AND waitlistEnabled = :true AND promotionCutoffAt > :now AND #full = :true`,
              ExpressionAttributeNames: { '#next': 'next', '#full': 'full' },
              ExpressionAttributeValues: { ':now': now.toISOString(), ':one': 1, ':true': true },
              ReturnValues: 'UPDATED_OLD',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          ),
        );
        return { outcome: 'ticket', seq: Number(Attributes!.next) };
      },
      (counter): TicketResult => ({ outcome: 'closed', counter }),
    );
  }

  /**
   * Voids a ticket whose registration did not go through, so the positions behind it close up:
   * a departure marker (which also bars a late join with it) unless the person did join, or
   * was promoted meanwhile (both answered `joined`).
   */
  async voidTicket(eventId: string, seq: number, expiresAt: number): Promise<'voided' | 'joined'> {
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.waitlistDeparture(eventId, seq), entity: 'waitlist-departure', seq, voided: true, expiresAt },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        { ConditionCheck: { TableName: this.tableName, Key: keys.waitlistEntry(eventId, seq), ConditionExpression: 'attribute_not_exists(PK)' } },
        {
          Update: {
            TableName: this.tableName,
            Key: keys.waitlistCounter(eventId),
            UpdateExpression: 'SET #left = #left + :one',
            // Promotion goes in ticket order: a ticket at or below promotedThrough was promoted, not lost.
            ConditionExpression: 'promotedThrough < :seq',
            ExpressionAttributeNames: { '#left': 'left' },
            ExpressionAttributeValues: { ':one': 1, ':seq': seq },
          },
        },
      ],
    });
    return (await this.conditional(command, 'voided')) === 'voided' ? 'voided' : 'joined';
  }

  /**
   * Opens the waitlist once every shard is taken: a check of every shard and the waitlist's flag
   * in one transaction, so nobody waits while a seat is free.
   */
  async sealWaitlist(eventId: string, shards: number[]): Promise<'sealed' | 'changed'> {
    const command = new TransactWriteCommand({
      TransactItems: [
        ...shards.map((index) => ({
          ConditionCheck: {
            TableName: this.tableName,
            Key: keys.seatShard(eventId, index),
            ConditionExpression: 'taken >= #capacity',
            ExpressionAttributeNames: { '#capacity': 'capacity' },
          },
        })),
        this.openWaitlist(eventId),
      ],
    });
    // At a sell-out every instance wants to open it at once; one does. The others are told to
    // look again (it is open by then) rather than retry a transaction that touches every shard.
    try {
      await this.client.send(command);
      return 'sealed';
    } catch (error) {
      if (error instanceof TransactionCanceledException || isTransactionConflict(error)) return 'changed';
      throw error;
    }
  }

  /**
   * Cancels, all or nothing: the registration, its email lock, its seat or waitlist place and
   * the cancellation mail. A seat becomes a freed seat on its shard, which the promoter gives to
   * the first in line or releases; a waitlist place leaves a marker that later positions discount.
   */
  async cancel(plan: CancellationPlan): Promise<'cancelled' | 'changed'> {
    const { registration, now } = plan;
    const at = now.toISOString();
    const { eventId } = registration;
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.registration(registration.registrationId),
            UpdateExpression: 'SET #status = :cancelled, cancelledAt = :now',
            ConditionExpression: '#status = :was',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':cancelled': 'cancelled', ':now': at, ':was': registration.status },
          },
        },
        {
          // Frees the address (a cancelled person may register again): a released lock is taken
          // over by the next registration's conditional put, and expires with the registration.
          Update: {
            TableName: this.tableName,
            Key: keys.emailLock(eventId, normaliseEmail(registration.email)),
            UpdateExpression: 'SET releasedAt = :now',
            ConditionExpression: 'registrationId = :id AND attribute_not_exists(releasedAt)',
            ExpressionAttributeValues: { ':id': registration.registrationId, ':now': at },
          },
        },
        ...this.placeGivenUp(registration, { countAsCancelled: true, freedBy: registration.registrationId }),
        ...plan.mails.map((mail) => outboxPut(this.tableName, mail)),
      ],
    });
    return this.conditional(command, 'cancelled');
  }

  /**
   * Gives a shard's freed seats to the first people waiting, all or nothing. The counter's
   * condition (nobody left or was promoted since it was read, which was before the heads were)
   * proves the heads are the first in line.
   */
  async promote(plan: PromotionPlan): Promise<'promoted' | 'changed'> {
    const { eventId, heads, now } = plan;
    const at = now.toISOString();
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.waitlistCounter(eventId),
            UpdateExpression: 'SET promoted = promoted + :count, promotedThrough = :last',
            ConditionExpression: 'promoted = :promoted AND #left = :left AND promotionCutoffAt > :now',
            ExpressionAttributeNames: { '#left': 'left' },
            ExpressionAttributeValues: { ':count': heads.length, ':last': heads.at(-1)!.seq, ':promoted': plan.counter.promoted, ':left': plan.counter.left, ':now': at },
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: keys.seatShard(eventId, plan.shard),
            UpdateExpression: 'SET freed = freed - :count',
            ConditionExpression: 'freed >= :count',
            ExpressionAttributeValues: { ':count': heads.length },
          },
        },
        ...heads.flatMap((head) => [
          { Delete: { TableName: this.tableName, Key: keys.waitlistEntry(eventId, head.seq), ConditionExpression: 'attribute_exists(PK)' } },
          {
            Update: {
              TableName: this.tableName,
              Key: keys.registration(head.registrationId),
              UpdateExpression: 'SET #status = :confirmed, promotedAt = :now, seatShard = :shard',
              ConditionExpression: '#status = :waitlisted',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':confirmed': 'confirmed', ':waitlisted': 'waitlisted', ':now': at, ':shard': plan.shard },
            },
          },
        ]),
        ...plan.mails.map((mail) => outboxPut(this.tableName, mail)),
      ],
    });
    return this.conditional(command, 'promoted');
  }

  /**
   * Gives a shard's freed seats back to whoever registers: only when nobody waits for them (or
   * the waitlist no longer gets seats), and the waitlist closes to newcomers again.
   */
  async release(eventId: string, shard: number, count: number, counter: Pick<WaitlistCounter, 'next' | 'promoted' | 'left' | 'waiting'>, now: Date): Promise<'released' | 'changed'> {
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.seatShard(eventId, shard),
            UpdateExpression: 'SET freed = freed - :count, taken = taken - :count',
            ConditionExpression: 'freed >= :count',
            ExpressionAttributeValues: { ':count': count },
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: keys.waitlistCounter(eventId),
            UpdateExpression: 'SET #full = :false',
            // Nobody waiting as read, and no ticket taken or given up since; or no more promotions.
            ConditionExpression: counter.waiting === 0 ? '(#next = :next AND promoted = :promoted AND #left = :left) OR promotionCutoffAt <= :now' : 'promotionCutoffAt <= :now',
            ExpressionAttributeNames: { '#full': 'full', ...(counter.waiting === 0 ? { '#next': 'next', '#left': 'left' } : {}) },
            ExpressionAttributeValues: {
              ':false': false,
              ':now': now.toISOString(),
              ...(counter.waiting === 0 ? { ':next': counter.next, ':promoted': counter.promoted, ':left': counter.left } : {}),
            },
          },
        },
      ],
    });
    return this.conditional(command, 'released');
  }

  /**
   * Reopens the waitlist's claim on the seats: after a release at the promotion cutoff, an
   * organiser who moves the start later reopens promotions while people still wait. Every seat
   * nobody holds becomes a freed seat for them, and newcomers wait behind them again.
   */
  async reserveForWaitlist(eventId: string, shards: readonly SeatShard[]): Promise<'reserved' | 'changed'> {
    const command = new TransactWriteCommand({
      TransactItems: [
        ...shards
          .filter((shard) => shard.capacity > shard.taken)
          .map((shard) => ({
            Update: {
              TableName: this.tableName,
              Key: keys.seatShard(eventId, shard.index),
              UpdateExpression: 'SET taken = #capacity, freed = freed + :unheld',
              ConditionExpression: 'taken = :taken AND #capacity = :capacity',
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':unheld': shard.capacity - shard.taken, ':taken': shard.taken, ':capacity': shard.capacity },
            },
          })),
        this.openWaitlist(eventId),
      ],
    });
    return this.conditional(command, 'reserved');
  }

  /** Raises the waitlist's `full` flag: from now on newcomers queue. */
  private openWaitlist(eventId: string) {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.waitlistCounter(eventId),
        UpdateExpression: 'SET #full = :true',
        ConditionExpression: '#full = :false',
        ExpressionAttributeNames: { '#full': 'full' },
        ExpressionAttributeValues: { ':true': true, ':false': false },
      },
    };
  }

  private conditional<T extends string>(command: TransactWriteCommand, success: T): Promise<T | 'changed'> {
    return transactIfUnchanged(this.client, command, success);
  }

  /**
   * Checks in at `at` unless an earlier check-in is recorded (the earliest is kept), or out.
   * Returns the registration as it is now, or undefined if this event has no such registration.
   */
  async setCheckedIn(eventId: string, registrationId: string, checkedIn: boolean, at: Date): Promise<Registration | 'not-confirmed' | undefined> {
    return unlessConditionFails(
      async () => {
        const { Attributes } = await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.registration(registrationId),
            UpdateExpression: checkedIn ? 'SET checkedInAt = :at' : 'REMOVE checkedInAt',
            ConditionExpression: checkedIn
              ? 'eventId = :eventId AND #status = :confirmed AND (attribute_not_exists(checkedInAt) OR checkedInAt > :at)'
              : 'eventId = :eventId',
            ExpressionAttributeNames: checkedIn ? { '#status': 'status' } : undefined,
            ExpressionAttributeValues: checkedIn ? { ':at': at.toISOString(), ':confirmed': 'confirmed', ':eventId': eventId } : { ':eventId': eventId },
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return withoutKeys<Registration>(Attributes!);
      },
      (found) => {
        const current = found && withoutKeys<Registration>(found);
        if (!current || current.eventId !== eventId) return undefined;
        // Confirmed and already checked in earlier: that earlier time stands.
        return current.status === 'confirmed' && current.checkedInAt ? current : 'not-confirmed';
      },
    );
  }

  /**
   * Moves every item of a registration to a new expiry: itself, its address lock (while it is
   * its own), its check-in code, its waitlist entry or departure marker, its needs and its hold.
   * Each update is conditioned on the item existing (and the lock being this registration's),
   * so a job that runs twice, or an item already gone, changes nothing.
   */
  async moveRetention(registration: Registration, retainUntil: string, needsRetainUntil: string): Promise<void> {
    const expiresAt = ttlSeconds(retainUntil);
    const { eventId, registrationId } = registration;
    const touch = async (Key: Record<string, string>, extra: { expiresAt?: number; set?: string; condition?: string; values?: Record<string, unknown> } = {}) => {
      await unlessConditionFails(
        () =>
          this.client.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key,
              UpdateExpression: `SET expiresAt = :expiresAt${extra.set ? `, ${extra.set}` : ''}`,
              ConditionExpression: `attribute_exists(PK)${extra.condition ? ` AND ${extra.condition}` : ''}`,
              ExpressionAttributeValues: { ':expiresAt': extra.expiresAt ?? expiresAt, ...extra.values },
            }),
          ),
        () => undefined,
      );
    };
    await Promise.all([
      touch(keys.registration(registrationId), {
        set: registration.needsRetainUntil ? 'retainUntil = :retainUntil, needsRetainUntil = :needsRetainUntil' : 'retainUntil = :retainUntil',
        values: { ':retainUntil': retainUntil, ...(registration.needsRetainUntil ? { ':needsRetainUntil': needsRetainUntil } : {}) },
      }),
      ...(registration.email ? [touch(keys.emailLock(eventId, normaliseEmail(registration.email)), { condition: 'registrationId = :id', values: { ':id': registrationId } })] : []),
      touch(keys.checkInCode(eventId, registration.checkInCode)),
      touch(keys.addressHold(eventId, registrationId)),
      ...(registration.waitlistSeq ? [touch(keys.waitlistEntry(eventId, registration.waitlistSeq)), touch(keys.waitlistDeparture(eventId, registration.waitlistSeq))] : []),
      touch(keys.needs(registrationId), { expiresAt: ttlSeconds(needsRetainUntil), set: 'keptUntil = :keptUntil', values: { ':keptUntil': needsRetainUntil } }),
    ]);
  }

  /** Remembers a sent mail on its registration, for the person's own data download. */
  async recordMailSent(registrationId: string, kind: MailKind, at: Date): Promise<void> {
    await this.updateIfPresent(registrationId, {
      UpdateExpression: 'SET mailsSent = list_append(if_not_exists(mailsSent, :none), :sent)',
      ConditionExpression: 'attribute_not_exists(erasedAt)',
      ExpressionAttributeValues: { ':none': [], ':sent': [{ kind, sentAt: at.toISOString() }] },
    });
  }

  /** Updates a registration that still exists (and meets the condition, if any); false when it is gone or does not. */
  private updateIfPresent(registrationId: string, update: { UpdateExpression: string; ConditionExpression?: string; ExpressionAttributeValues?: Record<string, unknown> }): Promise<boolean> {
    return unlessConditionFails(
      async () => {
        await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.registration(registrationId),
            ...update,
            ConditionExpression: `attribute_exists(PK)${update.ConditionExpression ? ` AND ${update.ConditionExpression}` : ''}`,
          }),
        );
        return true;
      },
      () => false,
    );
  }

  /**
   * Erases a cancelled registration's personal data: what stays is an anonymous record (ids,
   * status, times, the seat or waitlist ticket it had) that keeps the counts and the waitlist's
   * order right. The address lock (its key holds the address), the check-in code and the needs
   * go; so do the tokens, so no link opens it any more.
   */
  async erase(registration: Registration, now: Date, options: { afterEvent?: boolean } = {}): Promise<'erased' | 'changed'> {
    // After a cancellation the same address may have registered again and taken the lock over: that one stays.
    const lockKey = keys.emailLock(registration.eventId, normaliseEmail(registration.email));
    const { Item: lock } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: lockKey, ConsistentRead: true }));
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.registration(registration.registrationId),
            UpdateExpression:
              'SET erasedAt = :now REMOVE #name, email, organisation, #role, accessibilityNeeds, dietaryNeeds, answers, accessTokenHashes, mailsSent, mailStatus, addressUndeliverable, networkConsentAt',
            // Before the event a place must have been given up first; after it, nobody waits for it any more.
            ConditionExpression: options.afterEvent ? 'attribute_not_exists(erasedAt)' : '#status = :cancelled AND attribute_not_exists(erasedAt)',
            ExpressionAttributeNames: { '#name': 'name', '#role': 'role', ...(options.afterEvent ? {} : { '#status': 'status' }) },
            ExpressionAttributeValues: { ':now': now.toISOString(), ...(options.afterEvent ? {} : { ':cancelled': 'cancelled' }) },
          },
        },
        ...(lock?.registrationId === registration.registrationId
          ? [{ Delete: { TableName: this.tableName, Key: lockKey, ConditionExpression: 'registrationId = :id', ExpressionAttributeValues: { ':id': registration.registrationId } } }]
          : []),
        { Delete: { TableName: this.tableName, Key: keys.checkInCode(registration.eventId, registration.checkInCode) } },
        { Delete: { TableName: this.tableName, Key: keys.needs(registration.registrationId) } },
        { Delete: { TableName: this.tableName, Key: keys.addressHold(registration.eventId, registration.registrationId) } },
      ],
    });
    return this.conditional(command, 'erased');
  }

  /**
   * Shows the person on the event's participant list from `at` on, or (undefined) no longer.
   * Consenting again keeps the first time. 'gone' when there is no such registration or it was erased.
   */
  async setNetworkConsent(registrationId: string, at: Date | undefined): Promise<'set' | 'gone'> {
    const updated = await this.updateIfPresent(registrationId, {
      UpdateExpression: at ? 'SET networkConsentAt = if_not_exists(networkConsentAt, :at)' : 'REMOVE networkConsentAt',
      ConditionExpression: 'attribute_not_exists(erasedAt)',
      ExpressionAttributeValues: at ? { ':at': at.toISOString() } : undefined,
    });
    return updated ? 'set' : 'gone';
  }


  /**
   * The event's registrations that opted in to the participant list, with only what the list
   * needs (no address, no needs). Never cached: a withdrawal counts from the index's next read,
   * within about a second of the write.
   */
  async networkOfEvent(eventId: string): Promise<NetworkMember[]> {
    return queryAll<NetworkMember>(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      FilterExpression: 'attribute_exists(networkConsentAt) AND attribute_not_exists(erasedAt)',
      ProjectionExpression: 'registrationId, #status, confirmBy, networkConsentAt, #name, organisation, #role',
      ExpressionAttributeNames: { '#status': 'status', '#name': 'name', '#role': 'role' },
      ExpressionAttributeValues: { ':pk': keys.registrationsOfEvent(eventId) },
    });
  }

  /** The latest mail to this person was not sent: their address bounced or complained before. */
  async markMailSuppressed(registrationId: string): Promise<void> {
    await this.updateIfPresent(registrationId, { UpdateExpression: 'SET mailStatus = :suppressed', ExpressionAttributeValues: { ':suppressed': 'suppressed' } });
  }


  async findByCheckInCode(eventId: string, code: string): Promise<string | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.checkInCode(eventId, code), ConsistentRead: true }));
    return Item ? String(Item.registrationId) : undefined;
  }

  /** A registration by its id alone (the personal link). */
  async findById(registrationId: string): Promise<Registration | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.registration(registrationId), ConsistentRead: true }));
    return Item ? withoutKeys<Registration>(Item) : undefined;
  }

  async addAccessTokenHash(registrationId: string, hash: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.registration(registrationId),
        UpdateExpression: 'SET accessTokenHashes = list_append(if_not_exists(accessTokenHashes, :none), :hash)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':none': [], ':hash': [hash] },
      }),
    );
  }

  /** The registration and its event in one consistent round trip, for rendering its mail. */
  async getWithEvent(eventId: string, registrationId: string): Promise<{ registration?: Registration; event?: EventRecord }> {
    const items = await batchGetAll(this.client, this.tableName, [keys.registration(registrationId), keys.event(eventId), keys.needs(registrationId)], { consistent: true });
    const registration = items.find((item) => item.SK === keys.registration(registrationId).SK && item.eventId === eventId);
    const event = items.find((item) => item.SK === keys.event(eventId).SK);
    const needs = items.find((item) => item.SK === keys.needs(registrationId).SK);
    return { registration: registration && withNeeds(withoutKeys<Registration>(registration), needs), event: event && withoutKeys<EventRecord>(event) };
  }

  /** This event's registration with this id, or undefined (also when it belongs to another event). */
  async get(eventId: string, registrationId: string): Promise<Registration | undefined> {
    const registration = await this.findById(registrationId);
    return registration?.eventId === eventId ? registration : undefined;
  }

  /** Every registration of an event, with its needs while they are kept, through GSI1: consistent within about a second of a write. */
  async listByEvent(eventId: string): Promise<Registration[]> {
    const [registrations, needs] = await Promise.all([this.queryIndex<Registration>(keys.registrationsOfEvent(eventId)), this.needsOfEvent(eventId)]);
    const needsOf = new Map(needs.map((item) => [item.registrationId, item as Record<string, unknown>]));
    return registrations.map((registration) => withNeeds(registration, needsOf.get(registration.registrationId)));
  }

  /** The needs the event's registrations still have (their items expire after the event's needsRetention). */
  async needsOfEvent(eventId: string): Promise<Array<Pick<Registration, 'registrationId' | 'accessibilityNeeds' | 'dietaryNeeds'>>> {
    return (await this.queryIndex<Record<string, unknown>>(keys.eventNeeds(eventId))).filter(stillKept) as Array<Pick<Registration, 'registrationId' | 'accessibilityNeeds' | 'dietaryNeeds'>>;
  }

  private queryIndex<T>(partition: string): Promise<T[]> {
    return queryAll<T>(this.client, { TableName: this.tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': partition } });
  }
}

/** One registration per address and event: the lock its transaction takes, deleted with it. */
/** A lock that holds its address (not released), as the registration path reads it. */
function lockHolderOf(item: Record<string, unknown>): LockHolder | undefined {
  if (item.releasedAt !== undefined || item.registrationId === undefined) return undefined;
  return {
    registrationId: String(item.registrationId),
    ...(typeof item.retryKey === 'string' ? { retryKey: item.retryKey } : {}),
    ...(typeof item.retryUntil === 'string' ? { retryUntil: item.retryUntil } : {}),
  };
}

export function emailLockItem(registration: Registration) {
  return {
    ...keys.emailLock(registration.eventId, normaliseEmail(registration.email)),
    entity: 'email-lock',
    registrationId: registration.registrationId,
    expiresAt: ttlSeconds(registration.retainUntil),
  };
}

/**
 * A registration as stored: its own partition, listed under its event in GSI1, deleted by TTL.
 * Its needs live in an item of their own (see neededItems); registrations from before that
 * (no `needsRetainUntil`) keep them, as they were consented to.
 */
export function registrationItem(registration: Registration) {
  const { accessibilityNeeds, dietaryNeeds, ...rest } = registration;
  return {
    ...keys.registration(registration.registrationId),
    ...keys.registrationOfEvent(registration.eventId, registration.registrationId),
    entity: 'registration',
    ...(registration.needsRetainUntil ? rest : registration),
    expiresAt: ttlSeconds(registration.retainUntil),
  };
}

const stillKept = (item: Record<string, unknown>) => typeof item.keptUntil !== 'string' || item.keptUntil > new Date().toISOString();

/** The needs item, when there are needs to keep: TTL at the needs' own retention end. */
export function neededItems(registration: Registration): Record<string, unknown>[] {
  if (!registration.needsRetainUntil || !hasNeeds(registration)) return [];
  return [
    {
      ...keys.needs(registration.registrationId),
      ...keys.needsOfEvent(registration.eventId, registration.registrationId),
      entity: 'needs',
      eventId: registration.eventId,
      registrationId: registration.registrationId,
      ...(registration.accessibilityNeeds ? { accessibilityNeeds: registration.accessibilityNeeds } : {}),
      ...(registration.dietaryNeeds ? { dietaryNeeds: registration.dietaryNeeds } : {}),
      keptUntil: registration.needsRetainUntil,
      expiresAt: ttlSeconds(registration.needsRetainUntil),
    },
  ];
}

/**
 * A registration with its needs item's texts, while they are kept: DynamoDB's TTL deletes an
 * item some time after it expires (usually within days), so an expired one is not read either.
 */
function withNeeds(registration: Registration, needs: Record<string, unknown> | undefined): Registration {
  if (!needs || !stillKept(needs)) return registration;
  const { accessibilityNeeds, dietaryNeeds } = needs as Pick<Registration, 'accessibilityNeeds' | 'dietaryNeeds'>;
  return { ...registration, ...(accessibilityNeeds ? { accessibilityNeeds } : {}), ...(dietaryNeeds ? { dietaryNeeds } : {}) };
}
