// The Makefile and Kbuild counterpart of highlight-c.ts: comments, directives, variable references,
// targets and assignment operators; the rest stays plain. Joining the tokens gives the input.
import type { Token, TokenKind } from './highlight-c';

const DIRECTIVES =
  /^(\s*)(-?include|sinclude|ifeq|ifneq|ifdef|ifndef|else|endif|define|endef|export|unexport|override|undefine)\b/;
const TARGET = /^([A-Za-z0-9_.%/$() -]+?)(::?)(?!=)/;
const ASSIGN = /^(\s*[A-Za-z0-9_.-]+\s*)(:=|::=|\?=|\+=|!=|=)/;
const VARIABLE = /\$(?:\([^()\n]*\)|\{[^{}\n]*\}|[@<^+?*%$])/g;

function pushInline(out: Token[], text: string) {
  // Variable references inside a line; everything between them is plain.
  let last = 0;
  for (const m of text.matchAll(VARIABLE)) {
    if (m.index > last) out.push({ kind: 'plain', text: text.slice(last, m.index) });
    out.push({ kind: 'macro', text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'plain', text: text.slice(last) });
}

function tokenizeLine(line: string, out: Token[]) {
  // A comment starts at a '#' not escaped with a backslash.
  const hash = line.search(/(^|[^\\])#/);
  const commentAt = hash === -1 ? -1 : line[hash] === '#' ? hash : hash + 1;
  const code = commentAt === -1 ? line : line.slice(0, commentAt);
  const comment = commentAt === -1 ? '' : line.slice(commentAt);
  const push = (kind: TokenKind, text: string) => text && out.push({ kind, text });

  let rest = code;
  const directive = DIRECTIVES.exec(rest);
  const assign = ASSIGN.exec(rest);
  const target = rest.startsWith('\t') ? null : TARGET.exec(rest);
  if (directive) {
    push('plain', directive[1]!);
    push('keyword', directive[2]!);
    rest = rest.slice(directive[0].length);
  } else if (assign) {
    push('plain', assign[1]!);
    push('keyword', assign[2]!);
    rest = rest.slice(assign[0].length);
  } else if (target) {
    pushInlineAs(out, target[1]!, 'function');
    push('keyword', target[2]!);
    rest = rest.slice(target[0].length);
  }
  pushInline(out, rest);
  push('comment', comment);
}

// A target name may itself hold variable references ($(obj)/foo.o): those stay variables.
function pushInlineAs(out: Token[], text: string, kind: TokenKind) {
  const start = out.length;
  pushInline(out, text);
  for (let i = start; i < out.length; i++) if (out[i]!.kind === 'plain') out[i] = { kind, text: out[i]!.text };
}

export function tokenizeMake(source: string): Token[] {
  const out: Token[] = [];
  const lines = source.split('\n');
  lines.forEach((line, n) => {
    tokenizeLine(line, out);
    if (n < lines.length - 1) out.push({ kind: 'plain', text: '\n' });
  });
  return out;
}
