/**
 * The 公文 keys of report.yaml (spec/product.md "公文 elements"): `kind`, `header` (版头), `note`
 * (附注), attachments with a `file` (附件 pages) and `footer` (版记). Each problem is one line at
 * its report.yaml position; a project without these keys reads exactly as before.
 */
import { builtInKinds } from '../style/spec.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { YamlSource } from './yaml-source.js';

export interface HeaderConfig {
  issuer?: string;
  mark?: string;
  number?: string;
  signer: string[];
  copy?: string;
  secret?: string;
  urgency?: string;
}

export interface FooterConfig {
  cc: string[];
  printedBy?: string;
  /** ISO date `2024-07-05` as written. */
  printedOn?: string;
}

export interface GongwenConfig {
  kind?: string;
  /** The built-in template folder the kind picks (templates/<name>). */
  kindTemplate?: string;
  header?: HeaderConfig;
  note?: string;
  /** 附件说明 names, in order (a plain name or an entry's `title`). */
  attachments: string[];
  /** The Markdown file of each attachment that is printed after the body, by its index in `attachments`. */
  attachmentFiles: Array<string | undefined>;
  footer?: FooterConfig;
}

export const GONGWEN_KEYS = ['kind', 'header', 'note', 'footer'];
const HEADER_KEYS = ['issuer', 'mark', 'number', 'signer', 'copy', 'secret', 'urgency'];
const FOOTER_KEYS = ['cc', 'printedBy', 'printedOn'];
const ATTACHMENT_KEYS = ['title', 'file'];

type Path = Array<string | number>;
type Fail = (path: Path, message: string) => never;
type CheckKeys = (source: YamlSource, raw: Record<string, unknown>, known: string[], path: string[]) => void;

export function readGongwenKeys(source: YamlSource, raw: Record<string, unknown>, fail: Fail, checkKeys: CheckKeys): GongwenConfig {
  const text = (path: Path, value: unknown): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return fail(path, `\`${path.join('.')}\` must be a string`);
  };
  const texts = (path: Path, value: unknown): string[] => {
    if (value === undefined || value === null) return [];
    const list = Array.isArray(value) ? value : [value];
    return list.map((entry, i) => text(Array.isArray(value) ? [...path, i] : path, entry) ?? fail([...path, i], `\`${path.join('.')}[${i}]\` must be a string`));
  };
  const mapping = (key: string, value: unknown, known: string[]): Record<string, unknown> | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return fail([key], `\`${key}\` must be a mapping of ${known.join(', ')}`);
    checkKeys(source, value as Record<string, unknown>, known, [key]);
    return value as Record<string, unknown>;
  };

  const kinds = builtInKinds();
  const kind = text(['kind'], raw.kind);
  if (kind !== undefined && !kinds.has(kind)) {
    const known = [...kinds.keys()];
    const guess = didYouMean(kind, known);
    fail(['kind'], `unknown kind "${kind}"${guess ? `; did you mean "${guess}"?` : ''} (文种: ${known.join('、')})`);
  }

  const rawHeader = mapping('header', raw.header, HEADER_KEYS);
  let header: HeaderConfig | undefined;
  if (rawHeader) {
    const copy = text(['header', 'copy'], rawHeader.copy);
    if (copy !== undefined && !/^\d{1,6}$/.test(copy)) fail(['header', 'copy'], `\`header.copy\` (份号) is up to six digits, e.g. "000001" (got "${copy}")`);
    const number = text(['header', 'number'], rawHeader.number);
    const problem = number !== undefined && !number.includes('{{') ? documentNumberProblem(number) : undefined;
    if (problem) fail(['header', 'number'], problem);
    header = {
      issuer: text(['header', 'issuer'], rawHeader.issuer),
      mark: text(['header', 'mark'], rawHeader.mark),
      number,
      signer: texts(['header', 'signer'], rawHeader.signer),
      // YAML reads 000001 as the number 1: 份号 are printed with six digits
      copy: copy?.padStart(6, '0'),
      secret: text(['header', 'secret'], rawHeader.secret),
      urgency: text(['header', 'urgency'], rawHeader.urgency),
    };
  }

  const rawFooter = mapping('footer', raw.footer, FOOTER_KEYS);
  let footer: FooterConfig | undefined;
  if (rawFooter) {
    const printedOn = text(['footer', 'printedOn'], rawFooter.printedOn);
    if (printedOn !== undefined && !/^\d{4}-\d{1,2}-\d{1,2}$/.test(printedOn)) fail(['footer', 'printedOn'], `\`footer.printedOn\` must be written as YYYY-MM-DD (got "${printedOn}")`);
    footer = { cc: texts(['footer', 'cc'], rawFooter.cc), printedBy: text(['footer', 'printedBy'], rawFooter.printedBy), printedOn };
  }

  const attachments: string[] = [];
  const attachmentFiles: Array<string | undefined> = [];
  const entries = raw.attachments === undefined || raw.attachments === null ? [] : Array.isArray(raw.attachments) ? raw.attachments : [raw.attachments];
  entries.forEach((entry, i) => {
    const at: Path = Array.isArray(raw.attachments) ? ['attachments', i] : ['attachments'];
    if (entry !== null && typeof entry === 'object' && !Array.isArray(entry) && !(entry instanceof Date)) {
      const item = entry as Record<string, unknown>;
      checkKeys(source, item, ATTACHMENT_KEYS, at.map(String));
      const title = text([...at, 'title'], item.title);
      if (!title?.trim()) fail(at, `\`attachments[${i}]\` needs a \`title\` (the name listed in the 附件说明)`);
      const file = text([...at, 'file'], item.file);
      attachments.push(title!);
      attachmentFiles.push(file);
    } else {
      attachments.push(text(at, entry) ?? fail(at, `\`attachments[${i}]\` must be a name or { title, file }`));
      attachmentFiles.push(undefined);
    }
  });

  return { kind, kindTemplate: kind === undefined ? undefined : kinds.get(kind), header, note: text(['note'], raw.note), attachments, attachmentFiles, footer };
}

/**
 * 发文字号 (§7.2.5): 机关代字, the full year in 六角括号 〔〕, the number without 第 or leading zeros,
 * then 号 — `青政发〔2024〕12号`. Returns what is wrong, in words, or undefined.
 */
/**
 * Where `attachments[i]` (or its `title`/`file`) is written in report.yaml, for diagnostics: the
 * list may be one entry unlisted, and a bare name has no `title`/`file` key.
 */
export function attachmentEntryPath(source: YamlSource, attachmentFiles: Array<string | undefined>, i: number, key?: 'title' | 'file'): Path {
  const listed = Array.isArray((source.data as Record<string, unknown> | null)?.attachments);
  const entry: Path = listed ? ['attachments', i] : ['attachments'];
  return key && attachmentFiles[i] !== undefined ? [...entry, key] : entry;
}

export function documentNumberProblem(number: string): string | undefined {
  const year = /〔(\d{4})〕/.exec(number);
  if (!year) {
    const other = /[[(（【［{｛<〈《]\s*(\d{2,4})\s*[\])）】］}｝>〉》]/.exec(number);
    const suggestion = other ? `: ${number.replace(other[0], `〔${other[1].length === 4 ? other[1] : `20${other[1]}`}〕`)}` : ', e.g. 青政发〔2024〕12号';
    return `\`header.number\` (发文字号) must give the full year in 〔〕 brackets${suggestion} (got "${number}")`;
  }
  const rest = number.slice(year.index + year[0].length);
  if (/^\s*第/.test(rest)) return `\`header.number\` (发文字号) takes no 第: ${number.replace(/〔(\d{4})〕\s*第/, '〔$1〕')} (got "${number}")`;
  if (/^\s*0\d/.test(rest)) return `\`header.number\` (发文字号) takes no leading zeros: ${number.replace(/〔(\d{4})〕\s*0+(?=\d)/, '〔$1〕')} (got "${number}")`;
  if (!/^\s*\d+\s*号$/.test(rest)) return `\`header.number\` (发文字号) ends with the number and 号 after the year, e.g. 青政发〔2024〕12号 (got "${number}")`;
  return undefined;
}
