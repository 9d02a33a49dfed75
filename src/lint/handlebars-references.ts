/**
 * Every indicator a template names, with its position: `{{规上工业产值.本期}}`, the arguments of
 * helpers (`{{pct 增速}}`), conditions (`{{#if 备注}}`) and the lists that blocks walk
 * (`{{#each 项目}}`). missing-indicator and unused-indicator are built on this inventory; the
 * template is parsed, never rendered.
 */
import Handlebars from 'handlebars';
import { HELPERS } from '../template/helper-registry.js';
import { templateNestingProblem } from '../template/render.js';
import { BUILT_IN_HELPERS } from '../template/helpers.js';
import { LineIndex } from './text-position.js';

export interface HandlebarsReference {
  /** Display path of the file the reference is written in. */
  file: string;
  path: string[];
  /** The path as written (`规上工业产值.本期`). */
  original: string;
  line: number;
  column: number;
  /** UTF-16 offsets of the path expression in the file. */
  start: number;
  end: number;
  /** Inside `{{#if …}}` / `{{#unless …}}` arguments: absence is a legitimate answer. */
  conditional: boolean;
  /** Inside an `{{#each}}` / `{{#with}}` body: relative to another object, not checkable here. */
  scoped: boolean;
}

const HELPER_NAMES = new Set([...Object.keys(HELPERS), ...BUILT_IN_HELPERS]);
type AnyNode = hbs.AST.Node & Record<string, unknown>;

/**
 * References in `text` (a section, or one report.yaml value); `offset` and `index` map positions
 * of a value embedded in a bigger file. Returns [] when the template does not parse — the
 * renderer reports syntax errors in its own words.
 */
export function collectReferences(file: string, text: string, index = new LineIndex(text), offset = 0): HandlebarsReference[] {
  if (!text.includes('{{') || templateNestingProblem(text)) return [];
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(text);
  } catch {
    return [];
  }
  const local = new LineIndex(text);
  const out: HandlebarsReference[] = [];
  const offsetOf = (loc: hbs.AST.Position) => offset + local.lineStart(loc.line - 1) + loc.column;
  /** `guards`: paths tested by enclosing {{#if}} blocks — a reference under one may be absent. */
  const record = (node: hbs.AST.Expression, conditional: boolean, scoped: boolean, guards: string[][], at?: hbs.AST.SourceLocation) => {
    if (node.type !== 'PathExpression') {
      if (node.type === 'SubExpression') visitCall(node as unknown as hbs.AST.SubExpression, scoped, guards);
      return;
    }
    const path = node as hbs.AST.PathExpression;
    if (path.data || path.depth > 0 || path.parts.length === 0 || path.original === 'this' || path.original.startsWith('this.')) return;
    // Plain {{a.b}} is reported at its mustache (as the renderer does); helper arguments at themselves.
    const start = offsetOf((at ?? path.loc).start);
    const end = offsetOf((at ?? path.loc).end);
    const guarded = guards.some((g) => g.every((part, i) => path.parts[i] === part));
    out.push({ file, path: [...path.parts], original: path.original, ...index.position(start), start, end, conditional: conditional || guarded, scoped });
  };
  const visitCall = (call: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement, scoped: boolean, guards: string[][]) => {
    const head = call.path as hbs.AST.PathExpression;
    const args = [...call.params, ...(call.hash?.pairs.map((p) => p.value) ?? [])];
    const isHelper = head.type === 'PathExpression' && HELPER_NAMES.has(head.original) && (args.length > 0 || call.type !== 'MustacheStatement');
    if (!isHelper && call.type !== 'BlockStatement' && args.length === 0) record(head, false, scoped, guards, call.loc);
    const conditional = head.original === 'if' || head.original === 'unless';
    for (const arg of args) record(arg, conditional, scoped, guards);
    if (call.type === 'BlockStatement') {
      const block = call as hbs.AST.BlockStatement;
      if (!isHelper) record(head, false, scoped, guards);
      const tested = conditional ? args.filter((a) => a.type === 'PathExpression').map((a) => (a as hbs.AST.PathExpression).parts) : [];
      visitProgram(block.program, scoped || !conditional, [...guards, ...tested]);
      visitProgram(block.inverse, scoped, guards);
    }
  };
  const visitProgram = (program: hbs.AST.Program | undefined, scoped: boolean, guards: string[][]) => {
    for (const statement of program?.body ?? []) {
      const node = statement as unknown as AnyNode;
      if (node.type === 'MustacheStatement' || node.type === 'BlockStatement') visitCall(statement as hbs.AST.MustacheStatement, scoped, guards);
    }
  };
  visitProgram(ast, false, []);
  return out;
}
