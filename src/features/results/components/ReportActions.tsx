import { useState } from 'react';
import type { Answers } from '#src/core/answers';
import { permalink } from '#src/core/answers-codec';
import { reportToMarkdown, type Report } from '#src/core/report';
import { downloadText } from '#src/lib/download';

export function ReportActions({ report, answers }: { report: Report; answers: Answers }) {
  const link = permalink(answers, window.location.origin);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const base = `kcomm-${report.ranking[0]?.method ?? 'report'}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="report-actions" role="group" aria-label="Report actions">
      <button type="button" className="button" onClick={copy}>
        Copy permalink
      </button>
      <button
        type="button"
        className="button"
        onClick={() => downloadText(`${base}.md`, reportToMarkdown(report), 'text/markdown')}
      >
        Download Markdown
      </button>
      <button
        type="button"
        className="button"
        onClick={() => downloadText(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`, 'application/json')}
      >
        Download JSON
      </button>
      <button type="button" className="button" onClick={() => window.print()}>
        Print
      </button>
      <span className="copy-status" role="status">
        {copied === 'yes' && 'Permalink copied.'}
      </span>
      {copied === 'failed' && (
        <label className="copy-fallback">
          The clipboard is not available here; copy the link yourself:
          <input type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </div>
  );
}
