/**
 * A chart block → a native DrawingML chart (word/charts/chartN.xml) that Word, WPS and
 * LibreOffice draw from its own cached values and a user can restyle or, through the embedded
 * workbook (chart-workbook.ts), re-edit. Its plot area, axis range, bar widths and label rows come
 * from the shared geometry (src/chart/geometry.ts), so it takes the rows the PDF's chart takes.
 *
 * Renderers place chart text themselves; to keep every label on a grid row as the PDF does, the
 * plot area and legend have manual layouts and each value label a manual offset from where the
 * renderer would put it (LibreOffice's placement measured: style.yaml chart.docx). The value axis
 * is hidden: its tick labels, centred on gridlines, could never share the grid with the
 * category labels below the plot.
 */
import { ImportedXmlComponent, type ParagraphChild } from 'docx';
import { chartGeometry, SWATCH_EM, type ChartGeometry, type ChartLabel } from '../../chart/geometry.js';
import type { LayoutResult } from '../../layout/types.js';
import type { Block, Chart, Document } from '../../model/document.js';
import type { StyleSpec } from '../../style/spec.js';
import { chartWorkbook, sheetRefs } from './chart-workbook.js';
import type { ExtraParts } from './package.js';
import { escapeXml, XML_DECLARATION } from './xml.js';

const EMU_PER_PT = 12700;
const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
export const CHART_RELATIONSHIP = `${NS.r}/chart`;
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

export function chartRelationshipId(index: number): string {
  return `rIdReportChart${index}`;
}

/**
 * Every chart's parts for the package: word/charts/chartN.xml with its relationship to its
 * embedded workbook, the document's relationship to it, and the content types.
 */
export async function chartParts(charts: Map<Chart, number>, spec: StyleSpec, date: Date): Promise<ExtraParts | undefined> {
  if (charts.size === 0) return undefined;
  const extra: ExtraParts = {
    parts: {}, relationships: [], overrides: [],
    defaults: [{ extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }],
  };
  for (const [chart, n] of charts) {
    extra.parts[`word/charts/chart${n}.xml`] = chartXml(chart, spec);
    extra.parts[`word/charts/_rels/chart${n}.xml.rels`] = `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${NS.r}/package" Target="../embeddings/Microsoft_Excel_Worksheet${n}.xlsx"/></Relationships>`;
    extra.parts[`word/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`] = await chartWorkbook(chart, date);
    extra.relationships.push({ id: chartRelationshipId(n), type: CHART_RELATIONSHIP, target: `charts/chart${n}.xml` });
    extra.overrides.push({ partName: `/word/charts/chart${n}.xml`, contentType: CHART_CONTENT_TYPE });
  }
  return extra;
}

/** Each chart's N in word/charts/chartN.xml, set for the document being written (numberCharts). */
const CHART_NUMBERS = new WeakMap<Chart, number>();
/** Rows of a chart the layout set smaller to keep the closing block with the body (numberCharts). */
const CHART_ROWS = new WeakMap<Chart, number>();

/**
 * Number the document's charts 1, 2 … in order, the body's and then the attachment pages' (each
 * writes its paragraphs with a context of its own, so the numbers live here, with the charts).
 */
export function numberCharts(doc: Document, keep?: LayoutResult['closingKeep']): Map<Chart, number> {
  const charts = new Map<Chart, number>();
  const walk = (blocks: Block[]): void => {
    for (const block of blocks) {
      if (block.kind === 'chart') charts.set(block, charts.size + 1);
      else if (block.kind === 'list') block.items.forEach(walk);
      else if (block.kind === 'quote') walk(block.blocks);
    }
  };
  walk(doc.body);
  for (const page of doc.attachmentPages ?? []) walk(page.body);
  for (const [chart, n] of charts) {
    CHART_NUMBERS.set(chart, n);
    if (keep?.block === chart && keep.imageRows !== undefined) CHART_ROWS.set(chart, keep.imageRows);
    else CHART_ROWS.delete(chart);
  }
  return charts;
}

/** The inline drawing that shows a chart (numbered by numberCharts) in its paragraph. */
export function chartRun(chart: Chart, spec: StyleSpec): ParagraphChild {
  const index = CHART_NUMBERS.get(chart) ?? 1;
  const geometry = chartGeometry(chart, spec, CHART_ROWS.get(chart));
  const cx = Math.round(geometry.widthPt * EMU_PER_PT);
  const cy = Math.round(geometry.drawingHeightPt * EMU_PER_PT);
  const description = chart.categories.map((c, k) => `${c} ${chart.series.map((s) => s.values[k] ?? '—').join('/')}`).join('；');
  // raw DrawingML: docx has no chart element of its own that takes a manual layout
  return ImportedXmlComponent.fromXmlString(
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${index}" name="图表 ${index}" descr="${escapeXml(description)}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${chartRelationshipId(index)}"/></a:graphicData></a:graphic>` +
    '</wp:inline></w:drawing></w:r>',
  ) as unknown as ParagraphChild;
}

/** word/charts/chartN.xml; its data relationship (rId1) names the embedded workbook. */
export function chartXml(chart: Chart, spec: StyleSpec): string {
  const g = chartGeometry(chart, spec, CHART_ROWS.get(chart));
  const frame = new ChartFrame(g, spec);
  const plot = chart.type === 'pie' ? pieChartXml(chart, g, frame) : axisChartXml(chart, g, frame);
  const legend = chart.type !== 'pie' && chart.series.length > 1 ? legendXml(g, frame) : '';
  return `${XML_DECLARATION}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>' +
    `<c:chart><c:autoTitleDeleted val="1"/>${plot}${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `${NO_SHAPE}${frame.text(g.sizePt)}<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>`;
}

const NO_SHAPE = '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>';
/** Labels moved from their natural place get no line back to their bar (LibreOffice draws one otherwise). */
const NO_LEADER_LINES = '<c:extLst><c:ext uri="{CE6537A1-D6FC-4f65-9D91-7224C49458BB}" xmlns:c15="http://schemas.microsoft.com/office/drawing/2012/chart">' +
  '<c15:showLeaderLines val="0"/></c:ext></c:extLst>';
const FLAGS = ['showLegendKey', 'showVal', 'showCatName', 'showSerName', 'showPercent', 'showBubbleSize'] as const;

/** Positions as fractions of the drawing, text properties, LibreOffice's label placement. */
class ChartFrame {
  constructor(readonly g: ChartGeometry, readonly spec: StyleSpec) {}

  fx(x: number): string {
    return fraction(x / this.g.widthPt);
  }

  /** A position: the drawing starts a little below the chart's first row (chart.docx.drawingTopPt). */
  fy(y: number): string {
    return fraction((y - this.spec.chart.docx.drawingTopPt) / this.g.drawingHeightPt);
  }

  /** A distance (a label's offset). */
  dy(d: number): string {
    return fraction(d / this.g.drawingHeightPt);
  }

  /** Where a renderer's label box on `row` ends (LibreOffice: just below the row, as body text). */
  rowTextBottom(row: number): number {
    return (row + 1) * this.g.heightPt / this.g.rows + this.spec.chart.docx.textBelowRowPt;
  }

  labelBox(size: number): number {
    return this.spec.chart.docx.labelBoxEm * size;
  }

  text(size: number): string {
    const font = this.spec.fonts[this.spec.chart.font];
    return `<c:txPr><a:bodyPr rot="0" vert="horz" wrap="none"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${Math.round(size * 100)}" b="0" i="0">` +
      `<a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="${escapeXml(font.latin)}"/><a:ea typeface="${escapeXml(font.family)}"/>` +
      `<a:cs typeface="${escapeXml(font.latin)}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
  }

  flags(on: Array<(typeof FLAGS)[number]>): string {
    return FLAGS.map((flag) => `<c:${flag} val="${on.includes(flag) ? 1 : 0}"/>`).join('');
  }
}

function fraction(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

function axisChartXml(chart: Chart, g: ChartGeometry, frame: ChartFrame): string {
  const plot = g.plot!;
  const count = chart.categories.length;
  const series = chart.series.map((s, i) => {
    const color = frame.spec.chart.colors[i % frame.spec.chart.colors.length].slice(1);
    const look = chart.type === 'bar'
      ? `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>`
      : `<c:spPr><a:ln w="${Math.round(frame.spec.chart.lineWidthPt * EMU_PER_PT)}" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="${Math.max(2, Math.round(frame.spec.chart.markerSizePt))}"/>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker>`;
    const labels = g.labels.filter((l) => l.kind === 'value' && l.series === i);
    return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(s.name, i)}${look}${valueLabels(chart, labels, s, frame)}` +
      `${categoriesXml(chart)}${valuesXml(s.values, count, i)}${chart.type === 'line' ? '<c:smooth val="0"/>' : ''}</c:ser>`;
  }).join('');
  const layout = `<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/>` +
    `<c:x val="${frame.fx(plot.left)}"/><c:y val="${frame.fy(plot.top)}"/><c:w val="${frame.fx(plot.right - plot.left)}"/><c:h val="${frame.fy(plot.bottom - plot.top)}"/></c:manualLayout></c:layout>`;
  const groupWidth = frame.spec.chart.barGroupFraction;
  const gap = Math.round(((1 - groupWidth) / (groupWidth / chart.series.length)) * 100);
  const body = chart.type === 'bar'
    ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="${Math.min(500, gap)}"/><c:overlap val="0"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>`
    : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>`;
  const axisLine = `<c:spPr><a:noFill/><a:ln w="${Math.round(frame.spec.chart.axisWidthPt * EMU_PER_PT)}"><a:solidFill><a:srgbClr val="${frame.spec.chart.axisColor.slice(1)}"/></a:solidFill></a:ln></c:spPr>`;
  // category labels at the plot's bottom, also when bars go below 0 ("low": the axis crosses at 0);
  // tick marks between categories, which keep the labels clear of the axis in both outputs
  const low = plot.zeroY < plot.bottom - 0.5;
  const ticks = `<c:majorTickMark val="${low ? 'none' : 'out'}"/><c:minorTickMark val="none"/><c:tickLblPos val="${low ? 'low' : 'nextTo'}"/>`;
  const categoryAxis = '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${ticks}${axisLine}${frame.text(g.categorySizePt)}` +
    '<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="1"/></c:catAx>';
  const valueAxis = `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:max val="${plot.max}"/><c:min val="${plot.min}"/></c:scaling>` +
    '<c:delete val="1"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return `<c:plotArea>${layout}${body}${categoryAxis}${valueAxis}${NO_SHAPE}</c:plotArea>`;
}

/**
 * Each value label moved from where the renderer puts it (just past the bar's end, or above the
 * point) to the grid row the geometry chose.
 */
function valueLabels(chart: Chart, labels: ChartLabel[], series: Chart['series'][number], frame: ChartFrame): string {
  const { decimals } = series;
  const docx = frame.spec.chart.docx;
  const position = chart.type === 'bar' ? 'outEnd' : 't';
  const format = (digits: number) => `<c:numFmt formatCode="${digits > 0 ? `0.${'0'.repeat(digits)}` : '0'}" sourceLinked="0"/>`;
  const labelled = new Set(labels.map((label) => label.category));
  // points the geometry left unlabelled show none here either (the group below would label them)
  const hidden = series.values.map((v, k) => (v === null || labelled.has(k) ? -1 : k)).filter((k) => k >= 0);
  const each = labels.map((label) => {
    const box = frame.labelBox(label.sizePt);
    const anchor = label.anchorY!;
    const gap = chart.type === 'line' ? docx.pointLabelGapPt : docx.valueLabelGapPt;
    const natural = label.below ? anchor + gap + box : anchor - gap;
    const shift = frame.rowTextBottom(label.row) - natural;
    const place = chart.type === 'line' && label.below ? 'b' : position;
    return `<c:dLbl><c:idx val="${label.category}"/><c:layout><c:manualLayout><c:x val="0"/><c:y val="${frame.dy(shift)}"/></c:manualLayout></c:layout>` +
      `${format(decimals[label.category!])}${NO_SHAPE}${frame.text(label.sizePt)}<c:dLblPos val="${place}"/>${frame.flags(['showVal'])}</c:dLbl>`;
  }).concat(hidden.map((k) => `<c:dLbl><c:idx val="${k}"/><c:delete val="1"/></c:dLbl>`)).sort(byIndex).join('');
  return `<c:dLbls>${each}<c:numFmt formatCode="General" sourceLinked="0"/>${NO_SHAPE}${frame.text(frame.g.sizePt)}<c:dLblPos val="${position}"/>${frame.flags(['showVal'])}${NO_LEADER_LINES}</c:dLbls>`;
}

/** The series' legend centred on its row, where the geometry put the PDF's. */
function legendXml(g: ChartGeometry, frame: ChartFrame): string {
  const first = g.swatches[0];
  const size = g.labels.find((l) => l.kind === 'legend')!.sizePt;
  const docx = frame.spec.chart.docx;
  const top = frame.rowTextBottom(first.row) - frame.labelBox(size) - docx.legendPaddingPt;
  const left = Math.max(0, first.x - docx.legendPaddingPt);
  return `<c:legend><c:legendPos val="t"/><c:layout><c:manualLayout><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="${frame.fx(left)}"/><c:y val="${frame.fy(top)}"/></c:manualLayout></c:layout>` +
    `<c:overlay val="1"/>${NO_SHAPE}${frame.text(size)}</c:legend>`;
}

/**
 * A pie: slices in the geometry's colours, each labelled with a legend key, its category and
 * its share, moved to the slice's row in the column right of the pie.
 */
function pieChartXml(chart: Chart, g: ChartGeometry, frame: ChartFrame): string {
  const pie = g.pie!;
  const count = chart.categories.length;
  const colors = frame.spec.chart.colors;
  const points = chart.categories.map((_, k) => `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${colors[k % colors.length].slice(1)}"/></a:solidFill>` +
    '<a:ln w="9525"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>').join('');
  const format = '<c:numFmt formatCode="0.0%" sourceLinked="0"/>';
  const labels = chart.categories.map((_, k) => {
    const label = g.labels.find((l) => l.kind === 'slice' && l.category === k);
    const slice = pie.slices.find((s) => s.category === k);
    if (!label || !slice) return `<c:dLbl><c:idx val="${k}"/><c:delete val="1"/></c:dLbl>`;
    // the renderer centres a label in its slice, halfway out; moved to the label's row and column
    const middle = (slice.start + slice.end) / 2;
    const naturalX = pie.cx + (pie.r / 2) * Math.sin(middle);
    const naturalY = pie.cy - (pie.r / 2) * Math.cos(middle);
    const box = frame.labelBox(label.sizePt);
    const key = SWATCH_EM * label.sizePt;
    const width = key + 0.4 * label.sizePt + label.widthPt;
    const dx = label.x - key - 0.4 * label.sizePt + width / 2 - naturalX;
    const dy = frame.rowTextBottom(label.row) - box / 2 - (naturalY + frame.spec.chart.docx.sliceLabelDropPt);
    return `<c:dLbl><c:idx val="${k}"/><c:layout><c:manualLayout><c:x val="${frame.fx(dx)}"/><c:y val="${frame.dy(dy)}"/></c:manualLayout></c:layout>` +
      `${format}${NO_SHAPE}${frame.text(label.sizePt)}<c:dLblPos val="ctr"/>${frame.flags(['showLegendKey', 'showCatName', 'showPercent'])}<c:separator> </c:separator></c:dLbl>`;
  }).join('');
  const dLbls = `<c:dLbls>${labels}${format}${NO_SHAPE}${frame.text(g.sizePt)}<c:dLblPos val="ctr"/>${frame.flags(['showLegendKey', 'showCatName', 'showPercent'])}<c:separator> </c:separator><c:showLeaderLines val="0"/></c:dLbls>`;
  const layout = `<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/>` +
    `<c:x val="${frame.fx(pie.cx - pie.r)}"/><c:y val="${frame.fy(pie.cy - pie.r)}"/><c:w val="${frame.fx(2 * pie.r)}"/><c:h val="${frame.fy(2 * pie.r)}"/></c:manualLayout></c:layout>`;
  const series = `<c:ser><c:idx val="0"/><c:order val="0"/>${seriesName(chart.series[0].name, 0)}${points}${dLbls}${categoriesXml(chart)}${valuesXml(chart.series[0].values, count, 0)}</c:ser>`;
  return `<c:plotArea>${layout}<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>${NO_SHAPE}</c:plotArea>`;
}

/** dLbl elements in point order (the schema lists them by idx). */
function byIndex(a: string, b: string): number {
  const index = (xml: string) => Number(/<c:idx val="(\d+)"/.exec(xml)![1]);
  return index(a) - index(b);
}

function seriesName(name: string, index: number): string {
  return `<c:tx><c:strRef><c:f>${sheetRefs.seriesName(index)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
}

function categoriesXml(chart: Chart): string {
  const points = chart.categories.map((c, k) => `<c:pt idx="${k}"><c:v>${escapeXml(c)}</c:v></c:pt>`).join('');
  return `<c:cat><c:strRef><c:f>${sheetRefs.categories(chart.categories.length)}</c:f><c:strCache><c:ptCount val="${chart.categories.length}"/>${points}</c:strCache></c:strRef></c:cat>`;
}

/** The cached values Word draws until the workbook is opened: exactly the indicators' numbers. */
function valuesXml(values: Array<number | null>, count: number, series: number): string {
  const points = values.map((v, k) => (v === null ? '' : `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:val><c:numRef><c:f>${sheetRefs.values(series, count)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${points}</c:numCache></c:numRef></c:val>`;
}
