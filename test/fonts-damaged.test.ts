/**
 * Damaged font files never stop a build with an internal error: a table too short for its
 * fields, a cmap of two bytes, a format-4 cmap without segments, a short post table — each is
 * either refused as one line naming the file or simply maps no characters (they print in the
 * fallback faces).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedFontPath } from '../src/fonts/resolve.js';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const noto = readFileSync(embeddedFontPath('noto-serif-sc', 400));

/** A copy of the font with one table's directory entry changed by `edit`. */
function withTable(tag: string, edit: (font: Buffer, offset: number, length: number, record: number) => void): Buffer {
  const font = Buffer.from(noto);
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const record = 12 + 16 * i;
    if (font.toString('latin1', record, record + 4) === tag) edit(font, font.readUInt32BE(record + 8), font.readUInt32BE(record + 12), record);
  }
  return font;
}

const cases: Array<[string, Buffer]> = [
  ['a cmap table two bytes long', withTable('cmap', (font, _o, _l, record) => font.writeUInt32BE(2, record + 12))],
  ['a format-4 cmap without segments', withTable('cmap', (font, offset) => {
    // every subtable's segCountX2 → 0 where the subtable is format 4
    for (let i = 0; i < font.readUInt16BE(offset + 2); i++) {
      const at = offset + font.readUInt32BE(offset + 8 + 8 * i);
      if (font.readUInt16BE(at) === 4) font.writeUInt16BE(0, at + 6);
    }
  })],
  ['a post table eight bytes long', withTable('post', (font, _o, _l, record) => font.writeUInt32BE(8, record + 12))],
  ['an hmtx table shorter than its metrics', withTable('hmtx', (font, _o, _l, record) => font.writeUInt32BE(4, record + 12))],
];

describe('a damaged body font', () => {
  for (const [name, font] of cases) {
    it(`${name}: a build, or one line naming the file with exit 2 — never an internal error`, () => {
      const dir = makeProject({ 'report.yaml': 'title: 字体\nsections: [a.md]\nfonts:\n  body: fonts/Body.ttf\n', 'a.md': '正文一段。\n', 'fonts/Body.ttf': font });
      const run = runReport(['build', dir, '--out', join(dir, 'out')], { env: { LANG: 'C' } });
      expect(run.stderr).not.toMatch(/internal error/);
      if (run.status !== 0) {
        expect(run.status).toBe(2);
        expect(run.stderr.trim()).toMatch(/^\S*Body\.ttf: (the font file ends early|the font has no \w+ table|not an OpenType or TrueType font)$/);
      }
    });
  }
});
