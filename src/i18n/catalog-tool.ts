/**
 * Chinese for the tool's own workings: batch builds, the output writer, fonts and the phrases
 * the other messages quote (file kinds, size limits). Same form as catalog.ts.
 */
import type { Entry } from './catalog.js';

export const TOOL_MESSAGES: Entry[] = [
  ['two projects are named "{name}" ({list}); their outputs would meet in {dir}', '有两个项目都叫“{name}”（{list}）；它们的输出会写到同一个文件夹 {dir}；请给其中一个改名，或分开生成'],
  ['cannot keep the previous version', '无法保留上一版文件'],
  // fonts: where each role's font comes from (report fonts, and the build's font notes)
  ['set in report.yaml', '在 report.yaml 中指定'],
  ['stand-in "{name}" is installed; its TrueType copy is used (faster to embed)', '已安装替身字体“{name}”，使用它的 TrueType 版本（嵌入更快）'],
  ['no installed match; font shipped with report', '没有找到已安装的对应字体；使用 report 自带的字体'],
];

/** Nouns and short phrases quoted by longer messages (merged into catalog.ts's PHRASES). */
export const TOOL_PHRASES: Record<string, string> = {
  'cannot read file': '无法读取文件', 'a FIFO (named pipe)': '命名管道', 'not a regular file': '不是普通文件', 'a socket': '套接字', 'a device': '设备文件',
  'per font file': '（每个字体文件）', 'per imported document': '（每个导入的文档）', 'per image': '（每张图片）',
  '--data file': '--data 指定的数据文件', 'previous period file': '上期数据文件', 'lastYear period file': '上年同期数据文件',
  'fonts.title: font file': 'fonts.title 的字体文件', 'fonts.body: font file': 'fonts.body 的字体文件',
  'fonts.heading1: font file': 'fonts.heading1 的字体文件', 'fonts.heading2: font file': 'fonts.heading2 的字体文件',
  'fonts.pageNumber: font file': 'fonts.pageNumber 的字体文件', 'organ names': '机关名称', 'indicator files': '指标文件',
  'a number, 0 or more': '0 或以上的数', 'a length in mm': '长度（毫米）', 'a length in points': '长度（磅）',
  'a number': '数字', 'a whole number': '整数', text: '文字', 'true or false': 'true 或 false',
  'lookahead and lookbehind': '前瞻或后顾（?= ?! ?<= ?<!）', 'unterminated group': '括号没有配对', '\\ at end of pattern': '末尾多了一个 \\',
  'more than 2000 states once its repeats are counted out': '重复展开后超过 2000 个状态',
  'output directory': '输出文件夹',
};
