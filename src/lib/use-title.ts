import { useEffect } from 'react';

/** Each page names itself in the browser's title bar and history: "<page> · kcomm". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title === '' ? 'kcomm' : `${title} · kcomm`;
  }, [title]);
}
