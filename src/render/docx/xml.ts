/**
 * Small helpers for the parts this writer serialises itself (styles, numbering, settings, fonts,
 * core properties): the docx package has no options for several elements a 公文 needs
 * (w:overflowPunct, kinsoku lists, style-linked numbering), so those parts are written here
 * as plain strings, always in schema order and with no data-dependent randomness.
 */
import type { FontRole, StyleSpec } from '../../style/spec.js';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function escapeXml(text: string): string {
  return dropXmlIllegal(text).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

/** Characters XML 1.0 cannot hold at all (C0 controls but tab and newline, U+FFFE/U+FFFF, lone surrogates). */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Word refuses a document holding one of them anywhere, so they are dropped (a PDF prints nothing for them either). */
export function dropXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

/** `name="value"` pairs, skipping undefined values, in the order given. */
export function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
}

/**
 * The four rFonts slots for a font role, the way zh-CN Word writes them: the Chinese family in
 * eastAsia, the role's Latin face in ascii/hAnsi/cs, and the eastAsia hint so that general
 * punctuation (“ ” — …) is taken from the Chinese face too.
 */
export function runFontsXml(spec: StyleSpec, role: FontRole): string {
  const font = spec.fonts[role];
  return `<w:rFonts${attributes({ 'w:ascii': font.latin, 'w:hAnsi': font.latin, 'w:eastAsia': font.family, 'w:cs': font.latin, 'w:hint': 'eastAsia' })}/>`;
}
