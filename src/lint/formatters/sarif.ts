/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers: one run, the rule catalogue in
 * tool.driver.rules, one result per finding with a physical location relative to the
 * repository root (%SRCROOT%). Columns are Unicode code points, declared through
 * run.columnKind. Deterministic: no timestamps, no random ids. A run that stopped on an input
 * error (exit 2) is still a SARIF log: no results, executionSuccessful false and the error as a
 * toolExecutionNotification, so an upload step has a file and says why.
 */
import type { Diagnostic } from '../../diagnostic.js';
import { t } from '../../i18n/lang.js';
import { localize } from '../../i18n/localize.js';
import type { Finding } from '../rule.js';
import type { FormatContext } from './index.js';
import { ruleDescription, ruleHelp, ruleSummary } from './rule-help.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * The README as the package page shows it: each lint rule has an `rule-<id>` anchor in its
 * table, input problems (exit 2) the `input-problems` anchor. The README ships in the package.
 */
export const DOCS_URL = 'https://www.npmjs.com/package/gongwen-report';

export function helpUri(id: string, context: Pick<FormatContext, 'rules' | 'helpUri'>): string {
  const anchor = context.rules.some((r) => r.id === id) ? `rule-${id}` : 'input-problems';
  return `${context.helpUri ?? DOCS_URL}#${anchor}`;
}

const LEVEL: Record<string, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(findings: Finding[], context: FormatContext): string {
  const ruleIds = [...context.rules.map((r) => r.id)];
  for (const f of findings) if (!ruleIds.includes(f.rule)) ruleIds.push(f.rule);
  const rules = ruleIds.map((id) => {
    const meta = context.rules.find((r) => r.id === id);
    const description = meta?.description ?? t(`input problem (${id})`, `输入问题（${id}）`);
    const help = ruleHelp(id);
    return {
      id,
      name: id.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase()),
      shortDescription: { text: ruleSummary(id, meta?.summary ?? description) },
      fullDescription: { text: ruleDescription(id, description) },
      help: { text: help, markdown: help },
      helpUri: helpUri(id, context),
      defaultConfiguration: { level: LEVEL[meta?.defaultSeverity ?? 'error'] },
      properties: { fixable: meta?.fixable ?? false },
    };
  });
  const results = findings.map((f) => {
    const region: Record<string, unknown> = {};
    if (f.line) {
      region.startLine = f.line;
      region.startColumn = f.column ?? 1;
      if (f.endLine) { region.endLine = f.endLine; region.endColumn = f.endColumn ?? region.startColumn; }
      if (f.text) region.snippet = { text: f.text };
    }
    const location = {
      physicalLocation: {
        artifactLocation: { uri: toUri(f.file), uriBaseId: '%SRCROOT%' },
        ...(f.line ? { region } : {}),
      },
    };
    return {
      ruleId: f.rule,
      ruleIndex: ruleIds.indexOf(f.rule),
      level: LEVEL[f.severity],
      message: { text: f.context ? `${localize(f.message)} — ${f.context}` : localize(f.message) },
      locations: [location],
      partialFingerprints: { 'reportLint/v1': fingerprint(`${f.rule}\0${f.file}\0${f.text ?? ''}\0${f.context ?? f.message}`) },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'report', version: context.version ?? '0.0.0', rules } },
      columnKind: 'unicodeCodePoints',
      originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory report lint ran in.' } } },
      invocations: [{
        executionSuccessful: !context.failure?.length,
        ...(context.failure?.length ? { toolExecutionNotifications: context.failure.map(notification) } : {}),
      }],
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function notification(d: Diagnostic) {
  const region = d.line ? { region: { startLine: d.line, startColumn: d.column ?? 1 } } : {};
  return {
    level: 'error',
    message: { text: localize(d.message) },
    descriptor: { id: d.rule },
    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(d.file), uriBaseId: '%SRCROOT%' }, ...region } }],
  };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded (Chinese names too). */
export function toUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  if (/^\//.test(path)) return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
  return path.split('/').map(encodeURIComponent).join('/');
}

/** FNV-1a, 64-bit, hex: stable across runs so code scanning can track a finding. */
function fingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
