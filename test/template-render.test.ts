import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../src/project/source-file.js';
import { renderTemplate, sourcePosition } from '../src/template/render.js';
import { messageOf } from './helpers/errors.js';

const data = { 镇名: '云溪镇', 规上工业产值: { 本期: 52.38, 增速: 8.6 }, 项目: ['甲', '乙'] };
const file = (text: string): SourceFile => ({ path: '/p/sections/01.md', displayPath: 'sections/01.md', text });
const render = (text: string) => renderTemplate(file(text), data).text;
const errorOf = (text: string): string => messageOf(() => renderTemplate(file(text), data));

describe('Handlebars rendering of sections', () => {
  it('fills nested Chinese keys and helpers without HTML escaping', () => {
    expect(render('{{镇名}}产值{{num 规上工业产值.本期 1}}亿元，{{change 规上工业产值.增速}}')).toBe('云溪镇产值52.4亿元，增长8.6%');
    expect(renderTemplate(file('{{x}}'), { x: '<b>&"' }).text).toBe('<b>&"');
  });

  it('a missing indicator is an error at its section line and column', () => {
    expect(errorOf('第一行\n  产值{{规上工业产值.本月}}亿元')).toBe('sections/01.md:2:5: missing indicator "规上工业产值.本月" (no such key in the indicators); did you mean "本期"?');
    expect(errorOf('今年{{pct 增速}}')).toBe('sections/01.md:1:9: missing indicator "增速" (no such key in the indicators)');
    expect(errorOf('{{#each 项目}}{{名称}}{{/each}}')).toMatch(/^sections\/01\.md:1:\d+: missing indicator "名称"/);
  });

  it('columns count code points, including astral characters before the mustache', () => {
    expect(errorOf('𠀀𠀀{{缺}}')).toMatch(/^sections\/01\.md:1:3:/);
  });

  it('suggests the closest key for a typo', () => {
    expect(errorOf('{{规上工业产值.増速}}')).toMatch(/did you mean "增速"/);
  });

  it('an unknown helper and a helper given text are errors with positions', () => {
    expect(errorOf('产值{{nums 3}}')).toBe('sections/01.md:1:3: unknown helper "nums"; did you mean "num"?');
    expect(errorOf('\n{{pct 镇名}}')).toBe('sections/01.md:2:1: pct: expected a number, got "云溪镇"');
  });

  it('a syntax error names its line', () => {
    expect(errorOf('a\n{{#if 镇名}}b')).toMatch(/^sections\/01\.md:2:\d+: template syntax error/);
  });

  it('templates cannot reach prototypes', () => {
    expect(errorOf('{{constructor.constructor}}')).toMatch(/not allowed/);
    expect(errorOf('{{__proto__}}')).toMatch(/not allowed/);
    expect(errorOf('{{toString}}')).toMatch(/missing indicator "toString"/);
    expect(errorOf('{{镇名.constructor}}')).toMatch(/not allowed/);
    expect(render('{{lookup this "__proto__"}}{{lookup this "constructor"}}')).toBe('');
  });

  it('a group of indicators printed as a value is an error', () => {
    expect(errorOf('{{规上工业产值}}')).toMatch(/is a group of indicators.*本期, 增速/);
  });

  it('records where each substitution landed and maps output back to the source', () => {
    const rendered = renderTemplate(file('产值{{规上工业产值.本期}}亿元\n第二行XX'), data);
    expect(rendered.text).toBe('产值52.38亿元\n第二行XX');
    expect(rendered.substitutions[0]).toMatchObject({ start: 2, end: 7, path: ['规上工业产值', '本期'], line: 1, column: 3 });
    expect(sourcePosition(rendered, rendered.text.indexOf('XX'))).toEqual({ line: 2, column: 4 });
  });
});
