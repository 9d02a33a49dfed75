/**
 * `report init [dir] [--kind 通知]`: copy the starter project of a template into a new folder —
 * the 文种's template (templates/<name>/starter) with `--kind`, else the default 报告. Its
 * sections hold instructions (`一是……（在此填写）`) that are blanks: `report build --draft` shows the
 * layout at once, and `report build` passes only once they are written. Never overwrites: an
 * existing non-empty folder is refused.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_SCHEMA_PATH } from '../project/config-schema.js';
import { inputError } from '../diagnostic.js';
import { t } from '../i18n/lang.js';
import { displayPath } from '../project/source-file.js';
import { builtInKinds, DEFAULT_TEMPLATE, starterDir } from '../style/spec.js';
import { didYouMean } from '../text/did-you-mean.js';

export function initCommand(dir: string, log: (line: string) => void, kind?: string): number {
  const kinds = builtInKinds();
  const template = kind === undefined ? DEFAULT_TEMPLATE : kinds.get(kind);
  if (template === undefined) {
    const guess = didYouMean(kind!, [...kinds.keys()]);
    throw inputError('--kind', `unknown kind "${kind}"${guess ? `; did you mean "${guess}"?` : ''} (文种: ${[...kinds.keys()].join('、')})`, undefined, 'usage');
  }
  const starter = starterDir(template);
  if (!existsSync(starter)) throw inputError('--kind', `the template for ${kind} has no starter project (${starter})`, undefined, 'usage');
  const target = resolve(process.cwd(), dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw inputError(dir, 'directory is not empty; choose a new folder for the project', undefined, 'usage');
  }
  cpSync(starter, target, { recursive: true });
  pointAtLocalSchema(join(target, 'report.yaml'));
  log(t(`created ${displayPath(target)}: ${listFiles(target).join(', ')}`, `已新建 ${displayPath(target)}：${listFiles(target).join('、')}`));
  // The starter's （在此填写） are blanks: built unchanged it must not pass as a finished report.
  log(t(`next: replace every （在此填写） and the figures, then report build ${displayPath(target)} (report build --draft previews it as it is)`,
    `下一步：把所有“（在此填写）”和数字换成实际内容，再运行 report build ${displayPath(target)}（用 report build --draft 可以先看草稿）`));
  return 0;
}

const SCHEMA_LINE = /^# yaml-language-server: \$schema=\S+/;

/**
 * The starters name the published schema by URL (editors fetch it); when this package is installed
 * in a node_modules above the new project (`npm i -D gongwen-report`), point at that copy instead:
 * it matches the installed version and works offline.
 */
function pointAtLocalSchema(config: string): void {
  const schema = fileURLToPath(REPORT_SCHEMA_PATH);
  if (!existsSync(config) || !existsSync(schema) || !schema.includes(`${sep}node_modules${sep}`)) return;
  const projectRoot = schema.slice(0, schema.lastIndexOf(`${sep}node_modules${sep}`));
  if (!`${config}`.startsWith(`${projectRoot}${sep}`)) return;
  const text = readFileSync(config, 'utf8');
  const local = relative(resolve(config, '..'), schema).split(sep).join('/');
  if (SCHEMA_LINE.test(text)) writeFileSync(config, text.replace(SCHEMA_LINE, `# yaml-language-server: $schema=${local}`));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, resolve(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort((a, b) => (a === 'report.yaml' ? -1 : b === 'report.yaml' ? 1 : a < b ? -1 : 1));
}
