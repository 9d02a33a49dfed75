/**
 * Test helpers for the 公文 parts: build a project through the CLI, render its DOCX with
 * LibreOffice, run gbt9704-check on a PDF, and read back what a PDF prints — words with their
 * boxes (pdftotext -bbox), page count, and red and dark horizontal rules found in the page
 * pixels (pdftoppm), so the two outputs are measured the same way.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GBT9704_CHECK, RENDER_DOCX } from './shared.js';

export const MM = 72 / 25.4;
export const TEXT_TOP_MM = 37;
export const TEXT_LEFT_MM = 28;
export const TEXT_BOTTOM_MM = 297 - 35;

const has = (cmd: string, arg: string) => spawnSync(cmd, [arg]).status === 0;
export const popplerReason = has('pdftotext', '-v') && has('pdftoppm', '-v') ? '' : ' (skipped: pdftotext/pdftoppm not found)';
export const checkerReason = popplerReason || (existsSync(GBT9704_CHECK) ? '' : ` (skipped: ${GBT9704_CHECK} not found)`);
export const libreOfficeReason = checkerReason || (has('soffice', '--version') && existsSync(RENDER_DOCX) ? '' : ' (skipped: soffice or render-docx not found)');

export interface Violation { page: number; rule: string; message: string; text: string }

/**
 * gbt9704-check's findings on a PDF (with extra arguments such as --no-page-numbers). Throws,
 * with the checker's stderr, when it could not check the PDF (exit status other than 0 or 1), so
 * a checker failure never reads as "no violation".
 */
export function violations(pdf: string, ...args: string[]): Violation[] {
  const out = spawnSync(GBT9704_CHECK, [pdf, '--json', ...args], { encoding: 'utf8' });
  if (out.status !== 0 && out.status !== 1) {
    throw new Error(`gbt9704-check ${pdf} failed (status ${out.status}${out.error ? `, ${out.error.message}` : ''}): ${out.stderr}`);
  }
  const found = (JSON.parse(out.stdout) as { violations: Violation[] }).violations;
  if ((out.status === 1) !== (found.length > 0)) throw new Error(`gbt9704-check ${pdf}: status ${out.status} with ${found.length} violations`);
  return found;
}

/** LibreOffice's PDF of a DOCX (render-docx), in a folder of its own; asynchronous, as it takes seconds. */
export async function renderDocx(docx: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'report-lo-'));
  await promisify(execFile)(RENDER_DOCX, [docx, out], { encoding: 'utf8' });
  return join(out, readdirSync(out).find((f) => f.endsWith('.pdf'))!);
}

export interface Word { page: number; x0: number; y0: number; x1: number; y1: number; text: string }

/** Every word with its box in points, pages from 1. */
export function words(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return xml.split('<page ').slice(1).flatMap((page, i) => [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ page: i + 1, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5].replace(/&amp;/g, '&') })));
}

/** Each page's text (pdftotext -layout), spaces removed per line. */
export function pageTexts(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1)
    .map((page) => page.split('\n').map((line) => line.replace(/\s/g, '')).filter(Boolean).join('\n'));
}

export interface PixelRule { page: number; color: 'red' | 'dark'; topMm: number; bottomMm: number; leftMm: number; rightMm: number }

/** One row of pixels: how many are red or dark, and where the red ones start and end (mm). */
export interface PixelRow { yMm: number; red: number; dark: number; redLeftMm: number; redRightMm: number }

const DPI = 144;
const toMm = (px: number) => (px * 25.4) / DPI;

/** Each page's pixel rows, from a pdftoppm rendering at 144 dpi. */
export function pixelRows(pdf: string): PixelRow[][] {
  const dir = mkdtempSync(join(tmpdir(), 'report-ppm-'));
  execFileSync('pdftoppm', ['-r', String(DPI), pdf, join(dir, 'p')]);
  return readdirSync(dir).sort().map((file) => {
    const data = readFileSync(join(dir, file));
    // P6 header: "P6\n<w> <h>\n255\n"
    const [, w, h] = data.subarray(0, 40).toString('latin1').split(/\s+/);
    const width = Number(w);
    const offset = data.indexOf(0x0a, data.indexOf(0x0a, data.indexOf(0x0a) + 1) + 1) + 1;
    return Array.from({ length: Number(h) }, (_, y) => {
      let red = 0; let dark = 0; let left = width; let right = -1;
      for (let x = 0; x < width; x++) {
        const p = offset + (y * width + x) * 3;
        const [r, g, b] = [data[p], data[p + 1], data[p + 2]];
        if (r > 150 && g < 130 && b < 130) { red++; left = Math.min(left, x); right = x; }
        else if (r < 110 && g < 110 && b < 110) dark++;
      }
      return { yMm: toMm(y), red, dark, redLeftMm: toMm(left), redRightMm: toMm(right + 1) };
    });
  });
}

/** Horizontal rules: runs of pixel rows more than half the text width long, red or dark. */
export function pixelRules(pages: PixelRow[][]): PixelRule[] {
  const rules: PixelRule[] = [];
  const long = (156 / 25.4) * DPI * 0.5;
  pages.forEach((rows, index) => {
    let open: PixelRule | undefined;
    for (const row of rows) {
      const color = row.red > long ? 'red' : row.dark > long ? 'dark' : undefined;
      if (!color) { open = undefined; continue; }
      if (open && open.color === color) open.bottomMm = row.yMm + toMm(1);
      else rules.push(open = { page: index + 1, color, topMm: row.yMm, bottomMm: row.yMm + toMm(1), leftMm: color === 'red' ? row.redLeftMm : 0, rightMm: color === 'red' ? row.redRightMm : 0 });
    }
  });
  return rules;
}

/** The box (mm) of the red ink above `belowMm` that is not a rule: the 发文机关标志. */
export function redInkBox(rows: PixelRow[], belowMm: number): { topMm: number; bottomMm: number; leftMm: number; rightMm: number } | undefined {
  const long = (156 / 25.4) * DPI * 0.5;
  const ink = rows.filter((row) => row.red > 0 && row.red <= long && row.yMm < belowMm);
  if (ink.length === 0) return undefined;
  return { topMm: ink[0].yMm, bottomMm: ink[ink.length - 1].yMm + toMm(1), leftMm: Math.min(...ink.map((r) => r.redLeftMm)), rightMm: Math.max(...ink.map((r) => r.redRightMm)) };
}

/** The lowest row with dark ink between `fromMm` and `toMm` (the bottom of the text above a rule). */
export function inkBottom(rows: PixelRow[], fromMm: number, toMm: number): number | undefined {
  const ink = rows.filter((row) => row.dark > 0 && row.dark < (156 / 25.4) * DPI * 0.5 && row.yMm >= fromMm && row.yMm < toMm);
  return ink.length ? ink[ink.length - 1].yMm + (25.4 / DPI) : undefined;
}
