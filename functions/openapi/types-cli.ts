import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { CLIENT_TYPES_FILE, clientTypes } from './client-types';

/** `npm run -s openapi:types`: writes the API's client types (see client-types.ts). */
const file = fileURLToPath(CLIENT_TYPES_FILE);
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, await clientTypes());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
