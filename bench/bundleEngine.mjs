/** Bundles a bench entry (default bench/engine.ts) the way the production build treats the engine (esbuild, minified, ESM). */
import { build } from 'esbuild';
import { resolve } from 'node:path';

export async function bundleEngineBench(root, outfile, entry = 'bench/engine.ts') {
  await build({
    entryPoints: [resolve(root, entry)],
    bundle: true, minify: true, format: 'esm', platform: 'node', target: 'node20', mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    outfile, logLevel: 'warning',
  });
  return outfile;
}
