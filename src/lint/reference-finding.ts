/** A finding at a Handlebars reference, with the context line of the file it is written in. */
import type { HandlebarsReference } from './handlebars-references.js';
import type { Finding, LintInput, RuleMeta } from './rule.js';

export function referenceFinding(input: LintInput, meta: RuleMeta, ref: HandlebarsReference, message: string): Finding {
  const source = input.markdown.find((m) => m.file.displayPath === ref.file) ?? input.yaml.find((y) => y.file.displayPath === ref.file);
  const end = source ? source.index.position(ref.end) : undefined;
  return {
    file: ref.file,
    line: ref.line,
    column: ref.column,
    endLine: end?.line,
    endColumn: end?.column,
    rule: meta.id,
    severity: meta.defaultSeverity,
    message,
    text: `{{${ref.original}}}`,
    context: source?.index.context(ref.start, ref.end),
  };
}
