import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, handlerEntry } from '../../infra/catalogue';
import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { projectRoot } from '../../infra/local/runtime';

describe('the function catalogue', () => {
  it.each(catalogue.map((spec) => [spec.name]))('%s has a handler and a sample event', (name) => {
    expect(existsSync(path.join(projectRoot, handlerEntry({ name })))).toBe(true);
    expect(existsSync(path.join(projectRoot, 'events', `${name}.json`))).toBe(true);
  });

  it('declares the settings of exactly its functions', () => {
    expect(Object.keys(FUNCTION_SETTINGS).sort()).toEqual(catalogue.map((spec) => spec.name).sort());
  });

  it('has one function per route', () => {
    const routes = catalogue.flatMap((spec) => (spec.trigger.type === 'http' ? [`${spec.trigger.method} ${spec.trigger.path}`] : []));
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('protects every /admin route and no other', () => {
    for (const spec of catalogue) {
      if (spec.trigger.type !== 'http') continue;
      expect(spec.trigger.auth, spec.name).toBe(spec.trigger.path.startsWith('/admin/') ? 'organiser' : 'public');
    }
  });
});
