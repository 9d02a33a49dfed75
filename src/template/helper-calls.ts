/**
 * How helper calls run inside a render, and how a call that cannot run is reported: at the call
 * itself (Handlebars hands every helper the location of its call, subexpressions included) and in
 * words, never a JavaScript message. Calls of the wrong shape ({{num}} with nothing to print,
 * {{#with}} without a group, {{#num 3}}…{{/num}}) are refused before rendering.
 */
import type Handlebars from 'handlebars';
import { inputError, InputError } from '../diagnostic.js';
import { FIGURE_KEYS } from '../indicators/figures.js';
import { isPlainObject } from '../indicators/lookup.js';
import { isTypedIndicator } from '../indicators/typed.js';
import { HELPER_BY_NAME, HELPERS } from './helper-registry.js';
import { HelperError, isOptions } from './helpers.js';

type Where = (loc: hbs.AST.Position) => { line: number; column: number };

export interface HelperRunOptions {
  /** Stop at the first helper that cannot use its argument (build); else print the argument as written (lint). */
  strict: boolean;
  /**
   * Text a helper could not read that is nevertheless printed as written, because it is an
   * unfilled blank that the blank check reports at its YAML line (`化解率: XX`).
   */
  tolerate?: (text: string) => boolean;
  /** Without `strict`: told of each call that could not run on text that is no blank (lint reports it). */
  report?: (problem: InputError) => void;
  file: string;
  at: Where;
}

/** Block helpers of Handlebars that take exactly one argument. */
const ONE_ARGUMENT_BLOCKS: Record<string, string> = {
  if: 'the condition to test', unless: 'the condition to test', with: 'the group of indicators to enter', each: 'the list to walk',
};

/** The problem with the shape of a call (arguments missing, a helper used as a block), or undefined. */
export function callShapeProblem(node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression): string | undefined {
  const name = (node.path as hbs.AST.PathExpression).original;
  const block = node.type === 'BlockStatement';
  if (block && ONE_ARGUMENT_BLOCKS[name] !== undefined && node.params.length !== 1) {
    return `{{#${name}}} takes one argument, ${ONE_ARGUMENT_BLOCKS[name]} (got ${node.params.length})`;
  }
  const meta = HELPER_BY_NAME.get(name);
  if (!meta) return undefined;
  if (block) return `${name} is not a block helper: write {{${name} …}} without {{/${name}}}`;
  const required = meta.takes.filter((kind) => !kind.endsWith('?')).length;
  if (node.params.length < required) {
    return `${name} needs ${required === 1 ? 'an argument' : `${required} arguments`} (${meta.takes.filter((k) => !k.endsWith('?')).join(', ')}), got ${node.params.length || 'none'}`;
  }
  return undefined;
}

/**
 * Register our helpers on `env` for one render. Handlebars' own block helpers need no wrapping:
 * the only errors they raise (a wrong number of arguments) are refused before rendering.
 */
export function registerHelpers(env: typeof Handlebars, options: HelperRunOptions): void {
  const where = (args: unknown[]) => {
    const last = args[args.length - 1] as { loc?: hbs.AST.SourceLocation } | undefined;
    return isOptions(last) && last.loc ? options.at(last.loc.start) : undefined;
  };
  for (const [name, helper] of Object.entries(HELPERS)) {
    env.registerHelper(name, (...args: unknown[]) => {
      try {
        return helper(...args);
      } catch (error) {
        if (error instanceof InputError) throw error;
        const failed = args.find((a) => a instanceof Unreadable);
        if (failed) return failed; // an inner call failed first and was reported
        const text = unreadableText(args.slice(0, -1));
        if (error instanceof HelperError) {
          // A blank prints as written, for the blank check to report; anything else stops the
          // build, and lint reports it and renders on. Missing values are missing-indicator's.
          if (text !== undefined && options.tolerate?.(text)) return text;
          const problem = inputError(options.file, error.message, where(args), 'helper');
          if (options.strict) throw problem;
          if (!text) return '';
          options.report?.(problem);
          return new Unreadable(text);
        }
        throw inputError(options.file, `{{${name}}} could not run (${(error as Error).message.split('\n')[0]})`, where(args), 'template');
      }
    });
  }
}

/** What a call that could not run prints in lint (its input as written), so an outer call does not report it again. */
class Unreadable extends String {}

/** What a helper was given instead of a number it can use: a string, or a figure's value as written. */
function unreadableText(args: unknown[]): string | undefined {
  for (const arg of args) {
    if (typeof arg === 'string') return arg;
    if (!isPlainObject(arg) || isOptions(arg)) continue;
    const key = isTypedIndicator(arg) ? 'value' : FIGURE_KEYS.current.find((k) => Object.prototype.hasOwnProperty.call(arg, k));
    if (key !== undefined && arg[key] !== undefined && arg[key] !== null) return String(arg[key]);
  }
  return undefined;
}
