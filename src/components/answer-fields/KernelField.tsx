import { useId, useState } from 'react';
import { decodeAnswerValue } from '#src/core/answers-codec';

interface KernelFieldProps {
  value: string;
  onChange: (v: string) => void;
  onValidity: (error: string | null) => void;
}

export function KernelField({ value, onChange, onValidity }: KernelFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (shown !== value) {
    setShown(value);
    if (draft !== value) {
      setDraft(value);
      setError(null);
    }
  }
  return (
    <div className="text-field">
      <label htmlFor={id}>Oldest kernel to support</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        size={8}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          const v = e.target.value.trim();
          setDraft(e.target.value);
          const parsed = decodeAnswerValue('kernel', v);
          const message = parsed.ok ? null : parsed.message;
          if (parsed.ok) {
            setShown(parsed.value);
            onChange(parsed.value);
          }
          setError(message);
          onValidity(message);
        }}
      />
      <p className="field-hint" id={`${id}-hint`}>
        major.minor, e.g. 5.10 (Debian 11), 6.1 (Debian 12), 4.19. Methods newer than this are eliminated.
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
