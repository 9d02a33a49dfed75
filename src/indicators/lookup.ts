/** Resolving key paths in indicator data: own properties only, never Object.prototype. */

export const ABSENT = Symbol('absent');

/** The value at `path`, or ABSENT. */
export function lookup(data: unknown, path: string[]): unknown {
  let node: unknown = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return ABSENT;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A mapping of indicators (not a list, not a date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Key paths of every value that is not a mapping (lists and scalars are leaves). */
export function leafPaths(data: Record<string, unknown>, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [key, value] of Object.entries(data)) {
    const path = [...prefix, key];
    if (isPlainObject(value) && Object.keys(value).length > 0) out.push(...leafPaths(value, path));
    else out.push(path);
  }
  return out;
}
