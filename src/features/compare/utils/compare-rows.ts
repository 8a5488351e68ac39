import { directionsText } from '#src/components/MethodFacts';
import type { Method, Trait } from '#src/core/catalogue-schema';
import type { IconName } from '#src/core/ids';
import type { Report } from '#src/core/report';
import { LIMIT_ROW_KEYS, limitRows } from '#src/lib/limit-rows';
import type { MeasuredCell, MeasuredRow } from './compare-measured';

export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'rating'; rating: number | null; polarity: Trait['polarity']; why: string }
  | { kind: 'abi'; abi: Method['abi'] }
  | { kind: 'score'; score: number; rank: number }
  | { kind: 'eliminated'; reasons: string[] }
  | { kind: 'missing'; text: string }
  /** A hard limit in words with its source (src/lib/limit-rows.ts, as the method page shows it). */
  | { kind: 'limit'; text: string; source: string | null; note: string | null }
  | MeasuredCell;

export interface CompareRow {
  key: string;
  label: string;
  group: 'Score' | 'Facts' | 'Hard limits' | 'Traits' | 'Measured';
  icon?: IconName;
  cells: Cell[];
  /** Every method has the same value (so the row can be hidden). */
  same: boolean;
}

// What two cells are compared by: the value shown, not the prose explaining it.
function cellKey(c: Cell): string {
  switch (c.kind) {
    case 'rating':
      return `r${c.rating}`;
    case 'eliminated':
      return 'eliminated';
    case 'text':
    case 'missing':
    case 'measured':
    case 'limit':
      return c.text;
    case 'abi':
      return c.abi;
    case 'score':
      return `s${c.score}`;
  }
}

function row(key: string, label: string, group: CompareRow['group'], cells: Cell[], icon?: IconName): CompareRow {
  const keys = cells.map(cellKey);
  return { key, label, group, cells, icon, same: keys.every((k) => k === keys[0]) };
}

/**
 * The compare table's rows for these methods (in order), with the report's scores when there is one and the
 * measured rows (see compare-measured.ts) when a dataset is chosen.
 */
export function buildCompareRows(
  methods: Method[],
  traits: Trait[],
  report: Report | undefined,
  measured: MeasuredRow[] = [],
): CompareRow[] {
  const rows: CompareRow[] = [];
  if (report) {
    rows.push(
      row(
        'score',
        'Score for your answers',
        'Score',
        methods.map((m): Cell => {
          const rank = report.ranking.findIndex((r) => r.method === m.id);
          const ranked = report.ranking[rank];
          if (ranked) return { kind: 'score', score: ranked.score, rank: rank + 1 };
          const out = report.eliminated.find((e) => e.method === m.id);
          return { kind: 'eliminated', reasons: out?.reasons ?? [] };
        }),
      ),
    );
  }
  // What was measured at the user's size comes right after the score it helped to make.
  for (const m of measured) rows.push(row(m.key, m.label, 'Measured', m.cells));
  rows.push(
    row(
      'abi',
      'ABI status',
      'Facts',
      methods.map((m): Cell => ({ kind: 'abi', abi: m.abi })),
    ),
    row(
      'kernel',
      'Oldest kernel',
      'Facts',
      methods.map((m): Cell => ({ kind: 'text', text: m.minKernel })),
    ),
    row(
      'dirs',
      'Directions',
      'Facts',
      methods.map((m): Cell => ({ kind: 'text', text: directionsText(m) })),
    ),
    row(
      'module',
      'Module needed',
      'Facts',
      methods.map((m): Cell => ({ kind: 'text', text: m.needsModule ? 'yes' : 'no' })),
    ),
    row(
      'privileges',
      'Privileges',
      'Facts',
      methods.map((m): Cell => ({ kind: 'text', text: m.privileges.rootOnly ? 'root only' : 'unprivileged possible' })),
    ),
    row(
      'shell',
      'From a shell',
      'Facts',
      methods.map((m): Cell => ({ kind: 'text', text: m.usableFromShell ? 'yes' : 'no' })),
    ),
  );
  // Every hard limit any of the methods has, in the method page's order and words; a method without it says so.
  const limits = methods.map((m) => new Map(limitRows(m).map((r) => [r.key, r])));
  for (const key of LIMIT_ROW_KEYS) {
    const label = limits.find((byKey) => byKey.has(key))?.get(key)?.label;
    if (label === undefined) continue;
    rows.push(
      row(
        `limit-${key}`,
        label,
        'Hard limits',
        limits.map((byKey): Cell => {
          const r = byKey.get(key);
          return r ? { kind: 'limit', text: r.value, source: r.source, note: r.note } : { kind: 'missing', text: '—' };
        }),
      ),
    );
  }
  for (const t of traits) {
    rows.push(
      row(
        `trait-${t.id}`,
        t.label,
        'Traits',
        methods.map((m): Cell => {
          const r = m.ratings[t.id];
          return { kind: 'rating', rating: r?.rating ?? null, polarity: t.polarity, why: r?.why ?? 'Not rated.' };
        }),
        t.icon,
      ),
    );
  }
  return rows;
}
