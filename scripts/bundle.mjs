#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js, the batch worker) into dist/bundle/ with esbuild:
// one file per lazily imported command or writer instead of ~660 modules, which Node resolves and
// compiles one by one (~250 ms of every run). The library API (dist/index.js) stays unbundled.
// Runs after tsc in `npm run build` and `prepare`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist/bundle`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/batch/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // fontkit is loaded on demand by src/fonts/face.ts (createRequire) and by the stand-in below
  external: ['fontkit'],
  alias: { fontkit: './scripts/lazy-fontkit.mjs' },
  // CommonJS dependencies (handlebars, ajv, jszip …) call require() for Node's built-ins
  banner: { js: "import { createRequire as __reportRequire } from 'node:module'; const require = __reportRequire(import.meta.url);" },
  logLevel: 'warning',
});
