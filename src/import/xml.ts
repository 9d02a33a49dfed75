/**
 * A small XML reader for the parts of a DOCX package: elements, attributes, text, CDATA and the
 * five predefined and numeric character references. Namespace prefixes are resolved and rewritten
 * to the conventional ones (`w:`, `r:`, `a:` …) by namespace URI, so a document written with other
 * prefixes (or Strict OOXML's URIs) reads the same. A DOCTYPE is skipped and custom entities are
 * never expanded, so a crafted part cannot make the reader grow past its input.
 */

export interface XmlElement {
  /** `w:p`, `a:blip`: the conventional prefix for known namespaces, else as written. */
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Namespace URIs (transitional and strict) → the prefix this module names them by. */
const KNOWN_NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
};

export class XmlError extends Error {}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return PREDEFINED[ref] ?? whole;
  });
}

const NAME_END = /[\s/>]/;
/** Deeper nesting than any DOCX has: refused, so the recursive queries below cannot overflow. */
const MAX_DEPTH = 256;

/** Parse a whole XML document; throws XmlError on text that is not well-formed enough to read. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: Array<{ element: XmlElement; scope: Map<string, string>; written: string }> = [{ element: root, scope: new Map(), written: '' }];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1];
    if (lt < 0) {
      appendText(top.element, decodeEntities(text.slice(i)));
      break;
    }
    if (lt > i) appendText(top.element, decodeEntities(text.slice(i, lt)));
    if (text.startsWith('<!--', lt)) {
      i = skipPast(text, '-->', lt + 4);
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlError('unterminated CDATA section');
      appendText(top.element, text.slice(lt + 9, end));
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      i = skipPast(text, '?>', lt + 2);
    } else if (text.startsWith('<!', lt)) {
      i = skipDeclaration(text, lt + 2);
    } else if (text[lt + 1] === '/') {
      const gt = text.indexOf('>', lt);
      if (gt < 0) throw new XmlError('unterminated end tag');
      const written = text.slice(lt + 2, gt).trim();
      if (stack.length === 1 || top.written !== written) throw new XmlError(`unexpected end tag </${written}>`);
      stack.pop();
      i = gt + 1;
    } else {
      i = readStartTag(text, lt, stack);
    }
  }
  if (stack.length > 1) throw new XmlError(`element <${stack[stack.length - 1].written}> is not closed`);
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!first) throw new XmlError('no root element');
  return first;
}

function readStartTag(text: string, lt: number, stack: Array<{ element: XmlElement; scope: Map<string, string>; written: string }>): number {
  let i = lt + 1;
  const nameEnd = searchFrom(text, NAME_END, i);
  const written = text.slice(i, nameEnd);
  if (!written) throw new XmlError('empty element name');
  i = nameEnd;
  const raw: Array<[string, string]> = [];
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) throw new XmlError(`unterminated start tag <${written}>`);
    if (text[i] === '>' || text.startsWith('/>', i)) break;
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new XmlError(`attribute without value in <${written}>`);
    const attribute = text.slice(i, eq).trim();
    let q = eq + 1;
    while (/\s/.test(text[q] ?? '')) q++;
    const quote = text[q];
    if (quote !== '"' && quote !== "'") throw new XmlError(`unquoted attribute ${attribute} in <${written}>`);
    const close = text.indexOf(quote, q + 1);
    if (close < 0) throw new XmlError(`unterminated attribute ${attribute} in <${written}>`);
    raw.push([attribute, decodeEntities(text.slice(q + 1, close))]);
    i = close + 1;
  }
  const selfClosing = text[i] === '/';
  const parent = stack[stack.length - 1];
  let scope = parent.scope;
  for (const [name, value] of raw) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (scope === parent.scope) scope = new Map(parent.scope);
      scope.set(name === 'xmlns' ? '' : name.slice(6), value);
    }
  }
  const attributes: Record<string, string> = {};
  for (const [name, value] of raw) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    // Unprefixed attributes belong to no namespace; OOXML's are all prefixed.
    attributes[name.includes(':') ? qualified(name, scope, false) : name] = value;
  }
  const element: XmlElement = { name: qualified(written, scope, true), attributes, children: [] };
  parent.element.children.push(element);
  if (!selfClosing) {
    if (stack.length > MAX_DEPTH) throw new XmlError(`elements nested more than ${MAX_DEPTH} levels deep`);
    stack.push({ element, scope, written });
  }
  return i + (selfClosing ? 2 : 1);
}

function qualified(name: string, scope: Map<string, string>, useDefault: boolean): string {
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const local = colon < 0 ? name : name.slice(colon + 1);
  if (!prefix && !useDefault) return local;
  const uri = scope.get(prefix);
  const known = uri === undefined ? undefined : KNOWN_NAMESPACES[uri];
  if (known) return `${known}:${local}`;
  return name;
}

function appendText(element: XmlElement, text: string): void {
  if (!text) return;
  const last = element.children[element.children.length - 1];
  if (typeof last === 'string') element.children[element.children.length - 1] = last + text;
  else element.children.push(text);
}

function skipPast(text: string, marker: string, from: number): number {
  const end = text.indexOf(marker, from);
  if (end < 0) throw new XmlError(`unterminated ${marker === '-->' ? 'comment' : 'processing instruction'}`);
  return end + marker.length;
}

/** Skip `<!DOCTYPE …>` including an internal subset in brackets. */
function skipDeclaration(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']') depth--;
    else if (text[i] === '>' && depth <= 0) return i + 1;
  }
  throw new XmlError('unterminated declaration');
}

function searchFrom(text: string, pattern: RegExp, from: number): number {
  for (let i = from; i < text.length; i++) if (pattern.test(text[i])) return i;
  return text.length;
}

// ---------------------------------------------------------------------------------------------
// Queries: the reader walks WordprocessingML with these few helpers.

export function childElements(element: XmlElement | undefined, name?: string): XmlElement[] {
  if (!element) return [];
  const out: XmlElement[] = [];
  for (const child of element.children) if (typeof child !== 'string' && (name === undefined || child.name === name)) out.push(child);
  return out;
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const child of element.children) if (typeof child !== 'string' && child.name === name) return child;
  return undefined;
}

/** The first descendant named `name`, depth first. */
export function findDescendant(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) return child;
    const found = findDescendant(child, name);
    if (found) return found;
  }
  return undefined;
}

/** All text below `element` (what a reader of the raw XML would see). */
export function textContent(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
