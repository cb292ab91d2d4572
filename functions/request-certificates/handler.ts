import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { parseInput } from '../../shared/http/validation';
import { requestCertificates } from '../../shared/use-cases/certificates';
import { mailingDeps } from '../../shared/composition/wiring';
import { requestCertificatesSchema } from './schema';

const config = readConfig(['TABLE_NAME', 'MAIL_RETRY_BASE_SECONDS']);
const deps = mailingDeps(config.TABLE_NAME, config.MAIL_RETRY_BASE_SECONDS);

export const handler = httpHandler(
  async (event) => {
    const request = parseInput(requestCertificatesSchema, event.parsedBody ?? {});
    return json(202, await requestCertificates(deps, organisationOf(event), pathParameter(event, 'eventId'), request));
  },
  { body: { accept: ['json'], maxBytes: 64 * 1024, optional: true } },
);
