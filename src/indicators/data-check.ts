/**
 * Figures the data cannot hold as written, found in the YAML before anything prints them:
 *   - `{value: 18,650, unit: 万元}` — YAML reads a number 18 and a key `650`: a thousands separator;
 *   - a typed indicator with a key it does not have (`valeu`, `备注`): it would be ignored silently
 *     (a mapping that is an item of a list is {{#each}} data, not a typed indicator);
 *   - numbers that cannot be printed as written: `1e309` (infinite), more digits than a double
 *     holds (`123456789012345678901234567890` became 1.2345678901234568e+29). A number that
 *     prints as written (`1e+21`) passes; a helper that would print it in other digits
 *     ({{num x 2}} of 10^21 and more) refuses it at the call.
 * Figures are refused, never rounded: a report must print what the office wrote.
 */
import { isPair, isScalar, isSeq, visit, type Document, type Pair } from 'yaml';
import { didYouMean } from '../text/did-you-mean.js';
import { FIGURE_KEYS } from './figures.js';

/** The keys a typed indicator has: its own, and the rates the data may state about it. */
export const TYPED_KEYS = ['value', 'unit', 'previous', 'target', 'decimals', ...FIGURE_KEYS.growth, ...FIGURE_KEYS.completion];

export interface DataProblem {
  /** UTF-16 offset in the YAML text. */
  offset: number;
  message: string;
}

export function indicatorDataProblems(document: Document.Parsed, text: string): DataProblem[] {
  const problems: DataProblem[] = [];
  visit(document, {
    Map: (_, map, path) => {
      // A typed indicator sits where an indicator does: a mapping's value or the document. An item
      // of a list is {{#each}} data (`项目: [{name: 甲项目, value: 3}]`), whose keys are its own.
      const inList = isSeq(path[path.length - 1]);
      const typed = !inList && map.items.some((pair) => keyOf(pair) === 'value');
      map.items.forEach((pair, i) => {
        const key = keyOf(pair);
        const keyNode = pair.key;
        if (!isScalar(keyNode) || !keyNode.range) return;
        const before = i > 0 ? map.items[i - 1].value : undefined;
        if (/^\d{3}$/.test(key) && typeof keyNode.value === 'number' && pair.value === null && isScalar(before) && typeof before.value === 'number' && before.range) {
          const written = text.slice(before.range[0], before.range[1]);
          problems.push({ offset: keyNode.range[0], message: `"${written},${key}" is read as the number ${written} and a key "${key}": thousands separator? write ${written}${key}` });
        } else if (typed && !TYPED_KEYS.includes(key)) {
          const guess = didYouMean(key, TYPED_KEYS);
          problems.push({ offset: keyNode.range[0], message: `unknown key "${key}" in a typed indicator${guess ? `; did you mean "${guess}"?` : ` (its keys: ${TYPED_KEYS.slice(0, 5).join(', ')}, and stated rates such as 增速, 完成率)`}` });
        }
      });
    },
    Scalar: (key, node) => {
      if (key === 'key' || typeof node.value !== 'number' || !node.range) return;
      const message = unprintableNumber(text.slice(node.range[0], node.range[1]), node.value);
      if (message) problems.push({ offset: node.range[0], message });
    },
  });
  return problems.sort((a, b) => a.offset - b.offset);
}

/** Why a number written as `written` (read as `value`) cannot be printed as written, or undefined. */
export function unprintableNumber(written: string, value: number): string | undefined {
  if (!Number.isFinite(value)) return `${written} is too large to be a figure (it reads as infinity)`;
  const asWritten = decimalDigits(written);
  if (asWritten && asWritten !== decimalDigits(String(value))) {
    return `${written} has more digits than a figure can hold (it would print as ${String(value)}); quote it if it is a code, not a figure`;
  }
  return undefined;
}

/** A decimal numeral as significant digits and exponent (`0.0120` → `12e-3`), or undefined for 0x1F and the like. */
function decimalDigits(text: string): string | undefined {
  const m = /^[-+]?(\d*)\.?(\d*)(?:e([-+]?\d+))?$/i.exec(text.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let digits = `${m[1]}${m[2]}`.replace(/^0+/, '');
  let exponent = Number(m[3] ?? 0) - m[2].length;
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return digits === '' ? '0' : `${digits}e${exponent}`;
}

function keyOf(pair: Pair<unknown, unknown>): string {
  return isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}
