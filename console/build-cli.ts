import * as path from 'node:path';
import { buildConsole, defaultOutdir, JS_GZIP_BUDGET_BYTES } from './build';

/**
 * `npm run -s console:build [-- <outdir>]`: builds the console (into console/dist, or the folder
 * given, as the CDK deployment does) and prints its JavaScript size against the budget; exits 1
 * over budget.
 */
const outdir = path.resolve(process.argv[2] ?? defaultOutdir);
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

const result = await buildConsole({ outdir, minify: true });
const within = result.jsGzipBytes <= JS_GZIP_BUDGET_BYTES;
console.log(
  `${path.relative(process.cwd(), outdir) || '.'}: ${result.files.length} files; JavaScript ${kilobytes(result.jsBytes)}, ` +
    `${kilobytes(result.jsGzipBytes)} gzipped (budget ${kilobytes(JS_GZIP_BUDGET_BYTES)}${within ? '' : ', EXCEEDED'})`,
);
if (!within) process.exitCode = 1;
