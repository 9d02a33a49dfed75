/**
 * Finds the English messages written in src/ and the texts they can print, for the i18n scan.
 * Messages here are English template literals translated at print time by whole-message
 * matching (src/i18n/localize.ts), so a message is a literal, not a key: every English-looking
 * string or template literal outside t(en, zh) is a candidate. A template is expanded into sample
 * texts: a `cond ? 'a' : 'b'` or `x ?? 'a'` part gives one sample per branch, a part whose type is
 * a union of string literals one per member (the type checker resolves consts such as
 * CONFIG_FILE), a number "3", a `what` the noun "section file" (the catalog's {what} must be a
 * known noun), anything else a user's name "甲".
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface MessageLiteral {
  file: string;
  line: number;
  /** The literal as written in the source. */
  source: string;
  /** The texts it can print, `${…}` parts filled with samples. */
  samples: string[];
  /** Handed straight to a printing call (log, stderr, write …), so never localized. */
  printed: boolean;
}

const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,}/;
const MAX_SAMPLES = 64;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

type Literal = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression;

const isLiteral = (node: ts.Node): node is Literal =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);

/** The literal's own words, without what its `${…}` parts hold (those are checked where they are written). */
function ownText(node: Literal): string {
  const text = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ') : node.text;
  // `report lint --fix` in a Chinese sentence is a command to type, not English to translate
  return text.replace(/`[^`]*`/g, ' ');
}

/** Up from a literal through branches (`a ? 'x' : 'y'`, `x ?? 'y'`), to what receives its value. */
function receiver(node: ts.Node): ts.Node | undefined {
  let at = node.parent;
  while (at && (ts.isConditionalExpression(at) || ts.isParenthesizedExpression(at) || ts.isAsExpression(at)
    || (ts.isBinaryExpression(at) && isDefaulting(at.operatorToken.kind)) || ts.isCallExpression(at) && isJoin(at))) {
    at = at.parent;
  }
  return at;
}

/**
 * A literal that is one branch of a `${…}` part (its template expands it), or of a const used
 * only inside templates (`const hint = a ? '; x' : '; y'`, then `${hint}`): no message alone.
 */
function isFragment(node: ts.Node, checker: ts.TypeChecker, uses: Map<ts.Symbol, ts.Identifier[]>): boolean {
  const at = receiver(node);
  if (!at) return false;
  if (ts.isTemplateSpan(at)) return true;
  const symbol = constSymbol(at, checker);
  const found = symbol && uses.get(symbol);
  return !!found?.length && found.every((use) => receiver(use) && ts.isTemplateSpan(receiver(use)!));
}

/** The symbol of a `const x = …` declaration, if `at` is one. */
function constSymbol(at: ts.Node, checker: ts.TypeChecker): ts.Symbol | undefined {
  if (!ts.isVariableDeclaration(at) || !ts.isIdentifier(at.name)) return undefined;
  if (!(ts.getCombinedNodeFlags(at) & ts.NodeFlags.Const)) return undefined;
  return checker.getSymbolAtLocation(at.name);
}

/** Each identifier of the file that reads a symbol, the declarations left out. */
function usesOf(sf: ts.SourceFile, checker: ts.TypeChecker): Map<ts.Symbol, ts.Identifier[]> {
  const uses = new Map<ts.Symbol, ts.Identifier[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node)) {
      const symbol = checker.getSymbolAtLocation(node);
      if (symbol) uses.set(symbol, [...(uses.get(symbol) ?? []), node]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return uses;
}

/** A const's value when it is written as literals and branches in the same program. */
function constInitializer(expr: ts.Expression, checker: ts.TypeChecker): ts.Expression | undefined {
  if (!ts.isIdentifier(expr)) return undefined;
  const declaration = checker.getSymbolAtLocation(expr)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return undefined;
  const init = declaration.initializer;
  return ts.isConditionalExpression(init) || ts.isTemplateExpression(init) ? init : undefined;
}

const isDefaulting = (kind: ts.SyntaxKind) => kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken;
const isJoin = (call: ts.CallExpression) => ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'join';

/** A property whose object also has its Chinese (`help` beside `zhHelp`): bilingual already. */
function hasChineseSibling(node: ts.Node): boolean {
  const property = node.parent;
  if (!property || !ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.parent)) return false;
  const name = property.name.getText();
  const zh = `zh${name[0].toUpperCase()}${name.slice(1)}`;
  return property.parent.properties.some((p) => p.name?.getText() === zh);
}

/** A lint rule's meta description and summary: rule-help.ts gives their Chinese (tested on its own). */
function isRuleMeta(node: ts.Node, checker: ts.TypeChecker): boolean {
  const property = node.parent;
  if (!property || !ts.isPropertyAssignment(property) || !['description', 'summary'].includes(property.name.getText())) return false;
  return checker.typeToString(checker.getContextualType(property.parent as ts.Expression) ?? checker.getTypeAtLocation(property.parent)) === 'RuleMeta';
}

const PRINTERS = new Set(['log', 'stderr', 'stdout', 'write', 'warn', 'error', 'info', 'print']);

/** The nearest call the literal is an argument of (through templates and branches) prints it. */
function isPrintedDirectly(node: ts.Node): boolean {
  let at: ts.Node = node;
  while (at.parent && (ts.isTemplateSpan(at.parent) || ts.isTemplateExpression(at.parent) || ts.isConditionalExpression(at.parent)
    || ts.isParenthesizedExpression(at.parent) || ts.isBinaryExpression(at.parent))) at = at.parent;
  const call = at.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(at as ts.Expression)) return false;
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return PRINTERS.has(name);
}

/** Calls whose string arguments are no message: bilingual already, or code, not text. */
function skipsArguments(call: ts.CallExpression | ts.NewExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't' || callee.text === 'RegExp' || callee.text === 'require';
  return false;
}

function product(parts: string[][]): string[] {
  let out = [''];
  for (const options of parts) {
    out = out.flatMap((head) => options.map((o) => head + o));
    if (out.length > MAX_SAMPLES) out = out.slice(0, MAX_SAMPLES);
  }
  return out;
}

function samplesOf(expr: ts.Expression, checker: ts.TypeChecker): string[] {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
  if (ts.isTemplateExpression(expr)) {
    return product([[expr.head.text], ...expr.templateSpans.flatMap((span) => [samplesOf(span.expression, checker), [span.literal.text]])]);
  }
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) return samplesOf(expr.expression, checker);
  if (ts.isConditionalExpression(expr)) return [...samplesOf(expr.whenTrue, checker), ...samplesOf(expr.whenFalse, checker)];
  if (ts.isBinaryExpression(expr) && isDefaulting(expr.operatorToken.kind)) {
    return [...samplesOf(expr.left, checker), ...samplesOf(expr.right, checker)];
  }
  const init = constInitializer(expr, checker);
  if (init) return samplesOf(init, checker);
  const type = checker.getTypeAtLocation(expr);
  const members = type.isUnion() ? type.types : [type];
  if (members.length <= 12 && members.every((m) => m.isStringLiteral() || m.isNumberLiteral())) {
    return members.map((m) => String((m as ts.LiteralType).value));
  }
  if (members.every((m) => m.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike))) return ['3'];
  const name = ts.isPropertyAccessExpression(expr) ? expr.name.text : ts.isIdentifier(expr) ? expr.text : '';
  return [/^what$/i.test(name) ? 'section file' : '甲'];
}

/** The English-looking literals of the .ts files under `srcDir`, except those under `skipDirs`. */
export function messageLiterals(srcDir: string, skipDirs: string[] = []): MessageLiteral[] {
  const files = sourceFiles(srcDir).filter((f) => !skipDirs.some((d) => relative(srcDir, f).startsWith(`${d}/`)));
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const found: MessageLiteral[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const uses = usesOf(sf, checker);
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node) || ts.isLiteralTypeNode(node)) return;
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && skipsArguments(node)) return;
      if (isLiteral(node)) {
        const written = node.getText(sf);
        const printed = isPrintedDirectly(node);
        // a printed line needs only one English word to be untranslated (`created ${dir}: …`)
        if ((ENGLISH.test(ownText(node)) || (printed && /(^|[^\w])[A-Za-z]{3,}($|[^\w])/.test(ownText(node).replace(/\breport\b/g, ' ')))) && !isFragment(node, checker, uses) && !hasChineseSibling(node) && !isRuleMeta(node, checker)) {
          found.push({
            file: relative(srcDir, file), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, source: written,
            samples: samplesOf(node, checker), printed,
          });
        }
        if (!ts.isTemplateExpression(node)) return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}
