import { describe, expect, it } from 'vitest';
import type { Document, Inline } from '../src/model/document.js';
import { markPlaceholders } from '../src/model/placeholders.js';
import { findPlaceholders } from '../src/lint/placeholder-detector.js';

const doc = (content: Inline[]): Document => ({
  title: 't', body: [{ kind: 'paragraph', content }], attachments: [], signature: [],
  metadata: { title: 't', created: new Date(0), language: 'zh-CN' },
});
const find = (text: string) => findPlaceholders(text, { markdownEmphasis: false });

describe('--draft marks every blank as its own run', () => {
  it('splits a run around the blank and keeps the rest', () => {
    const marked = markPlaceholders(doc([{ kind: 'text', text: '产值XX亿元，增长xx%。' }]), find);
    const paragraph = marked.body[0];
    expect(paragraph.kind === 'paragraph' && paragraph.content).toEqual([
      { kind: 'text', text: '产值' },
      { kind: 'text', text: 'XX', placeholder: true },
      { kind: 'text', text: '亿元，增长' },
      { kind: 'text', text: 'xx', placeholder: true },
      { kind: 'text', text: '%。' },
    ]);
  });

  it('sees context across run boundaries (bold X光 is a word, not a blank)', () => {
    const marked = markPlaceholders(doc([{ kind: 'text', text: '配备' }, { kind: 'text', text: 'X', bold: true }, { kind: 'text', text: '光机2台' }]), find);
    const paragraph = marked.body[0];
    expect(paragraph.kind).toBe('paragraph');
    expect(paragraph.kind === 'paragraph' && paragraph.content).toEqual([
      { kind: 'text', text: '配备' },
      { kind: 'text', text: 'X', bold: true },
      { kind: 'text', text: '光机2台' },
    ]);
  });
});
