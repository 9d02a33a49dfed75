/**
 * The team's shared folder (specs, the reference report, the grid checker) lies beside the
 * repository: `../shared` in a checkout and in CI's clone. Tests that need it skip, saying so,
 * when it is absent.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const candidates = [process.env.REPORT_SHARED, resolve(import.meta.dirname, '..', '..', '..', 'shared')].filter(Boolean) as string[];

export const SHARED = candidates.find((dir) => existsSync(join(dir, 'tools'))) ?? candidates[0];
export const REFERENCE_REPORT = join(SHARED, 'reference', 'town-report-2023h1.txt');
export const GBT9704_CHECK = join(SHARED, 'tools', 'gbt9704-check');
export const RENDER_DOCX = join(SHARED, 'tools', 'render-docx');
export const hasReference = existsSync(REFERENCE_REPORT);
export const referenceSkipReason = hasReference ? '' : ` (skipped: ${REFERENCE_REPORT} not found)`;
