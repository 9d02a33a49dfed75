/**
 * A build session (watch mode, batch workers) keeps its loaded fonts only while their files are
 * unchanged: a body font copied over between two builds is read afresh, never mixed with the
 * tables read from the old file.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { BuildSession } from '../src/build/session.js';
import { embeddedFontPath } from '../src/fonts/resolve.js';
import { makeProject } from './helpers/project.js';

describe('fonts kept by a build session', () => {
  it('are loaded again when a font file is replaced between two builds', async () => {
    const dir = makeProject({ 'report.yaml': 'title: 字体\nsections: [a.md]\nfonts:\n  body: fonts/Body.ttf\n', 'a.md': '正文一段。\n' });
    mkdirSync(join(dir, 'fonts'));
    const font = join(dir, 'fonts', 'Body.ttf');
    copyFileSync(embeddedFontPath('noto-serif-sc', 400), font);
    const session = new BuildSession();
    const pdfOf = async () => {
      const result = await build(dir, { session, formats: ['pdf'] });
      return result.outputs[0].bytes.toString('latin1');
    };
    expect(await pdfOf()).toContain('+NotoSerifSC-Regular');
    copyFileSync(embeddedFontPath('noto-sans-sc', 400), font);
    const second = await pdfOf();
    // the body now prints in the new file's face (other roles keep their own stand-ins)
    expect(second).toContain('+NotoSansSC-Regular');
  });
});
