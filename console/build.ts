import { build, type Metafile } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The organiser console's one build, used by `npm start` (infra/local/console.ts), the tests and
 * the deployment: esbuild bundles src/main.tsx (Preact, JSX through its automatic runtime) into
 * ES modules (main.js, and the QR decoder in a chunk of its own that loads when the camera
 * starts), the stylesheet main.tsx imports into main.css, and the service worker with the list
 * of files it keeps.
 * `/console/config.json` is not built: whoever serves the console writes it.
 */

const consoleDir = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.join(consoleDir, 'src');

export const defaultOutdir = path.join(consoleDir, 'dist');

/** The console's JavaScript, gzipped, stays at or under this. */
export const JS_GZIP_BUDGET_BYTES = 150 * 1000;

/** Browsers from spring 2023 on: dialog, :focus-visible, AbortSignal.timeout, structuredClone. */
const TARGETS = ['chrome111', 'edge111', 'firefox111', 'safari16.4'];

export interface ConsoleBuildOptions {
  outdir: string;
  minify: boolean;
}

export interface ConsoleBuild {
  /** Paths relative to outdir, `/`-separated, sorted. */
  files: string[];
  /** Every .js file, as served and gzipped. */
  jsBytes: number;
  jsGzipBytes: number;
}

const relativeOutputs = (metafile: Metafile, outdir: string) =>
  Object.keys(metafile.outputs).map((output) => path.relative(outdir, path.resolve(output)).split(path.sep).join('/'));

export async function buildConsole({ outdir, minify }: ConsoleBuildOptions): Promise<ConsoleBuild> {
  const out = path.resolve(outdir);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  const app = await build({
    entryPoints: { main: path.join(sourceDir, 'main.tsx') },
    outdir: out,
    // Content-hashed names: a cached page never meets a newer script, and caches may keep files forever.
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: TARGETS,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify,
    sourcemap: minify ? false : 'linked',
    metafile: true,
    logLevel: 'silent',
  });
  const entry = Object.entries(app.metafile.outputs).find(([, output]) => output.entryPoint?.endsWith('src/main.tsx'));
  if (!entry?.[1].cssBundle) throw new Error('The console build made no main script and stylesheet');
  const [script, { cssBundle: stylesheet }] = entry;
  const page = (await readFile(path.join(sourceDir, 'index.html'), 'utf8'))
    .replace('./main.js', `./${path.relative(out, path.resolve(script))}`)
    .replace('./main.css', `./${path.relative(out, path.resolve(stylesheet))}`);
  await writeFile(path.join(out, 'index.html'), page);

  const appFiles = relativeOutputs(app.metafile, out).filter((file) => !file.endsWith('.map'));
  const shell = ['index.html', ...appFiles].sort();
  const hash = createHash('sha256');
  for (const file of shell) hash.update(file).update(await readFile(path.join(out, file)));

  await build({
    entryPoints: { sw: path.join(sourceDir, 'sw.ts') },
    outdir: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: TARGETS,
    minify,
    logLevel: 'silent',
    define: {
      // The page itself is `./` (and index.html); config.json is written by the server, not built.
      SHELL_FILES: JSON.stringify(['./', ...shell.map((file) => `./${file}`), './config.json']),
      SHELL_VERSION: JSON.stringify(hash.digest('hex').slice(0, 16)),
    },
  });

  const files = [...shell, 'sw.js'].sort();
  let jsBytes = 0;
  let jsGzipBytes = 0;
  for (const file of files.filter((name) => name.endsWith('.js'))) {
    const content = await readFile(path.join(out, file));
    jsBytes += content.byteLength;
    jsGzipBytes += gzipSync(content, { level: 9 }).byteLength;
  }
  return { files, jsBytes, jsGzipBytes };
}
