import { useMemo } from 'react';
import { splitLines, tokenizeC, type Token } from '../lib/highlight-c';
import { tokenizeMake } from '../lib/highlight-make';
import { CopyButton } from './CopyButton';

function tokensFor(language: 'c' | 'makefile' | 'markdown', content: string): Token[] {
  if (language === 'c') return tokenizeC(content);
  if (language === 'makefile') return tokenizeMake(content);
  return [{ kind: 'plain', text: content }];
}

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
  const lines = useMemo(() => splitLines(tokensFor(language, content)), [language, content]);
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
            {lines.map((line, n) => (
              <span key={n} className="code-line" data-n={n + 1}>
                {line.map((t, k) =>
                  t.kind === 'plain' ? (
                    t.text
                  ) : (
                    <span key={k} className={`tok-${t.kind}`}>
                      {t.text}
                    </span>
                  ),
                )}
                {'\n'}
              </span>
            ))}
          </code>
        </pre>
      </div>
    </div>
  );
}
