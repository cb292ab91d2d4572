import { MailOutbox } from '../../shared/adapters/dynamo/mail-outbox';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { parkedMailOfEvent } from '../../shared/use-cases/parked-mail';
import { eventsDeps } from '../../shared/composition/wiring';

const config = readConfig(['TABLE_NAME', 'MAIL_RETRY_BASE_SECONDS']);
const deps = { ...eventsDeps(config.TABLE_NAME), outbox: new MailOutbox(config.TABLE_NAME, config.MAIL_RETRY_BASE_SECONDS) };

export const handler = httpHandler(async (event) => json(200, await parkedMailOfEvent(deps, organisationOf(event), pathParameter(event, 'eventId'))));
