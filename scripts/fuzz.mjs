#!/usr/bin/env node
// A longer fuzz run by hand: `node scripts/fuzz.mjs --runs 20000 [--seed 123] [--only build]`.
// Runs the same properties as CI (test/fuzz-*.test.ts) with more cases and, unless --seed is
// given, a fresh seed, printed first so that any failure can be replayed with --seed. fast-check
// also prints the seed and the shrunk counterexample of a failing property.
// --runs N: cases for each in-process property (the writer ones run N/5, the CLI one N/40).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: node scripts/fuzz.mjs [--runs N] [--seed S] [--only lint|build|cli]');
  process.exit(0);
}

const runs = Number(option('runs', '10000'));
const seed = Number(option('seed', String(Date.now() % 2 ** 31)));
if (!(Number.isInteger(runs) && runs > 0) || !Number.isInteger(seed)) {
  console.error('fuzz: --runs and --seed take whole numbers');
  process.exit(2);
}
const only = option('only', '');
const files = only ? [`test/fuzz-${only}`] : ['test/fuzz-'];

console.log(`fuzz: ${runs} cases a property, seed ${seed} (replay: node scripts/fuzz.mjs --runs ${runs} --seed ${seed}${only ? ` --only ${only}` : ''})`);
const started = Date.now();
const result = spawnSync(process.execPath, [fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url)), 'run', ...files, '--testTimeout', '0'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});
console.log(`fuzz: ${result.status === 0 ? 'no failures' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed})`);
process.exit(result.status ?? 2);
