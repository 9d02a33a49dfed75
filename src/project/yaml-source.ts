/**
 * YAML with positions: parse errors and every value we later complain about are reported at
 * `file:line:col` in the file the user edits (the `yaml` package keeps node ranges).
 */
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
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const offset = error.pos?.[0] ?? 0;
    throw inputError(file.displayPath, `YAML syntax error: ${firstLine(error.message)}`, positionAt(file.text, offset), 'yaml-syntax');
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw inputError(file.displayPath, `YAML error: ${firstLine((error as Error).message)}`, undefined, 'yaml-syntax');
  }
  return { file, document, data };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
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
