/**
 * Watch mode commits its outputs without fsync (a rebuild at every save), and only watch mode:
 * the set is still written whole through staged files and renames, and a normal build syncs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const synced = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, fsyncSync: (fd: number) => { synced.count++; return fs.fsyncSync(fd); } };
});

const { writeOutputsAtomically } = await import('../src/io/atomic-write.js');
const work = mkdtempSync(join(tmpdir(), 'report-watch-commit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('committing outputs', () => {
  it('syncs files and folder by default, not with durable: false, and writes the same set either way', () => {
    const files = [{ name: 'r.docx', data: Buffer.from('docx') }, { name: 'r.pdf', data: Buffer.from('pdf') }];
    synced.count = 0;
    writeOutputsAtomically(work, files);
    expect(synced.count).toBeGreaterThanOrEqual(3);
    synced.count = 0;
    writeOutputsAtomically(work, [{ name: 'r.docx', data: Buffer.from('docx 2') }, { name: 'r.pdf', data: Buffer.from('pdf 2') }], { durable: false });
    expect(synced.count).toBe(0);
    expect(readFileSync(join(work, 'r.pdf'), 'utf8')).toBe('pdf 2');
    // the next default commit syncs again
    writeOutputsAtomically(work, files);
    expect(synced.count).toBeGreaterThanOrEqual(3);
  });
});
