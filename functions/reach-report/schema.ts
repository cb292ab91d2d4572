import type { Operation } from '../../shared/schemas/contract';
import { csvFile } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

const count = z.union([z.int().check(z.minimum(5)), z.literal('< 5')]);

export const reachReportSchema = z
  .strictObject({
    registered: count,
    attended: count,
    cancelled: count,
    firstTime: count,
    returning: count,
    questions: z.array(z.strictObject({ id: z.string(), label: z.string(), options: z.array(z.strictObject({ id: z.string(), label: z.string(), count })) })),
    perDay: z.array(z.strictObject({ date: z.string(), count })),
  })
  .register(z.globalRegistry, {
    id: 'ReachReport',
    description:
      'Whom the event reached: people with a seat or a waitlist place, how many came, cancelled, were new to this organiser or came back (matched on the address within the organisation, never stored), the answers to every choice question, and registrations per day. Every count below 5 is "< 5", so nobody can be singled out.',
  });

export const contract = {
  responses: {
    200: {
      description: 'The reach report as JSON; with `Accept: text/csv`, as rows of section, item and count.',
      content: { 'application/json': reachReportSchema, 'text/csv': csvFile },
      headers: { 'Content-Disposition': { description: 'With the CSV: attachment; filename="reach-<eventId>.csv"' } },
    },
  },
} satisfies Operation;
