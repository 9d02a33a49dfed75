// Projects for `npm run bench`: the reference report (shared/reference/town-report-2023h1.txt,
// a real 8-page 镇 half-year report) as a report project, the same text repeated to any size,
// and the same text as a Typst document laid out the 公文 way, so both engines set one text.
// The reference's blanks (XX) become indicator references, so the build exercises templates and
// passes its blank check; without ../shared the generated sample text stands in (said so).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SHARED_REFERENCE = resolve(process.env.REPORT_SHARED ?? join(root, '..', 'shared'), 'reference', 'town-report-2023h1.txt');

const HEADING1 = /^[一二三四五六七八九十]+、/;
const HEADING2 = /^[(（][一二三四五六七八九十]+[)）]/;
/** A blank followed by one of these is a figure; any other XX is the place name. */
const FIGURE_NEXT = /^[亿万%元人个亩件家名处场次]/;

/** The reference text and where it came from. */
export async function referenceText() {
  if (existsSync(SHARED_REFERENCE)) return { text: readFileSync(SHARED_REFERENCE, 'utf8'), source: SHARED_REFERENCE };
  const { sampleDocument, printedText } = await import('./sample-report.mjs');
  return { text: printedText(sampleDocument({ sections: 3 })), source: 'generated sample text (shared/reference not found)' };
}

/**
 * The reference as sections: Markdown with `{{…}}` for each blank, the indicators they name, and
 * the same text with the figures filled in (for Typst, which has no data step).
 */
export function referenceSections(text) {
  const indicators = { 镇名: '云溪' };
  let figures = 0;
  const fill = (line) => line.replace(/XX/g, (_, offset, whole) => {
    if (!FIGURE_NEXT.test(whole.slice(offset + 2))) return '{{镇名}}';
    const key = `指标${++figures}`;
    indicators[key] = Number((3 + ((figures * 7.31) % 90)).toFixed(figures % 3));
    return `{{${key}}}`;
  });
  const blocks = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (HEADING1.test(line)) blocks.push({ level: 1, text: fill(line) });
    else if (HEADING2.test(line)) blocks.push({ level: 2, text: fill(line.replace(/^\((.+?)\)/, '（$1）')) });
    else blocks.push({ level: 0, text: fill(line) });
  }
  const markdown = blocks.map((b) => `${b.level ? `${'#'.repeat(b.level)} ` : ''}${b.text}\n`).join('\n');
  const plain = blocks.map((b) => ({ ...b, text: b.text.replace(/\{\{(.+?)\}\}/g, (_, key) => String(indicators[key])) }));
  return { markdown, indicators, blocks: plain };
}

/** Writes a report project holding the reference `copies` times (one section file a copy). */
export async function writeReferenceProject(dir, { copies = 1 } = {}) {
  const { text, source } = await referenceText();
  const { markdown, indicators } = referenceSections(text);
  mkdirSync(join(dir, 'sections'), { recursive: true });
  writeFileSync(join(dir, 'report.yaml'), [
    'title: "{{镇名}}镇2023年上半年工作总结和下半年工作思路"',
    'recipient: 市委、市政府',
    'signature: 中共{{镇名}}镇委员会',
    'date: 2023-07-05',
    'indicators: indicators.yaml',
    'sections: [sections/*.md]',
    'output: { dir: out, name: reference, formats: [docx, pdf] }',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'indicators.yaml'), Object.entries(indicators).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n');
  for (let i = 0; i < copies; i++) writeFileSync(join(dir, 'sections', `${String(i + 1).padStart(4, '0')}.md`), markdown);
  return { dir, source, characters: text.length * copies };
}

const typstString = (s) => JSON.stringify(s);
/** Typst markup escapes: the reference has none of Typst's syntax but `#`, `*`, `_`, `$`, `@`, `<`. */
const typstText = (s) => s.replace(/[\\#*_$@<>`[\]~=-]/g, (c) => `\\${c}`);

/**
 * The same text as a Typst document with the 公文 page: A4, margins 37/35/28/26 mm, 16 pt body
 * on a 28.95 pt pitch, 22 pt title, 黑体/楷体 headings, `— N —` page numbers.
 * `fonts`: { title, body, heading1, heading2, latin } family names as Typst sees them.
 */
export function typstDocument(blocks, fonts, { copies = 1 } = {}) {
  const head = [
    `#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm), footer: context [#set text(size: 14pt); #h(1fr) — #counter(page).display() — #h(1em)])`,
    `#set text(font: (${typstString(fonts.latin)}, ${typstString(fonts.body)}), size: 16pt, lang: "zh", region: "cn", top-edge: "ascender", bottom-edge: "descender")`,
    `#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 12.95pt, spacing: 12.95pt)`,
    `#show heading.where(level: 1): set text(font: ${typstString(fonts.heading1)}, size: 16pt, weight: "regular")`,
    `#show heading.where(level: 2): set text(font: ${typstString(fonts.heading2)}, size: 16pt, weight: "regular")`,
    `#show heading: it => block(above: 12.95pt, below: 12.95pt, h(2em) + it.body)`,
    `#align(center, text(font: ${typstString(fonts.title)}, size: 22pt, weight: "bold")[云溪镇2023年上半年工作总结和下半年工作思路])`,
    `市委、市政府：`,
    '',
  ];
  const body = blocks.map((b) => (b.level ? `${'='.repeat(b.level)} ${typstText(b.text)}` : typstText(b.text))).join('\n\n');
  const closing = `\n\n#align(right)[中共云溪镇委员会 \\ 2023年7月5日]\n`;
  return head.join('\n') + Array.from({ length: copies }, () => body).join('\n\n') + closing;
}
