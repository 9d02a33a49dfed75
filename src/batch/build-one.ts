/**
 * One project built and its outputs committed as a set, for the commands that build many times
 * in one process (batch workers, watch mode): the findings and notes become lines, and an input
 * error becomes its one-line message and exit code 2 instead of an exception, so the caller goes
 * on with the next project or the next change.
 */
import { build, type BuildOptions } from '../build/index.js';
import { findingLines, noteLines, outputFiles, refusalLine, wroteLines } from '../build/report-lines.js';
import { formatDiagnosticLine, InputError } from '../diagnostic.js';
import { t } from '../i18n/lang.js';
import { writeOutputsAtomically } from '../io/atomic-write.js';

export interface BuiltProject {
  /** 0 written, 1 findings stopped it (nothing written), 2 an input error. */
  exitCode: number;
  /** Where the outputs went (or would have gone); unknown after an input error. */
  outDir?: string;
  /** Output files written. */
  written: number;
}

/** `durable: false` commits without fsync (watch mode: outputs rewritten at every save). */
export async function buildAndCommit(dir: string, options: BuildOptions, log: (line: string) => void, { durable = true } = {}): Promise<BuiltProject> {
  try {
    const result = await build(dir, options);
    for (const line of findingLines(result, options.draft)) log(line);
    if (!result.ok) {
      log(refusalLine(result));
      return { exitCode: 1, outDir: result.outDir, written: 0 };
    }
    writeOutputsAtomically(result.outDir, outputFiles(result), { durable });
    for (const line of [...noteLines(result), ...wroteLines(result)]) log(line);
    return { exitCode: 0, outDir: result.outDir, written: result.outputs.length };
  } catch (error) {
    if (error instanceof InputError) for (const d of error.diagnostics) log(formatDiagnosticLine(d));
    else log(t(`report: internal error: ${(error as Error)?.message ?? String(error)}`, `report：内部错误：${(error as Error)?.message ?? String(error)}`));
    return { exitCode: 2, written: 0 };
  }
}
