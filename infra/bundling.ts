/**
 * How every function is bundled, shared by the CDK function construct and `npm run bench`,
 * so the sizes the benchmark reports are the sizes that deploy.
 */
export const BUNDLE_TARGET = 'node24';

/**
 * Nothing is left to the runtime: each bundle carries the AWS SDK clients from package-lock.json,
 * the ones the tests ran against, instead of whichever SDK the Lambda runtime ships (it moves
 * under deployed functions, and can lag or lead the lockfile). Tree-shaken ESM keeps that to
 * about 185 KB per function, 270 KB with SES; `npm run bench` shows every bundle's size.
 */
export const EXTERNAL_MODULES: string[] = [];

/**
 * Modules that the bundles replace with smaller stand-ins from infra/bundle-substitutes; each
 * file says why its stand-in is enough. Paths are relative to the project root, because esbuild
 * resolves an alias from its working directory, which is the project root both for the bench
 * and for the construct (esbuild is a dev dependency, so CDK bundles locally, not in Docker).
 * Tests and `npm start` run the sources with the real modules.
 */
export const ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './infra/bundle-substitutes/credentials-from-env.ts',
  '@smithy/core/event-streams': './infra/bundle-substitutes/no-event-streams.ts',
  'brotli/decompress.js': './infra/bundle-substitutes/no-brotli.ts',
  semver: './infra/bundle-substitutes/semver-gte.ts',
};

/** `ALIASES` as the esbuild arguments the construct passes (`bundling.esbuildArgs`). */
export const ESBUILD_ARGS = { '--alias': Object.entries(ALIASES).map(([module, substitute]) => `${module}=${substitute}`) };

/**
 * Source maps without the sources' text: Lambda runs with --enable-source-maps, and Node reads
 * and parses the whole map while it imports the bundle. Stack traces need only the mappings
 * and names; leaving the text out shrinks send-mail's map from 2.7 MB to 0.8 MB and its
 * import from about 77 to 68 ms on the bench machine (57 ms with no source maps at all).
 */
export const SOURCES_CONTENT = false;

/** ESM output still meets CommonJS dependencies (qrcode, the X-Ray SDK) that call require(). */
export const ESM_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export const MAIN_FIELDS = ['module', 'main'];
