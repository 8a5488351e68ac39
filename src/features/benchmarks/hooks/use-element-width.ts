import { useEffect, useState } from 'react';

/**
 * The content width of an element, kept up to date with a ResizeObserver. Charts get explicit sizes from it
 * (recharts' ResponsiveContainer draws nothing where layout is not computed, as in jsdom); where there is
 * no ResizeObserver the fallback width is used.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? 0;
      setWidth(Math.floor(w));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width > 0 ? width : fallback] as const;
}
