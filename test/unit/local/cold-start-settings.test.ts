import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue } from '../../../infra/catalogue';
import { loadHandler } from '../../../infra/local/handlers';
import { lambdaContext } from '../../../infra/local/lambda-context';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

/** A stand-in project whose handler tells what it saw in its environment at cold start. */
async function projectWithHandler(name: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'cold-start-'));
  await mkdir(path.join(root, 'functions', name), { recursive: true });
  await writeFile(
    path.join(root, 'functions', name, 'handler.ts'),
    `const seen = { TABLE_NAME: process.env.TABLE_NAME, MAIL_FROM: process.env.MAIL_FROM, AWS_REGION: process.env.AWS_REGION };
export const handler = async () => seen;`,
  );
  return root;
}

describe('a local cold start', () => {
  it('lets a function see only the settings its catalogue entry declares, as Lambda does, and gives the rest back after', async () => {
    Object.assign(process.env, { TABLE_NAME: 'local-table', MAIL_FROM: 'no-reply@example.org', AWS_REGION: 'eu-west-1' });
    const spec = catalogue.find((candidate) => candidate.name === 'get-event')!;

    const handler = await loadHandler(await projectWithHandler('get-event'), spec);

    expect(await handler({}, lambdaContext(spec))).toEqual({ TABLE_NAME: 'local-table', MAIL_FROM: undefined, AWS_REGION: 'eu-west-1' });
    expect(process.env.MAIL_FROM).toBe('no-reply@example.org');
  });
});
