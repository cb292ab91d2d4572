import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, clientTypes } from '../../functions/openapi/client-types';

describe('the generated client types', () => {
  it('are those of the current document (else run `npm run -s openapi:types` and commit the file)', async () => {
    const committed = await readFile(CLIENT_TYPES_FILE, 'utf8').catch(() => '');

    const generated = await clientTypes();

    const committedLines = committed.split('\n');
    const firstDifference = generated.split('\n').findIndex((line, index) => line !== committedLines[index]);
    expect(committed === generated, `console/src/generated/api.d.ts is stale from line ${firstDifference + 1}: run \`npm run -s openapi:types\``).toBe(true);
  });
});
