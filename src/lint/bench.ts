/**
 * A measurement the bench script can call: lint a generated 100 000-character project (report.yaml,
 * indicators, sections full of references, blanks and half-width punctuation) and time it. The
 * project is written to a temporary directory and removed afterwards; lint itself is what's timed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../project/load.js';
import { lintProject } from './engine.js';

export interface LintBenchResult {
  characters: number;
  sections: number;
  findings: number;
  /** Median of the timed runs, milliseconds (load + render + all rules). */
  medianMs: number;
  runs: number[];
}

const PARAGRAPH = [
  '一是聚焦项目抓推进。{{镇名}}全年实施重点项目{{项目.数量}}个,完成投资{{项目.投资}}亿元，同比增长{{pct 项目.增速}}。',
  '二是主动作为抓招商。新引进亿元以上项目XX个，其中X光设备、XXL码服装、x86服务器等产业链项目落地(一期)。',
  '三是优化环境抓服务。帮助企业解决问题{{服务.问题}}个,化解率达到{{服务.化解率}}%;PM2.5浓度下降，5×5米示范点完成建设。',
].join('');

export function benchLint(options: { characters?: number; runs?: number } = {}): LintBenchResult {
  const target = options.characters ?? 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-bench-'));
  try {
    mkdirSync(join(dir, 'sections'));
    writeFileSync(join(dir, 'report.yaml'), 'title: "{{镇名}}工作总结"\nindicators: indicators.yaml\nsections:\n  - sections/*.md\n');
    writeFileSync(join(dir, 'indicators.yaml'), '镇名: 云溪镇\n项目:\n  数量: 18\n  投资: 26.4\n  增速: 8.2\n服务:\n  问题: 13\n  化解率: XX\n');
    let characters = 0;
    let sections = 0;
    while (characters < target) {
      const parts: string[] = [`# ${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][sections % 10]}、第${sections + 1}部分\n`];
      for (let k = 0; k < 6; k++) parts.push(`## （${['一', '二', '三', '四', '五', '六'][k]}）分项工作\n\n${PARAGRAPH}\n`);
      const text = parts.join('\n');
      writeFileSync(join(dir, 'sections', `${String(sections + 1).padStart(3, '0')}.md`), text);
      characters += text.length;
      sections++;
    }
    const runs: number[] = [];
    let findings = 0;
    for (let r = 0; r < (options.runs ?? 5); r++) {
      const start = performance.now();
      const result = lintProject(loadProject(dir));
      runs.push(performance.now() - start);
      findings = result.findings.length;
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return { characters, sections, findings, medianMs: sorted[Math.floor(sorted.length / 2)], runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
