/**
 * The flow between blocks and pages: a block becomes a group of items, each a whole number of
 * grid rows tall, that knows how to draw itself once pagination has given it a row. Groups carry
 * the keep rules (headings keep with the next row, the signature keeps with the text above it).
 */
import type { GridMetrics } from '../style/spec.js';
import type { PageContent } from './types.js';

export interface PageCanvas extends PageContent {
  grid: GridMetrics;
}

export interface FlowItem {
  /** Grid rows the item occupies. */
  rows: number;
  blank?: boolean;
  /** The text of a paragraph row, as printed. */
  text?: string;
  /** A figure set smaller, `rows` tall (the standard's remedy for a closing block left alone); undefined when it cannot be. */
  shrinkTo?(rows: number): FlowItem | undefined;
  /** Draw the item with its first row at grid row `row` of the page. */
  place(page: PageCanvas, row: number): void;
}

export type GroupKind = 'masthead' | 'title' | 'text' | 'heading' | 'table' | 'image' | 'blank' | 'attachments' | 'signature' | 'attachmentHead' | 'colophon';

export interface FlowGroup {
  kind: GroupKind;
  items: FlowItem[];
  /** Never the last thing on a page (headings, the title block). */
  keepWithNext?: boolean;
  /** Placed on one page as a whole. */
  keepTogether?: boolean;
  /** Never the first thing on a page: text from above moves down with it (the signature). */
  keepWithPrevious?: boolean;
  /** Set again at the top of each page the group continues on (a table's header row). */
  repeatOnNewPage?: FlowItem;
  /** The model block the group sets (so writers can learn where pagination split it). */
  block?: object;
  /** Starts a new page (an attachment, §7.3.7). */
  breakBefore?: boolean;
  /** The caption under a figure (图N): it moves with the figure and is no body text above the closing block. */
  figureCaption?: boolean;
  /**
   * Set on the last rows of a page (the 版记, §7.4), on an even page when `evenPage`; a blank page
   * goes before it when needed, numbered only when `numberBlankPages`.
   */
  pageFoot?: { evenPage: boolean; numberBlankPages: boolean };
}

/** Where the body's end was moved down so that the closing block does not stand alone. */
export interface ClosingKeep {
  group: number;
  /** Index of the group's first item that moved to the closing block's page. */
  fromItem: number;
  /** Set when the body ends on an image that was set this many rows tall to make room instead. */
  imageRows?: number;
}

export interface Pagination {
  pages: Entry[][];
  closingKeep?: ClosingKeep;
  /** Where the page-foot group went (see FlowGroup.pageFoot), as LayoutResult.colophon. */
  pageFoot?: { fromPage: number; fromRow: number; page: number; row: number };
  /** Pages that carry no page number (0-based). */
  unnumbered: number[];
}

export const blankItem = (): FlowItem => ({ rows: 1, blank: true, place: () => undefined });

interface Entry { item: FlowItem; group: number }

const rowsOf = (group: FlowGroup): number => group.items.reduce((sum, item) => sum + item.rows, 0);
const isClosing = (group: FlowGroup): boolean => group.kind === 'attachments' || group.kind === 'signature';

/**
 * When the figure (image or chart) at `index` ends the body, the rows of its caption and of the
 * closing block (附件说明, 署名, 日期) after it, up to a page break (附件 pages) or the 版记.
 */
function rowsAfterClosingFigure(groups: FlowGroup[], index: number): number | undefined {
  if (groups[index]?.kind !== 'image') return undefined;
  const end = groups.findIndex((g, k) => k > index && (g.breakBefore || g.pageFoot));
  const after = groups.slice(index + 1, end === -1 ? undefined : end);
  const rest = after[0]?.figureCaption ? after.slice(1) : after;
  if (rest.length === 0 || !rest.every(isClosing)) return undefined;
  return after.reduce((sum, g) => sum + rowsOf(g), 0);
}

/** Rows a group needs on the current page before it may start there. */
function startNeed(groups: FlowGroup[], index: number, depth = 0): number {
  const group = groups[index];
  if (!group || depth > 8) return 0;
  const total = group.items.reduce((sum, item) => sum + item.rows, 0);
  if (group.keepWithNext) return total + startNeed(groups, index + 1, depth + 1);
  if (group.keepTogether) return total;
  // A table header never stands alone at the foot of a page: it needs its first data row.
  if (group.repeatOnNewPage) return group.items.slice(0, 2).reduce((sum, item) => sum + item.rows, 0);
  if (group.kind === 'blank') return total + startNeed(groups, index + 1, depth + 1);
  if (group.kind === 'text') return total <= 3 ? total : 2;
  return group.items[0]?.rows ?? 0;
}

/** Assign every item to a page and a row; returns the items of each page in order. */
export function paginate(groups: FlowGroup[], rowsPerPage: number): Pagination {
  const pages: Entry[][] = [[]];
  let closingKeep: ClosingKeep | undefined;
  let pageFoot: Pagination['pageFoot'];
  const unnumbered: number[] = [];
  let used = 0;
  const current = (): Entry[] => pages[pages.length - 1];
  const newPage = (): void => {
    pages.push([]);
    used = 0;
  };
  const put = (item: FlowItem, group: number): void => {
    if (used + item.rows > rowsPerPage && used > 0) newPage();
    current().push({ item, group });
    used += item.rows;
  };

  groups.forEach((original, gi) => {
    if (original.kind === 'image') fitClosingImage(gi);
    const group = groups[gi];
    if (group.breakBefore && current().length > 0) newPage();
    if (group.pageFoot) {
      placeAtFoot(group, gi, group.pageFoot);
      return;
    }
    if (group.kind === 'blank') {
      if (used > 0 && used < rowsPerPage) put(group.items[0], gi);
      return;
    }
    const need = startNeed(groups, gi);
    if (need > rowsPerPage - used && used > 0) {
      // a figure ending the body that opens a new page takes body rows along: a figure is no
      // body text, and the closing block after it must not stand without any (§7.3.5)
      const closingRows = rowsAfterClosingFigure(groups, gi);
      if (group.keepWithPrevious) pullBack(pages, groups, need);
      else if (closingRows !== undefined) pullBack(pages, groups, rowsOf(group) + closingRows, true);
      else newPage();
      used = current().reduce((sum, e) => sum + e.item.rows, 0);
    }
    let items = group.items;
    // a blank row that would open a page is dropped
    while (used === 0 && items[0]?.blank && items.length > 1 && !group.keepWithPrevious) items = items.slice(1);
    if (group.kind !== 'text' || group.keepTogether) {
      items.forEach((item, k) => {
        const repeat = group.repeatOnNewPage;
        if (repeat && k > 0 && used > 0 && used + item.rows > rowsPerPage) {
          newPage();
          put(repeat, gi);
        }
        put(item, gi);
      });
      return;
    }
    let index = 0;
    while (index < items.length) {
      const left = items.length - index;
      const room = rowsPerPage - used;
      if (left <= room) {
        for (; index < items.length; index++) put(items[index], gi);
        break;
      }
      let take = room;
      if (left - take < 2) take = left - 2; // no widow: at least two rows go over
      if (index === 0 && take < 2) take = 0; // no orphan: at least two rows stay
      if (take <= 0 && used === 0) take = Math.min(left, rowsPerPage);
      for (let k = 0; k < take; k++) put(items[index++], gi);
      newPage();
    }
  });
  if (pages.length > 1 && current().length === 0) pages.pop();
  return { pages, closingKeep, pageFoot, unnumbered };

  /** The group's rows on the last rows of the current page, or of the next (even) page that has room. */
  function placeAtFoot(group: FlowGroup, gi: number, foot: NonNullable<FlowGroup['pageFoot']>): void {
    const rows = group.items.reduce((sum, item) => sum + item.rows, 0);
    const from = { fromPage: pages.length - 1, fromRow: used };
    let blankPage = false;
    if (used + rows > rowsPerPage) {
      newPage();
      // the page just opened is odd: it stays blank and the 版记 goes on the even page after it
      if (foot.evenPage && pages.length % 2 === 1) { newPage(); blankPage = true; }
    } else if (foot.evenPage && pages.length % 2 === 1) {
      newPage();
    }
    if (blankPage && !foot.numberBlankPages) unnumbered.push(pages.length - 2, pages.length - 1);
    while (used < rowsPerPage - rows) put(blankItem(), gi);
    const row = used;
    for (const item of group.items) put(item, gi);
    pageFoot = { ...from, page: pages.length - 1, row };
  }

  /**
   * A body that ends on a figure (image or chart, with its caption) makes room for the closing
   * block on the figure's page by setting the figure smaller, down to a third of its rows (three
   * at least; a chart keeps its labels' rows) — GB/T 9704 §7.3.5.5 adjusts spacing rather than
   * leave the 署名 on a page without body text.
   */
  function fitClosingImage(gi: number): void {
    const closingRows = rowsAfterClosingFigure(groups, gi);
    const item = groups[gi].items[0];
    const room = rowsPerPage - used;
    if (closingRows === undefined || !item?.shrinkTo || used === 0 || item.rows + closingRows <= room) return;
    const rows = room - closingRows;
    if (rows < Math.max(3, Math.ceil(item.rows / 3))) return;
    const smaller = item.shrinkTo(rows);
    if (!smaller) return;
    groups[gi] = { ...groups[gi], items: [smaller] };
    closingKeep = { group: gi, fromItem: 0, imageRows: rows };
  }

  /**
   * Move the last rows of the current page to a new page so the next group (`need` rows) has body
   * above it: whole keep-together groups (附件说明), then two rows of a paragraph (or all of a short
   * one), the last row of a table (its header set again above it); then any heading those rows
   * leave behind. A figure (with its caption) is no body text: it goes over with the body rows
   * above it, or alone when those would not fit on the new page. `bodyOnly`: the next group is a
   * figure ending the body, and only body rows are wanted.
   */
  function pullBack(all: Entry[][], flow: FlowGroup[], need: number, bodyOnly = false): void {
    const page = all[all.length - 1];
    const moved: Entry[] = [];
    const take = (count: number): void => {
      for (let k = 0; k < count && page.length > 0; k++) moved.unshift(page.pop()!);
    };
    const before = closingKeep;
    let movedBody = false;
    let figure: { entries: number; keep: ClosingKeep } | undefined;
    while (page.length > 0 && !movedBody) {
      const last = page[page.length - 1];
      const group = flow[last.group];
      const same = page.filter((e) => e.group === last.group).length;
      if (last.item.blank) take(1);
      else if (group.figureCaption && !bodyOnly && !figure) take(same);
      else if (group.kind === 'text') {
        const count = same >= 4 ? 2 : same;
        take(count);
        closingKeep = { group: last.group, fromItem: group.items.indexOf(moved[0].item) };
        movedBody = true;
      } else if (group.kind === 'table' && same >= 3) {
        take(1); // a data row goes over; the header row is set again above it (续表)
        const row = moved[0].item; // the row just taken, not a blank row taken before it
        if (group.repeatOnNewPage) moved.unshift({ item: group.repeatOnNewPage, group: last.group });
        closingKeep = { group: last.group, fromItem: group.items.indexOf(row) };
        movedBody = true;
      } else if (group.kind === 'image' && !bodyOnly && !figure) {
        take(1);
        figure = { entries: moved.length, keep: { group: last.group, fromItem: 0 } };
      } else if (group.keepTogether && group.kind !== 'heading' && group.kind !== 'masthead' && !bodyOnly && !figure) take(same);
      else break;
    }
    while (page.length > 0 && flow[page[page.length - 1].group].keepWithNext) take(1);
    const fits = moved.reduce((sum, e) => sum + e.item.rows, 0) + need <= rowsPerPage;
    if (bodyOnly && (!movedBody || !fits)) {
      // no body rows to take, or too many with the figure: it simply starts the next page
      page.push(...moved);
      closingKeep = before;
      all.push([]);
      return;
    }
    if (figure && (!movedBody || !fits)) {
      // the body rows would not fit on the new page with the figure: they stay, it goes alone
      if (movedBody) page.push(...moved.splice(0, moved.length - figure.entries));
      closingKeep = figure.keep;
    }
    while (moved[0]?.item.blank) moved.shift();
    if (page.length === 0) {
      page.push(...moved); // nothing would be left: keep the page as it was
      closingKeep = undefined;
      all.push([]);
      return;
    }
    all.push(moved);
  }
}
