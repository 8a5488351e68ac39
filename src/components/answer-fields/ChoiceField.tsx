import { useId } from 'react';

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

interface ChoiceFieldProps<T extends string> {
  legend: string;
  name: string;
  options: ChoiceOption<T>[];
  value: T;
  onChange: (value: T) => void;
  hideLegend?: boolean;
}

export function ChoiceField<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  hideLegend,
}: ChoiceFieldProps<T>) {
  const id = useId();
  return (
    <fieldset className="choice-field">
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="choice" htmlFor={`${id}-${o.value}`}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={`${name}-${id}`}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
          />
          <span className="choice-text">
            <span className="choice-label">{o.label}</span>
            {o.hint && (
              <span className="choice-hint" id={`${id}-${o.value}-hint`}>
                {o.hint}
              </span>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
