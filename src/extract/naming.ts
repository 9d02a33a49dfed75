/**
 * An indicator's key from the words before its figure: the clause since the last punctuation
 * mark or figure, without the verbs and scope words around a name (`规上工业生产总值累计XX亿元`
 * → 规上工业生产总值, `完成固定资产投资XX亿元` → 固定资产投资). When those words are too few to
 * name anything (`为56家企业减负`), the noun after a measure word says what is counted (企业减负提效).
 * Keys are Han, Latin letters and digits only, never start with a digit and never shadow a
 * template helper, so `{{key}}` always reads as a reference.
 */
import { HELPER_BY_NAME } from '../template/helper-registry.js';
import { COUNT_WORDS } from './units.js';

const MAX_KEY_CHARS = 12;
const MAX_NOUN_CHARS = 6;
/** A list item's clause (`信访、投诉、咨询1962件`) is read back over the list, up to this far. */
const MAX_LIST_CHARS = 24;
const CLAUSE_BREAK = /[，,。；;：:、！!？?（）()“”"《》【】\n|*#>\s—]/u;
/** Scope and time words that open a clause but name nothing. */
const LEADING = /^(?:[一二三四五六七八九十]是|[一二三四五六七八九十两\d]+个?(?:月|年|天|日|周|季度)(?:之内|以内|内|以来|来)?|其中|全镇|全县|全市|全区|全乡|全街道|全省|今年以来|今年|上半年|下半年|全年|1-\d{1,2}月|截至目前|截至\d*月?底?|目前|累计|共计|共|完成|实现|达到|通过|同时|并|且|和|及|其|为)/u;
/** Verbs and qualifiers between a name and its number. */
const TRAILING = /(?:累计|共计|合计|总计|共|达到|达|为|约为|约|近|超过|超|逾|突破|实现|完成|是|有|分别|等)$/u;
/** Words that join, not name: a key cut from a long clause does not start with them. */
const JOINING_START = /^[和及与的、并]/u;
const NOT_KEY_CHARS = /[^\p{Script=Han}A-Za-z0-9]/gu;
/** Blanks in the words (江曹线XX段) must not reach a key, where the blank check would find them. */
const BLANK_LETTERS = /[Xx×]{2,}|(?<![A-Za-z])[Xx](?![A-Za-z])/gu;

/**
 * Words of the clause that ends at `end` (the figure's start), after `floor` (the previous
 * figure); a list item's clause takes in the whole 、-list (信访、投诉、咨询).
 */
export function clauseBefore(text: string, end: number, floor: number): string {
  let start = end;
  while (start > floor && !CLAUSE_BREAK.test(text[start - 1])) start--;
  while (start > floor && text[start - 1] === '、' && end - start < MAX_LIST_CHARS) {
    start--;
    while (start > floor && !CLAUSE_BREAK.test(text[start - 1])) start--;
  }
  return text.slice(start, end);
}

/** The Han noun right after a count word (`3家企业参加` → 企业参加), up to a few characters. */
export function nounAfter(text: string, unitEnd: number, unit: string, always = false): string {
  if (!always && !COUNT_WORDS.has(unit)) return '';
  const rest = text.slice(unitEnd, unitEnd + 20);
  const noun = /^[^的\P{Script=Han}]+/u.exec(rest)?.[0] ?? '';
  if (/^(?:以上|以下|左右|之多|上下|以内|之间)/u.test(noun)) return ''; // qualifies the number, names nothing
  return [...noun].slice(0, MAX_NOUN_CHARS).join('');
}

/** The name the words before a figure give it (and the counted noun when those say too little). */
export function proposeName(clause: string, noun: string): string {
  let name = clause.replace(BLANK_LETTERS, '').replace(NOT_KEY_CHARS, '');
  for (let guard = 0; guard < 5 && LEADING.test(name); guard++) name = name.replace(LEADING, '');
  for (let guard = 0; guard < 5 && TRAILING.test(name); guard++) name = name.replace(TRAILING, '');
  if ([...name].length <= 2 && noun) name += noun;
  // A long clause names a list or a sentence, not an indicator: the counted noun says more.
  else if ([...name].length > MAX_KEY_CHARS && noun) name = noun;
  const chars = [...name];
  // The head noun of a Chinese phrase comes last: keep the end of a long clause.
  name = chars.slice(Math.max(0, chars.length - MAX_KEY_CHARS)).join('').replace(/^\d+/u, '');
  if (chars.length > MAX_KEY_CHARS) name = name.replace(JOINING_START, '');
  return name || '指标';
}

/**
 * A key not yet taken: the name itself, else the name with 2, 3 … Helper names (`完成率`, `num`)
 * and the period keys are never keys.
 */
export function uniqueKey(name: string, taken: Set<string>): string {
  const blocked = (key: string) => taken.has(key) || HELPER_BY_NAME.has(key) || key === '上期' || key === '去年同期' || key === 'period';
  if (!blocked(name)) return name;
  for (let n = 2; ; n++) if (!blocked(`${name}${n}`)) return `${name}${n}`;
}
