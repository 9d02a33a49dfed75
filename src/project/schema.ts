/**
 * Indicator schemas: report.yaml may name a JSON Schema (written in YAML or JSON) for the
 * indicator data. Every violation is reported at the YAML line of the offending value, with its
 * path: `indicators.yaml:3:10: 规上工业产值.value: expected a number, got "XX"`.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { existsSync } from 'node:fs';
import { inputError, InputError, type Diagnostic } from '../diagnostic.js';
import type { IndicatorLocation } from './load.js';
import { confinedPath, readSourceFile } from './source-file.js';
import { compileLinear, UnsupportedPattern } from './safe-regexp.js';
import { keyNodeAt, parseYamlSource, positionOf, positionOfNode, type YamlSource } from './yaml-source.js';

export function validateIndicators(options: {
  projectDir: string;
  schemaPath: string;
  configSource: YamlSource;
  indicators: Record<string, unknown>;
  locate: (path: string[]) => IndicatorLocation | undefined;
  fallbackFile: string;
}): void {
  const at = positionOf(options.configSource, ['schema']);
  const configFile = options.configSource.file.displayPath;
  const path = confinedPath(options.projectDir, options.projectDir, options.schemaPath, 'schema', configFile, at);
  if (!existsSync(path)) throw inputError(configFile, `schema file "${options.schemaPath}" not found`, at, 'missing-file');
  const schemaSource = parseYamlSource(readSourceFile(path, undefined, { file: configFile, position: at, what: 'schema file', name: options.schemaPath }));
  let validate;
  try {
    // `pattern` and `patternProperties` run on a linear-time engine: a schema cannot hang the build.
    validate = new Ajv({ allErrors: true, strict: false, code: { regExp: LINEAR_REGEXP } }).compile(schemaSource.data as object);
  } catch (error) {
    if (error instanceof PatternProblem) throw patternError(schemaSource, error);
    throw inputError(schemaSource.file.displayPath, `not a valid JSON Schema: ${(error as Error).message}`, undefined, 'schema');
  }
  if (validate(options.indicators)) return;
  const diagnostics: Diagnostic[] = (validate.errors ?? []).map((error) => describe(error, options));
  throw new InputError(dedupe(diagnostics));
}

class PatternProblem extends Error {
  constructor(readonly pattern: string, readonly problem: string) {
    super(problem);
  }
}

const LINEAR_REGEXP = Object.assign((pattern: string) => {
  try {
    return compileLinear(pattern);
  } catch (error) {
    if (error instanceof UnsupportedPattern) throw new PatternProblem(pattern, `uses ${error.message}, which cannot be checked in bounded time; write it without`);
    throw new PatternProblem(pattern, `is not a valid regular expression (${String((error as Error).message).replace(/^Invalid regular expression: /, '')})`);
  }
}, { code: 'compileLinear' });

/** The problem at the schema line that holds the pattern (`pattern:` value or `patternProperties` key). */
function patternError(schema: YamlSource, problem: PatternProblem): InputError {
  const found = findPattern(schema.data, problem.pattern, []);
  const where = found ? positionOfNode(schema, found.key ? keyNodeAt(schema, found.path) : undefined) ?? positionOf(schema, found.path) : undefined;
  return inputError(schema.file.displayPath, `pattern "${problem.pattern}" ${problem.problem}`, where, 'schema');
}

function findPattern(node: unknown, pattern: string, path: Array<string | number>): { path: Array<string | number>; key: boolean } | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const found = findPattern(node[i], pattern, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  if (record.pattern === pattern) return { path: [...path, 'pattern'], key: false };
  const props = record.patternProperties;
  if (props && typeof props === 'object' && Object.hasOwn(props, pattern)) return { path: [...path, 'patternProperties', pattern], key: true };
  for (const [key, value] of Object.entries(record)) {
    const found = findPattern(value, pattern, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function describe(error: ErrorObject, options: { indicators: Record<string, unknown>; locate: (path: string[]) => IndicatorLocation | undefined; fallbackFile: string }): Diagnostic {
  const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const value = path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), options.indicators);
  const name = path.join('.');
  let message: string;
  let where = options.locate(path);
  switch (error.keyword) {
    case 'type':
      message = `${name}: expected ${article(String(error.params.type))}, got ${show(value)}`;
      break;
    case 'required': {
      const missing = [...path, String(error.params.missingProperty)].join('.');
      message = `missing required indicator "${missing}"`;
      break;
    }
    case 'additionalProperties': {
      const extra = [...path, String(error.params.additionalProperty)];
      where = options.locate(extra) ?? where;
      message = `unknown indicator "${extra.join('.')}" (not in the schema)`;
      break;
    }
    case 'enum':
      message = `${name}: ${show(value)} is not one of ${(error.params.allowedValues as unknown[]).map(show).join(', ')}`;
      break;
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
      // ajv's "must be >= 0" as a sentence the catalog translates
      const k = error.keyword;
      const bound = k === 'minimum' ? 'at least' : k === 'maximum' ? 'at most' : k === 'exclusiveMinimum' ? 'above' : 'below';
      message = `${name || 'indicators'}: must be ${bound} ${String(error.params.limit)} (got ${show(value)})`;
      break;
    }
    case 'pattern':
      message = `${name || 'indicators'}: must match pattern "${String(error.params.pattern)}" (got ${show(value)})`;
      break;
    default:
      message = `${name || 'indicators'}: does not match the schema's \`${error.keyword}\` rule (${error.message ?? error.keyword})`;
  }
  return { file: where?.file ?? options.fallbackFile, line: where?.line, column: where?.column, rule: 'schema', severity: 'error', message };
}

function article(type: string): string {
  const names: Record<string, string> = { number: 'a number', integer: 'a whole number', string: 'text', object: 'a mapping', array: 'a list', boolean: 'true or false' };
  return type.split(',').map((t) => names[t] ?? t).join(' or ');
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
