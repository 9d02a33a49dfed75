// Lint speed: a generated 100 000-character project, linted end to end (load, render, all rules).
// Uses the compiled dist/ (run `npm run build` first); `npm run bench` may call benchLint() itself.
import { benchLint } from '../dist/lint/bench.js';

const result = benchLint();
console.log(`lint: ${result.characters} characters in ${result.sections} sections, ${result.findings} findings, median ${result.medianMs.toFixed(1)} ms (runs: ${result.runs.map((r) => r.toFixed(0)).join(', ')} ms)`);
if (result.medianMs >= 1000) {
  console.error('lint of a 100 000-character project took a second or more');
  process.exitCode = 1;
}
