/**
 * Stands in for `semver` in the Lambda bundles (see `ALIASES` in ../bundling.ts). The X-Ray SDK
 * that Powertools Tracer brings asks semver one question, whether one plain version is at least
 * another (cls-hooked: the Node version; the SDK v2 patcher, unused here: the SDK's version),
 * and the full package is 28 KB of every bundle. Versions here are plain `major.minor.patch`.
 */
export function gte(version: string, minimum: string): boolean {
  const parts = (value: string) => value.replace(/^v/, '').split(/[.+-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parts(version), parts(minimum)];
  for (let index = 0; index < 3; index++) if (a[index] !== b[index]) return a[index]! > b[index]!;
  return true;
}

export default { gte };
