import { frameworkApplies } from '#src/core/answer-words';
import type { Answers } from '#src/core/answers';
import { decodeAnswerValue } from '#src/core/answers-codec';
import {
  DAEMON_QUESTION,
  DIRECTION_OPTIONS,
  ASKS_QUESTION,
  TOPIC_QUESTION,
  GROWS_QUESTION,
  WORKER_QUESTION,
  ATLOAD_QUESTION,
  LOSS_QUESTION,
  SCOPE_QUESTION,
  STYLE_OPTIONS,
  type OptionalParam,
  type OptionalQuestion,
  type StepId,
} from '#src/lib/answer-steps';
import { ChoiceField } from './ChoiceField';
import { DatasetField } from './DatasetField';
import { FrameworkField } from './FrameworkField';
import { KeepField } from './KeepField';
import { KernelField } from './KernelField';
import { QuantityField, type Unit } from './QuantityField';

const SIZE_UNITS: Unit[] = [
  { label: 'B', factor: 1 },
  { label: 'KiB', factor: 1024 },
  { label: 'MiB', factor: 1024 ** 2 },
];
const RATE_UNITS: Unit[] = [
  { label: 'msg/s', factor: 1 },
  { label: 'thousand msg/s', factor: 1e3 },
  { label: 'million msg/s', factor: 1e6 },
];
const LAT_UNITS: Unit[] = [
  { label: 'µs', factor: 1 },
  { label: 'ms', factor: 1e3 },
  { label: 's', factor: 1e6 },
];
const SIZE_PRESETS = [
  { label: '8 B', value: 8 },
  { label: '64 B', value: 64 },
  { label: '512 B', value: 512 },
  { label: '4 KiB', value: 4096 },
  { label: '64 KiB', value: 65536 },
  { label: '1 MiB', value: 1048576 },
];
const RATE_PRESETS = [
  { label: '1/s', value: 1 },
  { label: '100/s', value: 100 },
  { label: '10k/s', value: 10_000 },
  { label: '1M/s', value: 1_000_000 },
];

export type SetAnswer = <K extends keyof Answers>(param: K, value: Answers[K]) => void;
export type SetValidity = (param: keyof Answers, error: string | null) => void;

interface Props {
  step: StepId;
  answers: Answers;
  onChange: SetAnswer;
  onValidity: SetValidity;
  /** In the wizard the step heading already asks the question; elsewhere the legend shows it. */
  compact?: boolean;
}

const check =
  (param: 'size' | 'rate' | 'lat' | 'listeners') =>
  (base: number): string | null => {
    const parsed = decodeAnswerValue(param, String(base));
    return parsed.ok ? null : parsed.message;
  };

function Presets({
  items,
  onPick,
  label,
}: {
  items: { label: string; value: number }[];
  onPick: (v: number) => void;
  label: string;
}) {
  return (
    <div className="presets" role="group" aria-label={label}>
      {items.map((p) => (
        <button key={p.label} type="button" className="chip" onClick={() => onPick(p.value)}>
          {p.label}
        </button>
      ))}
    </div>
  );
}

export function AnswerStepFields({ step, answers, onChange, onValidity, compact }: Props) {
  switch (step) {
    case 'dir':
      return (
        <ChoiceField
          legend="Direction"
          name="dir"
          options={DIRECTION_OPTIONS}
          value={answers.dir}
          onChange={(v) => onChange('dir', v)}
          hideLegend={!compact}
        />
      );
    case 'style':
      return (
        <div className="field-group">
          <ChoiceField
            legend="Style"
            name="style"
            options={STYLE_OPTIONS}
            value={answers.style}
            onChange={(v) => onChange('style', v)}
            hideLegend={!compact}
          />
          <OptionalChoice question={DAEMON_QUESTION} answers={answers} onChange={onChange} />
          <OptionalChoice question={SCOPE_QUESTION} answers={answers} onChange={onChange} />
          <OptionalChoice question={ATLOAD_QUESTION} answers={answers} onChange={onChange} />
          <OptionalChoice question={ASKS_QUESTION} answers={answers} onChange={onChange} />
          <OptionalChoice question={GROWS_QUESTION} answers={answers} onChange={onChange} />
          <OptionalChoice question={WORKER_QUESTION} answers={answers} onChange={onChange} />
        </div>
      );
    case 'size':
      return (
        <div className="field-group">
          <QuantityField
            label="Message size"
            value={answers.size}
            units={SIZE_UNITS}
            wholeBase
            validate={check('size')}
            onChange={(v) => v !== null && onChange('size', v)}
            onValidity={(e) => onValidity('size', e)}
          />
          <Presets
            label="Common sizes"
            items={SIZE_PRESETS}
            onPick={(v) => {
              onChange('size', v);
              onValidity('size', null);
            }}
          />
        </div>
      );
    case 'rate':
      return (
        <div className="field-group">
          <QuantityField
            label="Messages"
            value={answers.rate}
            units={RATE_UNITS}
            baseUnitFirst
            validate={check('rate')}
            onChange={(v) => v !== null && onChange('rate', v)}
            onValidity={(e) => onValidity('rate', e)}
          />
          <Presets
            label="Common rates"
            items={RATE_PRESETS}
            onPick={(v) => {
              onChange('rate', v);
              onValidity('rate', null);
            }}
          />
          <OptionalChoice question={LOSS_QUESTION} answers={answers} onChange={onChange} />
        </div>
      );
    case 'lat':
      return (
        <div className="field-group">
          <QuantityField
            label="Latency budget"
            value={answers.lat}
            units={LAT_UNITS}
            emptyMeans="no requirement"
            hint="Empty means no requirement."
            validate={check('lat')}
            onChange={(v) => onChange('lat', v)}
            onValidity={(e) => onValidity('lat', e)}
          />
          <div className="presets" role="group" aria-label="Common budgets">
            <button
              type="button"
              className="chip"
              aria-pressed={answers.lat === null}
              onClick={() => {
                onChange('lat', null);
                onValidity('lat', null);
              }}
            >
              No requirement
            </button>
            {[10, 100, 1000, 10000].map((us) => (
              <button
                key={us}
                type="button"
                className="chip"
                onClick={() => {
                  onChange('lat', us);
                  onValidity('lat', null);
                }}
              >
                {us >= 1000 ? `${us / 1000} ms` : `${us} µs`}
              </button>
            ))}
          </div>
        </div>
      );
    case 'listeners':
      return (
        <QuantityField
          label="Consumers"
          value={answers.listeners}
          units={[{ label: 'processes', factor: 1 }]}
          wholeBase
          validate={check('listeners')}
          onChange={(v) => v !== null && onChange('listeners', v)}
          onValidity={(e) => onValidity('listeners', e)}
        />
      );
    case 'constraints':
      return (
        <div className="field-group constraints">
          <fieldset className="checks">
            <legend className={compact ? undefined : 'visually-hidden'}>Constraints</legend>
            <Check
              label="Must be a stable production interface"
              hint="Rules out debug-only interfaces such as debugfs."
              checked={answers.stable}
              onChange={(v) => onChange('stable', v)}
            />
            <Check
              label="I may ship a custom kernel module"
              hint="Unticked: only what the stock kernel offers (e.g. BPF, existing netlink families)."
              checked={answers.module}
              onChange={(v) => onChange('module', v)}
            />
            <OptionalChoice question={TOPIC_QUESTION} answers={answers} onChange={onChange} />
            <Check
              label="The consumer runs unprivileged"
              hint="Rules out methods that only root can use by default."
              checked={answers.unpriv}
              onChange={(v) => onChange('unpriv', v)}
            />
            <Check
              label="Must be usable from a shell"
              hint="cat, echo and friends, without a purpose-built tool."
              checked={answers.shell}
              onChange={(v) => onChange('shell', v)}
            />
          </fieldset>
          {frameworkApplies(answers) && (
            <FrameworkField value={answers.framework} onChange={(v) => onChange('framework', v)} />
          )}
          <KeepField value={answers.keep} onChange={(v) => onChange('keep', v)} />
          <KernelField
            value={answers.kernel}
            onChange={(v) => onChange('kernel', v)}
            onValidity={(e) => onValidity('kernel', e)}
          />
          <DatasetField value={answers.dataset} onChange={(v) => onChange('dataset', v)} />
        </div>
      );
  }
}

function Check({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span className="choice-text">
        <span className="choice-label">{label}</span>
        <span className="choice-hint">{hint}</span>
      </span>
    </label>
  );
}

/** A follow-up question with "not sure" (null), shown only when the other answers make it matter. */
function OptionalChoice<K extends OptionalParam>({
  question,
  answers,
  onChange,
}: {
  question: OptionalQuestion<K>;
  answers: Answers;
  onChange: SetAnswer;
}) {
  if (!question.asked(answers)) return null;
  const current = question.options.find((o) => o.answer === answers[question.param]) ?? question.options.at(-1)!;
  return (
    <div className={`follow-up follow-up-${question.param}`}>
      <ChoiceField
        legend={question.legend}
        name={question.param}
        options={question.options.map(({ value, label, hint }) => ({ value, label, hint }))}
        value={current.value}
        onChange={(v) => {
          const picked = question.options.find((o) => o.value === v);
          if (picked) onChange(question.param, picked.answer);
        }}
      />
    </div>
  );
}
