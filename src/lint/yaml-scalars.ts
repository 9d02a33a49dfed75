/**
 * String values of a YAML document with their key paths and exact offsets, so a blank inside an
 * indicator value (`本期: XX`) is reported at its own line and column — quotes, escapes and
 * block scalars included.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { keyText } from '../project/yaml-source.js';

export interface YamlString {
  path: string[];
  value: string;
  node: Node;
  /** File offset of the first character of `value` (after an opening quote). */
  start: number;
}

export function yamlStrings(document: Document.Parsed, text: string): YamlString[] {
  const out: YamlString[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        walk(item.value, [...path, keyText(item)]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, String(i)]));
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const raw = text.slice(node.range[0], node.range[1]);
      const quoted = raw[0] === '"' || raw[0] === "'";
      out.push({ path, value: node.value, node: node as Node, start: node.range[0] + (quoted ? 1 : 0) });
    }
  };
  walk(document.contents, []);
  return out;
}

/**
 * File offset of `value[offset]`. Exact when the value is written as-is (plain or quoted without
 * escapes); otherwise the same occurrence of the matched text is looked up in the source.
 */
export function offsetInSource(text: string, scalar: YamlString, offset: number, length: number): number {
  const range = scalar.node.range!;
  const raw = text.slice(scalar.start, range[1]);
  if (raw.startsWith(scalar.value)) return scalar.start + offset;
  const needle = scalar.value.slice(offset, offset + length);
  let k = 0;
  for (let i = scalar.value.indexOf(needle); i >= 0 && i < offset; i = scalar.value.indexOf(needle, i + 1)) k++;
  let at = raw.indexOf(needle);
  for (; k > 0 && at >= 0; k--) at = raw.indexOf(needle, at + 1);
  return at >= 0 ? scalar.start + at : range[0];
}
