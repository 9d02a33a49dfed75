/**
 * The document model: the one typed tree between the readers (project → template → markdown)
 * and the writers (docx, layout → pdf). Like pandoc's AST, no writer may look past it to mdast,
 * Handlebars or YAML; everything a writer needs is here or in the style spec.
 */

/** Where a piece of the model came from, in the file the author edits (1-based, code points). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** An unfilled blank (`XX`) kept on purpose by a --draft build: writers must make it visible. */
  placeholder?: boolean;
}

export interface LineBreak {
  kind: 'break';
}

export type Inline = TextRun | LineBreak;

export interface Heading {
  kind: 'heading';
  /** 1 = 一、 2 = （一） 3 = 1. 4 = （1） */
  level: 1 | 2 | 3 | 4;
  /** Generated number as printed, e.g. `一、`, `（二）`, `3.`, `（1）`. */
  number: string;
  /** Position of this heading among its siblings under the same parent, starting at 1. */
  ordinal: number;
  /** Heading text without the number. */
  content: Inline[];
  source?: SourcePosition;
}

export interface Paragraph {
  kind: 'paragraph';
  content: Inline[];
  source?: SourcePosition;
}

export interface TableCell {
  content: Inline[];
}

export interface Table {
  kind: 'table';
  /** The first row is the header row when `header` is true. */
  rows: TableCell[][];
  header: boolean;
  align: Array<'left' | 'center' | 'right' | null>;
  /** 表N and its title, printed above the table (model/caption.ts). */
  caption?: Caption;
  source?: SourcePosition;
}

/**
 * A numbered caption: `表1`/`图1` counted in document order by the reader, which also prints
 * every reference to it (`[表](#key)`) as the label. Tables carry theirs above, figures below.
 */
export interface Caption {
  /** As printed: `表1`, `图2`. */
  label: string;
  /** The title after the label (may be empty). */
  content: Inline[];
  /** The author's key for references (`{#key}`), when given. */
  key?: string;
  source?: SourcePosition;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  start: number;
  /** Each item is a sequence of blocks (usually one paragraph). */
  items: Block[][];
  source?: SourcePosition;
}

export interface Quote {
  kind: 'quote';
  blocks: Block[];
  source?: SourcePosition;
}

export interface Image {
  kind: 'image';
  /** Absolute path, already confined to the project directory by the loader. */
  path: string;
  alt: string;
  format: 'png' | 'jpeg';
  /** Pixel size read from the file header, for scaling to the text width. */
  widthPx: number;
  heightPx: number;
  /** 图N and its title, printed below the image. */
  caption?: Caption;
  source?: SourcePosition;
}

export interface ChartSeries {
  /** Legend text: the indicator's name, 本期, 上年同期 … */
  name: string;
  /** One value per category; null where the data has none (a gap). */
  values: Array<number | null>;
  /** Digits after the point each value prints with (its data label), as the data writes it. */
  decimals: number[];
}

/**
 * A chart drawn from indicators (a ```chart fence), with its data already resolved: writers
 * draw these numbers and never see indicators or YAML. Both writers size it with the shared
 * geometry (src/chart/geometry.ts), so it takes the same whole grid rows in the PDF and the DOCX.
 */
export interface Chart {
  kind: 'chart';
  type: 'bar' | 'line' | 'pie';
  /** Category labels along the axis (bar, line) or the slices (pie). */
  categories: string[];
  series: ChartSeries[];
  /** The values' unit (亿元, %), when the data gives one; printed after the caption title. */
  unit?: string;
  /** 图N and its title, printed below the chart. */
  caption?: Caption;
  source?: SourcePosition;
}

export interface ThematicBreak {
  kind: 'thematicBreak';
}

export type Block = Heading | Paragraph | Table | ListBlock | Quote | Image | Chart | ThematicBreak;

export interface DocumentMetadata {
  title: string;
  /** From the signature, for PDF/DOCX author fields. */
  author?: string;
  /** From `date` in report.yaml, else SOURCE_DATE_EPOCH, else 2000-01-01: never the build time. */
  created: Date;
  language: 'zh-CN';
}

export interface Document {
  /** Title (标题), 2号小标宋, centred; may wrap. */
  title: string;
  /** 主送机关 as printed, ending with its full-width colon; flush left. */
  recipient?: string;
  body: Block[];
  /** 附件说明 names, in order. */
  attachments: string[];
  /** 发文机关署名, one line per organ. */
  signature: string[];
  /** 成文日期 as printed: `2023年6月20日`. */
  date?: string;
  /** 文种 (report.yaml `kind:`), when given. */
  kind?: string;
  /** 版头 (§7.2); absent: the document starts with its title. */
  masthead?: Masthead;
  /** 附注 as written (the writers add the round brackets when it has none), after the 成文日期. */
  note?: string;
  /** 附件 printed after the body, each from a new page (§7.3.7). */
  attachmentPages?: AttachmentPage[];
  /** 版记 (§7.4), at the foot of the last page. */
  colophon?: Colophon;
  metadata: DocumentMetadata;
}

/** 版头 elements as written in report.yaml `header:` (placed by model/masthead.ts). */
export interface Masthead {
  /** 份号, six digits. */
  copy?: string;
  /** 密级和保密期限: `秘密★1年`. */
  secret?: string;
  /** 紧急程度: `特急`. */
  urgency?: string;
  /** 发文机关 (the template adds its suffix, 文件 or 纪要, to make the 标志). */
  issuer?: string;
  /** The exact 标志 text, when given: overrides issuer + suffix. */
  mark?: string;
  /** 发文字号: `青政发〔2024〕12号`. */
  number?: string;
  /** 签发人 (上行文), in order. */
  signers: string[];
}

export interface AttachmentPage {
  /** Its number in the 附件说明 (1-based), printed as 附件N (附件 alone when it is the only one). */
  number: number;
  title: string;
  body: Block[];
}

export interface Colophon {
  /** 抄送机关, in order. */
  cc: string[];
  /** 印发机关. */
  printedBy?: string;
  /** 印发日期 as printed: `2024年7月5日` (the template adds 印发). */
  printedOn?: string;
}

/** Plain text of inline content (what a reader would copy out of the document). */
export function inlineText(content: Inline[]): string {
  return content.map((run) => (run.kind === 'text' ? run.text : '\n')).join('');
}
