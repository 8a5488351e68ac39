/** The "× ref" toggle of every chart: off, with the reason on hover, when the dataset carries no paired ratios. */
export function RatioButton({
  intervals,
  pressed,
  onClick,
}: {
  intervals: boolean;
  pressed: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={!intervals}
      title={intervals ? undefined : 'This dataset carries no paired ratios (kcomm-bench/1)'}
      onClick={onClick}
    >
      × ref
    </button>
  );
}

/** Said in every chart's description of a kcomm-bench/1 dataset. */
export function IntervalsMissing({ intervals }: { intervals: boolean }) {
  if (intervals) return null;
  return (
    <span className="intervals-missing">
      {' '}
      Intervals are missing: this dataset has no paired ratios (kcomm-bench/1).
    </span>
  );
}
