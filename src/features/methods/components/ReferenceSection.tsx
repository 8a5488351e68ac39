import { lazy, Suspense } from 'react';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import type { Method } from '#src/core/catalogue-schema';
import { useReference } from '../api/get-reference';

// The viewer (tokenizers, Markdown renderer, its styles) is its own chunk: the page's facts come first.
const ReferenceCode = lazy(() => import('./ReferenceCode'));

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
          <Suspense fallback={<Loading what="the code viewer" />}>
            <ReferenceCode reference={reference.data} />
          </Suspense>
        </>
      )}
    </section>
  );
}
