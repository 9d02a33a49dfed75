/**
 * The data behind the placeholder detector: which neighbours make `X`, `*`, `□` or `○` a blank
 * and which real words look like blanks. Kept as tables so a new look-alike is one line here,
 * not a new branch in the detector.
 */
import { MEASURE_CHARS } from '../text/units.js';

/**
 * Characters that follow (or precede) a number or a name in a report: units, time words,
 * measure words, administrative units. A lone `□`, `○` or `*` next to one is a blank
 * (`□月□日`, `共**个`), while a lone `□` before other words is a check box (`□是 □否`).
 */
export const UNIT_CHARS = new Set([...MEASURE_CHARS, ...'号季%‰℃处场头栋间本册篇份点升', ...'镇村市县区省乡街社']);

/** What a template asks the writer to do in its instructions (（在此填写）, 【此处插入图表】). */
const INSTRUCTION_VERBS = '(?:填写|填入|填报|输入|插入|粘贴|写明|注明|替换)';

/** Chinese numerals: `○` and `〇` next to one of these are zeros (`二○二三年`), not blanks. */
export const CHINESE_NUMERALS = new Set([...'一二三四五六七八九十零两〇○百千万']);

/**
 * A single `X` (or `x`) followed by one of these is a real word, not a blank: X光 (X-ray),
 * X射线, X线, X轴, X型, X染色体. Checked against the text right after the letter.
 */
export const SINGLE_X_WORDS = ['光', '射线', '线', '轴', '型', '染色体', '战警', '档案', '因子', '因素', '形', '世代', '一代', '荧光', '波段', '平台'];

/** Time words: a lone `□` or `○` right before one is a date blank (`□月□日`). */
export const TIME_CHARS = new Set([...'年月日号时分秒']);

/** Latin unit suffixes: `XXkm`, `XXkg`, `XXt` are blanks with a unit glued on; `XXL` is a size. */
export const LATIN_UNITS = new Set([
  'km', 'kg', 'g', 'mg', 't', 'm', 'mm', 'cm', 'ha', 'kw', 'kW', 'KW', 'kWh', 'kwh', 'MW', 'MWh', 'GW', 'GWh', 'kV', 'kVA',
  'MPa', 'GB', 'TB', 'Mbps', 'Gbps', 'mL', 'ml', 'm2', 'm3', 'km2', 'h',
]);

/**
 * Words that mark an unfinished slot in brackets: 【待补充】 （待定） [待核实] 【暂缺】, and the
 * instructions templates leave for the writer: （在此填写） （此处填写主要做法…） 【请填写】
 * 【此处插入图表】 （填写单位名称）.
 */
export const PENDING_CONTENT = new RegExp(`^\\s*(?:${[
  '待[补填核定确更完录报审][\\p{Script=Han}]{0,6}', '暂缺', '空缺', '补充', '数据待[\\p{Script=Han}]{1,4}',
  `(?:请|在此|此处|这里|此栏|本栏)[\\p{Script=Han}]{0,3}?${INSTRUCTION_VERBS}[^（）()【】\\n]{0,16}`,
  `${INSTRUCTION_VERBS}(?:[\\p{Script=Han}]{0,8}|…+|\\.{3,})`,
].join('|')})[…。.]*\\s*$`, 'u');

/** An ellipsis standing for a whole point: `一是……。二是……（在此填写）`, what a starter leaves. */
export const ELLIPSIS_POINT = /(?<=[一二三四五六七八九十]是)(?:…+|\.{3,}|。{3})(?=[（(。；;，,]|\s|$)/gu;

/** Bare pending words, flagged when they stand on their own (`投资额：待补充。`). */
export const BARE_PENDING = /待补充|待填写|待填报|待填|待核实|待更新|待确认/g;

/** Whole indicator values that mean "not filled in yet". */
export const PENDING_VALUES = /^\s*(?:待定|待补充|待填|待填写|待填报|待核实|待更新|待确认|暂缺|空缺|未填|TBD|TODO|tbd|todo|\?+|？+)\s*$/u;

/** Markers writers leave for themselves. Upper case only: `todo` is rare and ambiguous. */
export const TODO_WORDS = /(?<![A-Za-z0-9_])(?:TODO|TBD|FIXME|TKTK)(?![A-Za-z0-9_])/g;

/** What a template leaves in output when something went wrong: `undefined`, `NaN`, `[object Object]`. */
export const TEMPLATE_LEFTOVERS = /\[object Object\]|(?<![A-Za-z])(?:undefined|NaN|null)(?![A-Za-z])/g;
