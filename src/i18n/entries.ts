/**
 * Every whole-message entry, the general catalog first and then the areas' own, in the order
 * `toChinese` tries them (the first match wins, so a narrower entry goes before a wider one).
 */
import { CATALOG, PHRASES, type Entry } from './catalog.js';
import { INPUT_MESSAGES } from './catalog-inputs.js';
import { IMPORT_MESSAGES } from './catalog-import.js';
import { TOOL_MESSAGES, TOOL_PHRASES } from './catalog-tool.js';

/** Nouns and short phrases that fill a placeholder of a longer message. */
export const ALL_PHRASES: Record<string, string> = { ...PHRASES, ...TOOL_PHRASES };

export const ENTRIES: Entry[] = [...CATALOG, ...INPUT_MESSAGES, ...IMPORT_MESSAGES, ...TOOL_MESSAGES];
