/**
 * Finds unfilled blanks (`XX亿元`, `20xx年`, `××`, `**镇`, `□□`, `【待补充】`, `TODO`, `{{…}}`) in
 * a piece of text. Pure and position-exact: it returns UTF-16 offsets into the text it was given,
 * so callers can map them to line:col in the file the author edits. It decides by context —
 * adjacent Han characters, digits, units, Latin words — so that real words (X光, XXL, x86, 3x4米,
 * PM2.5, Windows XP) pass. It never looks at files, config or Markdown structure beyond `**`
 * emphasis pairs; callers mask code, URLs and template syntax before calling it.
 */
import {
  charAt, charBefore, isAsciiDigit, isAsciiLetter, isChinese, isHan, isInlineSpace, normalizeWidth,
} from '../text/chars.js';
import {
  BARE_PENDING, CHINESE_NUMERALS, ELLIPSIS_POINT, LATIN_UNITS, PENDING_CONTENT, SINGLE_X_WORDS, TEMPLATE_LEFTOVERS, TIME_CHARS, TODO_WORDS, UNIT_CHARS,
} from './placeholder-vocabulary.js';
import { emphasisBlanks } from './placeholder-emphasis.js';

export type PlaceholderKind =
  | 'letters' | 'times' | 'stars' | 'underscores' | 'boxes' | 'pending' | 'todo' | 'braces' | 'leftover' | 'questions' | 'pattern';

export interface PlaceholderMatch {
  /** UTF-16 offsets into the text given. */
  start: number;
  end: number;
  text: string;
  kind: PlaceholderKind;
}

export interface PlaceholderOptions {
  /** Extra patterns (JavaScript regular expressions, `pattern` or `/pattern/flags`); every match is a blank. */
  extraPatterns?: string[];
  /** Phrases that are never blanks; a finding overlapping one is dropped. */
  allow?: string[];
  /** Treat `**…**` / `*…*` / `__…__` pairs as Markdown emphasis, not blanks (default true). */
  markdownEmphasis?: boolean;
}

export function findPlaceholders(text: string, options: PlaceholderOptions = {}): PlaceholderMatch[] {
  const norm = normalizeWidth(text);
  const found: PlaceholderMatch[] = [];
  const add = (start: number, end: number, kind: PlaceholderKind) => {
    if (end > start) found.push({ start, end, text: text.slice(start, end), kind });
  };
  scanLetters(norm, add);
  scanTimes(norm, add);
  for (const blank of emphasisBlanks(norm, options.markdownEmphasis ?? true)) add(blank.start, blank.end, blank.kind);
  scanBoxes(norm, add);
  scanPending(norm, add);
  scanSimple(norm, TODO_WORDS, 'todo', add);
  scanBraces(norm, add);
  scanLeftovers(norm, add);
  scanQuestions(norm, add);
  for (const pattern of compilePatterns(options.extraPatterns)) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) { pattern.lastIndex++; continue; }
      add(m.index, m.index + m[0].length, 'pattern');
    }
  }
  return dropAllowed(mergeOverlaps(found, text), text, options.allow);
}

type Add = (start: number, end: number, kind: PlaceholderKind) => void;

// ---------------------------------------------------------------------------------------------
// X and x: XX, xx, X.X, 20xx, 202x, xx0.9, x月x日, XXkm — but not X光, XXL, x86, 3x4, Xu, XR-200.

const WORD = /[0-9A-Za-z]+(?:\.[0-9A-Za-z]+|,[0-9Xx]{3}(?![0-9A-Za-z]))*/g;
const X_ONLY = /^[xX]+$/;
const X_DECIMAL = /^[xX]+(?:[.,][xX]+)+$/;
const DIGITS_AND_X = /^[0-9xX.,]+$/;
const MULTIPLICATION = /^\d+(?:\.\d+)?[xX]\d+(?:\.\d+)?$/;
const MODEL_NUMBER = /^[xX]\d+$/;
const TIMES_SUFFIX = /^\d{1,2}[xX]$/;
const X_WITH_UNIT = /^([xX]+)([A-Za-z][A-Za-z0-9]*)$/;
/** `GDPxxxx万元`, `CPIxx%`, `PMIXX`: an upper-case abbreviation with the figure's x run glued on. */
const ABBREVIATION_THEN_X = /^([A-Z]{2,6}?)([xX]{2,})$/;
const JOINERS = new Set(['-', '_', '/', '+', '&', "'"]);

function scanLetters(norm: string, add: Add): void {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(norm); m; m = WORD.exec(norm)) {
    const word = m[0];
    if (!word.includes('x') && !word.includes('X')) continue;
    const start = m.index;
    const end = start + word.length;
    const next = charAt(norm, end);
    if (X_ONLY.test(word)) {
      if (isXOnlyBlank(norm, start, end)) add(start, end, 'letters');
    } else if (X_DECIMAL.test(word)) {
      add(start, end, 'letters');
    } else if (DIGITS_AND_X.test(word)) {
      const trailing = word.endsWith('.') || word.endsWith(',') ? 1 : 0;
      if (MULTIPLICATION.test(word)) continue;
      if (MODEL_NUMBER.test(word) || TIMES_SUFFIX.test(word)) {
        if (next === '%' || (next !== undefined && UNIT_CHARS.has(next))) add(start, end, 'letters');
        continue;
      }
      add(start, end - trailing, 'letters');
    } else {
      const unit = X_WITH_UNIT.exec(word);
      if (unit && LATIN_UNITS.has(unit[2])) add(start, start + unit[1].length, 'letters');
      const glued = ABBREVIATION_THEN_X.exec(word);
      if (glued && !/[xX]$/.test(glued[1]) && (isBlankNeighbour(next) || (next !== undefined && UNIT_CHARS.has(next)))) add(start + glued[1].length, end, 'letters');
    }
  }
}

function isXOnlyBlank(norm: string, start: number, end: number): boolean {
  const prev = charBefore(norm, start);
  const next = charAt(norm, end);
  const single = end - start === 1;
  if (single && SINGLE_X_WORDS.some((w) => norm.startsWith(w, end))) return false;
  const before = nonSpaceBefore(norm, start);
  const after = nonSpaceAfter(norm, end);
  // 3 x 4, (2) x 5: a lone x between numbers multiplies.
  if (single && (isAsciiDigit(before) || before === ')' || before === '）') && isAsciiDigit(after)) return false;
  // X-ray, ID_XX, C++/X: part of a Latin compound; 1+X证书 (a policy's name) too.
  if (prev !== undefined && JOINERS.has(prev) && latinWordEndsAt(norm, start - 1)) return false;
  if (prev === '+' && isAsciiDigit(charBefore(norm, start - 1))) return false;
  if (next !== undefined && JOINERS.has(next) && latinWordStartsAt(norm, end + 1)) return false;
  // X-2024-001: a file or part number, not a blank (2024-XX-XX stays one).
  if (single && next === '-' && isAsciiDigit(charAt(norm, end + 1)) && !isAsciiDigit(before) && prev !== '-') return false;
  if (prev === '@' || next === '@') return false;
  // iPhone X发布, Model X车型: a product name after a Latin word, unless a unit follows (X亿元).
  if (isInlineSpace(prev) && isAsciiLetter(before) && !(next !== undefined && (UNIT_CHARS.has(next) || isAsciiDigit(next)))) return false;
  if (isBlankNeighbour(prev) || isBlankNeighbour(next)) return true;
  // Windows X, X Window, Super Bowl XX: a Latin sentence.
  if (isAsciiLetter(before) || isAsciiLetter(after)) return false;
  return true;
}

/** A character that, right next to an X run, says "this stands for a number or a name". */
function isBlankNeighbour(ch: string | undefined): boolean {
  return isChinese(ch) || isAsciiDigit(ch) || ch === '%' || ch === '‰' || ch === '℃' || ch === '.';
}

/** Is there a Latin word (with a letter other than x) ending at `end`? */
function latinWordEndsAt(norm: string, end: number): boolean {
  let i = end;
  let other = false;
  while (i > 0 && (isAsciiLetter(norm[i - 1]) || isAsciiDigit(norm[i - 1]))) {
    const c = norm[i - 1];
    if (isAsciiLetter(c) && c !== 'x' && c !== 'X') other = true;
    i--;
  }
  return other;
}

function latinWordStartsAt(norm: string, start: number): boolean {
  let i = start;
  let other = false;
  while (i < norm.length && (isAsciiLetter(norm[i]) || isAsciiDigit(norm[i]))) {
    if (isAsciiLetter(norm[i]) && norm[i] !== 'x' && norm[i] !== 'X') other = true;
    i++;
  }
  return other;
}

function nonSpaceBefore(text: string, offset: number): string | undefined {
  let i = offset;
  while (i > 0 && isInlineSpace(text[i - 1])) i--;
  return charBefore(text, i);
}

function nonSpaceAfter(text: string, offset: number): string | undefined {
  let i = offset;
  while (i < text.length && isInlineSpace(text[i])) i++;
  return charAt(text, i);
}

// ---------------------------------------------------------------------------------------------
// ×: ×× and ×月×日 are blanks; 5×5米, 2×660MW and 长×宽 are multiplication.

const TIMES = /[×✕╳]+|Ⅹ{2,}/g;
const DIMENSIONS = new Set([...'长宽高厚深径']);

function scanTimes(norm: string, add: Add): void {
  TIMES.lastIndex = 0;
  for (let m = TIMES.exec(norm); m; m = TIMES.exec(norm)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 1) {
      const before = nonSpaceBefore(norm, start);
      const after = nonSpaceAfter(norm, end);
      const operand = (ch: string | undefined) => isAsciiDigit(ch) || isAsciiLetter(ch) || (ch !== undefined && '()（）'.includes(ch));
      if (operand(before) || operand(after)) continue;
      if (before !== undefined && after !== undefined && DIMENSIONS.has(before) && DIMENSIONS.has(after)) continue;
    }
    add(start, end, 'times');
  }
}

// ---------------------------------------------------------------------------------------------
// □□ ○○ △△, □月□日 — but not 二○二三年 (zeros) or □是 □否 (check boxes).

const BOXES = /[□○〇◯△]+/g;

function scanBoxes(norm: string, add: Add): void {
  BOXES.lastIndex = 0;
  for (let m = BOXES.exec(norm); m; m = BOXES.exec(norm)) {
    const start = m.index;
    const end = start + m[0].length;
    const prev = charBefore(norm, start);
    const next = charAt(norm, end);
    const round = m[0][0] !== '□' && m[0][0] !== '△';
    if (round && ((prev !== undefined && CHINESE_NUMERALS.has(prev)) || (next !== undefined && CHINESE_NUMERALS.has(next)))) continue;
    if (m[0].length === 1) {
      // □月□日, 共□个, 第□季度 — but a check box before a word (□是 □否 □个人) is no blank.
      const unitNext = next !== undefined && UNIT_CHARS.has(next);
      const numberSlot = (next !== undefined && TIME_CHARS.has(next)) || isAsciiDigit(prev) || prev === '第'
        || (unitNext && (isHan(prev) || isAsciiDigit(prev)));
      if (!numberSlot) continue;
    }
    add(start, end, 'boxes');
  }
}

// ---------------------------------------------------------------------------------------------
// 【待补充】 （待定） [待核实] 【】 and a bare 待补充 standing on its own.

const BRACKETED = /【([^【】\n]{0,30})】|（([^（）\n]{0,24})）|\(([^()\n]{0,24})\)|\[([^[\]\n]{0,12})\]|［([^［］\n]{0,12})］|〔([^〔〕\n]{0,12})〕/g;

function scanPending(norm: string, add: Add): void {
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(norm); m; m = BRACKETED.exec(norm)) {
    const content = m.slice(1).find((g) => g !== undefined) ?? '';
    const emptyAllowed = m[0][0] === '【' || m[0][0] === '（';
    if (PENDING_CONTENT.test(content) || (emptyAllowed && content.trim() === '' && !/\n/.test(content))) add(m.index, m.index + m[0].length, 'pending');
  }
  BARE_PENDING.lastIndex = 0;
  for (let m = BARE_PENDING.exec(norm); m; m = BARE_PENDING.exec(norm)) {
    const prev = charBefore(norm, m.index);
    const next = charAt(norm, m.index + m[0].length);
    if (!isHan(prev) && !isHan(next)) add(m.index, m.index + m[0].length, 'pending');
  }
  scanSimple(norm, ELLIPSIS_POINT, 'pending', add);
}

function scanSimple(norm: string, pattern: RegExp, kind: PlaceholderKind, add: Add): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(norm); m; m = pattern.exec(norm)) add(m.index, m.index + m[0].length, kind);
}

// ---------------------------------------------------------------------------------------------
// Template syntax that reached the output: {{规上工业产值.本期}}, a stray {{ or }}.

const BRACES = /\{\{\{?[^{}\n]{0,100}?\}\}\}?|\{\{+|\}\}+/g;

function scanBraces(norm: string, add: Add): void {
  scanSimple(norm, BRACES, 'braces', add);
}

function scanLeftovers(norm: string, add: Add): void {
  TEMPLATE_LEFTOVERS.lastIndex = 0;
  for (let m = TEMPLATE_LEFTOVERS.exec(norm); m; m = TEMPLATE_LEFTOVERS.exec(norm)) {
    const prev = charBefore(norm, m.index);
    const next = charAt(norm, m.index + m[0].length);
    if (isBlankNeighbour(prev) || isBlankNeighbour(next)) add(m.index, m.index + m[0].length, 'leftover');
  }
}

const QUESTIONS = /\?{2,}|？{2,}/g;

function scanQuestions(norm: string, add: Add): void {
  QUESTIONS.lastIndex = 0;
  for (let m = QUESTIONS.exec(norm); m; m = QUESTIONS.exec(norm)) {
    const prev = charBefore(norm, m.index);
    const next = charAt(norm, m.index + m[0].length);
    if (isAsciiDigit(prev) || isAsciiDigit(next) || next === '%' || (next !== undefined && UNIT_CHARS.has(next))) add(m.index, m.index + m[0].length, 'questions');
  }
}

// ---------------------------------------------------------------------------------------------

const compiled = new Map<string, RegExp>();

/** Compile `pattern` or `/pattern/flags` (always global and Unicode); throws SyntaxError on a bad pattern. */
export function compilePattern(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    const slashed = /^\/(.+)\/([a-z]*)$/s.exec(source);
    const body = slashed ? slashed[1] : source;
    const flags = new Set([...(slashed ? slashed[2] : ''), 'g', 'u']);
    flags.delete('y');
    re = new RegExp(body, [...flags].join(''));
    compiled.set(source, re);
  }
  return re;
}

function compilePatterns(patterns: string[] | undefined): RegExp[] {
  return (patterns ?? []).map(compilePattern);
}

/** Keep the earliest (then longest) of overlapping findings. */
/**
 * One finding per blank: matches that overlap or touch (`一是……（在此填写）`, found as an ellipsis
 * point and a pending instruction) are one blank, spanning both, of the kind of the first.
 */
function mergeOverlaps(found: PlaceholderMatch[], text: string): PlaceholderMatch[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PlaceholderMatch[] = [];
  for (const match of found) {
    const last = out[out.length - 1];
    if (last && match.start <= last.end) {
      if (match.end > last.end) out[out.length - 1] = { ...last, end: match.end, text: text.slice(last.start, match.end) };
      continue;
    }
    out.push(match);
  }
  return out;
}

function dropAllowed(found: PlaceholderMatch[], text: string, allow: string[] | undefined): PlaceholderMatch[] {
  if (!allow?.length || found.length === 0) return found;
  const ranges: Array<[number, number]> = [];
  for (const phrase of allow) {
    if (!phrase) continue;
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) ranges.push([i, i + phrase.length]);
  }
  return found.filter((m) => !ranges.some(([s, e]) => m.start < e && s < m.end));
}
