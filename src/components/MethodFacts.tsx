import type { Method } from '../core/catalogue-schema';

export const ABI_LABEL: Record<Method['abi'], string> = {
  stable: 'Stable ABI',
  discouraged: 'Discouraged for new ABI',
  'debug-only': 'Debug only, no ABI',
};

export function AbiBadge({ abi }: { abi: Method['abi'] }) {
  return <span className={`badge abi-${abi}`}>{ABI_LABEL[abi]}</span>;
}

export const directionsText = (m: Method) =>
  m.directions.length === 2 ? 'both ways' : m.directions[0] === 'k2u' ? 'kernel → user' : 'user → kernel';

export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m?.[1] ?? text;
}
