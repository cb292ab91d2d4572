import { readConfig } from '../../shared/config';
import { toCsv } from '../../shared/http/csv';
import { header, httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { json, text } from '../../shared/http/responses';
import { listRegistrations, type RegistrationListItem } from '../../shared/use-cases/registrations';
import { registrationDeps } from '../../shared/composition/wiring';

const config = readConfig(['TABLE_NAME']);
const deps = registrationDeps(config.TABLE_NAME);

const CSV_COLUMNS: ReadonlyArray<keyof RegistrationListItem> = [
  'registrationId',
  'name',
  'email',
  'organisation',
  'role',
  'language',
  'status',
  'waitlistPosition',
  'createdAt',
  'checkedInAt',
  'accessibilityNeeds',
  'dietaryNeeds',
];

export const handler = httpHandler(async (event) => {
  const eventId = pathParameter(event, 'eventId');
  const items = await listRegistrations(deps, organisationOf(event), eventId);
  if ((header(event, 'accept') ?? '').toLowerCase().includes('text/csv')) {
    return text(200, 'text/csv; charset=utf-8', toCsv(CSV_COLUMNS, items), {
      'content-disposition': `attachment; filename="registrations-${eventId}.csv"`,
    });
  }
  return json(200, { items });
});
