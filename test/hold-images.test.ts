/**
 * Issue 15, images: a byte limit as well as pixel limits, and damaged PNG/JPEG files refused at
 * the line that references them (poppler used to fail on the PDF they were embedded in).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';
import { crc32, makePng } from './helpers/png.js';
import { makeProject } from './helpers/project.js';

const REPORT = 'title: 报告\nsections: [sections/01.md]\noutput: {formats: [docx, pdf]}\n';

function build(image: Buffer | ((path: string) => void), name = 'chart.png'): { status: number | null; stderr: string; dir: string } {
  const dir = makeProject({ 'report.yaml': REPORT, 'sections/01.md': `# 情况\n\n正文。\n\n![图表](${name})\n` });
  const path = join(dir, 'sections', name);
  if (typeof image === 'function') image(path);
  else writeFileSync(path, image);
  const result = spawnSync(process.execPath, [join(REPO, 'bin', 'report'), 'build', '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stderr: result.stderr, dir };
}

function expectRefused(result: { status: number | null; stderr: string; dir: string }, pattern: RegExp): void {
  expect(result.status, result.stderr).toBe(2);
  expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(pattern);
  expect(readdirSync(result.dir)).not.toContain('out');
}

/** A sparse file of `bytes` that starts with a small valid PNG header. */
function sparse(bytes: number): (path: string) => void {
  return (path) => {
    writeFileSync(path, makePng(4, 4));
    const fd = openSync(path, 'r+');
    try {
      ftruncateSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
  };
}

/** A tiny baseline JPEG (8 × 8 grey): SOI, DQT, SOF0, DHT ×2, SOS, one block, EOI. */
function makeJpeg(): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const table = (cls: number) => [cls, 1, ...Array(15).fill(0), 0];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xdb, [0, ...Array(64).fill(1)]),
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    ...segment(0xc4, table(0x00)),
    ...segment(0xc4, table(0x10)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f,
    0xff, 0xd9,
  ]);
}

/** Flip one byte of the first chunk named `type` (inside its data), leaving its CRC stale. */
function corruptChunk(png: Buffer, type: string): Buffer {
  const copy = Buffer.from(png);
  const at = copy.indexOf(type, 8, 'latin1');
  copy[at + 4] ^= 0xff;
  return copy;
}

/** Cut the IDAT data short and give the chunk a correct CRC, so only the inflate check sees it. */
function truncatedIdat(png: Buffer): Buffer {
  const at = png.indexOf('IDAT', 8, 'latin1') - 4;
  const length = png.readUInt32BE(at);
  const data = png.subarray(at + 8, at + 8 + Math.floor(length / 2));
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('IDAT', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return Buffer.concat([png.subarray(0, at), chunk, png.subarray(at + 12 + length)]);
}

describe('image byte limit', () => {
  it('a 3 GB image is reported as too large at its reference, not as "not found"', () => {
    expectRefused(build(sparse(3 * 1024 ** 3)), /^sections\/01\.md:5:1: image "chart\.png" is 3\.0 GB; the limit is 20 MB per image$/);
  });

  it('a 25 MB PNG with a small header is refused before it is embedded', () => {
    expectRefused(build(sparse(25 * 1024 * 1024)), /^sections\/01\.md:5:1: image "chart\.png" is 25\.0 MB; the limit is 20 MB per image$/);
  });
});

describe('damaged images are refused at their reference', () => {
  it('a whole PNG and a whole JPEG build', () => {
    expect(build(makePng(40, 30, 'rgb')).status).toBe(0);
    const jpeg = build(makeJpeg(), 'photo.jpg');
    expect(jpeg.status, jpeg.stderr).toBe(0);
  });

  it('a PNG chunk with a bad CRC', () => {
    expectRefused(build(corruptChunk(makePng(40, 30, 'rgb'), 'IDAT')), /^sections\/01\.md:5:1: image "chart\.png" is damaged \(the IDAT chunk has a bad checksum\); export it again$/);
  });

  it('a PNG whose image data is cut short', () => {
    expectRefused(build(truncatedIdat(makePng(200, 150, 'rgb'))), /^sections\/01\.md:5:1: image "chart\.png" is damaged \(the image data (is truncated|does not decompress)\); export it again$/);
  });

  it('a PNG that ends before IEND (a broken download)', () => {
    const png = makePng(40, 30, 'rgb');
    expectRefused(build(png.subarray(0, png.length - 12)), /^sections\/01\.md:5:1: image "chart\.png" is damaged \(the file ends before its IEND chunk\); export it again$/);
  });

  it('a JPEG without its end marker (EOI)', () => {
    const jpeg = makeJpeg();
    expectRefused(build(jpeg.subarray(0, jpeg.length - 2), 'photo.jpg'), /^sections\/01\.md:5:1: image "photo\.jpg" is damaged \(the file ends before its end marker \(EOI\)\); export it again$/);
  });

  it('a JPEG without image data (no SOS)', () => {
    const jpeg = makeJpeg();
    const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
    expectRefused(build(Buffer.concat([jpeg.subarray(0, sos), Buffer.from([0xff, 0xd9])]), 'photo.jpg'), /^sections\/01\.md:5:1: image "photo\.jpg" is damaged \(no image data \(SOS\)\); export it again$/);
  });
});
