import { STYLE_WORDS } from '#src/core/answer-words';
import type { MethodId } from '#src/core/ids';
import { useFrameworks } from '#src/lib/api/get-frameworks';

/** The kernel frameworks built on a method (data/frameworks.json): what a driver of that class gets for free. */
export function FrameworksSection({ method }: { method: MethodId }) {
  const frameworks = useFrameworks();
  if (frameworks.isPending) return null;
  if (frameworks.isError)
    return (
      <section className="panel" aria-labelledby="frameworks-heading">
        <h2 id="frameworks-heading">Kernel frameworks built on it</h2>
        <p className="muted">The frameworks could not be loaded: {frameworks.error.message}</p>
      </section>
    );
  const rows = frameworks.data.flatMap((f) =>
    f.uses.filter((u) => u.method === method).map((u, i) => ({ key: `${f.id}-${i}`, f, u })),
  );
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="frameworks-heading">
      <h2 id="frameworks-heading">Kernel frameworks built on it</h2>
      <p className="muted">
        A driver of these device classes registers with the framework and gets this interface without writing its own.
      </p>
      <ul className="framework-uses">
        {rows.map(({ key, f, u }) => (
          <li key={key}>
            <strong>{f.name}</strong> ({f.deviceClasses}), {u.role === 'primary' ? 'exposes it' : 'also uses it'}
            {u.styles ? ` for ${u.styles.map((s) => STYLE_WORDS[s]).join(', ')}` : ''}: {u.what} <code>{u.source}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
