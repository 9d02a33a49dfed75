/**
 * How a caption prints, for every writer: its label (表1, 图2), an ideographic space, its title.
 * A table's caption stands above the table, a figure's (image, chart) below it, as Chinese
 * reports and GB/T 7713 set them.
 */
import type { Caption, Inline } from './document.js';

export function captionInlines(caption: Caption): Inline[] {
  const label: Inline = { kind: 'text', text: caption.content.length > 0 ? `${caption.label}\u3000` : caption.label };
  return [label, ...caption.content];
}
