import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown';

/** A reference README: Markdown by marked, sanitised by DOMPurify before it reaches the page. */
export function MarkdownView({ source, headingBase = 2 }: { source: string; headingBase?: number }) {
  const html = useMemo(() => renderMarkdown(source, headingBase), [source, headingBase]);
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
