/**
 * contradictory-data: a rate the data states itself (增速: 9.1 next to 本期/上年同期, 完成率 next
 * to a target) that the same group's own figures disprove, reported at the YAML line of the stated
 * rate. An error wherever it is read: a report built from such data cannot be right.
 */
import { allFigures, completionFromData, growthFromData, type Figure } from '../../indicators/figures.js';
import { agreesWhenRounded, showNumber, showPercent, yearAgo } from '../consistency/numbers-as-written.js';
import { findingAt, type Finding, type LintInput, type Rule, type RuleMeta, type YamlInput } from '../rule.js';

export const meta: RuleMeta = {
  id: 'contradictory-data',
  description: 'a rate the data states itself (增速, 完成率) that its own figures (本期 and 上年同期, value and target) disprove',
  defaultSeverity: 'error',
  fixable: false,
  build: true,
};

interface StatedRate {
  stated: (figure: Figure) => { key: string; value: number } | undefined;
  computed: (figure: Figure) => number | undefined;
  message: (figure: Figure, shown: string, computed: number, digits: string) => string;
}

const GROWTH: StatedRate = {
  stated: (figure) => figure.statedGrowth,
  // A rate's change is in 百分点: its stated 增速 is not a growth of the value.
  computed: (figure) => (figure.isRate ? undefined : growthFromData(figure)),
  message: (figure, shown, computed, digits) => `is ${shown} but ${figure.name} ${yearAgo(figure)} is ${computed >= 0 ? '增长' : '下降'}${showPercent(Math.abs(computed), digits)}%`,
};

const COMPLETION: StatedRate = {
  stated: (figure) => figure.statedCompletion,
  computed: completionFromData,
  message: (figure, shown, computed, digits) => `is ${shown} but ${figure.name} ${showNumber(figure.value)} of the target ${showNumber(figure.target!)} is ${showPercent(computed, digits)}%`,
};

function findings(input: LintInput, rate: StatedRate): Finding[] {
  const project = input.project!;
  const out: Finding[] = [];
  for (const figure of allFigures(project.indicators)) {
    const stated = rate.stated(figure);
    if (!stated) continue;
    const computed = rate.computed(figure);
    if (computed === undefined) continue;
    const path = [...figure.path, stated.key];
    const at = project.locateIndicator(path);
    const yaml: YamlInput | undefined = at && input.yaml.find((y) => y.file.displayPath === at.file);
    const offset = yaml ? yaml.index.offsetOf(at!.line, at!.column) : 0;
    const written = yaml ? /^[-+]?\d+(?:\.\d+)?/.exec(yaml.file.text.slice(offset, offset + 32))?.[0] : undefined;
    const shown = written ?? String(stated.value);
    const digits = shown.replace(/^[-+]/, '');
    if (agreesWhenRounded(stated.value, digits, computed)) continue;
    const message = `${path.join('.')} ${rate.message(figure, shown, computed, digits)}`;
    if (yaml) out.push(findingAt(meta, yaml.file, yaml.index, offset, offset + (written?.length ?? 0), message));
    else out.push({ file: '--set', rule: meta.id, severity: meta.defaultSeverity, message, text: shown }); // a value given on the command line
  }
  return out;
}

export const contradictoryDataRule: Rule = {
  meta,
  check: (input) => (input.project ? [...findings(input, GROWTH), ...findings(input, COMPLETION)] : []),
};
