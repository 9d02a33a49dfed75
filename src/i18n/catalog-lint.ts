/**
 * Chinese for the lint rules' findings that catalog.ts does not hold: figures typed by hand that
 * disagree with the data (stated-change, completion-rate, contradictory-data), indicators with
 * no value, and the endings placeholder and unit-mismatch add to their messages. Same form as
 * catalog.ts. The narrow messages come before the wide ones they would also match.
 */
import type { Entry } from './catalog.js';

export const LINT_MESSAGES: Entry[] = [
  // a change or completion typed in a section (stated-change, completion-rate)
  ['stated change "{text}" disagrees with the data: {name} {value} against {previous} a year earlier is {shown}', '文中写的“{text}”与数据不符：{name} 为 {value}，上年同期为 {previous}，按数据应为{shown}'],
  ['stated change "{text}" disagrees with the data: {path} is {value} ({shown})', '文中写的“{text}”与数据不符：数据中 {path} 为 {value}（{shown}）'],
  ['stated change "{text}" disagrees with the data: {detail}', '文中写的“{text}”与数据不符：{detail}'],
  ['stated completion "{text}" disagrees with the data: {name} {value} of the target {target} is {shown}', '文中写的完成率“{text}”与数据不符：{name} 为 {value}，目标为 {target}，按数据完成率应为 {shown}'],
  ['stated completion "{text}" disagrees with the data: {path} is {value}', '文中写的完成率“{text}”与数据不符：数据中 {path} 为 {value}'],
  ['stated completion "{text}" disagrees with the data: {detail}', '文中写的完成率“{text}”与数据不符：{detail}'],
  ['{said} disagrees with the data: {detail}', '“{said}”与数据不符：{detail}'],
  // a rate stated in the indicators that its own figures contradict (contradictory-data)
  ['{path} is {stated} but {name} {value} against {previous} a year earlier is {shown}', '{path} 写的是 {stated}，但 {name} 为 {value}，上年同期为 {previous}，按数据应为{shown}'],
  ['{path} is {stated} but {name} {value} of the target {target} is {shown}', '{path} 写的是 {stated}，但 {name} 为 {value}，目标为 {target}，按数据完成率应为 {shown}'],
  ['is {stated} but {name} {value} against {previous} a year earlier is {shown}', '写的是 {stated}，但 {name} 为 {value}，上年同期为 {previous}，按数据应为{shown}'],
  ['is {stated} but {name} {value} of the target {target} is {shown}', '写的是 {stated}，但 {name} 为 {value}，目标为 {target}，按数据完成率应为 {shown}'],
  ['{path} is {shown} but {detail}', '{path} 写的是 {shown}，但 {detail}'],
  ['{name} {value} against {previous} a year earlier is {shown}', '{name} 为 {value}，上年同期为 {previous}，按数据应为{shown}'],
  ['{name} {value} of the target {target} is {shown}', '{name} 为 {value}，目标为 {target}，按数据完成率应为 {shown}'],
  ['{value} against {previous} a year earlier', '{value}（上年同期为 {previous}）'],
  // missing-indicator
  ['indicator "{name}" has no value ({where})', '指标“{name}”没有填值（在 {where}）；请在指标文件中填上'],
  ['indicator "{name}" has no value', '指标“{name}”没有填值；请在指标文件中填上'],
  // placeholder: the reference that prints a blank indicator, and braces left in report.yaml or the indicators
  [', used at {where} by {ref}', '，{where} 处的 {ref} 用到它'],
  ['template braces left in the text: "{text}" in indicator {name}', '指标 {name} 中留有模板括号“{text}”'],
  ['template braces left in the text: "{text}" in {name}', '{name} 中留有模板括号“{text}”'],
  // unit-mismatch, with the data's place after it
  ['unit written twice: {{{ref}}} already prints its unit ({shown}), so this prints {twice}; drop "{typed}" or use {{{ref2}.value}}{data}', '单位写了两次：{{{ref}}} 已经带单位（{shown}），这里会印成 {twice}；请删掉“{typed}”或改用 {{{ref2}.value}}{data}'],
];

/** Words the lint findings quote (merged into catalog.ts's PHRASES). */
export const LINT_PHRASES: Record<string, string> = {
  // enumeration {problem}
  repeats: '重复了', 'restarts inside a paragraph': '在段落中间重新开始', 'goes back': '倒退了', 'skips a number': '跳号了',
  // duplicate-value {how}
  'rounded differently': '四舍五入的位数不同', 'digits differ': '数字不同',
};
