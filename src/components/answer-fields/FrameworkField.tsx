import type { FrameworkAnswer } from '#src/core/ids';
import { FRAMEWORK_OPTIONS } from '#src/lib/answer-steps';
import { SelectField } from './SelectField';

interface FrameworkFieldProps {
  value: FrameworkAnswer | null;
  onChange: (v: FrameworkAnswer | null) => void;
}

/** The kernel framework of the device class, asked only when a module is shipped (frameworkApplies). */
export function FrameworkField({ value, onChange }: FrameworkFieldProps) {
  return (
    <SelectField
      className="follow-up-framework"
      label="Does the device belong to a kernel framework?"
      options={FRAMEWORK_OPTIONS}
      value={value}
      onChange={onChange}
    >
      A battery registers with the power_supply class, a game controller with the input subsystem, a watchdog with the
      watchdog core: what the framework gives user space comes first, and a channel of the driver’s own beside it loses
      points.
    </SelectField>
  );
}
