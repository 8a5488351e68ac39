import { useState } from 'react';

export function CopyableCode({ code, label }: { code: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="copyable">
      <pre aria-label={label}>
        <code>{code}</code>
      </pre>
      <button type="button" className="button small" onClick={copy} aria-label={`Copy: ${label}`}>
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </button>
      <span className="visually-hidden" role="status">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'The clipboard is not available; select the command and copy it.'
            : ''}
      </span>
    </div>
  );
}
