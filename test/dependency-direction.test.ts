/**
 * The architecture's one direction of flow, checked on the real import graph of src/:
 * files → project → template → markdown → model → build → writers, with text/indicators/style as
 * shared toolkits, lint reading but never rendering, and nothing importing the CLI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');

/** For each top-level module of src/, the modules it must never import. */
const FORBIDDEN: Record<string, string[]> = {
  text: ['indicators', 'project', 'template', 'markdown', 'model', 'style', 'fonts', 'layout', 'render', 'lint', 'build', 'cli'],
  indicators: ['project', 'template', 'markdown', 'model', 'style', 'fonts', 'layout', 'render', 'lint', 'build', 'cli'],
  style: ['template', 'markdown', 'model', 'fonts', 'layout', 'render', 'lint', 'build', 'cli'],
  project: ['template', 'markdown', 'model', 'fonts', 'layout', 'render', 'lint', 'build', 'cli'],
  template: ['markdown', 'model', 'fonts', 'layout', 'render', 'lint', 'build', 'cli'],
  markdown: ['fonts', 'layout', 'render', 'lint', 'build', 'cli'],
  model: ['project', 'template', 'markdown', 'fonts', 'layout', 'render', 'lint', 'build', 'cli'],
  fonts: ['project', 'template', 'markdown', 'model', 'render', 'lint', 'build', 'cli'],
  layout: ['project', 'template', 'markdown', 'render', 'lint', 'build', 'cli'],
  render: ['project', 'template', 'markdown', 'lint', 'build', 'cli'],
  lint: ['fonts', 'layout', 'render', 'build', 'cli'],
  // chart specs, data and geometry are shared by the reader and both writers: they never reach back
  chart: ['project', 'template', 'markdown', 'fonts', 'layout', 'render', 'lint', 'build', 'cli'],
  build: ['cli'],
  // watch and batch call the build library and commit through io; watch reuses batch's
  // build-and-commit step, never the other way round
  watch: ['cli'],
  batch: ['cli', 'watch'],
  io: ['template', 'markdown', 'model', 'fonts', 'layout', 'render', 'lint', 'build', 'cli'],
  // import reads a DOCX/text into project files: it may use the readers' toolkits (project, text,
  // model's heading numbers, lint's blank finder) and io to write, never a writer or the build.
  import: ['template', 'fonts', 'layout', 'render', 'build', 'cli', 'extract'],
  // extract rewrites a project's figures into indicators: sources, data and blanks, no rendering.
  extract: ['markdown', 'model', 'fonts', 'layout', 'render', 'build', 'cli', 'import'],
  'diagnostic.ts': ['text', 'indicators', 'project', 'template', 'markdown', 'model', 'style', 'fonts', 'layout', 'render', 'lint', 'build', 'cli'],
};
/** Allowed exceptions, each with its reason. */
const ALLOWED = new Set([
  // a font face implements the layout engine's FaceMetrics interface (types only)
  'fonts/face.ts -> layout/types.ts', 'fonts/index.ts -> layout/types.ts',
  // reading a template's style.yaml uses the same bounded, positioned file and YAML readers
  'style/spec.ts -> project/source-file.ts', 'style/spec.ts -> project/yaml-source.ts', 'style/check.ts -> project/yaml-source.ts',
  // fonts read font files with the same size and file-type limits as every other input
  'fonts/resolve.ts -> project/source-file.ts',
  // a damaged font file is named in its message the way every input file is (displayPath)
  'fonts/sfnt.ts -> project/source-file.ts',
]);

interface Edge { from: string; to: string }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every relative import of src/ (static, `export … from`, and dynamic), as src-relative paths. */
function importEdges(): Edge[] {
  const edges: Edge[] = [];
  const pattern = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern)) {
      const target = resolve(dirname(file), match[1]).replace(/\.js$/, '.ts');
      edges.push({ from: relative(SRC, file).split(sep).join('/'), to: relative(SRC, target).split(sep).join('/') });
    }
  }
  return edges;
}

const moduleOf = (path: string): string => path.split('/')[0];

export function backEdges(edges: Edge[]): string[] {
  return edges.filter(({ from, to }) => {
    const source = moduleOf(from);
    const target = moduleOf(to);
    if (source === target || ALLOWED.has(`${from} -> ${to}`)) return false;
    if (target === 'cli') return true; // nothing imports the CLI
    return FORBIDDEN[source]?.includes(target) ?? false;
  }).map(({ from, to }) => `${from} -> ${to}`);
}

describe('dependency direction', () => {
  const edges = importEdges();

  it('reads the real import graph', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges).toContainEqual({ from: 'cli/build-command.ts', to: 'build/index.ts' });
  });

  it('has no back edge: layout, model and text never import render, cli or lint; render never imports lint or project; nothing imports cli', () => {
    expect(backEdges(edges)).toEqual([]);
  });

  it('fails on a back edge (the check itself can fail)', () => {
    const planted = [
      { from: 'layout/blocks.ts', to: 'render/pdf/index.ts' },
      { from: 'render/docx/index.ts', to: 'lint/engine.ts' },
      { from: 'build/index.ts', to: 'cli/main.ts' },
      { from: 'model/document.ts', to: 'lint/rule.ts' },
      { from: 'text/positions.ts', to: 'cli/main.ts' },
    ];
    expect(backEdges(planted)).toHaveLength(planted.length);
  });
});
