const TEXT = 'Unverified: the chosen dataset has no measurement of this method here; its score rests on traits alone.';

/** A ranked method the chosen dataset never measured at these answers. */
export function UnverifiedMark({ short = false }: { short?: boolean }) {
  return short ? (
    <span className="unverified-mark" title={TEXT}>
      unverified<span className="visually-hidden">: {TEXT}</span>
    </span>
  ) : (
    <p className="unverified-mark">{TEXT}</p>
  );
}
