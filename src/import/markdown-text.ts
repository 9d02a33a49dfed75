/**
 * Text as Markdown + Handlebars source that prints exactly that text again: every character
 * Markdown, GFM or Handlebars would read as syntax is escaped (`\*`, `\[`, `\{{`, a `1.` or `#`
 * opening a line …), except blanks written with stars or underscores (`**镇`, `____`), which the
 * build finds and refuses only while they stand as typed. Bold runs become `**…**` with their
 * outer punctuation outside the markers: CommonMark would not close `**抓项目。**完成`.
 */
import { findPlaceholders } from '../lint/placeholder-detector.js';
import type { TextPiece } from './blocks.js';

/** Escaped anywhere in a line. */
const INLINE_SYNTAX = /[\\`*_[\]<~|]/;
const ENTITY_LIKE = /^&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
const OUTSIDE_BOLD = /[\p{P}\p{S}\s\u3000]/u;

interface Span {
  start: number;
  end: number;
}

/** One paragraph's pieces as one Markdown line (line breaks inside it as hard breaks). */
export function markdownLine(pieces: TextPiece[]): string {
  const withBold = joinPieces(pieces, true);
  const plain = joinPieces(pieces, false);
  // Our own ** must never look like a blank to the build's checker: then print the text plain.
  if (withBold !== plain && findPlaceholders(withBold).some((m) => m.kind === 'stars')) return plain;
  return withBold;
}

function joinPieces(pieces: TextPiece[], bold: boolean): string {
  const text = pieces.map((piece) => piece.text).join('');
  const keep = blankSpans(text);
  let offset = 0;
  let out = '';
  for (const piece of pieces) {
    const from = offset;
    const to = offset + piece.text.length;
    offset = to;
    const core = bold && piece.bold ? boldCore(text, from, to) : undefined;
    out += core
      ? `${escapeRange(text, from, core.start, keep)}**${escapeRange(text, core.start, core.end, keep)}**${escapeRange(text, core.end, to, keep)}`
      : escapeRange(text, from, to, keep);
  }
  return escapeLineStart(out).replace(/\n/g, '\\\n');
}

/** Plain text (a heading, a table cell, an alt text) escaped. */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeRange(text, 0, text.length, blankSpans(text)));
}

function blankSpans(text: string): Span[] {
  if (!/[*_＊＿]/u.test(text)) return [];
  // As the build reads them: stars that pair up as emphasis are no blank (and are escaped here).
  return findPlaceholders(text).filter((m) => m.kind === 'stars' || m.kind === 'underscores');
}

function escapeRange(text: string, from: number, to: number, keep: Span[]): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const ch = text[i];
    const kept = keep.some((span) => span.start <= i && i < span.end);
    if (!kept && INLINE_SYNTAX.test(ch)) out += `\\${ch}`;
    else if (ch === '&' && ENTITY_LIKE.test(text.slice(i, i + 12))) out += '\\&';
    else if (ch === '{' && text[i + 1] === '{' && text[i - 1] !== '{') out += '\\{';
    else out += ch;
  }
  return out;
}

/** What a line may not start with: a heading, quote, list item, thematic break or HTML. */
function escapeLineStart(line: string): string {
  return line.split('\n').map((part) => {
    if (/^[#>]/.test(part)) return `\\${part}`;
    if (/^[-+*](?:[ \t]|$)/.test(part)) return `\\${part}`;
    if (/^[-=]+[ \t]*$/.test(part)) return `\\${part}`;
    const ordered = /^(\d{1,9})([.)])(?=[ \t]|$)/.exec(part);
    if (ordered) return `${ordered[1]}\\${ordered[2]}${part.slice(ordered[0].length)}`;
    return part;
  }).join('\n');
}

/**
 * The part of a bold run inside the `**` markers: without leading and trailing punctuation and
 * spaces, which CommonMark's flanking rules would not let a marker stand next to.
 */
function boldCore(text: string, from: number, to: number): Span | undefined {
  let start = from;
  let end = to;
  while (start < end && OUTSIDE_BOLD.test(text[start])) start++;
  while (end > start && OUTSIDE_BOLD.test(text[end - 1])) end--;
  return start < end ? { start, end } : undefined;
}
