import * as z from 'zod';
import { DEFAULT_PROMOTION_CUTOFF, DEFAULT_REMINDERS, DEFAULT_TIME_ZONE } from '../../shared/domain/event';
import { isoDateTime, language, personText, timeZone } from '../../shared/schemas/common';
import { isoDuration } from '../../shared/schemas/duration';

export const venueSchema = z.strictObject({
  name: personText(200).pipe(z.string().min(1)),
  address: personText(500).optional(),
  onlineUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});

export const programmeItemSchema = z.strictObject({
  startsAt: isoDateTime,
  title: personText(200).pipe(z.string().min(1)),
  speaker: personText(200).optional(),
});

export const certificateSchema = z.strictObject({
  enabled: z.boolean(),
  hours: z.number().positive().max(1000).multipleOf(0.25, { error: 'must be in quarters of an hour, like 6.5' }),
  organiserName: personText(200),
  signatoryName: personText(200),
  signatoryTitle: personText(200),
  description: personText(1000, { multiline: true }),
});

/** Every event field once, without defaults, so a PATCH never resets what it does not name. */
export const eventFields = {
  title: personText(200).pipe(z.string().min(1)),
  description: personText(5000, { multiline: true }),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone,
  venue: venueSchema,
  capacity: z.int().min(1).max(100_000),
  waitlistEnabled: z.boolean(),
  registrationOpensAt: isoDateTime,
  registrationClosesAt: isoDateTime,
  language,
  programme: z.array(programmeItemSchema).max(100),
  promotionCutoff: isoDuration,
  reminders: z.array(isoDuration).max(10),
  certificate: certificateSchema.partial(),
};

export const createEventSchema = z
  .strictObject({
    ...eventFields,
    description: eventFields.description.optional(),
    timeZone: eventFields.timeZone.default(DEFAULT_TIME_ZONE),
    waitlistEnabled: eventFields.waitlistEnabled.default(true),
    registrationOpensAt: eventFields.registrationOpensAt.optional(),
    registrationClosesAt: eventFields.registrationClosesAt.optional(),
    language: eventFields.language.default('nl'),
    programme: eventFields.programme.default([]),
    promotionCutoff: eventFields.promotionCutoff.default(DEFAULT_PROMOTION_CUTOFF),
    reminders: eventFields.reminders.default([...DEFAULT_REMINDERS]),
    certificate: eventFields.certificate.optional(),
  })
  .meta({ id: 'CreateEvent' });

export type CreateEventInput = z.infer<typeof createEventSchema>;
