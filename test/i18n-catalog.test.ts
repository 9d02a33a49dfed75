/** The catalog and the language choice, without the CLI: locale rules and whole-message matching. */
import { describe, expect, it } from 'vitest';
import { currentLang } from '../src/i18n/lang.js';
import { localize, toChinese } from '../src/i18n/localize.js';
import { InputError } from '../src/diagnostic.js';
import { loadProject } from '../src/project/load.js';
import { makeProject } from './helpers/project.js';

describe('language from the environment', () => {
  it.each([
    [{}, 'en'], [{ LANG: 'C' }, 'en'], [{ LANG: 'C.UTF-8' }, 'en'], [{ LANG: 'POSIX' }, 'en'], [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'], [{ LC_ALL: 'zh_TW.UTF-8', LANG: 'C' }, 'zh'], [{ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LANGUAGE: 'zh_CN:en' }, 'zh'], [{ LANG: 'C', LANGUAGE: 'zh_CN' }, 'en'],
    [{ LANG: 'zh_CN.UTF-8', REPORT_LANG: 'en' }, 'en'], [{ LANG: 'C', REPORT_LANG: 'zh' }, 'zh'],
  ] as const)('%o → %s', (env, lang) => {
    expect(currentLang(env as NodeJS.ProcessEnv)).toBe(lang);
  });
});

describe('whole messages', () => {
  it.each([
    ['section file "sections/none.md" not found', '找不到章节文件“sections/none.md”'],
    ['unknown key "outptu" in report.yaml; did you mean "output"?', '未知的键“outptu”（在 report.yaml 中）；是不是“output”？'],
    ['pct: expected a number, got "云溪镇"', 'pct：这里要一个数字，现在是 "云溪镇"'],
    ['{{#with}} takes one argument, the group of indicators to enter (got 0)', '{{#with}} 要一个参数：要进入的那组指标（现在是 0 个）'],
    ["unknown option '--bogus' (see report --help)", '没有“--bogus”这个选项（见 report --help）'],
    ['unit written twice: {{产值}} already prints its unit (12亿元), so this prints 12亿元亿元; drop "亿元" or use {{产值.value}} (data: data.yaml:1:1)',
      '单位写了两次：{{产值}} 已经带单位（12亿元），这里会印成 12亿元亿元；请删掉“亿元”或改用 {{产值.value}}（数据在 data.yaml:1:1）'],
  ])('%s', (en, zh) => {
    expect(toChinese(en)).toBe(zh);
  });

  it('an unknown message stays as written, and English is untouched', () => {
    expect(localize('something new', 'zh')).toBe('something new');
    expect(localize('section file "a.md" not found', 'en')).toBe('section file "a.md" not found');
  });
});

describe('YAML slips, read from a real project and put in Chinese (issue 13)', () => {
  const messageOf = (files: Record<string, string>): string => {
    const dir = makeProject({ 'sections/01.md': '正文。\n', ...files });
    try {
      loadProject(dir, { cwd: dir });
    } catch (error) {
      if (error instanceof InputError) return `${error.diagnostics[0].file}:${error.diagnostics[0].line}: ${localize(error.diagnostics[0].message, 'zh')}`;
      throw error;
    }
    return 'no error';
  };

  it('an unquoted {{ value: quote it, with the line written out', () => {
    expect(messageOf({ 'report.yaml': 'title: {{乡名}}2024年工作总结\nsections: [sections/*.md]\n' }))
      .toBe('report.yaml:1: YAML 格式错误：以 {{ 开头的值要加引号，写成 title: "{{乡名}}2024年工作总结"');
  });

  it('a full-width colon where a key was meant: say so, with the fix', () => {
    expect(messageOf({ 'report.yaml': 'title: a\nindicators: data.yaml\nsections: [sections/*.md]\n', 'data.yaml': '镇名: 云溪镇\n镇长：张三\n产值: 12.5\n' }))
      .toBe('data.yaml:2: YAML 格式错误：“镇长”后面是全角冒号“：”；键后面要用半角冒号加一个空格，写成 镇长: 张三');
  });

  it('a duplicate key and bad indentation, through the shared "YAML syntax error: " opening', () => {
    expect(messageOf({ 'report.yaml': 'title: a\ntitle: b\nsections: [sections/*.md]\n' })).toMatch(/^report\.yaml:2: YAML 格式错误：键“title”写了两次/);
    expect(messageOf({ 'report.yaml': 'title: a\nindicators: data.yaml\nsections: [sections/*.md]\n', 'data.yaml': '产值: 1\n  镇名: x\n' })).toMatch(/^data\.yaml:\d+: YAML 格式错误：这里缩进不对/);
  });
});
