// How the advice names a measurement and a dataset in its sentences.
import type { Dataset } from '../dataset-schema';
import { formatBytes } from '../format';
import type { MeasuredPoint } from '../measured';

function pointSize(p: MeasuredPoint): string {
  const s = formatBytes(p.sizeBytes);
  if (p.exact) return s;
  if (p.lowerSize !== null && p.upperSize !== null)
    return `${s} (interpolated between ${formatBytes(p.lowerSize)} and ${formatBytes(p.upperSize)})`;
  return `${s} (not measured; nearest measured size ${formatBytes(p.lowerSize ?? p.upperSize ?? 0)})`;
}

/** "2 KiB (interpolated between 1 KiB and 4 KiB), roundtrip, variant ring": which measurement spoke. */
export function where(p: MeasuredPoint): string {
  return `${pointSize(p)}, ${p.pattern}${p.variant ? `, variant ${p.variant}` : ''}`;
}

export function patternWords(p: string): string {
  return p === 'roundtrip'
    ? 'a request and its answer'
    : p === 'notify'
      ? 'a wake-up'
      : p === 'k2u'
        ? 'kernel → user messages'
        : 'user → kernel messages';
}

export function hostWords(d: Pick<Dataset, 'host'>): string {
  const t: string = d.host.target;
  if (t === 'vm-tcg') return 'emulated CPU: compared with each other only';
  if (t === 'vm-icount') return 'guest instructions, not time';
  return `real CPU, ${d.host.cpuModel}`;
}
