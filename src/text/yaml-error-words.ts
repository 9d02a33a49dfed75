/**
 * The YAML parser's errors in words a report's author can act on, for report.yaml, the indicator
 * files and the YAML inside a ```chart fence alike; the i18n catalog has them in Chinese.
 */

/**
 * The parser's words say what it met (`Unexpected scalar at node end`); office staff need what to
 * type. The common slips get a sentence saying that; anything else keeps the parser's first line.
 */
export function yamlErrorWords(error: { code: string; message: string; pos?: [number, number] }, text: string): string {
  const at = text.slice(error.pos?.[0] ?? 0, error.pos?.[1] ?? 0);
  switch (error.code) {
    case 'DUPLICATE_KEY': return `duplicate key "${text.slice(error.pos?.[0] ?? 0).split(/[:\n]/)[0].trim()}"; each key may appear once`;
    case 'MISSING_CHAR':
      return /quote/i.test(error.message) ? 'a quote is not closed; end the value with the same quote it starts with' : 'a [ or { is not closed; close it or quote the value';
    case 'BAD_SCALAR_START': return `a value cannot start with "${at || '?'}"; put the value in quotes`;
    case 'BAD_INDENT':
      if (/^Flow/.test(error.message)) return 'a [ or { is not closed; close it or quote the value';
      return 'the indentation is wrong here; keys of one level must start in the same column, with spaces (no tabs)';
    case 'BLOCK_AS_IMPLICIT_KEY':
      // `a: b: c`: the rest of the line holds another ": ", so the value needs quotes.
      if (/: /.test(text.slice(error.pos?.[0] ?? 0).split('\n')[0])) return 'a value that holds ": " must be quoted';
      return 'the indentation is wrong here; keys of one level must start in the same column, with spaces (no tabs)';
    case 'TAB_AS_INDENT': case 'MULTILINE_IMPLICIT_KEY':
      return 'the indentation is wrong here; keys of one level must start in the same column, with spaces (no tabs)';
    default: return firstLine(error.message);
  }
}

/** The first line of a parser message, without its " at line L, column C". */
export function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
