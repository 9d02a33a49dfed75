/**
 * YAML with positions: parse errors and every value we later complain about are reported at
 * `file:line:col` in the file the user edits (the `yaml` package keeps node ranges).
 */
import { firstLine, yamlErrorWords } from '../text/yaml-error-words.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { inputError } from '../diagnostic.js';
import { positionAt } from '../text/position.js';
import type { SourceFile } from './source-file.js';

export interface YamlSource {
  file: SourceFile;
  document: Document.Parsed;
  data: unknown;
}

export function parseYamlSource(file: SourceFile): YamlSource {
  const document = parseDocument(file.text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  const braces = unquotedBraces(file.text);
  if (braces) throw inputError(file.displayPath, `YAML syntax error: a value that starts with {{ must be quoted: write ${braces.example}`, positionAt(file.text, braces.offset), 'yaml-syntax');
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const offset = error.pos?.[0] ?? 0;
    const colon = fullWidthColon(file.text, offset, error.pos?.[1] ?? offset);
    if (colon) throw inputError(file.displayPath, `YAML syntax error: full-width colon "：" after "${colon.key}"; a key needs the half-width colon and a space: ${colon.example}`, positionAt(file.text, colon.offset), 'yaml-syntax');
    throw inputError(file.displayPath, `YAML syntax error: ${yamlErrorWords(error, file.text)}`, positionAt(file.text, offset), 'yaml-syntax');
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw inputError(file.displayPath, `YAML error: ${firstLine((error as Error).message)}`, undefined, 'yaml-syntax');
  }
  return { file, document, data };
}

/** `title: {{乡名}}…` unquoted: YAML reads `{` as the start of a mapping, never as the text meant. */
function unquotedBraces(text: string): { offset: number; example: string } | undefined {
  const m = /^([ \t]*(?:- +|[^\s#'"\-{[][^\n#]*?: +))(\{\{[^\n]*?)[ \t]*$/m.exec(text);
  if (!m) return undefined;
  return { offset: m.index + m[1].length, example: `${m[1].trim()} "${m[2].replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` };
}

/** `镇长：张三` where a key was meant: the first line in the error's range holding a full-width colon. */
function fullWidthColon(text: string, from: number, to: number): { offset: number; key: string; example: string } | undefined {
  const start = text.lastIndexOf('\n', from - 1) + 1;
  const end = text.indexOf('\n', Math.max(to, from));
  const lines = text.slice(start, end < 0 ? undefined : end).split('\n');
  let offset = start;
  for (const line of lines) {
    const m = /^([ \t]*(?:- +)?)([^\s:：#'"][^:：\n]*?)[ \t]*：[ \t]*(.*)$/.exec(line);
    if (m) return { offset: offset + line.indexOf('：'), key: m[2], example: `${m[2]}: ${m[3]}` };
    offset += line.length + 1;
  }
  return undefined;
}

/** A mapping key as text (`2024` and `"2024"` alike). */
export function keyText(item: { key: unknown }): string {
  return isScalar(item.key) ? String(item.key.value) : String(item.key);
}

/** Node at a key path (`['规上工业产值', 'value']`), or undefined. */
export function nodeAt(source: Pick<YamlSource, 'document'>, path: Array<string | number>): Node | undefined {
  let node: unknown = source.document.contents;
  for (const key of path) {
    if (isMap(node)) node = node.items.find((item) => keyText(item) === String(key))?.value;
    else if (isSeq(node)) node = node.items[Number(key)];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** Key node of the last path element (for "unknown key" and "unused" messages), or undefined. */
export function keyNodeAt(source: Pick<YamlSource, 'document'>, path: Array<string | number>): Node | undefined {
  const parent = path.length > 1 ? nodeAt(source, path.slice(0, -1)) : source.document.contents;
  if (!isMap(parent)) return undefined;
  const last = String(path[path.length - 1]);
  return (parent.items.find((item) => keyText(item) === last)?.key ?? undefined) as Node | undefined;
}

export function positionOfNode(source: YamlSource, node: Node | undefined): { line: number; column: number } | undefined {
  if (!node?.range) return undefined;
  return positionAt(source.file.text, node.range[0]);
}

export function positionOf(source: YamlSource, path: Array<string | number>): { line: number; column: number } | undefined {
  return positionOfNode(source, nodeAt(source, path));
}
