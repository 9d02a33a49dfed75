/**
 * What each lint rule means and what to do about a finding, in both languages: SARIF viewers
 * show `help` beside the finding, and the build's per-rule summary names rules by `summary`.
 * Kept beside the formatters because only printing needs it; rule modules keep their English meta.
 */
import { t } from '../../i18n/lang.js';

interface RuleText { zhDescription: string; zhSummary: string; help: string; zhHelp: string }

const TEXTS: Record<string, RuleText> = {
  placeholder: {
    zhDescription: '未填写的空白（XX、××、20**年、□□、【待补充】、TODO、残留的 {{…}}），出现在章节、指标或生成的正文中', zhSummary: '未填写的空白',
    help: 'Replace the blank with the real figure or text, in the section or in the indicator file it comes from.',
    zhHelp: '把空白换成实际的数字或文字；空白来自指标时，改指标文件里对应的值。',
  },
  'missing-indicator': {
    zhDescription: '模板引用了数据中没有（或为空）的指标', zhSummary: '缺少的指标',
    help: 'Add the indicator to the indicator file, or correct the name in {{…}} (the message suggests the nearest name).',
    zhHelp: '在指标文件里补上这个指标，或改正 {{…}} 里的名称（提示中会给出最接近的名称）。',
  },
  punctuation: {
    zhDescription: '中文旁边用了半角的 , ; : ( ) ? !（可自动改为全角）', zhSummary: '中文里的半角标点',
    help: 'Run `report lint --fix` to rewrite half-width punctuation next to Chinese to full width.',
    zhHelp: '运行 `report lint --fix`，把中文旁的半角标点自动改为全角。',
  },
  'number-format': {
    zhDescription: '行首用“1、”（公文写“1.”），数字与单位之间有空格（“27.77 %”）', zhSummary: '不合公文写法的数字（1、应为 1.，单位前有空格）',
    help: 'Write third-level numbers as `1.` and put no space between a figure and its unit; `report lint --fix` rewrites both.',
    zhHelp: '第三层序号写“1.”，数字和单位之间不留空格；`report lint --fix` 可以自动改。',
  },
  enumeration: {
    zhDescription: '一是/二是、第一/第二、（一）（二）、1. 2. 等序号跳号、重复或重新开始不当；标题序号与位置不符', zhSummary: '序号问题（跳号、重复或重新开始）',
    help: 'Renumber the items so they run in order without gaps or repeats; heading numbers are generated, so a typed one can be removed.',
    zhHelp: '按顺序重新编号，不要跳号或重复；标题序号会自动生成，手写的可以删掉。',
  },
  'unused-indicator': {
    zhDescription: '没有被任何章节或 report.yaml 用到的指标', zhSummary: '没有章节用到的指标',
    help: 'Use the indicator in a section, or remove it from the indicator file if it is no longer reported.',
    zhHelp: '在章节中用上这个指标；如果不再汇报，就从指标文件中删掉。',
  },
  'helper-argument': {
    zhDescription: '函数用错了数字类型（对万元金额用 {{pct}}、对非比率用 {{pp}}、对没有上年值的数用 {{change}}）', zhSummary: '函数用错了数字类型',
    help: 'Use the helper the message names for this kind of figure, or give the figure the value it needs (previous, target).',
    zhHelp: '按提示换成适合这类数字的函数，或给指标补上需要的值（上年同期 previous、目标 target）。',
  },
  'unit-mismatch': {
    zhDescription: '引用后手写的单位与数据单位不符（亿元与万元），或重复了指标已带的单位', zhSummary: '单位与数据不符',
    help: 'Drop the typed unit, or convert with {{scale …}} so the figure and the unit agree.',
    zhHelp: '删掉手写的单位，或用 {{scale …}} 换算，让数字和单位一致。',
  },
  'stated-change': {
    zhDescription: '手写的同比增长/下降 X%（或比率的 X个百分点）与指标的本期值和上年值不符', zhSummary: '与数据不符的增减幅度',
    help: 'Print the change from the data with {{change …}} or {{pp …}}, or correct the typed figure.',
    zhHelp: '用 {{change …}} 或 {{pp …}} 从数据印出增减幅度，或改正手写的数字。',
  },
  'completion-rate': {
    zhDescription: '手写的完成率与指标的本期值和目标值不符', zhSummary: '与数据不符的完成率',
    help: 'Print the rate with {{completion …}}, or correct the typed figure or the target.',
    zhHelp: '用 {{completion …}} 印出完成率，或改正手写的数字或目标值。',
  },
  'contradictory-data': {
    zhDescription: '数据自带的比率（增速、完成率）与它自己的数字（本期与上年同期、本期与目标）相矛盾', zhSummary: '自相矛盾的数据',
    help: 'Check the figures in the indicator file: the stated rate and the values it is computed from must agree.',
    zhHelp: '核对指标文件中的数字：写明的比率和用来计算它的数值必须一致。',
  },
  'duplicate-value': {
    zhDescription: '同一指标一处从数据印出，另一处手写了不同的数字', zhSummary: '与数据不一致的手写数字',
    help: 'Replace the typed number with a reference to the indicator so both places print the same figure.',
    zhHelp: '把手写的数字换成指标引用，让两处印出同一个数。',
  },
};

const GENERIC = {
  help: 'Fix the input at the position shown; the message says what is wrong and what to write instead.',
  zhHelp: '在所示位置修改输入；提示说明了问题和应该怎么写。',
};

export function ruleDescription(id: string, english: string): string {
  return t(english, TEXTS[id]?.zhDescription ?? english);
}

export function ruleSummary(id: string, english: string): string {
  return t(english, TEXTS[id]?.zhSummary ?? english);
}

export function ruleHelp(id: string): string {
  const text = TEXTS[id] ?? GENERIC;
  return t(text.help, text.zhHelp);
}
