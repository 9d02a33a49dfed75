/**
 * The lines a build prints about itself, shared by `report build`, watch mode and batch builds
 * so that all three say the same thing the same way: the findings, why nothing was written, the
 * notes after a successful build (stand-in fonts, what `report lint` would add) and the outputs.
 */
import { formatDiagnosticLine } from '../diagnostic.js';
import { t } from '../i18n/lang.js';
import { ruleSummary } from '../lint/formatters/rule-help.js';
import type { RuleSummary } from '../lint/build-check.js';
import { displayPath } from '../project/source-file.js';
import type { BuildResult } from './index.js';

/** Every finding but the info notes, one line each; a warning (or any finding in a draft) says its severity. */
export function findingLines(result: BuildResult, draft?: boolean): string[] {
  return result.diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => `${formatDiagnosticLine(d)}${d.severity === 'error' && !draft ? '' : t(` (${d.severity})`, d.severity === 'error' ? '（错误）' : '（警告）')}`);
}

/** Why a build that found errors wrote nothing. */
export function refusalLine(result: BuildResult): string {
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  return t(`report: ${errors} problem(s) must be fixed first (blanks, missing indicators or contradictory figures); nothing written (--draft builds anyway, with blanks highlighted)`,
    `report：有 ${errors} 个问题要先改正（空白、缺少的指标或相互矛盾的数字），没有生成任何文件（加 --draft 可先生成草稿，空白会标出）`);
}

/**
 * Notes after a successful build. Font substitutes are normal on machines without the licensed
 * 公文 faces: one line, not five, and only once the build has succeeded.
 */
export function noteLines(result: BuildResult): string[] {
  const fontNotes = result.diagnostics.filter((d) => d.rule === 'font-substitute').length;
  const lines = fontNotes > 0 ? [t(`report: ${fontNotes} font role(s) printed in stand-in fonts (run \`report fonts\` for details; --strict-fonts refuses them)`,
    `report：有 ${fontNotes} 种字体用了替代字体（运行 \`report fonts\` 查看详情；加 --strict-fonts 则不允许替代）`)] : [];
  return [...lines, ...lintSummaryLines(result.lintSummary)];
}

/** `report: 189 × half-width punctuation in Chinese text — report lint --fix rewrites them`, one line a rule. */
export function lintSummaryLines(summary: RuleSummary[]): string[] {
  return summary.map((s) => t(`report: ${s.count} × ${s.label} — ${s.fixedInOutput ? 'fixed in the outputs (lint.fixInOutput); the sources still hold them'
    : s.fixable ? 'report lint --fix rewrites them' : 'report lint lists them'}`,
  `report：${ruleSummary(s.rule, s.label)} ${s.count} 处 — ${s.fixedInOutput ? '已在输出中改正（lint.fixInOutput），源文件中仍保留' : s.fixable ? '运行 report lint --fix 可自动改正' : '运行 report lint 查看清单'}`));
}

/** `wrote out/town-report.pdf (146 KB)`, one line an output. */
export function wroteLines(result: BuildResult): string[] {
  return result.outputs.map((o) => t(`wrote ${displayPath(o.path)} (${formatSize(o.bytes.length)})`, `已生成 ${displayPath(o.path)}（${formatSize(o.bytes.length)}）`));
}

export function formatSize(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The outputs as the atomic writer takes them: names inside the output folder. */
export function outputFiles(result: BuildResult): Array<{ name: string; data: Buffer }> {
  return result.outputs.map((o) => ({ name: o.path.slice(result.outDir.length + 1), data: o.bytes }));
}
