/**
 * Breaks one paragraph into rows on the character grid, the clreq way: UAX #14 opportunities
 * refined by the 禁则 (closing marks never start a row, opening marks never end one, ——/……
 * and numbers with their units never split), then "先挤进，后推出": squeeze punctuation to pull
 * a forbidden mark into the row, else push a character down and spread the slack evenly.
 * Every row but a paragraph's last is justified flush to both edges.
 */
import { NO_ROW_END, NO_ROW_START } from '../text/chars.js';
import type { CharClass } from './chars.js';
import { buildUnits, type BreakSettings, type TextSpan, type Unit } from './units.js';

// the units are made in units.ts; callers import both from here
export { buildUnits, type BreakSettings, type LineBreakingPolicy, type TextSpan, type Unit } from './units.js';

export interface ParagraphShape {
  /** Column width in points. */
  width: number;
  firstIndent: number;
  restIndent: number;
  align: 'justify' | 'left' | 'center' | 'right';
}

export interface BrokenRow {
  units: Array<Unit & { x: number }>;
  left: number;
  right: number;
  /** The paragraph goes on after this justified row (so it must end flush right). */
  continued: boolean;
  text: string;
}

const EPS = 0.01;

interface Site { index: number; amount: number; kind: 'squeeze' | 'gap' | 'space' }

/** Natural width of units [s, b): their slots and the gaps between them (not after the last). */
function naturalWidth(units: Unit[], s: number, b: number): number {
  let w = 0;
  for (let i = s; i < b; i++) w += units[i].width + (i < b - 1 ? units[i].gap : 0);
  return w;
}

/** Where the row [s, b) can give up width, in clreq's order of priority. */
function compressionTiers(units: Unit[], s: number, b: number): Site[][] {
  const used = new Set<number>();
  const tiers: Site[][] = [[], [], [], [], []];
  const add = (tier: number, site: Site): void => {
    if (site.amount > 0 && !used.has(site.index)) {
      used.add(site.index);
      tiers[tier].push(site);
    }
  };
  // 1. the marks that end the row
  for (let i = b - 1; i >= s && units[i].squeeze && units[i].cls === 'close'; i--) add(0, { index: i, amount: units[i].squeezeAmount, kind: 'squeeze' });
  // 2. adjacent punctuation: squeeze the closing mark of a pair, or the opening one of two openings
  for (let i = s; i + 1 < b; i++) {
    const a = units[i];
    const c = units[i + 1];
    if ((a.cls === 'open' || a.cls === 'close') && (c.cls === 'open' || c.cls === 'close')) {
      const pick = a.cls === 'close' && a.squeeze ? i : c.cls === 'open' && c.squeeze && i + 1 > s ? i + 1 : -1;
      if (pick >= 0) add(1, { index: pick, amount: units[pick].squeezeAmount, kind: 'squeeze' });
    }
  }
  // 3. spaces between Latin words, down to half
  for (let i = s + 1; i < b - 1; i++) if (units[i].cls === 'space') add(2, { index: i, amount: units[i].width / 2, kind: 'space' });
  // 4. other full-width marks (never an opening mark at the row start: it would cross the margin)
  for (let i = s; i < b; i++) {
    const u = units[i];
    if (u.squeeze && u.cls === 'close') add(3, { index: i, amount: u.squeezeAmount, kind: 'squeeze' });
    if (u.squeeze && u.cls === 'open' && i > s) add(3, { index: i, amount: u.squeezeAmount, kind: 'squeeze' });
  }
  // 5. Han–Latin gaps, down to half (⅛ em)
  for (let i = s; i < b - 1; i++) if (units[i].gap > 0) tiers[4].push({ index: i, amount: units[i].gap / 2, kind: 'gap' });
  return tiers;
}

function capacity(units: Unit[], s: number, b: number): number {
  return compressionTiers(units, s, b).flat().reduce((sum, site) => sum + site.amount, 0);
}

/** Shrink [s, b) by `excess` points, tier by tier, sites of one tier by equal shares. */
function compress(units: Unit[], s: number, b: number, excess: number): void {
  for (const tier of compressionTiers(units, s, b)) {
    if (excess <= EPS) return;
    const total = tier.reduce((sum, site) => sum + site.amount, 0);
    if (total <= 0) continue;
    const share = Math.min(1, excess / total);
    for (const site of tier) {
      const cut = site.amount * share;
      const u = units[site.index];
      if (site.kind === 'gap') u.gap -= cut;
      else {
        u.width -= cut;
        if (u.squeeze === 'left') u.offset -= cut;
        else if (u.squeeze === 'both') u.offset -= cut / 2;
      }
    }
    excess -= total * share;
  }
}

/** Spread `slack` evenly over the row's boundaries (not inside Latin words, ——, ……). */
function expand(units: Unit[], s: number, b: number, slack: number): boolean {
  const points: number[] = [];
  for (let i = s; i < b - 1; i++) {
    const a = units[i];
    const c = units[i + 1];
    if (a.cls === 'latin' && c.cls === 'latin') continue;
    if (a.cls === c.cls && (a.cls === 'dash' || a.cls === 'ellipsis')) continue;
    points.push(i);
  }
  if (points.length === 0) for (let i = s; i < b - 1; i++) points.push(i);
  if (points.length === 0) return false;
  for (const i of points) units[i].gap += slack / points.length;
  return true;
}

function skipSpaces(units: Unit[], s: number): number {
  while (s < units.length && units[s].cls === 'space') s++;
  return s;
}

function trimEnd(units: Unit[], s: number, b: number): number {
  while (b > s && units[b - 1].cls === 'space') b--;
  return b;
}

interface Candidate { b: number; cost: number }

/**
 * The possible ends of a row starting at `s`: the natural break, pulling one more unit in by
 * squeezing punctuation (先挤进, at most one cell's worth), or pushing units down to an earlier
 * opportunity (后推出), each with a badness. A pure Han row stretched by half a cell or more
 * is bad unless a 禁则 forced the push-down; squeezing costs a little; a lone last character
 * costs a little.
 */
function candidates(units: Unit[], s: number, avail: number, cell: number): Candidate[] {
  const n = units.length;
  let e = s;
  let w = 0;
  while (e < n) {
    const add = (e > s ? units[e - 1].gap : 0) + units[e].width;
    if (units[e].cls !== 'space' && w + add > avail + EPS) break;
    w += add;
    if (units[e].forced) return [{ b: e + 1, cost: 0 }];
    e++;
  }
  if (e >= n) return [{ b: n, cost: lastRowCost(units, s, n) }];
  if (units[s].policy === 'word-processor') return [firstFit(units, s, e)];
  const found: Candidate[] = [];
  const allowed = (b: number): boolean => b === n || units[b].breakBefore || units[b - 1].forced;
  if (e > s && units[e].breakBefore) found.push({ b: e, cost: rowCost(units, s, e, avail, cell) });
  let pulls = 0;
  for (let b = e + 1; b <= Math.min(n, e + 10) && pulls < 2; b++) {
    if (!allowed(b)) continue;
    pulls++;
    const end = trimEnd(units, s, b);
    const deficit = naturalWidth(units, s, end) - avail;
    // squeezing in one Han character is the most a grid row takes; a number group may take more
    let latin = false;
    for (let i = e; i < end && !latin; i++) latin = !FULL_WIDTH.has(units[i].cls);
    const limit = latin ? Infinity : cell;
    if (deficit <= limit + EPS && deficit <= capacity(units, s, end) + EPS) found.push({ b, cost: rowCost(units, s, b, avail, cell) });
    if (units[b - 1].forced) break;
  }
  let pushes = 0;
  for (let b = e - 1; b > s && pushes < 4; b--) {
    if (!units[b].breakBefore) continue;
    pushes++;
    found.push({ b, cost: rowCost(units, s, b, avail, cell) });
  }
  // Last resort, dearer than spreading a Han row by a cell only when no 禁则 excuses the spread:
  // part a unit word from its number when the number itself fits (or squeezes) into the row.
  for (let b = e + 1; b > s && b > e - 6; b--) {
    if (b >= n || !units[b].weakBreak) continue;
    const end = trimEnd(units, s, b);
    const deficit = naturalWidth(units, s, end) - avail;
    if (deficit <= EPS || deficit <= Math.min(cell, capacity(units, s, end)) + EPS) found.push({ b, cost: UNIT_SPLIT_COST + rowCost(units, s, b, avail, cell) });
  }
  if (found.length === 0) found.push({ b: Math.max(e, s + 1), cost: 1000 }); // nowhere to break (a very long Latin word)
  return found;
}

/** A word processor's row: up to the first unit that does not fit, or pushed back to a break. */
function firstFit(units: Unit[], s: number, e: number): Candidate {
  for (let b = e; b > s; b--) if (units[b].breakBefore || units[b - 1].forced) return { b, cost: 0 };
  return { b: Math.max(e, s + 1), cost: 0 }; // nowhere to break (a very long Latin word)
}

const UNIT_SPLIT_COST = 100;
const SPREAD_HAN_ROW_COST = 150;

const FULL_WIDTH: ReadonlySet<CharClass> = new Set(['han', 'open', 'close', 'dash', 'ellipsis', 'middot']);

function rowCost(units: Unit[], s: number, b: number, avail: number, cell: number): number {
  if (b >= units.length || units[b - 1].forced) return lastRowCost(units, s, b);
  const end = trimEnd(units, s, b);
  const width = naturalWidth(units, s, end);
  if (width > avail) return 3 + (4 * (width - avail)) / cell;
  const slack = (avail - width) / cell;
  let cost = 10 * slack * slack;
  let pure = true;
  for (let i = s; i < end && pure; i++) pure = FULL_WIDTH.has(units[i].cls);
  const forcedDown = NO_ROW_END.has(units[b]?.ch) || NO_ROW_START.has(units[b + 1]?.ch ?? '');
  if (pure && slack >= 0.5 && !forcedDown) cost += SPREAD_HAN_ROW_COST;
  return cost;
}

function lastRowCost(units: Unit[], s: number, b: number): number {
  const end = trimEnd(units, s, b);
  let chars = 0;
  for (let i = s; i < end; i++) if (units[i].cls !== 'close') chars++;
  return chars <= 1 && s > 0 ? 5 : 0;
}

/**
 * Break a paragraph's units into finished rows, choosing the breaks with the least badness.
 * The units are consumed: the rows hold them, with their final widths, gaps and positions.
 */
export function breakUnits(units: Unit[], shape: ParagraphShape): BrokenRow[] {
  const start = skipSpaces(units, 0);
  const spans = singleChoiceRows(units, start, shape) ?? leastBadnessRows(units, start, shape);
  return spans.map(([from, b], k) => finishRow(units, from, b, k === 0 ? shape.firstIndent : shape.restIndent, shape, k === spans.length - 1));
}

const availableWidth = (shape: ParagraphShape, s: number, start: number): number => shape.width - (s === start ? shape.firstIndent : shape.restIndent);

/**
 * Rows when every row start reached has one possible end (the word-processor policy's first
 * fit, a forced break, the last row): the least-badness search would choose the same rows, so
 * they are followed from the start — about 1/28 of the work of scoring every position.
 * Null as soon as a row could end in more than one place.
 */
function singleChoiceRows(units: Unit[], start: number, shape: ParagraphShape): Array<[number, number]> | null {
  const spans: Array<[number, number]> = [];
  for (let s = start; s < units.length;) {
    const found = candidates(units, s, availableWidth(shape, s, start), units[s].cell);
    if (found.length !== 1) return null;
    spans.push([s, found[0].b]);
    s = skipSpaces(units, found[0].b);
  }
  return spans;
}

/** The rows with the least total badness (clreq: squeeze, push down, part a unit word). */
function leastBadnessRows(units: Unit[], start: number, shape: ParagraphShape): Array<[number, number]> {
  const n = units.length;
  const best = new Map<number, { cost: number; b: number }>();
  const solve = (s: number): number => {
    if (s >= n) return 0;
    const known = best.get(s);
    if (known) return known.cost;
    let choice = { cost: Infinity, b: n };
    for (const candidate of candidates(units, s, availableWidth(shape, s, start), units[s].cell)) {
      const cost = candidate.cost + solve(skipSpaces(units, candidate.b));
      if (cost < choice.cost) choice = { cost, b: candidate.b };
    }
    best.set(s, choice);
    return choice.cost;
  };
  // solve from the end backwards so the recursion stays shallow
  for (let s = n - 1; s > start; s--) if (s === skipSpaces(units, s)) solve(s);
  solve(start);
  const spans: Array<[number, number]> = [];
  for (let s = start; s < n; s = skipSpaces(units, best.get(s)!.b)) spans.push([s, best.get(s)!.b]);
  return spans;
}

function finishRow(units: Unit[], s: number, b: number, indent: number, shape: ParagraphShape, last: boolean): BrokenRow {
  const end = trimEnd(units, s, b);
  const avail = shape.width - indent;
  const natural = naturalWidth(units, s, end);
  const lineEnd = last || units[b - 1].forced;
  let width = natural;
  if (natural > avail + EPS) {
    compress(units, s, end, natural - avail);
    width = naturalWidth(units, s, end);
  } else if (!lineEnd && (shape.align === 'justify' || shape.align === 'left') && avail - natural > EPS) {
    if (expand(units, s, end, avail - natural)) width = avail;
  }
  let x = indent;
  if (shape.align === 'center') x += (avail - width) / 2;
  else if (shape.align === 'right') x += avail - width;
  // the units themselves are placed (no copies: a 1 000-page report has 600 000 of them)
  const placed = units.slice(s, end) as BrokenRow['units'];
  for (const u of placed) {
    const gap = u === placed[placed.length - 1] ? 0 : u.gap;
    u.gap = gap;
    u.x = x;
    x += u.width + gap;
  }
  const left = placed.length > 0 ? placed[0].x + Math.min(0, placed[0].offset) : indent;
  return { units: placed, left, right: x, continued: !last && (shape.align === 'justify' || shape.align === 'left'), text: placed.map((u) => u.ch).join('') };
}

/** Break a paragraph into rows. (Titles arrive already split into balanced lines: model/title-lines.ts.) */
export function breakParagraph(spans: TextSpan[], shape: ParagraphShape, settings: BreakSettings): BrokenRow[] {
  return breakUnits(buildUnits(spans, settings), shape);
}
