/**
 * The names read from installed fonts are kept between runs: a font file whose size and time are
 * unchanged is not read again, a changed one is, and a cache that cannot be written is no error.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fontCacheFile, readWithCache } from '../src/fonts/system-fonts.js';

const tinos = createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');
const work = mkdtempSync(join(tmpdir(), 'report-font-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the installed-font cache', () => {
  it('reads a font once, answers from the cache while the file is unchanged, and reads it again once it changes', () => {
    const font = join(work, 'Office.ttf');
    copyFileSync(tinos, font);
    const cache = join(work, 'cache', 'fonts.json');
    expect(readWithCache([font], cache).map((f) => f.postscriptName)).toEqual(['Tinos-Regular']);
    // plant a different name in the cache: an unchanged file is answered from it
    const stored = JSON.parse(readFileSync(cache, 'utf8'));
    stored[font].faces[0].postscriptName = 'FromTheCache';
    writeFileSync(cache, JSON.stringify(stored));
    expect(readWithCache([font], cache).map((f) => f.postscriptName)).toEqual(['FromTheCache']);
    // a font replaced in place (new time) is read again
    utimesSync(font, new Date(), new Date(Date.now() + 5000));
    expect(readWithCache([font], cache).map((f) => f.postscriptName)).toEqual(['Tinos-Regular']);
  });

  it('starts afresh from a cache file that is not a mapping (null, a list, cut short)', () => {
    const font = join(work, 'Fresh.ttf');
    copyFileSync(tinos, font);
    for (const text of ['null', '[1, 2]', '{"a": 1', `{"${font.replace(/\\/g, '\\\\')}": null}`]) {
      const cache = join(work, 'odd.json');
      writeFileSync(cache, text);
      expect(readWithCache([font], cache).map((f) => f.postscriptName), text).toEqual(['Tinos-Regular']);
    }
  });

  it('works without a cache, and with one it cannot write', () => {
    const font = join(work, 'Plain.ttf');
    copyFileSync(tinos, font);
    expect(readWithCache([font], undefined).map((f) => f.postscriptName)).toEqual(['Tinos-Regular']);
    writeFileSync(join(work, 'a-file'), '');
    expect(readWithCache([font], join(work, 'a-file', 'fonts.json')).map((f) => f.postscriptName)).toEqual(['Tinos-Regular']);
  });

  it('lives in the user cache folder unless REPORT_FONT_CACHE moves it or turns it off', () => {
    expect(fontCacheFile({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/gongwen-report/fonts-v1.json');
    expect(fontCacheFile({ REPORT_FONT_CACHE: 'off' })).toBeUndefined();
    expect(fontCacheFile({ REPORT_FONT_CACHE: '/y/f.json' })).toBe('/y/f.json');
  });
});
