import { useId } from 'react';
import type { FrameworkAnswer } from '#src/core/ids';
import { FRAMEWORK_OPTIONS } from '#src/lib/answer-steps';

interface FrameworkFieldProps {
  value: FrameworkAnswer | null;
  onChange: (v: FrameworkAnswer | null) => void;
}

/** The kernel framework of the device class, asked only when a module is shipped (frameworkApplies). */
export function FrameworkField({ value, onChange }: FrameworkFieldProps) {
  const id = useId();
  return (
    <div className="text-field follow-up-framework">
      <label htmlFor={id}>Does the device belong to a kernel framework?</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => {
          const picked = FRAMEWORK_OPTIONS.find((o) => o.value === e.target.value);
          onChange(picked ? picked.answer : null);
        }}
        aria-describedby={`${id}-hint`}
      >
        {FRAMEWORK_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p className="field-hint" id={`${id}-hint`}>
        A battery registers with the power_supply class, a game controller with the input subsystem, a watchdog with the
        watchdog core: what the framework gives user space comes first, and a channel of the driver’s own beside it
        loses points.
      </p>
    </div>
  );
}
