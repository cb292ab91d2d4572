import { httpHandler } from '../../shared/http/handler';
import { openApiDocument } from '../../shared/http/openapi';
import { responder } from '../../shared/schemas/contract';
import { contract } from './schema';

const document = openApiDocument();
const reply = responder(contract);

export const handler = httpHandler(async () => reply.json(200, document, { 'cache-control': 'public, max-age=300' }));
