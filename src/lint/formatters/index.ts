/**
 * Output formats of `report lint`, each a function from findings to text (ESLint's reporters):
 * they never decide what is a problem, only how it is shown.
 */
import type { Finding, RuleMeta } from '../rule.js';
import { formatStylish } from './stylish.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';

export interface FormatContext {
  rules: RuleMeta[];
  /** Colour the output (stylish only); default: picocolors' detection, which honours NO_COLOR. */
  color?: boolean;
  /** Tool version for SARIF. */
  version?: string;
}

export type Formatter = (findings: Finding[], context: FormatContext) => string;

export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);
