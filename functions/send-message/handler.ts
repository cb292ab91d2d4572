import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { header, httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { parseInput } from '../../shared/http/validation';
import { responder } from '../../shared/schemas/contract';
import { sendMessage } from '../../shared/use-cases/messages';
import { schedulingDeps } from '../../shared/composition/wiring';
import { contract, idempotencyKeyHeaders, sendMessageSchema } from './schema';

const config = readConfig(FUNCTION_SETTINGS['send-message']);
const deps = schedulingDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => {
  const request = parseInput(sendMessageSchema, event.parsedBody);
  const headers = parseInput(idempotencyKeyHeaders, { 'Idempotency-Key': header(event, 'idempotency-key') });
  return reply.json(201, await sendMessage(deps, organisationOf(event), pathParameter(event, 'eventId'), request, headers['Idempotency-Key']));
}, contract);
