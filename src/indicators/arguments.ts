/**
 * What a template helper is given, read one way for every helper: a number, a typed indicator
 * (`{value, unit, previous, target}`) or a free-form group (`{本期, 上年同期, 全年目标}`, by the
 * key names of FIGURE_KEYS) — and, for the checks before rendering, what kind of figure a
 * reference names: an amount (a unit other than %), a rate, a growth rate or a bare number.
 */
import { FIGURE_KEYS, figureOfNode, isRateName, type Figure } from './figures.js';
import { ABSENT, isPlainObject, lookup } from './lookup.js';
import { dataNumber, growthRate, HelperError, toNumber } from './numbers.js';
import { isTypedIndicator } from './typed.js';

export interface FigureArgument {
  value: number;
  previous?: number;
  target?: number;
  unit?: string;
  /** A typed indicator or a group, not a bare number. */
  isFigure: boolean;
}

/** A helper's argument as a figure; a HelperError that says what is wrong with it otherwise. */
export function figureArgument(helper: string, value: unknown): FigureArgument {
  if (!isPlainObject(value)) return { value: toNumber(helper, value), isFigure: false };
  if (isTypedIndicator(value)) {
    const unit = typeof value.unit === 'string' && value.unit !== '' ? value.unit : undefined;
    const field = (name: 'previous' | 'target') => (value[name] === undefined || value[name] === null ? undefined : toNumber(`${helper} (${name})`, value[name]));
    return { value: toNumber(helper, value.value), previous: field('previous'), target: field('target'), unit, isFigure: true };
  }
  const figure = figureOfNode(['?'], value);
  if (figure) return { value: figure.value, previous: figure.previous, target: figure.target, isFigure: true };
  const currents = FIGURE_KEYS.current.filter((key) => Object.prototype.hasOwnProperty.call(value, key));
  if (currents.length === 1) toNumber(helper, value[currents[0]]); // an unfilled 本期: XX says so
  throw new HelperError(currents.length > 1
    ? `${helper}: the group has ${currents.join(' and ')}; name the one to use (e.g. ${currents[0]})`
    : `${helper}: expected a number, got a group of indicators without a current value (${FIGURE_KEYS.current.slice(0, 4).join(', ')} …)`);
}

/** The `previous` or `target` a helper needs, or a HelperError naming what the data lacks. */
export function requireField(helper: string, figure: FigureArgument, name: 'previous' | 'target'): number {
  const value = figure[name];
  if (value !== undefined) return value;
  const groupKeys = name === 'previous' ? FIGURE_KEYS.previous : FIGURE_KEYS.target;
  if (!figure.isFigure) throw new HelperError(`${helper}: expects an indicator with \`value\` and \`${name}\` (or ${groupKeys[0]}), got a bare number`);
  throw new HelperError(`${helper}: the indicator has no \`${name}\` (or ${groupKeys[0]})`);
}

/** Growth in percent of a typed indicator or a group over its previous value. */
export function growthPercent(helper: string, value: unknown): number {
  const figure = figureArgument(helper, value);
  const previous = requireField(helper, figure, 'previous');
  if (previous === 0) throw new HelperError(`${helper}: previous value is 0, a growth rate cannot be computed`);
  return growthRate(figure.value, previous);
}

/**
 * What a reference names, as far as the data says:
 *   amount  a typed figure with a unit other than %, a free-form group not named as a rate,
 *           or one of their values (本期, previous …);
 *   rate    a percentage: unit %, or a name ending in 率, 占比, 比重 …;
 *   growth  a growth rate the data states (增速, 同比 …);
 *   number  a bare number the data says nothing more about;
 *   other   text, dates, lists.
 * `whole` is the typed indicator or group the reference names, or whose value it names
 * (`工业总产值.本期`): the figure with its previous value and target.
 */
export interface NamedFigure {
  kind: 'amount' | 'rate' | 'growth' | 'number' | 'other';
  name: string;
  unit?: string;
  whole?: Figure;
}

export function namedFigure(indicators: Record<string, unknown>, path: string[]): NamedFigure | undefined {
  const node = lookup(indicators, path);
  if (node === ABSENT || path.length === 0) return undefined;
  const name = path[path.length - 1];
  const own = figureOfNode(path, node);
  if (own) return { kind: figureKind(own), name, unit: own.unit, whole: own };
  const parent = path.length > 1 ? lookup(indicators, path.slice(0, -1)) : undefined;
  const parentFigure = isPlainObject(parent) ? figureOfNode(path.slice(0, -1), parent) : undefined;
  if (parentFigure && dataNumber(node) !== undefined) {
    const whole = parentFigure;
    if ((FIGURE_KEYS.growth as readonly string[]).includes(name)) return { kind: 'growth', name, whole };
    if ((FIGURE_KEYS.completion as readonly string[]).includes(name)) return { kind: 'rate', name, whole };
    const values = ['value', 'previous', 'target', ...FIGURE_KEYS.current, ...FIGURE_KEYS.previous, ...FIGURE_KEYS.target];
    if (values.includes(name)) return { kind: figureKind(whole), name: whole.name, unit: whole.unit, whole };
  }
  if (dataNumber(node) === undefined) return { kind: 'other', name };
  if ((FIGURE_KEYS.growth as readonly string[]).includes(name)) return { kind: 'growth', name };
  return { kind: isRateName(name) ? 'rate' : 'number', name };
}

function figureKind(figure: Figure): NamedFigure['kind'] {
  if (figure.isRate) return 'rate';
  return figure.kind === 'typed' && !figure.unit ? 'number' : 'amount';
}
