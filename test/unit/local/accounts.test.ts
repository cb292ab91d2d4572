import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, readAccounts, removeAccount, seedDemoAccounts, type OrganiserAccount } from '../../../infra/local/accounts';

let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'accounts-test-'));
});
afterEach(() => rm(stateDir, { recursive: true, force: true }));

describe('local organiser accounts', () => {
  it('stores an account with its e-mail address in lower case', async () => {
    await addAccount(stateDir, { email: '  Ada.Lovelace@Gemeente.NL ', organisationId: 'publiek-denken', role: 'door' });

    expect(await readAccounts(stateDir)).toEqual([{ email: 'ada.lovelace@gemeente.nl', organisationId: 'publiek-denken', role: 'door' }]);
    expect(JSON.parse(await readFile(path.join(stateDir, 'accounts.json'), 'utf8'))).toEqual({
      accounts: [{ email: 'ada.lovelace@gemeente.nl', organisationId: 'publiek-denken', role: 'door' }],
    });
  });

  it('has none before the first is added', async () => {
    expect(await readAccounts(stateDir)).toEqual([]);
  });

  it.each([
    ['an e-mail address without a domain', { email: 'ada', organisationId: 'publiek-denken', role: 'organiser' }],
    ['an organisation with a space', { email: 'ada@gemeente.nl', organisationId: 'publiek denken', role: 'organiser' }],
    ['an empty organisation', { email: 'ada@gemeente.nl', organisationId: '', role: 'organiser' }],
    ['an organisation of 65 characters', { email: 'ada@gemeente.nl', organisationId: 'a'.repeat(65), role: 'organiser' }],
    ['an unknown role', { email: 'ada@gemeente.nl', organisationId: 'publiek-denken', role: 'admin' }],
  ])('refuses %s and writes nothing', async (_, account) => {
    await expect(addAccount(stateDir, account as OrganiserAccount)).rejects.toThrow();

    expect(await readAccounts(stateDir)).toEqual([]);
  });

  it('accepts an organisation of 64 letters, digits and dashes', async () => {
    const organisationId = `Org-1-${'x'.repeat(58)}`;

    await addAccount(stateDir, { email: 'ada@gemeente.nl', organisationId, role: 'organiser' });

    expect((await readAccounts(stateDir))[0]!.organisationId).toBe(organisationId);
  });

  it('holds one account per e-mail address, whatever its case', async () => {
    await addAccount(stateDir, { email: 'ada@gemeente.nl', organisationId: 'publiek-denken', role: 'organiser' });

    await expect(addAccount(stateDir, { email: 'ADA@gemeente.nl', organisationId: 'elders', role: 'door' })).rejects.toThrow('An account for ada@gemeente.nl already exists.');
    expect(await readAccounts(stateDir)).toHaveLength(1);
  });

  it('removes an account by e-mail address and says whether there was one', async () => {
    await addAccount(stateDir, { email: 'ada@gemeente.nl', organisationId: 'publiek-denken', role: 'organiser' });
    await addAccount(stateDir, { email: 'bea@gemeente.nl', organisationId: 'publiek-denken', role: 'door' });

    expect(await removeAccount(stateDir, 'Ada@Gemeente.nl')).toBe(true);
    expect(await removeAccount(stateDir, 'ada@gemeente.nl')).toBe(false);
    expect((await readAccounts(stateDir)).map((account) => account.email)).toEqual(['bea@gemeente.nl']);
  });

  it('seeds an organiser and a door account for the demo organisation only when there are none', async () => {
    const seeded = await seedDemoAccounts(stateDir, 'demo-organisation');
    await removeAccount(stateDir, 'door@example.org');
    const again = await seedDemoAccounts(stateDir, 'demo-organisation');

    expect(seeded).toEqual([
      { email: 'organiser@example.org', organisationId: 'demo-organisation', role: 'organiser' },
      { email: 'door@example.org', organisationId: 'demo-organisation', role: 'door' },
    ]);
    expect(again).toEqual([]);
    expect(await readAccounts(stateDir)).toEqual([{ email: 'organiser@example.org', organisationId: 'demo-organisation', role: 'organiser' }]);
  });

  it('names the file when it holds an invalid account', async () => {
    await writeFile(path.join(stateDir, 'accounts.json'), JSON.stringify({ accounts: [{ email: 'ada@gemeente.nl', organisationId: 'x', role: 'admin' }] }));

    await expect(readAccounts(stateDir)).rejects.toThrow(`${path.join(stateDir, 'accounts.json')} holds an invalid account: accounts.0.role must be one of: organiser, door`);
  });
});
