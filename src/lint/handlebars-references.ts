/**
 * Every indicator a template names, with its position: `{{规上工业产值.本期}}`, the arguments of
 * helpers (`{{pct 增速}}`), conditions (`{{#if 备注}}`) and the lists that blocks walk
 * (`{{#each 项目}}`). missing-indicator and unused-indicator are built on this inventory; the
 * template is parsed, never rendered.
 */
import Handlebars from 'handlebars';
import { templateNestingProblem } from '../template/render.js';
import { walkTemplate, type CallSite } from '../template/walk.js';
import { LineIndex } from '../text/position.js';

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
  /** An argument of a helper call: the helper, its position (0-based) and how many positional arguments the call has. */
  helper?: { name: string; index: number; parameters: number };
}

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
  const offsetOf = (loc: hbs.AST.Position) => offset + local.offsetOfParserLocation(loc.line, loc.column);
  const record = (node: hbs.AST.Expression, site: CallSite, conditional: boolean, at?: hbs.AST.SourceLocation, helper?: HandlebarsReference['helper']) => {
    if (node.type !== 'PathExpression') return;
    const path = node as hbs.AST.PathExpression;
    if (path.data || path.depth > 0 || path.parts.length === 0 || path.original === 'this' || path.original.startsWith('this.')) return;
    // Plain {{a.b}} is reported at its mustache (as the renderer does); helper arguments at themselves.
    const start = offsetOf((at ?? path.loc).start);
    const end = offsetOf((at ?? path.loc).end);
    const guarded = site.guards.some((g) => g.every((part, i) => path.parts[i] === part));
    out.push({ file, path: [...path.parts], original: path.original, ...index.position(start), start, end, conditional: conditional || guarded, scoped: site.scoped, ...(helper ? { helper } : {}) });
  };
  const callsHelper = (site: CallSite) => site.namesHelper && site.isCall;
  walkTemplate(ast, {
    call: (site) => {
      if (!callsHelper(site) && site.node.type !== 'BlockStatement' && site.args.length === 0) record(site.head, site, false, site.node.loc);
    },
    argument: (path, site) => {
      const at = site.node.params.indexOf(path);
      const helper = site.namesHelper && at >= 0 ? { name: site.head.original, index: at, parameters: site.node.params.length } : undefined;
      record(path, site, site.conditional, undefined, helper);
    },
    body: (site) => {
      if (!callsHelper(site)) record(site.head, site, false);
    },
  });
  return out;
}
