/**
 * report.yaml's shape is checked against schema/report.schema.json (the same file editors load
 * through `# yaml-language-server: $schema=`), so the keys, types and date formats are written
 * once. Each schema node carries the one-line `errorMessage` VS Code also shows; the first problem
 * becomes `report.yaml:line:col: message`, unknown keys with a did-you-mean as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { inputError, type InputError } from '../diagnostic.js';
import { didYouMean } from '../text/did-you-mean.js';
import { keyNodeAt, positionOf, positionOfNode, type YamlSource } from './yaml-source.js';

type Schema = { [key: string]: unknown };
type Path = Array<string | number>;

// src/project and dist/project both sit two levels below the package root, beside schema/.
export const REPORT_SCHEMA_PATH = new URL('../../schema/report.schema.json', import.meta.url);

/** The validator `npm run build` compiles from the schema (scripts/bundle.mjs), beside it. */
export const REPORT_VALIDATOR_PATH = new URL('../../schema/report.schema.validate.cjs', import.meta.url);

let compiled: { schema: Schema; validate: ValidateFunction } | undefined;
function compile() {
  if (!compiled) {
    const text = readFileSync(REPORT_SCHEMA_PATH, 'utf8');
    const schema = JSON.parse(text) as Schema;
    // strict: false lets `errorMessage` and `examples` (editor keywords) stand beside the vocabulary
    compiled = { schema, validate: precompiled(text) ?? compileWithAjv(schema) };
  }
  return compiled;
}

/** ajv itself is loaded only without the prebuilt validator (a checkout before `npm run build`). */
function compileWithAjv(schema: Schema): ValidateFunction {
  const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

/** The prebuilt validator, unless it is missing or older than the schema (then ajv compiles). */
function precompiled(schemaText: string): ValidateFunction | undefined {
  if (!existsSync(REPORT_VALIDATOR_PATH)) return undefined;
  const firstLine = readFileSync(REPORT_VALIDATOR_PATH, 'utf8').split('\n', 1)[0];
  if (!firstLine.includes(`"${createHash('sha256').update(schemaText).digest('hex')}"`)) return undefined;
  const loaded = createRequire(import.meta.url)(fileURLToPath(REPORT_VALIDATOR_PATH)) as ValidateFunction | { default: ValidateFunction };
  return typeof loaded === 'function' ? loaded : loaded.default;
}

/**
 * Throws the first shape problem of report.yaml (in document order), or returns the data the
 * schema checked: keys left empty (`formats:`) dropped, so they mean "the default" everywhere.
 */
export function checkConfigShape(source: YamlSource, data: Record<string, unknown>): Record<string, unknown> {
  const { schema, validate } = compile();
  const checked = withoutNulls(data) as Record<string, unknown>;
  if (validate(checked)) return checked;
  const errors = validate.errors ?? [];
  const located = errors.map((error) => ({ error, path: pathOf(error.instancePath) }));
  const first = located.map(({ path }) => at(source, path.slice(0, 1))).sort(byPosition)[0];
  const here = located.filter(({ path }) => samePosition(at(source, path.slice(0, 1)), first));
  // Deepest first (an item's own problem beats its list's), then unknown keys, then missing ones.
  const rank = (e: ErrorObject) => (e.keyword === 'additionalProperties' ? 0 : e.keyword === 'required' ? 1 : 2);
  here.sort((a, b) => b.path.length - a.path.length || rank(a.error) - rank(b.error));
  throw describe(source, schema, here[0].error, here[0].path, data);
}

function describe(source: YamlSource, schema: Schema, error: ErrorObject, path: Path, data: unknown): InputError {
  const file = source.file.displayPath;
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    const known = Object.keys((nodeAt(schema, error.schemaPath.split('/').slice(1, -1)) as { properties?: Schema }).properties ?? {});
    const where = positionOfNode(source, keyNodeAt(source, [...path, key].map(String))) ?? { line: 1, column: 1 };
    const guess = didYouMean(key, known);
    const scope = path.length ? `in \`${path.join('.')}\`` : 'in report.yaml';
    return inputError(file, `unknown key "${key}" ${scope}${guess ? `; did you mean "${guess}"?` : ` (known keys: ${known.join(', ')})`}`, where, 'config');
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    if (path.length === 0) {
      const message = missing === 'title' ? 'report.yaml needs a `title`' : 'report.yaml needs `sections`: a list of section files or globs';
      return inputError(file, message, positionOf(source, [missing]) ?? { line: 1, column: 1 }, 'config');
    }
    return inputError(file, `\`${pathText(path)}\` needs a \`${missing}\` (the name listed in the 附件说明)`, at(source, path), 'config');
  }
  const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], data);
  const template = messageFor(schema, error.schemaPath) ?? `\`{path}\` is not valid here (${error.message ?? 'see the schema'})`;
  const message = template.replace('{path}', pathText(path)).replace('{value}', String(value));
  return inputError(file, message, at(source, path), 'config');
}

/** The `errorMessage` of the deepest schema node on the failing keyword's path. */
function messageFor(schema: Schema, schemaPath: string): string | undefined {
  let node: unknown = schema;
  let message: string | undefined;
  for (const part of schemaPath.split('/').slice(1)) {
    node = (node as Schema | undefined)?.[decodeURIComponent(part)];
    const own = (node as Schema | undefined)?.errorMessage;
    if (typeof own === 'string') message = own;
  }
  return message;
}

function nodeAt(schema: Schema, parts: string[]): unknown {
  return parts.reduce<unknown>((node, part) => (node as Schema | undefined)?.[decodeURIComponent(part)], schema);
}

const pathOf = (pointer: string): Path => (pointer ? pointer.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~'))) : []);
/** `signature[0]`, `header.signer[1]`, as the messages have always named them. */
const pathText = (path: Path): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
const at = (source: YamlSource, path: Path) => positionOf(source, path) ?? { line: 1, column: 1 };
const byPosition = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line - b.line || a.column - b.column;
const samePosition = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line === b.line && a.column === b.column;

/** An empty value (`recipient:`) means "not given", as it always has; only mapping keys are dropped. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
}
