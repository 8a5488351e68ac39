interface RatingPipsProps {
  rating: number;
  polarity: 'benefit' | 'cost';
}

/** 0–5 as five pips; cost traits (a burden when high) are drawn in the warning colour. */
export function RatingPips({ rating, polarity }: RatingPipsProps) {
  const label = `${rating} of 5${polarity === 'cost' ? ' (a cost: higher is worse)' : ''}`;
  return (
    <span className={`pips ${polarity}`} role="img" aria-label={label} title={label}>
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} className={i <= rating ? 'pip on' : 'pip'} />
      ))}
    </span>
  );
}
