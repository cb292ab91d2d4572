import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/app';

/** `cdk synth` runs the app with its context in CDK_CONTEXT_JSON; this does the same, without the CLI. */
function synthWith(context: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'infra/app.ts')], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: path.join(projectRoot, 'cdk.out', 'settings-test') },
  });
}

describe('cdk synth without the deployment settings', () => {
  it('fails, naming every missing setting with an example', () => {
    const result = synthWith({});

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The deployment settings are incomplete or wrong:');
    expect(result.stderr).toContain('- stage is required');
    expect(result.stderr).toContain('-c stage=prod');
    expect(result.stderr).toContain('- mailFrom is required');
    expect(result.stderr).toContain('-c mailFrom="Masterclass <no-reply@events.mijngemeente.nl>"');
    expect(result.stderr).toContain('- alarmEmails is required');
    expect(result.stderr).not.toContain('    at ');
  });

  it('refuses a placeholder domain that SES could never verify', () => {
    const result = synthWith({ stage: 'prod', mailFrom: 'Masterclass <no-reply@events.example.org>', alarmEmails: 'beheer@mijngemeente.nl' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('- mailFrom uses the reserved domain events.example.org, which SES can never verify');
  });
});
