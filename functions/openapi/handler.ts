import { httpHandler } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { openApiDocument } from '../../shared/http/openapi';

const document = openApiDocument();

export const handler = httpHandler(async () => json(200, document, { 'cache-control': 'public, max-age=300' }));
