/**
 * How every function is bundled, shared by the CDK function construct and `npm run bench`,
 * so the sizes the benchmark reports are the sizes that deploy.
 */
export const BUNDLE_TARGET = 'node24';

/** The Lambda Node.js runtime ships AWS SDK v3; bundling it again only adds weight. */
export const EXTERNAL_MODULES = ['@aws-sdk/*'];

/** ESM output still meets CommonJS dependencies (qrcode, pdf-lib's fontkit) that call require(). */
export const ESM_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export const MAIN_FIELDS = ['module', 'main'];
