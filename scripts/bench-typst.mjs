#!/usr/bin/env node
// The Typst baseline of `npm run bench`, as one whole process like `report build`: read the font
// files, compile a .typ file to PDF with the Typst compiler from npm (a devDependency used only
// here), write it. Prints {ms, rss, pages?} as JSON; with --edits N, also compiles N one-line edits
// in the same compiler (Typst's incremental rebuild) and prints their median.
//   node scripts/bench-typst.mjs main.typ out.pdf font1 font2 … [--edits N]
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const editsAt = args.indexOf('--edits');
const edits = editsAt >= 0 ? Number(args.splice(editsAt, 2)[1]) : 0;
const [main, out, ...fonts] = args;

const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: fonts.map((path) => readFileSync(path)) }] });
const source = readFileSync(main, 'utf8');
const compile = (text) => {
  const pdf = compiler.pdf({ mainFileContent: text });
  if (!pdf || pdf.length === 0) throw new Error(`typst produced no PDF: ${JSON.stringify(compiler.fetchDiagnostics?.() ?? '')}`);
  return pdf;
};
writeFileSync(out, compile(source));

const result = { rss: process.resourceUsage().maxRSS / 1024 };
if (edits > 0) {
  const times = [];
  for (let i = 0; i < edits; i++) {
    const edited = source.replace('具体内容汇报如下', `具体内容汇报如下${i}`);
    const started = performance.now();
    compile(edited);
    times.push(performance.now() - started);
  }
  result.editMs = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
process.stdout.write(JSON.stringify(result));
