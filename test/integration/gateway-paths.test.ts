import { describe, expect, it } from 'vitest';
import { api } from '../support/local-stack';

describe('the local gateway', () => {
  it('answers a path whose percent-escapes are broken with 400, before any function, and still decodes good ones', async () => {
    const broken = await fetch(api('/events/%E0%A4'));
    expect([broken.status, await broken.json()]).toEqual([400, { message: 'Bad Request' }]);
    const decoded = await fetch(api('/events/no%20such%20event'), { headers: { accept: 'application/json' } });
    expect([decoded.status, ((await decoded.json()) as { instance: string }).instance]).toEqual([404, '/events/no%20such%20event']);
  });
});
