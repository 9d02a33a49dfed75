/**
 * Inline disable comments, the one way to silence a single place:
 *   <!-- report-disable-next-line placeholder -->     (Markdown; `# report-disable-next-line …` in YAML)
 *   <!-- report-disable-line punctuation -->
 *   <!-- report-disable placeholder, enumeration --> … <!-- report-enable -->
 * No rule list means every rule. Parsed once per file; applied centrally by apply-settings.ts.
 */
import { positionAt } from '../text/position.js';

export interface DirectiveSet {
  isDisabled(rule: string, line: number): boolean;
}

interface LineSpan { rules: string[] | null; from: number; to: number }
/** Block state from `line` on: everything off (but `except`), or only `rules` off. */
interface BlockState { line: number; all: boolean; except: Set<string>; rules: Set<string> }

const MARKDOWN_COMMENT = /<!--\s*report-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;
const YAML_COMMENT = /#\s*report-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

export function markdownDirectives(text: string): DirectiveSet {
  return collect(text, MARKDOWN_COMMENT);
}

export function yamlDirectives(text: string): DirectiveSet {
  return collect(text, YAML_COMMENT);
}

export const NO_DIRECTIVES: DirectiveSet = { isDisabled: () => false };

function collect(text: string, pattern: RegExp): DirectiveSet {
  if (!text.includes('report-')) return NO_DIRECTIVES;
  const lines: LineSpan[] = [];
  const blocks: BlockState[] = [];
  let state: BlockState = { line: 0, all: false, except: new Set(), rules: new Set() };
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const startLine = positionAt(text, m.index).line;
    const endLine = positionAt(text, m.index + m[0].length).line;
    const list = m[2].replace(/--.*$/s, '').split(/[\s,]+/).filter(Boolean);
    const rules = list.length ? list : null;
    if (m[1] === 'disable-next-line') lines.push({ rules, from: endLine + 1, to: endLine + 1 });
    else if (m[1] === 'disable-line') lines.push({ rules, from: startLine, to: endLine });
    else {
      const next: BlockState = { line: startLine, all: state.all, except: new Set(state.except), rules: new Set(state.rules) };
      if (m[1] === 'disable') {
        if (rules === null) { next.all = true; next.except.clear(); } else for (const r of rules) { next.rules.add(r); next.except.delete(r); }
      } else if (rules === null) {
        next.all = false; next.except.clear(); next.rules.clear();
      } else for (const r of rules) { next.rules.delete(r); if (next.all) next.except.add(r); }
      blocks.push(next);
      state = next;
    }
  }
  return {
    isDisabled(rule, line) {
      if (lines.some((s) => line >= s.from && line <= s.to && (s.rules === null || s.rules.includes(rule)))) return true;
      let current: BlockState | undefined;
      for (const block of blocks) if (block.line <= line) current = block; else break;
      return current !== undefined && ((current.all && !current.except.has(rule)) || current.rules.has(rule));
    },
  };
}
