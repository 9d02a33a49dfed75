// tsc does not emit hand-written .d.ts files: copy the typings of fontkit and linebreak (which ship
// none) into dist and reference them from dist/index.d.ts, so a user's TypeScript resolves our
// types (dist/fonts/face.d.ts imports fontkit's).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';

const dist = (path) => new URL(`../dist/${path}`, import.meta.url);
copyFileSync(new URL('../src/fonts/vendor-types.d.ts', import.meta.url), dist('fonts/vendor-types.d.ts'));
const reference = '/// <reference path="./fonts/vendor-types.d.ts" />\n';
const index = readFileSync(dist('index.d.ts'), 'utf8');
if (!index.startsWith(reference)) writeFileSync(dist('index.d.ts'), reference + index);
