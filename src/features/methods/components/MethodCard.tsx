import { Link } from 'react-router-dom';
import { AbiBadge, directionsText, firstSentence } from '#src/components/MethodFacts';
import { TraitIcon } from '#src/components/TraitIcon';
import type { Method, Trait } from '#src/core/catalogue-schema';
import { methodPath } from '#src/lib/paths';

export function MethodCard({ method, traits }: { method: Method; traits: Trait[] }) {
  const strong = traits.filter((t) => t.polarity === 'benefit' && (method.ratings[t.id]?.rating ?? 0) >= 4);
  const costly = traits.filter((t) => t.polarity === 'cost' && (method.ratings[t.id]?.rating ?? 0) >= 3);
  return (
    <article className="method-card" aria-labelledby={`card-${method.id}`}>
      <h2 id={`card-${method.id}`}>
        <Link to={methodPath(method.id)}>{method.name}</Link>
      </h2>
      <p className="card-meta">
        <AbiBadge abi={method.abi} /> <span>since {method.minKernel}</span> · <span>{directionsText(method)}</span>
        {method.needsModule ? ' · needs a module' : ' · no module'}
      </p>
      <p className="card-summary">{firstSentence(method.summary)}</p>
      <div className="card-traits">
        <span className="visually-hidden">Strong at: </span>
        {strong.map((t) => (
          <span key={t.id} className="trait-chip good" title={`${t.label}: ${method.ratings[t.id]?.rating} of 5`}>
            <TraitIcon name={t.icon} label={t.label} size={16} />
          </span>
        ))}
        {costly.length > 0 && <span className="visually-hidden">Costs: </span>}
        {costly.map((t) => (
          <span key={t.id} className="trait-chip cost" title={`${t.label}: ${method.ratings[t.id]?.rating} of 5`}>
            <TraitIcon name={t.icon} label={t.label} size={16} />
          </span>
        ))}
      </div>
    </article>
  );
}
