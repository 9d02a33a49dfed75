/**
 * Which language the user reads: `--lang` (kept in REPORT_LANG so batch workers, which copy
 * the environment, follow it), else the locale the way gettext reads it. English unless the
 * locale asks for Chinese, so C/POSIX, en_* and an unset LANG (tests, CI images) stay English.
 */
export type Lang = 'zh' | 'en';

export const LANG_ENV = 'REPORT_LANG';

export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (/^zh([_.@-]|$)/.test(v) || v === 'chinese' || v === '中文') return 'zh';
  if (/^(en([_.@-]|$)|c(\.|$)|posix$)/.test(v)) return 'en';
  return undefined;
}

export function currentLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const chosen = parseLang(env[LANG_ENV]);
  if (chosen) return chosen;
  // gettext: the first set of LC_ALL, LC_MESSAGES, LANG is the locale; LANGUAGE (a priority
  // list such as zh_CN:en) refines it unless the locale is C/POSIX.
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v && v.length > 0) ?? '';
  const isC = locale === '' || /^(c|posix)([._@]|$)/i.test(locale);
  if (!isC && env.LANGUAGE) {
    for (const part of env.LANGUAGE.split(':')) {
      const lang = parseLang(part);
      if (lang) return lang;
    }
  }
  return parseLang(locale) ?? 'en';
}

/** Pick the text for the current language: `t('wrote', '已写入')`. */
export function t(en: string, zh: string): string {
  return currentLang() === 'zh' ? zh : en;
}
