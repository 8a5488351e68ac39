import type { ReactNode } from 'react';
import type { IconName } from '../core/ids';

// Drawn on a 24×24 grid with 2px strokes so they read at 16px in tables and 24px in the legend.
const PATHS: Record<IconName, ReactNode> = {
  wrench: (
    <>
      <path d="M14 6a4 4 0 0 0 5 5l-8 8a2 2 0 0 1-3-3z" />
      <path d="M14 6l3-3" />
    </>
  ),
  message: (
    <>
      <path d="M4 5h16v10H9l-5 4z" />
    </>
  ),
  boxes: (
    <>
      <rect x="3" y="12" width="8" height="8" />
      <rect x="13" y="12" width="8" height="8" />
      <rect x="8" y="3" width="8" height="8" />
    </>
  ),
  'arrow-down': (
    <>
      <path d="M12 4v15" />
      <path d="M6 13l6 6 6-6" />
    </>
  ),
  'arrow-up': (
    <>
      <path d="M12 20V5" />
      <path d="M6 11l6-6 6 6" />
    </>
  ),
  'arrows-both': (
    <>
      <path d="M8 20V5M4 9l4-4 4 4" />
      <path d="M16 4v15M12 15l4 4 4-4" />
    </>
  ),
  bolt: <path d="M13 2L5 14h6l-1 8 8-12h-6z" />,
  gauge: (
    <>
      <path d="M4 17a8 8 0 1 1 16 0" />
      <path d="M12 17l4-6" />
      <circle cx="12" cy="17" r="1" />
    </>
  ),
  bell: (
    <>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </>
  ),
  broadcast: (
    <>
      <circle cx="12" cy="12" r="2" />
      <path d="M8 8a6 6 0 0 0 0 8M16 8a6 6 0 0 1 0 8" />
      <path d="M5 5a10 10 0 0 0 0 14M19 5a10 10 0 0 1 0 14" />
    </>
  ),
  'shield-check': (
    <>
      <path d="M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6z" />
      <path d="M8.5 12l2.5 2.5 4.5-5" />
    </>
  ),
  lock: (
    <>
      <rect x="5" y="11" width="14" height="10" rx="1" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </>
  ),
  terminal: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="1" />
      <path d="M7 9l3 3-3 3M12 15h5" />
    </>
  ),
  sync: (
    <>
      <path d="M20 11a8 8 0 0 0-14-4L4 9" />
      <path d="M4 4v5h5" />
      <path d="M4 13a8 8 0 0 0 14 4l2-2" />
      <path d="M20 20v-5h-5" />
    </>
  ),
  key: (
    <>
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l9-9M16 7l3 3M14 9l2 2" />
    </>
  ),
};

export interface TraitIconProps {
  name: IconName;
  /** The accessible name, normally the trait's label. */
  label: string;
  size?: number;
  className?: string;
}

export function TraitIcon({ name, label, size = 18, className }: TraitIconProps) {
  return (
    <svg
      className={['trait-icon', className].filter(Boolean).join(' ')}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      role="img"
      aria-label={label}
      data-icon={name}
    >
      <title>{label}</title>
      {PATHS[name]}
    </svg>
  );
}
