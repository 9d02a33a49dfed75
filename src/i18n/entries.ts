/**
 * Every whole-message entry, the general catalog first and then the areas' own, in the order
 * `toChinese` tries them (the first match wins, so a narrower entry goes before a wider one:
 * catalog-import.ts's `is {kind}` matches every "is …" message, so it comes after the rest).
 */
import { CATALOG, PHRASES, type Entry } from './catalog.js';
import { INPUT_MESSAGES } from './catalog-inputs.js';
import { CONTENT_MESSAGES, CONTENT_PHRASES } from './catalog-content.js';
import { LINT_MESSAGES, LINT_PHRASES } from './catalog-lint.js';
import { IMPORT_MESSAGES } from './catalog-import.js';
import { TOOL_MESSAGES, TOOL_PHRASES } from './catalog-tool.js';

/** Nouns and short phrases that fill a placeholder of a longer message. */
export const ALL_PHRASES: Record<string, string> = { ...PHRASES, ...TOOL_PHRASES, ...CONTENT_PHRASES, ...LINT_PHRASES };

export const ENTRIES: Entry[] = [...CATALOG, ...INPUT_MESSAGES, ...CONTENT_MESSAGES, ...LINT_MESSAGES, ...IMPORT_MESSAGES, ...TOOL_MESSAGES];
