import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Only refusals run the real command: they stop before a key is touched, whereas a token would
 * be signed with the developer's own key pair in .local/.
 */
async function token(...args: string[]) {
  try {
    await promisify(execFile)('node_modules/.bin/tsx', ['infra/local/token-cli.ts', ...args]);
    return { code: 0, stderr: '' };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
}

describe('npm run -s token', () => {
  it('refuses an unknown role and lists the valid ones', async () => {
    const result = await token('--org', 'publiek-denken', '--role', 'admin');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown role "admin"; use one of: organiser, door.');
    expect(result.stderr).toContain('Usage: npm run -s token -- --org <organisationId> [--role organiser|door]');
  });

  it('refuses a missing or malformed organisation', async () => {
    const missing = await token('--role', 'door');
    const malformed = await token('--org', 'publiek denken');

    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, '--org is required.']);
    expect([malformed.code, malformed.stderr.split('\n')[0]]).toEqual([2, '--org must be 1 to 64 letters, digits or dashes, such as publiek-denken.']);
  });
});
