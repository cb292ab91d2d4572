import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { ownData } from '../../shared/use-cases/data-rights';
import { dataRightsDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const deps = dataRightsDeps(readConfig(FUNCTION_SETTINGS['download-my-data']).TABLE_NAME);
const reply = responder(contract);

/** "Download my data" on the personal page: the link's token proves whose data it is. */
export const handler = httpHandler(async (event) => {
  const registrationId = pathParameter(event, 'registrationId');
  const data = await ownData(deps, registrationId, event.queryStringParameters?.token);
  return reply.json(200, data, {
    'content-disposition': `attachment; filename="my-data-${registrationId}.json"`,
    // The URL carries a secret, and the answer personal data: no shared cache may keep either.
    'cache-control': 'no-store, private',
  });
});
