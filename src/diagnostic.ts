/**
 * One Diagnostic type for every problem the tool reports: loader errors, template errors and
 * lint findings alike (the vfile/ESLint idea). Created where the problem is found, carrying the
 * position in the file the user edits; formatting it is the formatters' job, never the finder's.
 */

import { localize } from './i18n/localize.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path of the file the user edits, relative to the working directory where possible. */
  file: string;
  /** 1-based line; absent when the problem has no position (a missing file, a bad option). */
  line?: number;
  /** 1-based column counted in Unicode code points. */
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Rule id for lint findings (`placeholder`), or a stable code for input errors (`yaml-syntax`). */
  rule: string;
  severity: Severity;
  message: string;
  /** The offending text, when there is one (the blank itself, for placeholders). */
  text?: string;
  /** A little surrounding text so a reviewer can find the place without opening the file. */
  context?: string;
}

/** `file:line:col: message` — the one-line form every error takes on stderr, in the reader's language. */
export function formatDiagnosticLine(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  return oneLine(`${where}: ${localize(d.message)}`);
}

/** Messages quote user text (a YAML key may hold a line break): keep the one-line contract. */
export function oneLine(text: string): string {
  return printable(text.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, '\\n'));
}

/**
 * Control characters quoted from a source file (ESC, BEL, backspace, the bidi overrides such as
 * RLO) would drive the reader's terminal or reorder the line: show them as `\u001B` instead.
 * Tabs stay; line breaks (LF, CR) are for the caller: oneLine shows them as \n, GitHub percent-encodes them.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(CONTROLS, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Thrown by the loader, the template stage and the writers for input problems. The CLI prints
 * `formatDiagnosticLine` for each and exits 2; no stack trace unless --debug.
 */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic | Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatDiagnosticLine).join('\n'));
    this.name = 'InputError';
    this.diagnostics = list;
  }
}

export function inputError(file: string, message: string, position?: { line: number; column: number }, rule = 'input'): InputError {
  return new InputError({ file, rule, severity: 'error', message, line: position?.line, column: position?.column });
}
