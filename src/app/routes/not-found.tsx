import { useTitle } from '#src/lib/use-title';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <section className="panel narrow">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. Start with the <Link to="/">advisor</Link> or browse the{' '}
        <Link to="/methods">methods</Link>.
      </p>
    </section>
  );
}
