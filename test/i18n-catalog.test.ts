/** The catalog and the language choice, without the CLI: locale rules and whole-message matching. */
import { describe, expect, it } from 'vitest';
import { currentLang } from '../src/i18n/lang.js';
import { localize, toChinese } from '../src/i18n/localize.js';

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
