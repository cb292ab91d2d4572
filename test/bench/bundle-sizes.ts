import { build } from 'esbuild';
import * as path from 'node:path';
import { BUNDLE_TARGET, ESM_REQUIRE_BANNER, EXTERNAL_MODULES, MAIN_FIELDS } from '../../infra/bundling';
import { catalogue, handlerEntry } from '../../infra/catalogue';

export interface BundleSize {
  name: string;
  bytes: number;
  largestInputs: Array<{ module: string; bytes: number }>;
}

const packageOf = (file: string) => file.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, '$1');

/** Bundles each catalogue function exactly as the CDK construct does, in memory. */
export async function bundleSizes(projectRoot: string): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const spec of catalogue) {
    const result = await build({
      entryPoints: [path.join(projectRoot, handlerEntry(spec))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: BUNDLE_TARGET,
      minify: true,
      mainFields: MAIN_FIELDS,
      external: EXTERNAL_MODULES,
      banner: { js: ESM_REQUIRE_BANNER },
      write: false,
      metafile: true,
      outfile: 'index.mjs',
      absWorkingDir: projectRoot,
      logLevel: 'silent',
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    const byPackage = new Map<string, number>();
    for (const [file, input] of Object.entries(output.inputs)) byPackage.set(packageOf(file), (byPackage.get(packageOf(file)) ?? 0) + input.bytesInOutput);
    sizes.push({
      name: spec.name,
      bytes: output.bytes,
      largestInputs: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([module, bytes]) => ({ module, bytes })),
    });
  }
  return sizes;
}
