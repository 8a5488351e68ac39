import { useId, useState } from 'react';

export interface Unit {
  label: string;
  factor: number;
}

interface QuantityFieldProps {
  label: string;
  /** The value in base units; null only where `emptyMeans` allows an empty field. */
  value: number | null;
  units: Unit[];
  /** Returns an error for a value in base units, or null when it is acceptable. */
  validate: (base: number) => string | null;
  onChange: (base: number | null) => void;
  onValidity: (error: string | null) => void;
  /** When set, an empty field is valid and means null (e.g. "no latency requirement"). */
  emptyMeans?: string;
  hint?: string;
  wholeBase?: boolean;
  /** Show values in the first unit (e.g. msg/s), not the largest that divides them: "50" then means 50. */
  baseUnitFirst?: boolean;
}

function bestUnit(value: number | null, units: Unit[], baseFirst = false): { text: string; unit: number } {
  if (value === null) return { text: '', unit: 0 };
  if (baseFirst) return { text: String(value), unit: 0 };
  for (let i = units.length - 1; i >= 0; i--) {
    const f = units[i]!.factor;
    if (value >= f && Number.isInteger(Number((value / f).toFixed(6)))) return { text: String(value / f), unit: i };
  }
  return { text: String(value), unit: 0 };
}

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

function toBase(text: string, factor: number, wholeBase: boolean): { base: number } | { error: string } | null {
  const t = text.trim();
  if (t === '') return null;
  if (!NUMBER.test(t)) return { error: `"${t}" is not a number; use digits and an optional decimal point` };
  const base = Number(t) * factor;
  if (wholeBase && !Number.isInteger(Number(base.toFixed(6))))
    return { error: `${t} × this unit is not a whole number of bytes` };
  return { base: wholeBase ? Math.round(base) : base };
}

export function QuantityField({
  label,
  value,
  units,
  validate,
  onChange,
  onValidity,
  emptyMeans,
  hint,
  wholeBase = false,
  baseUnitFirst = false,
}: QuantityFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(() => bestUnit(value, units, baseUnitFirst));
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);

  // The value can change from outside (reset, a "what would change" link): resync unless it is ours.
  if (shown !== value) {
    setShown(value);
    const parsed = toBase(draft.text, units[draft.unit]!.factor, wholeBase);
    const mine = parsed === null ? value === null : 'base' in parsed && parsed.base === value;
    if (!mine) {
      setDraft(bestUnit(value, units, baseUnitFirst));
      setError(null);
    }
  }

  const commit = (text: string, unit: number) => {
    setDraft({ text, unit });
    const parsed = toBase(text, units[unit]!.factor, wholeBase);
    let message: string | null;
    if (parsed === null) {
      message = emptyMeans === undefined ? `Enter a value for ${label.toLowerCase()}` : null;
      if (message === null) {
        setShown(null);
        onChange(null);
      }
    } else if ('error' in parsed) {
      message = parsed.error;
    } else {
      message = validate(parsed.base);
      if (message === null) {
        setShown(parsed.base);
        onChange(parsed.base);
      }
    }
    setError(message);
    onValidity(message);
  };

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="quantity-field">
      <label htmlFor={`${id}-value`}>{label}</label>
      <div className="quantity-inputs">
        <input
          id={`${id}-value`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft.text}
          placeholder={emptyMeans}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => commit(e.target.value, draft.unit)}
        />
        {units.length > 1 ? (
          <select
            aria-label={`${label} unit`}
            value={draft.unit}
            onChange={(e) => commit(draft.text, Number(e.target.value))}
          >
            {units.map((u, i) => (
              <option key={u.label} value={i}>
                {u.label}
              </option>
            ))}
          </select>
        ) : (
          <span className="quantity-unit">{units[0]?.label}</span>
        )}
      </div>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
