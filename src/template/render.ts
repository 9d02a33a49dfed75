/**
 * Handlebars rendering of section files (and of the title, signature and output name). Strict:
 * a reference to an indicator that does not exist is an error at the mustache's file:line:col,
 * never an empty string. No HTML escaping, no prototype access. The renderer also records where
 * each substitution landed in the output, so lint and --draft can point a blank that came from
 * data back at the mustache (and from there at the YAML line).
 */
import Handlebars from 'handlebars';
import { inputError, InputError } from '../diagnostic.js';
import { unprintableNumber } from '../indicators/data-check.js';
import { formatTypedIndicator, isTypedIndicator } from '../indicators/typed.js';
import type { SourceFile } from '../project/source-file.js';
import { didYouMean } from '../text/did-you-mean.js';
import { lineIndexOf, positionAt } from '../text/position.js';
import { argumentProblem } from './argument-kinds.js';
import { callShapeProblem, registerHelpers } from './helper-calls.js';
import { HELPERS } from './helper-registry.js';
import { walkTemplate } from './walk.js';

type Ast = hbs.AST.Program;

export interface Substitution {
  /** UTF-16 offsets of the substituted text in the rendered output. */
  start: number;
  end: number;
  /** Indicator path when the mustache was a plain reference (`{{a.b}}` → ['a', 'b']). */
  path?: string[];
  /** Position of the mustache in the source file (1-based, code points). */
  line: number;
  column: number;
  /** UTF-16 offsets of the mustache in the source text. */
  sourceStart: number;
  sourceEnd: number;
  /** `{{{…}}}` (or `{{& …}}`): the output is Markdown on purpose; `{{…}}` output is text, printed as it is. */
  raw?: true;
}

export interface RenderedText {
  source: SourceFile;
  text: string;
  substitutions: Substitution[];
}

export interface RenderOptions {
  /** Missing indicators are errors (build); lint renders leniently and reports them itself. */
  strict?: boolean;
  /** Unreadable text a helper prints as written, because the caller reports it as a blank. */
  tolerate?: (text: string) => boolean;
  /** Without `strict`: told of each helper call that could not run (the render goes on). */
  report?: (problem: InputError) => void;
}

// Unicode noncharacters, reserved for a program's internal use: private-use characters
// (U+E000…, 造字 in GB18030 data) are real text and must pass through untouched. The whole block
// U+FDD0–U+FDEF is dropped from templates and data: the markers use three, the Markdown reader
// the rest (stand-ins for literal * _ < & …).
const SITE_OPEN = '\uFDD0';
const SITE_MID = '\uFDD1';
const SITE_CLOSE = '\uFDD2';
const SITE_HELPER = '__report_site';
const SITE_CHARS = /[\uFDD0-\uFDEF]/g;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
  // Handlebars' internal fallbacks: called by name they fail inside with a JavaScript message.
  'helperMissing', 'blockHelperMissing']);

interface Site { path?: string[]; sourceStart: number; sourceEnd: number; raw?: true }

export function renderTemplate(source: SourceFile, context: Record<string, unknown>, options: RenderOptions = {}): RenderedText {
  const strict = options.strict ?? true;
  const file = source.displayPath;
  const text = source.text.replace(SITE_CHARS, '');
  const lines = lineIndexOf(text);
  const offsetOf = (loc: hbs.AST.Position) => lines.offsetOfParserLocation(loc.line, loc.column);
  const at = (loc: hbs.AST.Position) => positionAt(text, offsetOf(loc));

  const tooDeep = templateNestingProblem(text);
  if (tooDeep) throw inputError(file, tooDeep.message, positionAt(text, tooDeep.offset), 'too-deep');
  let ast: Ast;
  try {
    ast = Handlebars.parse(text);
  } catch (error) {
    throw syntaxError(file, text, error as Error);
  }
  const safeContext = nullPrototypeCopy(context) as Record<string, unknown>;
  checkReferences(ast, safeContext, { file, at, strict, written: (loc) => text.slice(offsetOf(loc.start), offsetOf(loc.end)) });

  const sites: Site[] = [];
  let currentSite = -1;
  instrument(ast, sites, offsetOf);
  const env = Handlebars.create();
  registerHelpers(env, { strict, tolerate: options.tolerate, report: options.report, file, at });
  guardLoops(env, file, at);
  // {{log}} would print on stdout, into the JSON summary of `report build --json`.
  env.registerHelper('log', () => '');
  env.registerHelper(SITE_HELPER, (id: number) => {
    currentSite = id;
    return `${SITE_OPEN}${id}${SITE_MID}`;
  });

  let raw: string;
  try {
    raw = env.compile(ast as unknown as string, { strict, noEscape: true, knownHelpersOnly: false })(safeContext, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (error) {
    const site = sites[currentSite];
    const e = error as Error & { lineNumber?: number; column?: number };
    if (e.lineNumber !== undefined && /not defined in/.test(e.message)) {
      const where = at({ line: e.lineNumber, column: e.column ?? 0 });
      const name = /^"([^"]*)"/.exec(e.message)?.[1] ?? '?';
      throw inputError(file, `missing indicator "${name}" (no such key in the indicators)`, where, 'missing-indicator');
    }
    const inOperator = /Cannot use 'in' operator to search for '([^']*)'/.exec(e.message);
    if (inOperator) throw inputError(file, `missing indicator "${inOperator[1]}" (the value here is not a group of indicators)`, site ? positionAt(text, site.sourceStart) : undefined, 'missing-indicator');
    if (error instanceof InputError) throw error;
    const emptyStep = /Cannot read properties of (?:null|undefined) \(reading '([^']*)'\)/.exec(e.message);
    const path = emptyStep ? pathReading(ast, emptyStep[1]) : undefined;
    if (path) throw inputError(file, `"${path.original}" cannot be read: ${path.parts.slice(0, path.parts.indexOf(emptyStep![1])).join('.')} has no value`, at(path.loc.start), 'missing-indicator');
    throw inputError(file, `template error: ${e.message.split('\n')[0]}`, site ? positionAt(text, site.sourceStart) : undefined, 'template');
  }
  return extractSites(raw, sites, text, source);
}

/** Deeper {{#block}} or (subexpression) nesting than this is refused before Handlebars parses it. */
export const MAX_TEMPLATE_NESTING = 50;

/**
 * Handlebars parses and compiles nested blocks and subexpressions recursively and slowly (5 000
 * nested {{#if}} took 27 s; 3 000 nested (num …) overflowed the stack): find nesting past the
 * limit with a plain scan first. Returns the offset of the mustache that goes too deep.
 */
export function templateNestingProblem(text: string): { offset: number; message: string } | undefined {
  let blocks = 0;
  for (const match of text.matchAll(/\{\{~?\s*([#^/]?)([^}]*)/g)) {
    const inverse = match[1] === '^' && !match[2].replace('~', '').trim(); // {{^}} is {{else}}
    if (match[1] === '#' || (match[1] === '^' && !inverse)) blocks++;
    else if (match[1] === '/') blocks = Math.max(0, blocks - 1);
    if (blocks > MAX_TEMPLATE_NESTING) return { offset: match.index, message: `template blocks ({{#if}}, {{#each}} …) are nested more than ${MAX_TEMPLATE_NESTING} levels deep` };
    let parens = 0;
    for (const ch of match[2]) {
      if (ch === '(') parens++;
      else if (ch === ')') parens--;
      if (parens > MAX_TEMPLATE_NESTING) return { offset: match.index, message: `helper calls are nested more than ${MAX_TEMPLATE_NESTING} levels deep inside one {{…}}` };
    }
  }
  return undefined;
}

/** Most {{#each}} iterations one render may run (all loops together, nested ones included). */
export const MAX_LOOP_ITERATIONS = 100_000;
/** Most characters {{#each}} bodies may produce in one render (nested loops count at every level). */
export const MAX_LOOP_OUTPUT = 4_000_000;

/**
 * Nested loops over indicator lists multiply (3 000 × 3 000 rows from a 20 KB data file ran the
 * build out of memory): count iterations and output and stop with an error at the loop instead.
 */
function guardLoops(env: typeof Handlebars, file: string, at: (loc: hbs.AST.Position) => { line: number; column: number }): void {
  const builtInEach = env.helpers.each;
  let iterations = 0;
  let produced = 0;
  env.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions & { loc?: hbs.AST.SourceLocation }) {
    if (!options?.fn) return builtInEach.call(this, context, options);
    const where = options.loc ? at(options.loc.start) : undefined;
    const body = options.fn;
    const counted = ((value: unknown, frame: unknown) => {
      if (++iterations > MAX_LOOP_ITERATIONS) throw inputError(file, `{{#each}} loops run more than ${MAX_LOOP_ITERATIONS} times in this file; the template would make the report too large`, where, 'too-large');
      const out = body(value, frame as Handlebars.RuntimeOptions);
      produced += out.length;
      if (produced > MAX_LOOP_OUTPUT) throw inputError(file, `{{#each}} loops produce more than ${MAX_LOOP_OUTPUT / 1_000_000} million characters in this file; the template would make the report too large`, where, 'too-large');
      return out;
    }) as Handlebars.TemplateDelegate;
    return builtInEach.call(this, context, { ...options, fn: counted });
  });
}

/** Render a one-line template from report.yaml (title, signature, output name). */
export function renderInline(template: string, context: Record<string, unknown>, file: string, position?: { line: number; column: number }): string {
  if (!template.includes('{{')) return template;
  try {
    return renderTemplate({ path: file, displayPath: file, text: template }, context).text;
  } catch (error) {
    if (error instanceof InputError && position) {
      const [d] = error.diagnostics;
      throw inputError(file, d.message, position, d.rule);
    }
    throw error;
  }
}

/** Handlebars' grammar token names, as an author would call them. */
const TOKEN_NAMES: Record<string, string> = {
  CLOSE: '"}}"', CLOSE_UNESCAPED: '"}}}"', OPEN: '"{{"', OPEN_BLOCK: '"{{#"', OPEN_ENDBLOCK: '"{{/"', OPEN_INVERSE: '"{{^"',
  OPEN_SEXPR: '"("', CLOSE_SEXPR: '")"', INVALID: 'character', EQUALS: '"="', ID: 'name', STRING: 'quoted text', NUMBER: 'number',
  CLOSE_RAW_BLOCK: '"}}}}"', OPEN_PARTIAL: '"{{>"', SEP: '"." or "/"', DATA: '"@"', INVERSE: '"else"', OPEN_BLOCK_PARAMS: '"as |"', CLOSE_BLOCK_PARAMS: '"|"',
};

function syntaxError(file: string, text: string, error: Error): InputError {
  const message = error.message;
  // Handlebars' lexer stops at a NUL and its message then only has a caret line ("----^").
  if (/^Lexical error/.test(message) && text.includes('\0')) {
    return inputError(file, 'template syntax error: the text holds a NUL character (U+0000); remove it', positionAt(text, text.indexOf('\0')), 'template-syntax');
  }
  const expecting = /got '([^']+)'/.exec(message)?.[1];
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  const summary = mismatch ? `{{/${mismatch[2]}}} closes {{#${mismatch[1]}}}`
    : expecting === 'EOF' ? 'unexpected end of file (is a {{/block}} or }} missing?)'
    : expecting ? `unexpected ${TOKEN_NAMES[expecting] ?? expecting}` : 'text the template language cannot read';
  // The caret in the message counts from at most 20 characters back; the lexer knows the real place.
  const where = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer?.yylloc;
  const lines = text.split('\n');
  const line = where?.first_line ?? Number(/line (\d+)/.exec(message)?.[1] ?? 0);
  const lineText = lines[line - 1];
  const position = lineText !== undefined ? { line, column: [...lineText.slice(0, where?.first_column ?? 0)].length + 1 } : undefined;
  return inputError(file, `template syntax error: ${summary}`, position, 'template-syntax');
}

interface CheckContext {
  file: string;
  at: (loc: hbs.AST.Position) => { line: number; column: number };
  strict: boolean;
  /** The template text at a location, as written. */
  written: (loc: hbs.AST.SourceLocation) => string;
}

/**
 * Checks Handlebars itself leaves out: unknown helpers, and (strict) helper arguments that name
 * missing indicators — Handlebars' strict mode only checks plain {{references}}. Block bodies run
 * conditionally or in another scope: Handlebars checks them as they run.
 */
function checkReferences(ast: Ast, context: Record<string, unknown>, check: CheckContext): void {
  const refuseForbidden = (path: hbs.AST.PathExpression) => {
    const bad = path.parts.find((part) => FORBIDDEN.has(part));
    if (bad) throw inputError(check.file, `"${path.original}" is not allowed: templates cannot reach "${bad}"`, check.at(path.loc.start), 'prototype-access');
  };
  walkTemplate(ast, {
    call: ({ node, head, args, isCall, namesHelper, topLevel }) => {
      // {{num 123456789012345678}}: Handlebars reads the literal as a double and would print other digits.
      for (const arg of args) {
        if (arg.type !== 'NumberLiteral') continue;
        const problem = unprintableNumber(check.written(arg.loc), (arg as hbs.AST.NumberLiteral).value);
        if (problem) throw inputError(check.file, problem, check.at(arg.loc.start), 'helper');
      }
      if (head.type !== 'PathExpression') return;
      refuseForbidden(head);
      const shape = callShapeProblem(node);
      if (shape) throw inputError(check.file, shape, check.at(node.loc.start), 'template');
      if (check.strict && topLevel && !isCall && !namesHelper) {
        const value = requireIndicator(head, context, check, node.loc.start);
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !isTypedIndicator(value)) {
          const keys = Object.keys(value).slice(0, 6).join(', ');
          throw inputError(check.file, `"${head.original}" is a group of indicators, not a value; name one of its keys (${keys})`, check.at(head.loc.start), 'not-a-value');
        }
      }
      if (isCall && !namesHelper) {
        const guess = didYouMean(head.original, Object.keys(HELPERS));
        throw inputError(check.file, `unknown helper "${head.original}"${guess ? `; did you mean "${guess}"?` : ` (helpers: ${Object.keys(HELPERS).join(', ')})`}`, check.at(node.loc.start), 'unknown-helper');
      }
      // Handlebars' own lookup does not check its arguments and fails inside with a JavaScript message.
      if (head.original === 'lookup' && node.params.length !== 2) {
        throw inputError(check.file, `lookup takes two arguments, a group of indicators and a key (got ${node.params.length})`, check.at(node.loc.start), 'template');
      }
    },
    argument: (path, site) => {
      refuseForbidden(path);
      if (!check.strict || !site.topLevel || site.conditional) return;
      requireIndicator(path, context, check);
      const index = site.node.params.indexOf(path);
      const problem = site.namesHelper && index >= 0 ? argumentProblem(context, site.head.original, index, site.node.params.length, path.parts) : undefined;
      if (problem) throw inputError(check.file, problem, check.at(path.loc.start), 'helper-argument');
    },
  });
}

function requireIndicator(path: hbs.AST.PathExpression, context: Record<string, unknown>, check: CheckContext, reportAt = path.loc.start): unknown {
  if (path.data || isThis(path) || path.parts.length === 0 || path.depth > 0) return undefined;
  let node: unknown = context;
  for (const part of path.parts) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) {
      const keys = node && typeof node === 'object' ? Object.keys(node) : [];
      const guess = didYouMean(part, keys);
      throw inputError(check.file, `missing indicator "${path.original}" (no such key in the indicators)${guess ? `; did you mean "${guess}"?` : ''}`, check.at(reportAt), 'missing-indicator');
    }
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Wrap every mustache in site markers so its output can be located after rendering. */
function instrument(program: Ast | undefined, sites: Site[], offsetOf: (loc: hbs.AST.Position) => number): void {
  if (!program) return;
  const body: hbs.AST.Statement[] = [];
  for (const statement of program.body) {
    if (statement.type === 'MustacheStatement') {
      const mustache = statement as hbs.AST.MustacheStatement;
      const head = mustache.path as hbs.AST.PathExpression;
      const plain = mustache.params.length === 0 && head.type === 'PathExpression' && !head.data && !isThis(head) && head.depth === 0;
      const id = sites.length;
      sites.push({ path: plain ? head.parts : undefined, sourceStart: offsetOf(mustache.loc.start), sourceEnd: offsetOf(mustache.loc.end), ...(mustache.escaped ? {} : { raw: true as const }) });
      body.push(siteCall(id, mustache.loc), mustache, content(SITE_CLOSE, mustache.loc));
    } else {
      if (statement.type === 'BlockStatement') {
        const block = statement as hbs.AST.BlockStatement;
        instrument(block.program, sites, offsetOf);
        instrument(block.inverse, sites, offsetOf);
      }
      body.push(statement);
    }
  }
  program.body = body;
}

function siteCall(id: number, loc: hbs.AST.SourceLocation): hbs.AST.MustacheStatement {
  const path = { type: 'PathExpression', data: false, depth: 0, parts: [SITE_HELPER], original: SITE_HELPER, loc } as unknown as hbs.AST.PathExpression;
  const param = { type: 'NumberLiteral', value: id, original: id, loc } as unknown as hbs.AST.NumberLiteral;
  return { type: 'MustacheStatement', path, params: [param], hash: undefined as unknown as hbs.AST.Hash, escaped: false, strip: { open: false, close: false }, loc };
}

function content(value: string, loc: hbs.AST.SourceLocation): hbs.AST.ContentStatement {
  return { type: 'ContentStatement', value, original: value, rightStripped: false, leftStripped: false, loc } as unknown as hbs.AST.ContentStatement;
}

function extractSites(raw: string, sites: Site[], sourceText: string, source: SourceFile): RenderedText {
  let text = '';
  const substitutions: Substitution[] = [];
  const open: Array<{ id: number; start: number }> = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === SITE_OPEN) {
      const mid = raw.indexOf(SITE_MID, i);
      if (mid < 0) { text += ch; continue; } // a stray marker (cannot come from clean input) is text
      open.push({ id: Number(raw.slice(i + 1, mid)), start: text.length });
      i = mid;
    } else if (ch === SITE_CLOSE) {
      const site = open.pop();
      if (!site) continue;
      const info = sites[site.id];
      const where = positionAt(sourceText, info.sourceStart);
      substitutions.push({ start: site.start, end: text.length, path: info.path, ...where, sourceStart: info.sourceStart, sourceEnd: info.sourceEnd, ...(info.raw ? { raw: info.raw } : {}) });
    } else text += ch;
  }
  substitutions.sort((a, b) => a.start - b.start);
  return { source, text, substitutions };
}

/** Map an offset in rendered output back to line:col in the source file (approximate inside blocks). */
export function sourcePosition(rendered: RenderedText, offset: number): { line: number; column: number } {
  let sourceOffset = offset;
  for (const sub of rendered.substitutions) {
    if (sub.start > offset) break;
    if (offset < sub.end || (offset === sub.start && sub.end === sub.start)) return { line: sub.line, column: sub.column };
    sourceOffset = sub.sourceEnd + (offset - sub.end);
  }
  return positionAt(rendered.source.text, Math.min(sourceOffset, rendered.source.text.length));
}

/** The first path in the template that reads `part` from something before it (`n.x` for "x"). */
function pathReading(ast: Ast, part: string): hbs.AST.PathExpression | undefined {
  let found: hbs.AST.PathExpression | undefined;
  const consider = (path: hbs.AST.PathExpression) => { if (!found && path.parts.indexOf(part) > 0) found = path; };
  walkTemplate(ast, { call: ({ head }) => { if (head.type === 'PathExpression') consider(head); }, argument: consider });
  return found;
}

function isThis(path: hbs.AST.PathExpression): boolean {
  return (path as unknown as { this_?: boolean }).this_ === true || path.original === 'this' || path.original.startsWith('this.');
}

/**
 * Prototype for context objects: nothing a template path can name (no toString, no constructor),
 * but printable by Handlebars' own error messages through a symbol key no path can reach.
 */
const PRINTABLE_NULL_PROTOTYPE = Object.freeze(Object.create(null, {
  [Symbol.toPrimitive]: { value: () => '[indicators]' },
}));

/** A typed indicator prints as its value with unit (`48.62亿元`) when used as {{name}}. */
function typedPrototype(indicator: object): object {
  return Object.freeze(Object.create(null, {
    [Symbol.toPrimitive]: { value: () => formatTypedIndicator(indicator as never).replace(SITE_CHARS, '') },
  }));
}

/**
 * Copy the context into null-prototype objects so no lookup can reach Object.prototype. The
 * site-marker noncharacters are dropped from keys and strings, as from the template: a value
 * holding a marker made the marker scan loop until the heap ran out.
 */
function nullPrototypeCopy(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(SITE_CHARS, '');
  if (depth > 100) throw inputError('indicators', 'indicators are nested more than 100 levels deep (flatten the data)', undefined, 'too-deep');
  if (Array.isArray(value)) return value.map((v) => nullPrototypeCopy(v, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const copy = Object.create(isTypedIndicator(value) ? typedPrototype(value) : PRINTABLE_NULL_PROTOTYPE) as Record<string, unknown>;
    for (const [key, v] of Object.entries(value)) if (!FORBIDDEN.has(key)) copy[key.replace(SITE_CHARS, '')] = nullPrototypeCopy(v, depth + 1);
    return copy;
  }
  return value;
}
