import { lazy, Suspense } from 'react';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import type { Method } from '#src/core/catalogue-schema';
import { useReference } from '../api/get-reference';
import type { Reference } from '../lib/build-steps';

// The viewer (tokenizers, Markdown renderer, its styles) is its own chunk: the page's facts come first.
const ReferenceCode = lazy(() => import('./ReferenceCode'));

/** Where the kernel suite proved the module (data/kernels-tested.json, written by the suite, not by hand). */
function TestedOn({ tested }: { tested: NonNullable<Reference['tested']> | null }) {
  if (!tested || tested.length === 0)
    return <p className="muted">kcomm has no record of a kernel this module was built and tested on.</p>;
  const mark = (ok: boolean) => (ok ? 'yes' : 'no');
  return (
    <div className="table-scroll tested-on">
      <table>
        <caption>Proven by the kernel suite (W=1 build; robust mode: bad input, rmmod while open, load/unload)</caption>
        <thead>
          <tr>
            <th scope="col">Kernel</th>
            <th scope="col">Built, no warning</th>
            <th scope="col">Robust mode passed</th>
          </tr>
        </thead>
        <tbody>
          {tested.map((k) => (
            <tr key={k.version}>
              <th scope="row">
                <code>{k.version}</code>
              </th>
              <td>{mark(k.built)}</td>
              <td>{mark(k.robust)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReferenceSection({ method }: { method: Method }) {
  const reference = useReference(method.id, method.reference.path !== null);
  return (
    <section className="panel reference-section" aria-labelledby="code-heading">
      <h2 id="code-heading">Reference code</h2>
      {method.reference.path === null ? (
        <p className="notice" data-testid="no-module">
          {method.reference.note}
        </p>
      ) : reference.isPending ? (
        <Loading what="the reference code" />
      ) : reference.isError ? (
        <ErrorPanel title="The reference code could not be loaded" error={reference.error} />
      ) : reference.data.files.length === 0 ? (
        <p className="notice">{reference.data.note}</p>
      ) : (
        <>
          <p>
            {reference.data.note} The files below are <code>{reference.data.path}</code> in the kcomm repository; the
            harness measures exactly this code.
          </p>
          <TestedOn tested={reference.data.tested ?? null} />
          <Suspense fallback={<Loading what="the code viewer" />}>
            <ReferenceCode reference={reference.data} />
          </Suspense>
        </>
      )}
    </section>
  );
}
