// The reference READMEs, through marked (CommonMark + GFM tables) and DOMPurify: no HTML from a README reaches
// the page unsanitised, and raw HTML in the source is shown as text, never as markup.
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function markedFor(headingBase: number): Marked {
  return new Marked({
    gfm: true,
    async: false,
    // README headings sit below the page's own: "#" becomes the level after headingBase.
    walkTokens(token) {
      if (token.type === 'heading') (token as Tokens.Heading).depth = Math.min(6, token.depth + headingBase);
    },
    renderer: {
      // A README is text: its HTML is shown as written.
      html: ({ text }) => escapeHtml(text),
      code: ({ text }) => `<pre class="md-code"><code>${escapeHtml(text)}</code></pre>`,
      table(token) {
        const cells = (row: Tokens.TableCell[], tag: 'th' | 'td') =>
          `<tr>${row.map((c) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${this.parser.parseInline(c.tokens)}</${tag}>`).join('')}</tr>`;
        return `<div class="table-scroll"><table class="md-table"><thead>${cells(token.header, 'th')}</thead><tbody>${token.rows
          .map((r) => cells(r, 'td'))
          .join('')}</tbody></table></div>`;
      },
    },
  });
}

/** The README as sanitised HTML. */
export function renderMarkdown(source: string, headingBase = 2): string {
  const html = markedFor(headingBase).parse(source) as string;
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['img', 'style', 'form', 'input'] });
}

/** Code blocks and inline code spans, for the build and run steps taken from a README. */
export function markdownCode(source: string): { blocks: string[]; inline: string[] } {
  const blocks: string[] = [];
  const inline: string[] = [];
  const m = new Marked({ gfm: true });
  m.walkTokens(m.lexer(source), (t) => {
    if (t.type === 'code') blocks.push(t.text);
    else if (t.type === 'codespan')
      inline.push(
        t.text
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      );
  });
  return { blocks, inline };
}
