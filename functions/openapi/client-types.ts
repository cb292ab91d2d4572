import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../../shared/http/openapi';

/** Where `npm run -s openapi:types` writes the client types; the console imports them from there. */
export const CLIENT_TYPES_FILE = new URL('../../console/src/generated/api.d.ts', import.meta.url);

const HEADER = `/**
 * The API's types, generated from /openapi.json (shared/http/openapi.ts) by openapi-typescript.
 * Do not edit: run \`npm run -s openapi:types\` after changing a route, a contract or a schema;
 * a unit test (test/unit/client-types.test.ts) fails while this file is stale.
 */

`;

/** The document's TypeScript types for clients: `paths`, `components` and `operations`. */
export async function clientTypes(): Promise<string> {
  // A request field with a default may be left out; openapi-typescript would otherwise make it required.
  const ast = await openapiTS(openApiDocument() as unknown as OpenAPI3, { silent: true, defaultNonNullable: false });
  return `${HEADER}${astToString(ast)}`;
}
