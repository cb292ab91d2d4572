import { describe, expect, it } from 'vitest';
import { readConfig } from '../../shared/config';

describe('readConfig', () => {
  it('names the missing variable', () => {
    expect(() => readConfig(['TABLE_NAME', 'PUBLIC_BASE_URL'], { PUBLIC_BASE_URL: 'https://x.example' })).toThrow(/TABLE_NAME/);
  });

  it('returns only what was asked for, normalised', () => {
    expect(readConfig(['PUBLIC_BASE_URL', 'MAIL_RATE_PER_SECOND'], { PUBLIC_BASE_URL: 'https://x.example/', TABLE_NAME: 't' })).toEqual({
      PUBLIC_BASE_URL: 'https://x.example',
      MAIL_RATE_PER_SECOND: 10,
    });
  });
});
