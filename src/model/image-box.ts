/**
 * The one scaling rule for images, read by both writers: pixels at the style spec's `image.dpi`,
 * shrunk (never enlarged) to fit the text width and `image.maxRows` grid rows, the rows left over
 * being for the lines around the picture. An image sits on its line's baseline, so its rows also
 * hold the descender below it (`image.baselineDropPt`): Word and LibreOffice give the line
 * `height + drop`, snapped up to whole grid rows, and the PDF reserves the same rows.
 */
import { gridMetrics, type StyleSpec } from '../style/spec.js';

export interface ImageBox {
  widthPt: number;
  heightPt: number;
  /** Grid rows the image's line takes. */
  rows: number;
}

/** `maxRows` is lower than the spec's only where the layout shrank a closing image to make room. */
export function imageBox(widthPx: number, heightPx: number, spec: StyleSpec, maxRows = spec.image.maxRows): ImageBox {
  const grid = gridMetrics(spec);
  const drop = spec.image.baselineDropPt;
  const width = (widthPx * 72) / spec.image.dpi;
  const height = (heightPx * 72) / spec.image.dpi;
  const scale = Math.min(1, grid.textWidthPt / width, (maxRows * grid.rowPitchPt - drop) / height);
  const heightPt = height * scale;
  return { widthPt: width * scale, heightPt, rows: Math.max(1, Math.ceil((heightPt + drop) / grid.rowPitchPt - 1e-6)) };
}
