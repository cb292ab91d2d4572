import * as z from 'zod';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/event';
import { isoDateTime, language, personText, timeZone } from '../../shared/schemas/common';

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

export const createEventSchema = z
  .strictObject({
    title: personText(200).pipe(z.string().min(1)),
    description: personText(5000, { multiline: true }).optional(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    timeZone: timeZone.default(DEFAULT_TIME_ZONE),
    venue: venueSchema,
    capacity: z.int().min(1).max(100_000),
    waitlistEnabled: z.boolean().default(true),
    registrationOpensAt: isoDateTime.optional(),
    registrationClosesAt: isoDateTime.optional(),
    language: language.default('nl'),
    programme: z.array(programmeItemSchema).max(100).default([]),
  })
  .meta({ id: 'CreateEvent' });

export type CreateEventInput = z.infer<typeof createEventSchema>;
