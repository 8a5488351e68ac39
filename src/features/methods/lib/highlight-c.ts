// A small C tokenizer for the reference-code viewer. It does not parse C: it splits the text into runs a
// reader's eye separates (comments, strings, preprocessor directives, keywords, types, numbers, calls,
// macros) and leaves everything else plain. No text is ever dropped: joining the tokens gives the input.

export type TokenKind =
  'comment' | 'string' | 'char' | 'preproc' | 'keyword' | 'type' | 'number' | 'function' | 'macro' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set([
  'auto',
  'break',
  'case',
  'const',
  'continue',
  'default',
  'do',
  'else',
  'enum',
  'extern',
  'for',
  'goto',
  'if',
  'inline',
  'register',
  'restrict',
  'return',
  'sizeof',
  'static',
  'struct',
  'switch',
  'typedef',
  'union',
  'volatile',
  'while',
  'asm',
  'typeof',
  'alignof',
  'static_assert',
  '_Alignas',
  '_Alignof',
  '_Atomic',
  '_Generic',
  '_Noreturn',
  '_Static_assert',
  '_Thread_local',
  '__asm__',
  '__typeof__',
  '__attribute__',
  '__always_inline',
  '__init',
  '__exit',
  '__user',
  '__iomem',
  '__rcu',
  '__force',
  '__must_check',
  '__maybe_unused',
  '__packed',
  'true',
  'false',
  'NULL',
]);

const TYPES = new Set([
  'void',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
  'signed',
  'unsigned',
  'bool',
  '_Bool',
  'u8',
  'u16',
  'u32',
  'u64',
  's8',
  's16',
  's32',
  's64',
  '__u8',
  '__u16',
  '__u32',
  '__u64',
  '__s8',
  '__s16',
  '__s32',
  '__s64',
  '__le16',
  '__le32',
  '__le64',
  '__be16',
  '__be32',
  '__be64',
  'FILE',
]);

// C's preprocessing number: a digit (or a dot then a digit) followed by letters, digits, dots and signed
// exponents. It covers 42, 0x1fU, 0b1010, 1.5e-3f and 10ULL without a grammar per base.
const NUMBER = /\.?\d(?:[eEpP][+-]|[\w.])*/y;
const IDENT = /[A-Za-z_]\w*/y;
const SPACE = /[ \t\f\v\r]+/y;
const DIRECTIVE = /#[ \t]*[A-Za-z_]\w*/y;

function matchAt(re: RegExp, s: string, i: number): string | null {
  re.lastIndex = i;
  const m = re.exec(s);
  return m ? m[0] : null;
}

// The end (exclusive) of a quoted literal starting at i; an unterminated one stops before the newline.
function quotedEnd(s: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < s.length) {
    const c = s[j];
    if (c === '\\') j += 2;
    else if (c === quote) return j + 1;
    else if (c === '\n') return j;
    else j++;
  }
  return s.length;
}

function isTypeName(word: string): boolean {
  return TYPES.has(word) || /^[a-z_][a-z0-9_]*_t$/.test(word);
}

export function tokenizeC(source: string): Token[] {
  const out: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind && kind === 'plain') last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let lineStart = true; // only white space since the last newline
  let afterInclude = false; // a <header.h> after #include is a file name, not two comparisons
  let afterTag = false; // the word after struct/union/enum names a type
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '\n') {
      push('plain', c);
      i++;
      lineStart = true;
      afterInclude = false;
      continue;
    }
    const space = matchAt(SPACE, source, i);
    if (space) {
      push('plain', space);
      i += space.length;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      push('comment', source.slice(i, stop));
      i = stop;
      continue;
    }
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      push('comment', source.slice(i, stop));
      i = stop;
      continue;
    }
    const wasLineStart = lineStart;
    lineStart = false;
    if (c === '#' && wasLineStart) {
      const directive = matchAt(DIRECTIVE, source, i);
      if (directive) {
        push('preproc', directive);
        i += directive.length;
        afterInclude = /include$/.test(directive);
        continue;
      }
    }
    if (c === '<' && afterInclude) {
      const end = source.indexOf('>', i);
      const newline = source.indexOf('\n', i);
      if (end !== -1 && (newline === -1 || end < newline)) {
        push('string', source.slice(i, end + 1));
        i = end + 1;
        afterInclude = false;
        continue;
      }
    }
    if (c === '"' || c === "'") {
      const stop = quotedEnd(source, i, c);
      push(c === '"' ? 'string' : 'char', source.slice(i, stop));
      i = stop;
      afterInclude = false;
      continue;
    }
    const number =
      /\d/.test(c) || (c === '.' && next !== undefined && /\d/.test(next)) ? matchAt(NUMBER, source, i) : null;
    if (number) {
      push('number', number);
      i += number.length;
      continue;
    }
    const word = matchAt(IDENT, source, i);
    if (word) {
      i += word.length;
      let kind: TokenKind;
      if (afterTag) kind = 'type';
      else if (KEYWORDS.has(word)) kind = 'keyword';
      else if (isTypeName(word)) kind = 'type';
      else if (/^[A-Z][A-Z0-9_]*$/.test(word) && word.length > 1) kind = 'macro';
      else if (/^\s*\(/.test(source.slice(i, i + 40))) kind = 'function';
      else kind = 'plain';
      afterTag = word === 'struct' || word === 'union' || word === 'enum';
      push(kind, word);
      continue;
    }
    afterTag = false;
    push('plain', c);
    i++;
  }
  return out;
}

/** The tokens cut at newlines, one array per line (a token spanning lines is split, no text lost). */
export function splitLines(tokens: Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const t of tokens) {
    const parts = t.text.split('\n');
    parts.forEach((part, n) => {
      if (n > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ kind: t.kind, text: part });
    });
  }
  // A file ending in a newline has no extra empty line after it.
  if (lines.length > 1 && lines[lines.length - 1]!.length === 0) lines.pop();
  return lines;
}
