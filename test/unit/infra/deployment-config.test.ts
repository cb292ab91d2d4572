import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeploymentConfig, parseSender, stackNames } from '../../../infra/deployment-config';

const valid = { stage: 'prod', mailFrom: 'Masterclass <no-reply@events.mijngemeente.nl>', alarmEmails: 'beheer@mijngemeente.nl' };

const problemsOf = (raw: Record<string, unknown>) => {
  try {
    parseDeploymentConfig(raw);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
};

describe('parseSender', () => {
  it.each([
    ['Masterclass <no-reply@events.mijngemeente.nl>', { name: 'Masterclass', address: 'no-reply@events.mijngemeente.nl', domain: 'events.mijngemeente.nl', header: 'Masterclass <no-reply@events.mijngemeente.nl>' }],
    ['"Publiek Denken" <info@publiekdenken.nl>', { name: 'Publiek Denken', address: 'info@publiekdenken.nl', domain: 'publiekdenken.nl', header: 'Publiek Denken <info@publiekdenken.nl>' }],
    ['no-reply@Events.MijnGemeente.nl', { address: 'no-reply@Events.MijnGemeente.nl', domain: 'events.mijngemeente.nl', header: 'no-reply@Events.MijnGemeente.nl' }],
    ['Gemeente Zundert, Participatie <p@zundert.nl>', { name: 'Gemeente Zundert, Participatie', address: 'p@zundert.nl', domain: 'zundert.nl', header: '"Gemeente Zundert, Participatie" <p@zundert.nl>' }],
  ])('reads %s', (input, expected) => {
    expect(parseSender(input)).toEqual(expected);
  });

  it.each(['Masterclass', 'Masterclass <no-reply>', 'a@b', '<a@b.nl', 'a b@c.nl', 'x <a@b.nl> y'])('refuses %s', (input) => {
    expect(parseSender(input)).toBeUndefined();
  });
});

describe('parseDeploymentConfig', () => {
  it('reads the README example with its defaults', () => {
    expect(parseDeploymentConfig(valid)).toEqual({
      stage: 'prod',
      mailFrom: { name: 'Masterclass', address: 'no-reply@events.mijngemeente.nl', domain: 'events.mijngemeente.nl', header: 'Masterclass <no-reply@events.mijngemeente.nl>' },
      alarmEmails: ['beheer@mijngemeente.nl'],
      allowedOrigins: [],
      mailRatePerSecond: 10,
      mailRetryBaseSeconds: 30,
      protectData: true,
      clientLimit: true,
    });
  });

  it('keeps data only in prod', () => {
    expect(parseDeploymentConfig({ ...valid, stage: 'dev' }).protectData).toBe(false);
  });

  it('splits comma-separated lists and trims a trailing slash from URLs', () => {
    const config = parseDeploymentConfig({
      ...valid,
      alarmEmails: 'a@mijngemeente.nl, b@mijngemeente.nl',
      allowedOrigins: 'https://www.mijngemeente.nl,https://intranet.mijngemeente.nl',
      publicBaseUrl: 'https://aanmelden.mijngemeente.nl/',
      mailRatePerSecond: '14',
    });
    expect(config.alarmEmails).toEqual(['a@mijngemeente.nl', 'b@mijngemeente.nl']);
    expect(config.allowedOrigins).toEqual(['https://www.mijngemeente.nl', 'https://intranet.mijngemeente.nl']);
    expect(config.publicBaseUrl).toBe('https://aanmelden.mijngemeente.nl');
    expect(config.mailRatePerSecond).toBe(14);
  });

  it('names each wrong setting with an example', () => {
    const message = problemsOf({ stage: 'Prod!', mailFrom: 'Masterclass', alarmEmails: 'not-an-address', publicBaseUrl: 'http://aanmelden.mijngemeente.nl', allowedOrigins: 'https://www.mijngemeente.nl/path', mailRatePerSecond: 'fast' });
    expect(message.split('\n')).toEqual([
      'The deployment settings are incomplete or wrong:',
      '  - stage must start with a letter and hold only lower-case letters, digits and dashes (at most 20) (the stage name: lower-case letters, digits and dashes (dev, staging, prod)); for example: -c stage=prod',
      '  - mailFrom must be an address or "Display Name <address>" (the sender of every mail; its domain becomes the SES identity); for example: -c mailFrom="Masterclass <no-reply@events.mijngemeente.nl>"',
      '  - alarmEmails must be e-mail addresses (who is mailed when an alarm fires (comma-separated)); for example: -c alarmEmails=ops@mijngemeente.nl,beheer@mijngemeente.nl',
      '  - publicBaseUrl must be an https URL (where participants and organisers reach the system (optional; default: the API URL)); for example: -c publicBaseUrl=https://aanmelden.mijngemeente.nl',
      '  - allowedOrigins must be an origin: scheme and host only, no path (origins allowed to call the API from a browser (optional, comma-separated)); for example: -c allowedOrigins=https://www.mijngemeente.nl',
      '  - mailRatePerSecond must be a number (most mails per second per mail function (optional; default 10)); for example: -c mailRatePerSecond=14',
      'See "Deploying to AWS" in the README.',
    ]);
  });

  it('refuses reserved example domains everywhere they would reach a template', () => {
    const message = problemsOf({ ...valid, alarmEmails: 'ops@example.com', publicBaseUrl: 'https://events.example.org' });
    expect(message).toContain('alarmEmails uses a reserved example domain that can receive no mail');
    expect(message).toContain('publicBaseUrl uses a reserved example domain that cannot be reached');
  });

  it('reads settings from a file, with -c values taking precedence', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'deploy-'));
    writeFileSync(path.join(directory, 'prod.json'), JSON.stringify({ ...valid, mailRatePerSecond: 5 }));

    const config = parseDeploymentConfig({ configFile: 'prod.json', mailRatePerSecond: '7' }, { baseDir: directory });

    expect(config.stage).toBe('prod');
    expect(config.mailRatePerSecond).toBe(7);
  });

  it('says which file it could not read', () => {
    expect(problemsOf({ configFile: 'missing.json' })).toContain('configFile missing.json cannot be read');
  });
});

describe('stackNames', () => {
  it('names stacks per stage', () => {
    expect(stackNames('staging')).toEqual({ data: 'EventRegistration-staging-Data', api: 'EventRegistration-staging-Api', edge: 'EventRegistration-staging-Edge' });
  });
});

describe('clientLimit', () => {
  it('is on in prod and off elsewhere unless a stage says otherwise', () => {
    expect(parseDeploymentConfig(valid).clientLimit).toBe(true);
    expect(parseDeploymentConfig({ ...valid, stage: 'dev' }).clientLimit).toBe(false);
    expect(parseDeploymentConfig({ ...valid, stage: 'staging', clientLimit: 'on' }).clientLimit).toBe(true);
    expect(parseDeploymentConfig({ ...valid, clientLimit: 'off' }).clientLimit).toBe(false);
  });

  it('takes true and false from a config file', () => {
    expect(parseDeploymentConfig({ ...valid, stage: 'dev', clientLimit: true }).clientLimit).toBe(true);
    expect(parseDeploymentConfig({ ...valid, clientLimit: false }).clientLimit).toBe(false);
  });

  it('refuses anything but on or off, with an example', () => {
    expect(problemsOf({ ...valid, clientLimit: 'maybe' })).toContain('- clientLimit must be on or off');
    expect(problemsOf({ ...valid, clientLimit: 'maybe' })).toContain('-c clientLimit=off');
  });
});
