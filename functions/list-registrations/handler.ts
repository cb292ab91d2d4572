import { readConfig } from '../../shared/config';
import { toCsv } from '../../shared/http/csv';
import { header, httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { listRegistrations, type RegistrationListItem } from '../../shared/use-cases/registrations';
import { registrationDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(['TABLE_NAME']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

const CSV_COLUMNS: ReadonlyArray<keyof RegistrationListItem> = [
  'registrationId',
  'name',
  'email',
  'organisation',
  'role',
  'language',
  'status',
  'waitlistPosition',
  'confirmBy',
  'createdAt',
  'checkedInAt',
  'mailStatus',
  'addressUndeliverable',
  'accessibilityNeeds',
  'dietaryNeeds',
];

export const handler = httpHandler(async (event) => {
  const eventId = pathParameter(event, 'eventId');
  const items = await listRegistrations(deps, organisationOf(event), eventId);
  if ((header(event, 'accept') ?? '').toLowerCase().includes('text/csv')) {
    return reply.csv(200, toCsv(CSV_COLUMNS, items), { 'content-disposition': `attachment; filename="registrations-${eventId}.csv"` });
  }
  return reply.json(200, { items });
});
