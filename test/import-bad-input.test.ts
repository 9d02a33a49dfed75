/**
 * `report import` refuses what it cannot read with one line that says what the file is, exit 2,
 * and nothing written: no project folder, no staging folder left behind.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeCompoundFile } from './fixtures/import/compound-file.js';
import { makeDocx, MONTHLY_ANALYSIS } from './fixtures/import/documents.js';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** Import `name` (written from `bytes` unless already there) in a fresh folder; the result and what the folder holds after. */
function importIn(name: string, bytes?: Buffer | string, work = mkdtempSync(join(tmpdir(), 'report-bad-'))) {
  if (bytes !== undefined) writeFileSync(join(work, name), bytes);
  const before = readdirSync(work).sort();
  const result = runReport(['import', name, '--out', 'project'], { cwd: work });
  return { ...result, lines: result.stderr.trim().split('\n'), before, after: readdirSync(work).sort(), work };
}

function expectRefused(run: ReturnType<typeof importIn>, message: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.lines).toHaveLength(1);
  expect(run.lines[0]).toMatch(message);
  expect(run.after).toEqual(run.before); // no project, no staging folder
}

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [path, data] of Object.entries(files)) zip.file(path, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('report import: bad input is one line, exit 2, nothing written', () => {
  it('a .docx that is not a ZIP archive', () => {
    expectRefused(importIn('report.docx', '这不是一个Word文件，只是改了扩展名。\n'), /^report\.docx: is not a DOCX file \(not a ZIP archive\)/);
  });

  it('a Word 97-2003 .doc (binary), whatever its name', () => {
    expectRefused(importIn('old.docx', makeCompoundFile(['WordDocument', '1Table'])), /^old\.docx: is a Word 97-2003 \.doc file \(binary\); open it in Word or WPS and save it as \.docx$/);
  });

  it.skipIf(!hasSoffice)('a real .doc written by LibreOffice (skipped without soffice)', () => {
    const work = mkdtempSync(join(tmpdir(), 'report-doc-'));
    writeFileSync(join(work, 'source.txt'), '青溪镇2024年工作总结\n\n全镇各项工作稳步推进。\n');
    spawnSync('soffice', ['--headless', '--convert-to', 'doc', '--outdir', work, join(work, 'source.txt')], { stdio: 'ignore', timeout: 120_000 });
    expectRefused(importIn('source.doc', undefined, work), /^source\.doc: is a Word 97-2003 \.doc file/);
  });

  it('a password-protected (encrypted) Office file', () => {
    expectRefused(importIn('secret.docx', makeCompoundFile(['EncryptionInfo', 'EncryptedPackage'])), /^secret\.docx: is password-protected .*save it again as \.docx$/);
  });

  it('an empty file, .docx or .txt', () => {
    expectRefused(importIn('empty.docx', ''), /^empty\.docx: file is empty/);
    expectRefused(importIn('empty.txt', '\n  \n'), /^empty\.txt: file is empty/);
  });

  it('a 200 MB file is refused from its size, before it is read', () => {
    const work = mkdtempSync(join(tmpdir(), 'report-huge-'));
    const fd = openSync(join(work, 'huge.docx'), 'w');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: takes no disk space
    closeSync(fd);
    const started = Date.now();
    expectRefused(importIn('huge.docx', undefined, work), /^huge\.docx: file is 200\.0 MB; the limit is 64 MB per imported document$/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a ZIP that holds no Word document, a damaged ZIP, a malformed document.xml', async () => {
    expectRefused(importIn('photos.docx', await zipOf({ 'a.txt': 'x' })), /^photos\.docx: is a ZIP archive without a Word document in it/);
    expectRefused(importIn('sheet.docx', await zipOf({ 'xl/workbook.xml': '<workbook/>' })), /^sheet\.docx: is an Excel workbook/);
    const whole = await makeDocx(MONTHLY_ANALYSIS);
    expectRefused(importIn('cut.docx', whole.subarray(0, Math.floor(whole.length / 2))), /^cut\.docx: is not a readable DOCX file/);
    expectRefused(importIn('bad-xml.docx', await zipOf({ 'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p></w:body>' })), /^bad-xml\.docx: is not a readable DOCX file: word\/document\.xml is not well-formed XML/);
  });

  it('a ZIP bomb (a part that inflates past the limit) is stopped while it inflates', async () => {
    const bomb = await zipOf({ 'word/document.xml': Buffer.alloc(40 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expectRefused(importIn('bomb.docx', bomb), /^bomb\.docx: part word\/document\.xml expands to more than 32 MB/);
  });

  it('a text file that is neither UTF-8 nor GB18030, a missing file', () => {
    expectRefused(importIn('binary.txt', Buffer.from([0x50, 0x00, 0xff, 0xfe, 0x00, 0x81, 0x00, 0x00])), /^binary\.txt: is a binary file/);
    expectRefused(importIn('missing.docx'), /^missing\.docx: cannot read file: no such file or directory$/);
  });

  it('a GB18030 text file (Notepad "ANSI" on Chinese Windows) is read, with a note', () => {
    const gbk = Buffer.from([0xc7, 0xe0, 0xcf, 0xaa, 0xd5, 0xf2, 0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1, 0x0a]); // 青溪镇工作总结
    const run = importIn('gbk.txt', gbk);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('read as GB18030');
    expect(readFileSync(join(run.work, 'project', 'report.yaml'), 'utf8')).toContain('title: 青溪镇工作总结');
  });

  it('never writes into an existing non-empty folder, and leaves it as it was', () => {
    const work = mkdtempSync(join(tmpdir(), 'report-occupied-'));
    mkdirSync(join(work, 'project'));
    writeFileSync(join(work, 'project', 'notes.md'), 'mine\n');
    const run = importIn('report.txt', '青溪镇工作总结\n\n正文。\n', work);
    expect(run.status).toBe(2);
    expect(run.lines).toEqual(['project: folder is not empty; import never writes into an existing project; choose a new or empty folder']);
    expect(readdirSync(join(work, 'project'))).toEqual(['notes.md']);
  });

  it('an empty folder given as --out is filled; the project appears whole', () => {
    const work = mkdtempSync(join(tmpdir(), 'report-empty-out-'));
    mkdirSync(join(work, 'project'));
    const run = importIn('report.txt', '青溪镇工作总结\n\n正文。\n', work);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(work, 'project')).sort()).toEqual(['indicators.yaml', 'report.yaml', 'sections']);
    expect(existsSync(join(work, 'report.txt'))).toBe(true);
  });
});
