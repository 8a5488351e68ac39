import type { MethodId } from '#src/core/ids';
import { KEEP_OPTIONS } from '#src/lib/answer-steps';
import { SelectField } from './SelectField';

interface KeepFieldProps {
  value: MethodId | null;
  onChange: (v: MethodId | null) => void;
}

/** An interface that already carries the data and that user space relies on (keep=<method>). */
export function KeepField({ value, onChange }: KeepFieldProps) {
  return (
    <SelectField
      className="follow-up-keep"
      label="Does user space already rely on an interface for this data?"
      options={KEEP_OPTIONS}
      value={value}
      onChange={onChange}
    >
      A /proc file that old tools parse, an ioctl set a management tool speaks: it must keep working, so it comes first
      and new data may go beside it. A debugfs file stays debug-only even when a tool reads it.
    </SelectField>
  );
}
