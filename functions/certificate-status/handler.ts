import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { certificateStatus } from '../../shared/use-cases/certificates';
import { mailingDeps } from '../../shared/composition/wiring';

const config = readConfig(['TABLE_NAME', 'MAIL_RETRY_BASE_SECONDS']);
const deps = mailingDeps(config.TABLE_NAME, config.MAIL_RETRY_BASE_SECONDS);

export const handler = httpHandler(async (event) => json(200, await certificateStatus(deps, organisationOf(event), pathParameter(event, 'eventId'))));
