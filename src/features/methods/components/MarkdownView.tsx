import { Fragment, useMemo } from 'react';
import { parseMarkdown, type Block, type Inline } from '../lib/markdown';

function InlineView({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((r, i) => {
        switch (r.kind) {
          case 'text':
            return <Fragment key={i}>{r.text}</Fragment>;
          case 'code':
            return <code key={i}>{r.text}</code>;
          case 'strong':
            return <strong key={i}>{r.text}</strong>;
          case 'em':
            return <em key={i}>{r.text}</em>;
          case 'link':
            return (
              <a key={i} href={r.href} rel="noreferrer">
                {r.text}
              </a>
            );
        }
      })}
    </>
  );
}

function BlockView({ block, headingBase }: { block: Block; headingBase: number }) {
  switch (block.kind) {
    case 'heading': {
      // README headings sit below the page's own: "#" becomes the level after headingBase.
      const level = Math.min(6, headingBase + block.level);
      const H = `h${level}` as 'h3';
      return (
        <H>
          <InlineView content={block.content} />
        </H>
      );
    }
    case 'paragraph':
      return (
        <p>
          <InlineView content={block.content} />
        </p>
      );
    case 'code':
      return (
        <pre className="md-code">
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const L = block.ordered ? 'ol' : 'ul';
      return (
        <L>
          {block.items.map((item, i) => (
            <li key={i}>
              <InlineView content={item} />
            </li>
          ))}
        </L>
      );
    }
    case 'table':
      return (
        <div className="table-scroll">
          <table className="md-table">
            <thead>
              <tr>
                {block.head.map((c, i) => (
                  <th key={i} scope="col">
                    <InlineView content={c} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i}>
                      <InlineView content={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** Markdown rendered as React elements (never as HTML), for the reference READMEs. */
export function MarkdownView({ source, headingBase = 2 }: { source: string; headingBase?: number }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown">
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} headingBase={headingBase} />
      ))}
    </div>
  );
}
