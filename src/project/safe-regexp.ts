/**
 * Regular expressions from a JSON Schema `pattern`, matched in linear time.
 *
 * A schema comes with the project (a pull request can change it), and JavaScript's backtracking
 * engine takes exponential time on patterns like `^(a+)+$`: one indicator value could hang the
 * build. Patterns are therefore compiled to a Thompson NFA and simulated state-set by state-set
 * (the RE2 idea): time is O(text length × pattern size) whatever the pattern. Single characters
 * (literals, `.`, classes like `[^\d]` or `\p{Script=Han}`) are still tested by JavaScript's own
 * engine, one code point at a time, so their meaning is exactly ECMAScript's with the `u` flag.
 * Features no linear engine can run — back-references, lookahead and lookbehind — are refused.
 */

export class UnsupportedPattern extends Error {
  constructor(readonly pattern: string, reason: string) {
    super(reason);
    this.name = 'UnsupportedPattern';
  }
}

/** Largest NFA we build (counted repeats like `{1,1000}` multiply the pattern). */
export const MAX_PATTERN_STATES = 2000;

type CharTest = (cp: number) => boolean;

type Node =
  | { type: 'char'; test: CharTest }
  | { type: 'assert'; kind: 'start' | 'end' | 'boundary' | 'not-boundary' }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[] }
  | { type: 'repeat'; node: Node; min: number; max: number };

/** A compiled pattern with the `test` RegExp has (search anywhere in the string). */
export interface LinearRegExp {
  test(text: string): boolean;
  toString(): string;
}

/** Compile `pattern` (ECMAScript syntax, `u` flag). Throws SyntaxError or UnsupportedPattern. */
export function compileLinear(pattern: string): LinearRegExp {
  new RegExp(pattern, 'u'); // the syntax is ECMAScript's: let it report syntax errors
  const ast = new Parser(pattern).parse();
  const program = new Program(pattern);
  program.compile(ast);
  return { test: (text: string) => program.run(text), toString: () => `/${pattern}/u` };
}

const LINE_TERMINATORS = new Set([0x0a, 0x0d, 0x2028, 0x2029]);
const WORD = /^\w$/u;
const isWord = (cp: number | undefined): boolean => cp !== undefined && WORD.test(String.fromCodePoint(cp));

class Parser {
  private readonly cps: number[];
  private at = 0;

  constructor(private readonly pattern: string) {
    this.cps = [...pattern].map((c) => c.codePointAt(0)!);
  }

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.cps.length) throw new SyntaxError(`unexpected ")" in ${this.pattern}`);
    return node;
  }

  private peek(offset = 0): string | undefined {
    const cp = this.cps[this.at + offset];
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  }

  private unsupported(reason: string): never {
    throw new UnsupportedPattern(this.pattern, reason);
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { type: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.cps.length && this.peek() !== '|' && this.peek() !== ')') {
      let atom = this.atom();
      const quantifier = this.quantifier();
      if (quantifier) atom = { type: 'repeat', node: atom, ...quantifier };
      items.push(atom);
    }
    return { type: 'seq', items };
  }

  private quantifier(): { min: number; max: number } | undefined {
    const ch = this.peek();
    let result: { min: number; max: number } | undefined;
    if (ch === '*') result = { min: 0, max: Infinity };
    else if (ch === '+') result = { min: 1, max: Infinity };
    else if (ch === '?') result = { min: 0, max: 1 };
    else if (ch === '{') {
      const rest = this.pattern.slice(this.offsetOf(this.at));
      const match = /^\{(\d+)(,(\d*))?\}/.exec(rest);
      if (!match) return undefined;
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      this.at += match[0].length - 1;
      result = { min, max };
    }
    if (!result) return undefined;
    this.at++;
    if (this.peek() === '?') this.at++; // lazy: the same set of matches
    return result;
  }

  /** UTF-16 offset of code point index `index` (the pattern's syntax is ASCII where we slice). */
  private offsetOf(index: number): number {
    let offset = 0;
    for (let i = 0; i < index; i++) offset += this.cps[i] > 0xffff ? 2 : 1;
    return offset;
  }

  private atom(): Node {
    const ch = this.peek()!;
    this.at++;
    switch (ch) {
      case '^': return { type: 'assert', kind: 'start' };
      case '$': return { type: 'assert', kind: 'end' };
      case '.': return { type: 'char', test: (cp) => !LINE_TERMINATORS.has(cp) };
      case '(': return this.group();
      case '[': return this.charClass();
      case '\\': return this.escape();
      default: {
        const cp = ch.codePointAt(0)!;
        return { type: 'char', test: (c) => c === cp };
      }
    }
  }

  private group(): Node {
    if (this.peek() === '?') {
      const next = this.peek(1);
      if (next === ':') this.at += 2;
      else if (next === '=' || next === '!' || (next === '<' && (this.peek(2) === '=' || this.peek(2) === '!'))) this.unsupported('lookahead and lookbehind');
      else if (next === '<') {
        while (this.at < this.cps.length && this.peek() !== '>') this.at++;
        this.at++;
      } else this.unsupported(`group (?${next ?? ''}`);
    }
    const inner = this.alternation();
    if (this.peek() !== ')') throw new SyntaxError('unterminated group');
    this.at++;
    return inner;
  }

  /** `[...]`: its source, tested by the native engine one code point at a time. */
  private charClass(): Node {
    const start = this.at - 1;
    while (this.at < this.cps.length && this.peek() !== ']') {
      if (this.peek() === '\\') this.at++;
      this.at++;
    }
    this.at++;
    return { type: 'char', test: nativeTest(this.sliceSource(start, this.at)) };
  }

  private escape(): Node {
    const start = this.at - 1;
    const ch = this.peek();
    if (ch === undefined) throw new SyntaxError('\\ at end of pattern');
    if (ch === 'b') { this.at++; return { type: 'assert', kind: 'boundary' }; }
    if (ch === 'B') { this.at++; return { type: 'assert', kind: 'not-boundary' }; }
    if (/[1-9]/.test(ch) || ch === 'k') this.unsupported('back-references');
    this.at++;
    if (ch === 'p' || ch === 'P' || (ch === 'u' && this.peek() === '{')) {
      while (this.at < this.cps.length && this.peek() !== '}') this.at++;
      this.at++;
    } else if (ch === 'u') {
      this.at += 4;
      // A surrogate pair written as two escapes is one code point under the u flag.
      const lead = parseInt(this.sliceSource(start + 2, this.at), 16);
      if (lead >= 0xd800 && lead <= 0xdbff && this.peek() === '\\' && this.peek(1) === 'u' && /^[\dA-Fa-f]{4}$/.test(this.sliceSource(this.at + 2, this.at + 6))) {
        const trail = parseInt(this.sliceSource(this.at + 2, this.at + 6), 16);
        if (trail >= 0xdc00 && trail <= 0xdfff) this.at += 6;
      }
    } else if (ch === 'x') this.at += 2;
    else if (ch === 'c') this.at += 1;
    return { type: 'char', test: nativeTest(this.sliceSource(start, this.at)) };
  }

  private sliceSource(from: number, to: number): string {
    return String.fromCodePoint(...this.cps.slice(from, to));
  }
}

/** A one-character test by the native engine (one code point cannot backtrack), memoised. */
function nativeTest(source: string): CharTest {
  const regexp = new RegExp(`^(?:${source})$`, 'u');
  const memo = new Map<number, boolean>();
  return (cp) => {
    let result = memo.get(cp);
    if (result === undefined) {
      result = regexp.test(String.fromCodePoint(cp));
      if (memo.size < 4096) memo.set(cp, result);
    }
    return result;
  };
}

const enum Op { Char, Split, Jump, Assert, Match }

/** The NFA as instruction arrays (Pike VM without captures). */
class Program {
  private readonly op: Op[] = [];
  private readonly arg1: number[] = [];
  private readonly arg2: number[] = [];
  private readonly tests: Array<CharTest | undefined> = [];
  private readonly asserts: Array<string | undefined> = [];

  constructor(private readonly pattern: string) {}

  compile(ast: Node): void {
    this.emitNode(ast);
    this.emit(Op.Match);
  }

  private emit(op: Op, a = -1, b = -1, test?: CharTest, assert?: string): number {
    if (this.op.length >= MAX_PATTERN_STATES) {
      throw new UnsupportedPattern(this.pattern, `more than ${MAX_PATTERN_STATES} states once its repeats are counted out`);
    }
    this.op.push(op);
    this.arg1.push(a);
    this.arg2.push(b);
    this.tests.push(test);
    this.asserts.push(assert);
    return this.op.length - 1;
  }

  private emitNode(node: Node): void {
    switch (node.type) {
      case 'char': this.emit(Op.Char, -1, -1, node.test); break;
      case 'assert': this.emit(Op.Assert, -1, -1, undefined, node.kind); break;
      case 'seq': for (const item of node.items) this.emitNode(item); break;
      case 'alt': {
        // split L1, next; L1: a; jump end; next: split L2, … ; last option plain
        const jumps: number[] = [];
        node.options.forEach((option, i) => {
          if (i < node.options.length - 1) {
            const split = this.emit(Op.Split);
            this.arg1[split] = split + 1;
            this.emitNode(option);
            jumps.push(this.emit(Op.Jump));
            this.arg2[split] = this.op.length;
          } else this.emitNode(option);
        });
        for (const jump of jumps) this.arg1[jump] = this.op.length;
        break;
      }
      case 'repeat': {
        for (let i = 0; i < node.min; i++) this.emitNode(node.node);
        if (node.max === Infinity) {
          const split = this.emit(Op.Split);
          this.arg1[split] = split + 1;
          this.emitNode(node.node);
          this.arg1[this.emit(Op.Jump)] = split;
          this.arg2[split] = this.op.length;
        } else {
          const splits: number[] = [];
          for (let i = node.min; i < node.max; i++) {
            const split = this.emit(Op.Split);
            this.arg1[split] = split + 1;
            splits.push(split);
            this.emitNode(node.node);
          }
          for (const split of splits) this.arg2[split] = this.op.length;
        }
        break;
      }
    }
  }

  /** Does the pattern match anywhere in `text`? O(text × states). */
  run(text: string): boolean {
    const cps = [...text].map((c) => c.codePointAt(0)!);
    const size = this.op.length;
    const mark = new Int32Array(size).fill(-1);
    let current: number[] = [];
    let next: number[] = [];
    let generation = 0;
    const add = (list: number[], pc: number, pos: number): boolean => {
      // Iterative closure over Split/Jump/Assert; true once Match is reachable.
      const stack = [pc];
      while (stack.length > 0) {
        const at = stack.pop()!;
        if (mark[at] === generation) continue;
        mark[at] = generation;
        switch (this.op[at]) {
          case Op.Match: return true;
          case Op.Char: list.push(at); break;
          case Op.Jump: stack.push(this.arg1[at]); break;
          case Op.Split: stack.push(this.arg2[at], this.arg1[at]); break;
          case Op.Assert:
            if (this.holds(this.asserts[at]!, cps, pos)) stack.push(at + 1);
            break;
        }
      }
      return false;
    };
    for (let pos = 0; ; pos++) {
      generation++;
      // Threads carried over from the previous character, then a new start here (unanchored search).
      const carried = next;
      next = [];
      current = [];
      for (const pc of carried) if (add(current, pc, pos)) return true;
      if (add(current, 0, pos)) return true;
      if (pos >= cps.length) return false;
      const cp = cps[pos];
      for (const pc of current) if (this.tests[pc]!(cp)) next.push(pc + 1);
    }
  }

  private holds(kind: string, cps: number[], pos: number): boolean {
    switch (kind) {
      case 'start': return pos === 0;
      case 'end': return pos === cps.length;
      case 'boundary': return isWord(cps[pos - 1]) !== isWord(cps[pos]);
      default: return isWord(cps[pos - 1]) === isWord(cps[pos]);
    }
  }
}
