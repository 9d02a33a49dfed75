#!/usr/bin/env node
// Lint speed: a generated 100 000-character project (report.yaml, indicators, sections full of
// references, blanks and half-width punctuation), linted end to end (load, render, all rules).
// `node scripts/bench-lint.mjs` times the compiled dist/ (run `npm run build` first); `npm run
// bench` and the test suite call benchLint() with the functions to time, so it needs no build.
// The project is written to a temporary directory and removed afterwards; only lint is timed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PARAGRAPH = [
  '一是聚焦项目抓推进。{{镇名}}全年实施重点项目{{项目.数量}}个,完成投资{{项目.投资}}亿元，同比增长{{pct 项目.增速}}。',
  '二是主动作为抓招商。新引进亿元以上项目XX个，其中X光设备、XXL码服装、x86服务器等产业链项目落地(一期)。',
  '三是优化环境抓服务。帮助企业解决问题{{服务.问题}}个,化解率达到{{服务.化解率}}%;PM2.5浓度下降，5×5米示范点完成建设。',
].join('');
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Writes the project into `dir`; returns its size. */
function writeProject(dir, target) {
  mkdirSync(join(dir, 'sections'));
  writeFileSync(join(dir, 'report.yaml'), 'title: "{{镇名}}工作总结"\nindicators: indicators.yaml\nsections:\n  - sections/*.md\n');
  writeFileSync(join(dir, 'indicators.yaml'), '镇名: 云溪镇\n项目:\n  数量: 18\n  投资: 26.4\n  增速: 8.2\n服务:\n  问题: 13\n  化解率: XX\n');
  let characters = 0;
  let sections = 0;
  while (characters < target) {
    const parts = [`# ${NUMERALS[sections % 10]}、第${sections + 1}部分\n`];
    for (let k = 0; k < 6; k++) parts.push(`## （${NUMERALS[k]}）分项工作\n\n${PARAGRAPH}\n`);
    const text = parts.join('\n');
    writeFileSync(join(dir, 'sections', `${String(sections + 1).padStart(3, '0')}.md`), text);
    characters += text.length;
    sections++;
  }
  return { characters, sections };
}

/**
 * `report`: { loadProject, lintProject } from src/ or dist/. Returns the project's size, the
 * findings of the last run and the median of the timed runs in milliseconds.
 */
export function benchLint(report, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-bench-'));
  try {
    const { characters, sections } = writeProject(dir, options.characters ?? 100_000);
    const runs = [];
    let findings = 0;
    for (let r = 0; r < (options.runs ?? 5); r++) {
      const start = performance.now();
      const result = report.lintProject(report.loadProject(dir));
      runs.push(performance.now() - start);
      findings = result.findings.length;
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return { characters, sections, findings, medianMs: sorted[Math.floor(sorted.length / 2)], runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** benchLint over the compiled dist/. */
export async function benchLintDist(options = {}) {
  const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;
  const { loadProject } = await import(dist('project/load.js'));
  const { lintProject } = await import(dist('lint/engine.js'));
  return benchLint({ loadProject, lintProject }, options);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchLintDist();
  console.log(`lint: ${result.characters} characters in ${result.sections} sections, ${result.findings} findings, median ${result.medianMs.toFixed(1)} ms (runs: ${result.runs.map((r) => r.toFixed(0)).join(', ')} ms)`);
  if (result.medianMs >= 1000) {
    console.error('lint of a 100 000-character project took a second or more');
    process.exitCode = 1;
  }
}
