import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines, tokenizeC, type Token } from '../../src/features/methods/lib/highlight-c';
import { tokenizeMake } from '../../src/features/methods/lib/highlight-make';

const join = (tokens: Token[]) => tokens.map((t) => t.text).join('');
const of = (tokens: Token[], kind: Token['kind']) => tokens.filter((t) => t.kind === kind).map((t) => t.text);

describe('tokenizeC', () => {
  it('keeps a block comment that spans lines as one comment token, and line comments to the line end', () => {
    const src = 'int a; /* one\n * two */ int b; // tail\nint c;';
    const tokens = tokenizeC(src);
    expect(of(tokens, 'comment')).toEqual(['/* one\n * two */', '// tail']);
    expect(of(tokens, 'type')).toEqual(['int', 'int', 'int']);
    expect(join(tokens)).toBe(src);
  });

  it('reads strings and chars with escapes, including an escaped quote, as one token', () => {
    const src = "pr_info(\"say \\\"hi\\\"\\n\", '\\'', '\\0');";
    const tokens = tokenizeC(src);
    expect(of(tokens, 'string')).toEqual(['"say \\"hi\\"\\n"']);
    expect(of(tokens, 'char')).toEqual(["'\\''", "'\\0'"]);
    expect(of(tokens, 'function')).toEqual(['pr_info']);
  });

  it('stops an unterminated string at the end of its line', () => {
    const tokens = tokenizeC('char *s = "open\nint x;');
    expect(of(tokens, 'string')).toEqual(['"open']);
    expect(of(tokens, 'type')).toContain('int');
  });

  it('marks preprocessor directives and the header name after #include', () => {
    const src = '#include <linux/module.h>\n#include "kcomm.h"\n  #  define MAX 0x10\n';
    const tokens = tokenizeC(src);
    expect(of(tokens, 'preproc')).toEqual(['#include', '#include', '#  define']);
    expect(of(tokens, 'string')).toEqual(['<linux/module.h>', '"kcomm.h"']);
    expect(of(tokens, 'macro')).toEqual(['MAX']);
    expect(of(tokens, 'number')).toEqual(['0x10']);
  });

  it('does not read a comparison after a non-include line as a header name', () => {
    const tokens = tokenizeC('if (a < b && c > d)');
    expect(of(tokens, 'string')).toEqual([]);
  });

  it('tells keywords, types, calls, macros and plain identifiers apart', () => {
    const src = 'static struct kcomm_dev *dev; u32 len; size_t n = sizeof(*dev); return kfree(dev), -EINVAL; returned';
    const tokens = tokenizeC(src);
    expect(of(tokens, 'keyword')).toEqual(['static', 'struct', 'sizeof', 'return']);
    expect(of(tokens, 'type')).toEqual(['kcomm_dev', 'u32', 'size_t']);
    expect(of(tokens, 'function')).toEqual(['kfree']);
    expect(of(tokens, 'macro')).toEqual(['EINVAL']);
    // Identifiers that merely contain a keyword stay plain.
    expect(join(tokens.filter((t) => t.kind === 'plain'))).toContain('returned');
    expect(of(tokens, 'keyword')).not.toContain('returned');
  });

  it('reads numbers with bases, suffixes and exponents whole', () => {
    const tokens = tokenizeC('x = 0x1fU + 42 + 10ULL + 0b101 + 1.5e-3f + .5 + 017;');
    expect(of(tokens, 'number')).toEqual(['0x1fU', '42', '10ULL', '0b101', '1.5e-3f', '.5', '017']);
  });

  it('loses no text on any reference source in the repository', () => {
    const root = path.resolve('server/reference');
    let checked = 0;
    for (const dir of readdirSync(root)) {
      for (const name of readdirSync(path.join(root, dir))) {
        if (!/^(kcomm_[a-z0-9_]+|[a-z0-9_]+_user)\.[ch]$/.test(name)) continue;
        const src = readFileSync(path.join(root, dir, name), 'utf8');
        expect(join(tokenizeC(src)), name).toBe(src);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('loses no text on awkward input: unterminated comments, stray characters, CRLF, empty', () => {
    for (const src of ['', '/* open', "'", '"', '#', '@`$\\\n', 'a\r\nb\r\n', '#include <x.h', '1.2.3e+']) {
      expect(join(tokenizeC(src))).toBe(src);
    }
  });
});

describe('splitLines', () => {
  it('cuts multi-line tokens at newlines so each line renders on its own, without losing text', () => {
    const src = 'a /* x\ny */ b\n\nc\n';
    const lines = splitLines(tokenizeC(src));
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.map((t) => t.text).join(''))).toEqual(['a /* x', 'y */ b', '', 'c']);
    expect(lines[1]![0]).toEqual({ kind: 'comment', text: 'y */' });
  });
});

describe('tokenizeMake', () => {
  it('marks comments, targets, assignments, directives and variable references', () => {
    const src =
      '# top\nKDIR ?= /lib/modules/$(shell uname -r)/build\nobj-m := kcomm_x.o\n\nall:\n\t$(MAKE) -C $(KDIR) M=$(CURDIR)\nifeq ($(V),1)\nendif\n';
    const tokens = tokenizeMake(src);
    expect(join(tokens)).toBe(src);
    expect(of(tokens, 'comment')).toEqual(['# top']);
    expect(of(tokens, 'function')).toEqual(['all']);
    expect(of(tokens, 'keyword')).toEqual(['?=', ':=', ':', 'ifeq', 'endif']);
    expect(of(tokens, 'macro')).toEqual(['$(shell uname -r)', '$(MAKE)', '$(KDIR)', '$(CURDIR)', '$(V)']);
  });
});
