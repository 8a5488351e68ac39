interface ScoreBarProps {
  score: number;
  max: number;
  label: string;
}

export function ScoreBar({ score, max, label }: ScoreBarProps) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (score / max) * 100)) : 0;
  return (
    <span
      className="score-bar"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={score}
    >
      <span className="score-fill" style={{ width: `${pct}%` }} />
    </span>
  );
}
