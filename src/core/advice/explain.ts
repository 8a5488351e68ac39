// Turns typed contributions into sentences a reviewer can check: what sets a method apart from the other
// candidates (never a strength they all share), the rules that moved it, and the verdict against the
// runner-up with the numbers.
import type { Method } from '../catalogue-schema';
import type { TraitId } from '../ids';
import type { Context } from './context';
import type { Contribution, Scored } from './score';

export const TIE_MARGIN = 3;

const sign = (x: number) => (x >= 0 ? `+${x.toFixed(1)}` : `−${Math.abs(x).toFixed(1)}`);

// Lower-case only the first letter, and not in acronyms: "Stable ABI" reads "stable ABI". Kept per label
// text (a catalogue has a few dozen), since every explanation asks for several.
const inSentence = new Map<string, string>();

function label(c: Context, t: TraitId): string {
  const text = c.traitLabel.get(t) ?? t;
  let lower = inSentence.get(text);
  if (lower === undefined) {
    lower = text.replace(/^([A-Z])(?![A-Z])/, (x) => x.toLowerCase());
    if (inSentence.size < 256) inSentence.set(text, lower);
  }
  return lower;
}

/** The mean rating of each weighted trait over the candidates still in the running. */
export function meanRatings(scored: readonly Scored[], c: Context): Map<TraitId, number> {
  const mean = new Map<TraitId, number>();
  for (const t of c.benefitTraits) {
    const sum = scored.reduce((s, x) => s + (x.method.ratings[t]?.rating ?? 0), 0);
    mean.set(t, scored.length > 0 ? sum / scored.length : 0);
  }
  return mean;
}

const isTrait = (x: Contribution): x is Extract<Contribution, { kind: 'trait' }> => x.kind === 'trait';

export function explainMethod(s: Scored, c: Context, mean: Map<TraitId, number>, standIn: boolean): string[] {
  const out: string[] = [];
  const m = s.method;
  const traits = s.contributions.filter(isTrait).filter((x) => x.weight >= 1);
  const edge = (x: { trait: TraitId; rating: number; weight: number }) =>
    (x.rating - (mean.get(x.trait) ?? 0)) * x.weight;
  const strengths = traits
    .filter((x) => x.rating >= 4 && x.rating - (mean.get(x.trait) ?? 0) >= 1)
    .sort((x, y) => edge(y) - edge(x))
    .slice(0, 3);
  for (const x of strengths)
    out.push(
      `${x.rating}/5 for ${label(c, x.trait)} (the candidates average ${(mean.get(x.trait) ?? 0).toFixed(1)}), which counts because ${c.why[x.trait]?.() ?? ''}: ${m.ratings[x.trait]?.why ?? ''}`,
    );
  const weaknesses = traits
    .filter((x) => x.rating <= 2 && (mean.get(x.trait) ?? 0) - x.rating >= 1)
    .sort((x, y) => edge(x) - edge(y))
    .slice(0, 2);
  for (const x of weaknesses)
    out.push(
      `Only ${x.rating}/5 for ${label(c, x.trait)} (the candidates average ${(mean.get(x.trait) ?? 0).toFixed(1)}), though ${c.why[x.trait]?.() ?? ''}: ${m.ratings[x.trait]?.why ?? ''}`,
    );
  for (const x of s.contributions) {
    if (x.kind === 'cost' && x.points <= -3)
      out.push(`${sign(x.points)}: ${x.rating}/5 burden for ${label(c, x.trait)}, and ${c.why[x.trait]?.() ?? ''}.`);
    if (x.kind === 'rule') out.push(`${sign(x.points)}: ${x.text()}`);
    if (x.kind === 'note') out.push(x.text());
  }
  if (standIn)
    out.push(
      'Measured only through a stock interface standing in for it (its own reference module was not measured in this dataset), which does less work than a real driver.',
    );
  if (out.length === 0) out.push('Nothing sets it apart from the other candidates for these answers.');
  return out;
}

/** The two or three decisive differences between the top pick and the runner-up, largest first. */
export function decisiveDifferences(top: Scored, second: Scored, c: Context): string[] {
  const diffs: { points: number; text: () => string }[] = [];
  const T = top.method.name;
  const R = second.method.name;
  const byKey = (s: Scored) => {
    const map = new Map<string, Exclude<Contribution, { kind: 'note' }>>();
    for (const x of s.contributions) {
      if (x.kind === 'note') continue;
      map.set(x.kind === 'rule' ? `rule:${x.rule}` : `${x.kind}:${x.trait}`, x);
    }
    return map;
  };
  const a = byKey(top);
  const b = byKey(second);
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const d = (x?.points ?? 0) - (y?.points ?? 0);
    if (d <= 0.5) continue;
    if ((x?.kind === 'trait' || x?.kind === 'cost') && (y?.kind === 'trait' || y?.kind === 'cost')) {
      const t = x.trait;
      const why = c.why[t]?.() ?? '';
      diffs.push({
        points: d,
        text: () =>
          x.kind === 'trait'
            ? `${label(c, t)}: ${T} ${x.rating}/5 against ${y.rating}/5 for ${R}, and ${why} (${y.rating < x.rating ? second.method.ratings[t]?.why : top.method.ratings[t]?.why})`
            : `${label(c, t)}: a ${x.rating}/5 burden for ${T} against ${y.rating}/5 for ${R}, and ${why}`,
      });
    } else if (y?.kind === 'rule') diffs.push({ points: d, text: () => `${R}: ${y.text()}` });
    else if (x?.kind === 'rule') diffs.push({ points: d, text: () => `${T}: ${x.text()}` });
  }
  return diffs
    .sort((p, q) => q.points - p.points)
    .slice(0, 3)
    .map((x) => `${x.text().replace(/\.?$/, '.')} (${x.points.toFixed(1)} points)`);
}

export function whenNotToUse(m: Method): string[] {
  return m.whenNotToUse ?? m.badFor;
}
