/**
 * The one scaling rule for images, read by both writers: pixels at the style spec's `image.dpi`,
 * shrunk (never enlarged) to fit the text width and `image.maxRows` grid rows, the rows left over
 * being for the lines around the picture.
 */
import { gridMetrics, type StyleSpec } from '../style/spec.js';

export interface ImageBox {
  widthPt: number;
  heightPt: number;
}

export function imageBox(widthPx: number, heightPx: number, spec: StyleSpec): ImageBox {
  const grid = gridMetrics(spec);
  const width = (widthPx * 72) / spec.image.dpi;
  const height = (heightPx * 72) / spec.image.dpi;
  const scale = Math.min(1, grid.textWidthPt / width, (spec.image.maxRows * grid.rowPitchPt) / height);
  return { widthPt: width * scale, heightPt: height * scale };
}
