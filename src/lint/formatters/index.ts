/**
 * Output formats of `report lint`, each a function from findings to text (ESLint's reporters):
 * they never decide what is a problem, only how it is shown.
 */
import type { Diagnostic } from '../../diagnostic.js';
import type { Finding, RuleMeta } from '../rule.js';
import { formatStylish } from './stylish.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';
import { formatCompact } from './compact.js';

export interface FormatContext {
  rules: RuleMeta[];
  /** Colour the output (stylish only): --color/--no-color; default colorWanted's reading of the environment. */
  color?: boolean;
  /** Tool version for SARIF. */
  version?: string;
  /** The documentation page whose anchors SARIF rules point at for help (default: the package page). */
  helpUri?: string;
  /** The input errors that stopped the run (exit 2): SARIF reports them as notifications. */
  failure?: Diagnostic[];
}

export type Formatter = (findings: Finding[], context: FormatContext) => string;

export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  compact: formatCompact,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);
