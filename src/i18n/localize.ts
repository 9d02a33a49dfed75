/**
 * Messages in the reader's language, applied where they are printed: the finders keep their
 * English, `localize` turns a whole message into Chinese through the catalog when the language
 * is zh. A message the catalog does not know stays as it is (English), which the i18n tests catch.
 */
import { PREFIXES, SUFFIXES, type Entry } from './catalog.js';
import { ALL_PHRASES as PHRASES, ENTRIES } from './entries.js';
import { currentLang, type Lang } from './lang.js';

interface Compiled { re: RegExp; names: string[]; zh: string }

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

function compile([en, zh]: Entry, anchorStart: boolean): Compiled {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of en.matchAll(PLACEHOLDER)) {
    source += escape(en.slice(last, m.index)) + '(.+?)';
    names.push(m[1]);
    last = m.index! + m[0].length;
  }
  source += escape(en.slice(last));
  return { re: new RegExp(`${anchorStart ? '^' : ''}${source}$`, 's'), names, zh };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let compiled: { whole: Compiled[]; suffixes: Compiled[]; prefixes: Compiled[] } | undefined;
function tables() {
  compiled ??= {
    whole: ENTRIES.map((e) => compile(e, true)),
    suffixes: SUFFIXES.map((e) => compile(e, false)),
    prefixes: PREFIXES.map(([en, zh]) => compile([`${en}{rest}`, zh], true)),
  };
  return compiled;
}

function fill(entry: Compiled, match: RegExpMatchArray): string {
  return entry.zh.replace(PLACEHOLDER, (whole, name: string) => {
    const i = entry.names.indexOf(name);
    return i < 0 ? whole : translatePart(match[i + 1]);
  });
}

/** A placeholder's value: a known phrase or a whole known message is translated, a name is kept. */
function translatePart(value: string): string {
  if (PHRASES[value]) return PHRASES[value];
  // `docx, pdf or txt`: a list of names joined the English way
  const list = /^([\w.-]+(?:, [\w.-]+)*),? or ([\w.-]+)$/.exec(value);
  if (list) return `${list[1].split(', ').join('、')}或${list[2]}`;
  return /[A-Za-z]{2,} [A-Za-z]{2,}/.test(value) ? toChinese(value) ?? value : value;
}

/** The Chinese of an English message, or undefined when the catalog has no entry for it. */
export function toChinese(message: string): string | undefined {
  const { whole, suffixes, prefixes } = tables();
  // A shared ending (did you mean …, data at …): translate the rest, then the ending.
  for (const entry of suffixes) {
    const m = message.match(entry.re);
    if (!m || m.index === 0) continue;
    const head = toChinese(message.slice(0, m.index));
    if (head !== undefined) return head + fill(entry, m);
  }
  // A shared opening (style spec: …, chart: …): the rest must be a whole known message.
  for (const entry of prefixes) {
    const m = message.match(entry.re);
    const rest = m && toChinese(m[m.length - 1]);
    if (rest !== undefined && rest !== null) return fill(entry, m!) + rest;
  }
  for (const entry of whole) {
    const m = message.match(entry.re);
    // `{what}` stands for a noun the catalog knows ("section file"), never for any text before a colon.
    const what = entry.names.indexOf('what');
    if (m && (what < 0 || PHRASES[m[what + 1]])) return fill(entry, m);
  }
  if (PHRASES[message]) return PHRASES[message];
  return undefined;
}

export function localize(message: string, lang: Lang = currentLang()): string {
  return lang === 'zh' ? toChinese(message) ?? message : message;
}
