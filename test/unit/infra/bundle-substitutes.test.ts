import { describe, expect, it } from 'vitest';
import { gte } from '../../../infra/bundle-substitutes/semver-gte';

describe('the semver stand-in', () => {
  it.each([
    ['24.11.1', '8.0.0', true],
    ['v20.20.2', '8.0.0', true],
    ['8.0.0', '8.0.0', true],
    ['7.10.1', '8.0.0', false],
    ['3.1169.0', '2.7.15', true],
    ['2.7.14', '2.7.15', false],
    ['10.0.0', '9.99.99', true],
  ])('%s >= %s is %s', (version, minimum, expected) => {
    expect(gte(version, minimum)).toBe(expected);
  });
});
