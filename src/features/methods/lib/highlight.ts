// Source highlighting by highlight.js (its core and the two languages the reference folders use), sanitised,
// then cut into lines so that each line can carry its number.
import DOMPurify from 'dompurify';
import hljs from 'highlight.js/lib/core';
import c from 'highlight.js/lib/languages/c';
import makefile from 'highlight.js/lib/languages/makefile';

hljs.registerLanguage('c', c);
hljs.registerLanguage('makefile', makefile);

export type CodeLanguage = 'c' | 'makefile' | 'markdown';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Splits highlighted HTML into lines: a span open across a line break (a block comment) is closed at the end of
 * each line and reopened at the start of the next, so every line is well-formed HTML on its own.
 */
export function splitHtmlLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  for (const part of html.split(/(<span[^>]*>|<\/span>)/)) {
    if (part.startsWith('<span')) {
      open.push(part);
      line += part;
    } else if (part === '</span>') {
      open.pop();
      line += part;
    } else {
      const pieces = part.split('\n');
      line += pieces[0];
      for (const piece of pieces.slice(1)) {
        lines.push(line + '</span>'.repeat(open.length));
        line = open.join('') + piece;
      }
    }
  }
  lines.push(line + '</span>'.repeat(open.length));
  // A file's final newline does not start another line.
  if (lines.length > 1 && lines.at(-1)!.replace(/<[^>]*>/g, '') === '') lines.pop();
  return lines;
}

/** One sanitised HTML string per source line. */
export function highlightLines(language: CodeLanguage, content: string): string[] {
  const html =
    language === 'markdown' ? escapeHtml(content) : hljs.highlight(content, { language, ignoreIllegals: true }).value;
  return splitHtmlLines(DOMPurify.sanitize(html, { ALLOWED_TAGS: ['span'], ALLOWED_ATTR: ['class'] }));
}
