import { useId, type ReactNode } from 'react';
import type { SelectOption } from '#src/lib/answer-steps';

interface SelectFieldProps<T> {
  label: string;
  options: readonly SelectOption<T>[];
  value: T;
  onChange: (v: T) => void;
  /** The hint under the select, read out with it. */
  children: ReactNode;
  className?: string;
}

/** One follow-up answer chosen from a list too long for radio buttons (the framework, an existing interface). */
export function SelectField<T extends string | null>({
  label,
  options,
  value,
  onChange,
  children,
  className,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className={`text-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={options.find((o) => o.answer === value)?.value ?? ''}
        onChange={(e) => {
          const picked = options.find((o) => o.value === e.target.value);
          if (picked) onChange(picked.answer);
        }}
        aria-describedby={`${id}-hint`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p className="field-hint" id={`${id}-hint`}>
        {children}
      </p>
    </div>
  );
}
