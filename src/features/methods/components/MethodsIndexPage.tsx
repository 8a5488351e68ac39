import { useTitle } from '#src/lib/use-title';
import { Link } from 'react-router-dom';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import { useMethods } from '#src/lib/api/get-methods';
import { useTraits } from '#src/lib/api/get-traits';
import { MethodCard } from './MethodCard';

export function MethodsIndexPage() {
  const methods = useMethods();
  const traits = useTraits();
  useTitle('Methods');
  if (methods.isPending || traits.isPending) return <Loading what="the methods" />;
  if (methods.isError) return <ErrorPanel title="The methods could not be loaded" error={methods.error} />;
  if (traits.isError) return <ErrorPanel title="The traits could not be loaded" error={traits.error} />;
  return (
    <section>
      <header className="page-header">
        <h1>Methods</h1>
        <p className="lead">
          {methods.data.length} ways for a kernel module to talk to user space. Icons mark what a method is strong at
          (blue) and what it costs you (amber); the <Link to="/legend">legend</Link> explains each.
        </p>
      </header>
      <div className="card-grid">
        {methods.data.map((m) => (
          <MethodCard key={m.id} method={m} traits={traits.data} />
        ))}
      </div>
    </section>
  );
}
