import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { parseInput } from '../../shared/http/validation';
import { responder } from '../../shared/schemas/contract';
import { requestCertificates } from '../../shared/use-cases/certificates';
import { mailingDeps } from '../../shared/composition/wiring';
import { contract, requestCertificatesSchema } from './schema';

const config = readConfig(FUNCTION_SETTINGS['request-certificates']);
const deps = mailingDeps(config.TABLE_NAME, config.MAIL_RETRY_BASE_SECONDS);
const reply = responder(contract);

export const handler = httpHandler(async (event) => {
  const request = parseInput(requestCertificatesSchema, event.parsedBody ?? {});
  return reply.json(202, await requestCertificates(deps, organisationOf(event), pathParameter(event, 'eventId'), request));
}, contract);
