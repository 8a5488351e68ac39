import { useMethods } from '#src/lib/api/get-methods';

/** The server's archive of a method's reference module, user side and build README. */
export const starterArchiveUrl = (method: string) => `/api/methods/${encodeURIComponent(method)}/starter.tar.gz`;

/**
 * "Download starter code" for a method with a kcomm reference module; nothing for the others (their code
 * lives in the kernel's own samples, which the method page names).
 */
export function StarterDownload({ method, label }: { method: string; label?: string }) {
  const methods = useMethods();
  const m = methods.data?.find((x) => x.id === method);
  if (!m || m.reference.path === null) return null;
  return (
    <a
      className="button small starter-download"
      href={starterArchiveUrl(m.id)}
      download={`kcomm-${m.id}-starter.tar.gz`}
      title={`kcomm-${m.id}-starter.tar.gz: the module, its user side and a README to build both against your kernel`}
    >
      <span aria-hidden="true">⬇</span> {label ?? 'Download starter code'}
    </a>
  );
}
