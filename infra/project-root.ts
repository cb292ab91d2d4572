import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, where package.json, functions/ and events/ live. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
