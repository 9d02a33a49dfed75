/**
 * Before anything prints: is each figure a helper is given of the kind the helper takes
 * (`takes` in helper-registry.ts)? Unchecked, {{pct 财政收入}} with unit 万元 printed 612.0%,
 * {{pp 财政收入}} 提高42.0个百分点 and {{change 固定资产投资}} on a bare number a change the data
 * never stated. The renderer refuses these at the reference (exit 2); lint reports them
 * (rule helper-argument). Only what the data says is judged: a number written in the template,
 * or a bare number whose name says nothing, is taken at its word where the helper allows it.
 */
import { namedFigure, type NamedFigure } from '../indicators/arguments.js';
import { FIGURE_KEYS } from '../indicators/figures.js';
import { HELPER_BY_NAME, type ArgumentKind } from './helper-registry.js';

/**
 * The problem with `path` as argument `index` (0-based, among `parameters` positional ones) of
 * `helper`, in words, or undefined when it fits (or is missing: that is reported elsewhere).
 */
export function argumentProblem(indicators: Record<string, unknown>, helper: string, index: number, parameters: number, path: string[]): string | undefined {
  const meta = HELPER_BY_NAME.get(helper);
  let kind: ArgumentKind | undefined = meta?.takes[index];
  if (!meta || !kind) return undefined;
  if (index === 0 && parameters === 1 && meta.alone) kind = meta.alone;
  const named = namedFigure(indicators, path);
  if (!named || named.kind === 'other') return undefined;
  const ref = path.join('.');
  const whole = named.whole;
  const notRate = named.unit ? `in ${named.unit}, not %` : 'not a rate (no unit %, and its name does not end in 率)';
  const noPrevious = `${helper} needs the value a year earlier of ${ref}, and the data has none (add \`previous\`, or ${FIGURE_KEYS.previous[0]} in a group)`;
  const ofWhole = whole && whole.path.join('.') !== ref ? whole.path.join('.') : undefined;
  switch (kind) {
    case 'rate':
    case 'rate?':
      if (named.kind !== 'amount') return undefined;
      return helper === 'pp'
        ? `pp takes rates (it prints their difference in 百分点), but ${ref} is ${notRate}; for an amount use {{change ${ofWhole ?? ref}}}`
        : `${helper} takes a rate (a percentage), but ${ref} is ${notRate}; print the figure with {{${ref}}} or {{num ${ref}}}`;
    case 'rate-with-previous':
      if (named.kind === 'amount') return `pp prints the change of a rate in 百分点, but ${ref} is ${notRate}; for an amount use {{change ${ref}}}`;
      if (!whole) return `pp of one figure needs its previous value, but ${ref} is a bare number; write {{pp ${ref} other}} with two rates, or give it a previous value`;
      return whole.previous === undefined ? noPrevious : undefined;
    case 'change':
      return changeProblem(named, ref, noPrevious);
    case 'with-previous':
      if (!whole) return `growth needs a figure with its previous value, but ${ref} is a bare number`;
      if (whole.isRate) return `${ref} is a rate: its change is in 百分点; use {{pp ${ref}}}`;
      if (ofWhole) return `growth needs the whole figure, not one of its values: use {{growth ${ofWhole}}}`;
      return whole.previous === undefined ? noPrevious : undefined;
    case 'with-target':
      if (!whole) return `${helper} needs a figure with its target, but ${ref} is a bare number`;
      if (ofWhole) return `${helper} needs the whole figure, not one of its values: use {{${helper} ${ofWhole}}}`;
      return whole.target === undefined ? `${helper} needs the target of ${ref}, and the data has none (add \`target\`, or ${FIGURE_KEYS.target[0]} in a group)` : undefined;
    default:
      return undefined;
  }
}

/** {{change x}}: x is a growth rate, or a figure (not a rate) with its previous value. */
function changeProblem(named: NamedFigure, ref: string, noPrevious: string): string | undefined {
  const whole = named.whole;
  if (named.kind === 'growth') return undefined;
  if (whole && whole.path.join('.') !== ref) {
    return `change of ${ref} would print one of the figure's values as a change; use {{change ${whole.path.join('.')}}} (it computes the growth from the previous value)`;
  }
  if (named.kind === 'rate') {
    // A typed rate without previous (增速: {value: 8.2, unit: "%"}) is itself the change.
    if (whole?.kind === 'typed' && whole.previous === undefined) return undefined;
    return whole ? `${ref} is a rate: its change is in 百分点; use {{pp ${ref}}}`
      : `change takes a growth rate, but ${ref} is a rate level; use {{pp …}} for its change, or name the growth rate (增速)`;
  }
  if (!whole) return `change takes a growth rate or a figure with its previous value, but ${ref} is a bare number; give it a previous value ({value: …, previous: …}) or name the growth rate (增速)`;
  return whole.previous === undefined ? noPrevious : undefined;
}
