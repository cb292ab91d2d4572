import { build, type BuildOptions } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { ALIASES, BUNDLE_TARGET, ESM_REQUIRE_BANNER, EXTERNAL_MODULES, MAIN_FIELDS, SOURCES_CONTENT } from '../../infra/bundling';
import { catalogue, handlerEntry } from '../../infra/catalogue';

export interface BundleSize {
  name: string;
  bytes: number;
  largestInputs: Array<{ module: string; bytes: number }>;
  /** Carries pdf-lib: the certificate renderers have a budget of their own. */
  rendersPdf: boolean;
  /** The bundle on disk, when it was written. */
  file?: string;
}

const packageOf = (file: string) => file.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, '$1');

/** esbuild's options for a Lambda entry point, as the CDK construct passes them (see infra/constructs/app-function.ts). */
export function asDeployed(projectRoot: string, entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [path.join(projectRoot, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE_TARGET,
    minify: true,
    sourcemap: true,
    sourcesContent: SOURCES_CONTENT,
    mainFields: MAIN_FIELDS,
    external: EXTERNAL_MODULES,
    alias: { ...ALIASES },
    banner: { js: ESM_REQUIRE_BANNER },
    outfile: path.join(outdir, 'index.mjs'),
    absWorkingDir: projectRoot,
    metafile: true,
    logLevel: 'silent',
  };
}

/**
 * Bundles each catalogue function exactly as the CDK construct does: in memory, or written to
 * `outdir/<function>/` with its source map and run-time assets beside it, as Lambda gets it.
 */
export async function bundleSizes(projectRoot: string, outdir?: string): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const spec of catalogue) {
    const dir = path.join(outdir ?? projectRoot, spec.name);
    const result = await build({ ...asDeployed(projectRoot, handlerEntry(spec), dir), write: outdir !== undefined });
    const [file, output] = Object.entries(result.metafile!.outputs).find(([name]) => name.endsWith('.mjs'))!;
    const byPackage = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
    if (outdir !== undefined) {
      await mkdir(dir, { recursive: true });
      for (const asset of spec.assets ?? []) await copyFile(path.join(projectRoot, 'node_modules', asset), path.join(dir, path.basename(asset)));
    }
    sizes.push({
      name: spec.name,
      bytes: output.bytes,
      largestInputs: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([module, bytes]) => ({ module, bytes })),
      rendersPdf: byPackage.has('pdf-lib'),
      ...(outdir !== undefined ? { file: path.resolve(projectRoot, file) } : {}),
    });
  }
  return sizes;
}
