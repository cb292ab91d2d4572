import type { Operation } from '../../shared/schemas/contract';
import { csvFile, registrationList } from '../../shared/schemas/responses';

export const contract = {
  responses: {
    200: {
      description: 'Every registration of the event, as JSON; with `Accept: text/csv`, as a CSV file with the same columns.',
      content: { 'application/json': registrationList, 'text/csv': csvFile },
      headers: { 'Content-Disposition': { description: 'With the CSV: attachment; filename="registrations-<eventId>.csv"' } },
    },
  },
} satisfies Operation;
