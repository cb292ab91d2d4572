import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { toCsv } from '../../shared/http/csv';
import { header, httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { registrationSheet, type RegistrationListItem } from '../../shared/use-cases/registrations';
import { answerText, textIn } from '../../shared/domain/questions';
import { registrationDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['list-registrations']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

const CSV_COLUMNS: ReadonlyArray<Exclude<keyof RegistrationListItem, 'answers'>> = [
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
  const { items, questions, language } = await registrationSheet(deps, organisationOf(event), eventId);
  if ((header(event, 'accept') ?? '').toLowerCase().includes('text/csv')) {
    // One column per question, headed by its label in the event's language; choices as their labels, joined.
    const answerColumns = questions.map((question) => ({ header: textIn(question.label, language) || question.id, cell: (item: RegistrationListItem) => answerText(question, item.answers?.[question.id], language) }));
    const csv = toCsv(
      [...CSV_COLUMNS.map((column) => ({ header: column, cell: (item: RegistrationListItem) => item[column] })), ...answerColumns],
      items,
    );
    return reply.csv(200, csv, { 'content-disposition': `attachment; filename="registrations-${eventId}.csv"` });
  }
  return reply.json(200, { items });
});
