import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { README_SETTINGS, synthStage } from '../support/deployment';

const outdir = mkdtempSync(path.join(tmpdir(), 'cfn-lint-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('cfn-lint', () => {
  it('finds no errors in the synthesized templates of a prod and a dev stage', () => {
    for (const stage of ['prod', 'dev']) synthStage({ ...README_SETTINGS, stage }, path.join(outdir, stage)).app.synth();
    const templates = ['prod', 'dev'].flatMap((stage) =>
      readdirSync(path.join(outdir, stage))
        .filter((file) => file.endsWith('.template.json'))
        .map((file) => path.join(outdir, stage, file)),
    );
    // prod: data, api and the us-east-1 edge stack of the client limit; dev (limit off by default): data and api.
    expect(templates).toHaveLength(5);

    // Warnings (CDK's own redundant DependsOn, for one) are not failures; errors are.
    const lint = spawnSync('cfn-lint', ['--non-zero-exit-code', 'error', '--format', 'parseable', '--', ...templates], { encoding: 'utf8' });

    expect(lint.error, 'cfn-lint must be installed (.ci/run installs it when missing)').toBeUndefined();
    expect(lint.stdout.split('\n').filter((line) => /:E\d{4}:/.test(line))).toEqual([]);
    expect(lint.status).toBe(0);
  });
});
