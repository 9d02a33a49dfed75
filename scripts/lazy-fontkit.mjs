// Stands in for fontkit inside the CLI bundle's copy of pdfkit, which imports fontkit when it
// loads (~80 ms of table decompression) although report hands it finished font objects. The real
// fontkit is required on first use only (a CFF face: src/fonts/face.ts).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function create(...args) {
  return require('fontkit').create(...args);
}
