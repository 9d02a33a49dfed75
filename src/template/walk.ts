/**
 * The one walk over a parsed Handlebars template, shared by the renderer (its strict checks) and
 * lint (its inventory of references): every mustache, block and subexpression in source order,
 * with what the two need to know about where it stands — top level or inside a block body, in a
 * scope of its own ({{#each}}, {{#with}}) or not, and under which {{#if}} tests.
 */
import { HELPERS } from './helper-registry.js';
import { BUILT_IN_HELPERS } from './helpers.js';

export type CallNode = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;

export interface CallSite {
  node: CallNode;
  head: hbs.AST.PathExpression;
  /** Parameters, then hash values, in source order. */
  args: hbs.AST.Expression[];
  /** Given arguments, or a block or subexpression: Handlebars calls a helper here. */
  isCall: boolean;
  /** The head names a known helper (ours or Handlebars' own). */
  namesHelper: boolean;
  /** {{#if}} / {{#unless}}: its arguments may be absent. */
  conditional: boolean;
  /** Outside every block body: the data here is the indicators themselves. */
  topLevel: boolean;
  /** Inside the body of a block that changes scope ({{#each}}, {{#with}}): paths are relative. */
  scoped: boolean;
  /** Paths tested by the enclosing {{#if}} / {{#unless}} blocks. */
  guards: string[][];
}

export interface TemplateVisitor {
  /** A mustache, block or subexpression, before its arguments. */
  call?(site: CallSite): void;
  /** A path argument of `site`, in source order; subexpression arguments are walked in place. */
  argument?(path: hbs.AST.PathExpression, site: CallSite): void;
  /** A block, after its arguments and before its body. */
  body?(site: CallSite): void;
}

const KNOWN_HELPERS = new Set([...Object.keys(HELPERS), ...BUILT_IN_HELPERS]);

interface Place { topLevel: boolean; scoped: boolean; guards: string[][] }

export function walkTemplate(program: hbs.AST.Program, visitor: TemplateVisitor): void {
  walkProgram(program, visitor, { topLevel: true, scoped: false, guards: [] });
}

function walkProgram(program: hbs.AST.Program | undefined, visitor: TemplateVisitor, place: Place): void {
  for (const statement of program?.body ?? []) {
    if (statement.type === 'MustacheStatement' || statement.type === 'BlockStatement') walkCall(statement as CallNode, visitor, place);
  }
}

function walkCall(node: CallNode, visitor: TemplateVisitor, place: Place): void {
  const head = node.path as hbs.AST.PathExpression;
  const args = [...node.params, ...(node.hash?.pairs.map((p) => p.value) ?? [])];
  const site: CallSite = {
    node, head, args, ...place,
    isCall: args.length > 0 || node.type !== 'MustacheStatement',
    namesHelper: head.type === 'PathExpression' && KNOWN_HELPERS.has(head.original),
    conditional: head.original === 'if' || head.original === 'unless',
  };
  visitor.call?.(site);
  for (const arg of args) {
    if (arg.type === 'SubExpression') walkCall(arg as hbs.AST.SubExpression, visitor, place);
    else if (arg.type === 'PathExpression') visitor.argument?.(arg as hbs.AST.PathExpression, site);
  }
  if (node.type !== 'BlockStatement') return;
  visitor.body?.(site);
  const block = node as hbs.AST.BlockStatement;
  const tested = site.conditional ? args.filter((a) => a.type === 'PathExpression').map((a) => (a as hbs.AST.PathExpression).parts) : [];
  walkProgram(block.program, visitor, { topLevel: false, scoped: place.scoped || !site.conditional, guards: [...place.guards, ...tested] });
  walkProgram(block.inverse, visitor, { topLevel: false, scoped: place.scoped, guards: place.guards });
}
