/** 附件 pages (GB/T 9704 §7.3.7): what each writer prints at the head of one. */
import { inputError } from '../diagnostic.js';
import type { AttachmentPageSpec, StyleSpec } from '../style/spec.js';
import type { AttachmentPage, Document } from './document.js';

export function attachmentPageSpec(spec: StyleSpec): AttachmentPageSpec {
  if (!spec.attachmentPage) throw inputError(`${spec.dir}/style.yaml`, `style spec: the template "${spec.name}" has no \`attachmentPage\`, which an attachment with a \`file\` needs`, undefined, 'style-spec');
  return spec.attachmentPage;
}

/** `附件2`, or `附件` alone when the document has one attachment (as its 附件说明 has no number). */
export function attachmentLabel(doc: Document, page: AttachmentPage, spec: AttachmentPageSpec): string {
  return doc.attachments.length === 1 ? spec.label.text : `${spec.label.text}${page.number}`;
}
