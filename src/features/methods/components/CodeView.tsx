import { useMemo } from 'react';
import { highlightLines } from '../lib/highlight';
import { CopyButton } from './CopyButton';

/** A source file with highlighting and line numbers; long lines scroll inside the box. */
export function CodeView({
  name,
  language,
  content,
}: {
  name: string;
  language: 'c' | 'makefile' | 'markdown';
  content: string;
}) {
  const lines = useMemo(() => highlightLines(language, content), [language, content]);
  return (
    <div className="code-view">
      <div className="code-toolbar">
        <span className="code-name">{name}</span>
        <span className="muted">
          {lines.length} line{lines.length === 1 ? '' : 's'}
        </span>
        <CopyButton text={content} label={`Copy ${name}`} />
      </div>
      {/* Focusable so keyboard users can scroll long lines sideways. */}
      <div className="code-box" tabIndex={0} role="region" aria-label={`${name} source`}>
        <pre className="code" data-language={language}>
          <code>
            {lines.map((html, n) => (
              <span key={n} className="code-line" data-n={n + 1}>
                {/* highlight.js output, sanitised in highlightLines to spans with classes. */}
                <span dangerouslySetInnerHTML={{ __html: html }} />
                {'\n'}
              </span>
            ))}
          </code>
        </pre>
      </div>
    </div>
  );
}
