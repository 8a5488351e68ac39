import { useTitle } from '#src/lib/use-title';
import { Link, useParams } from 'react-router-dom';
import { AbiBadge, directionsText } from '#src/components/MethodFacts';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import { RatingPips } from '#src/components/RatingPips';
import { StarterDownload } from '#src/components/StarterDownload';
import { TraitIcon } from '#src/components/TraitIcon';
import { useMethods } from '#src/lib/api/get-methods';
import { useTraits } from '#src/lib/api/get-traits';
import { comparePath } from '#src/lib/paths';
import '#src/styles/methods.css';
import { limitRows } from '#src/lib/limit-rows';
import { FrameworksSection } from './FrameworksSection';
import { MethodCurvesSection } from './MethodCurvesSection';
import { ReferenceSection } from './ReferenceSection';

const isUrl = (s: string) => /^https?:\/\//.test(s);

function Source({ text }: { text: string }) {
  return isUrl(text) ? (
    <a href={text} rel="noreferrer">
      {text.replace(/^https?:\/\//, '')}
    </a>
  ) : (
    <code>{text}</code>
  );
}

export function MethodPage() {
  const { id } = useParams();
  const methods = useMethods();
  const traits = useTraits();
  const found = methods.data?.find((x) => x.id === id);
  useTitle(found ? `${found.name}: how it works` : methods.isPending ? 'Method' : 'No such method');
  if (methods.isPending || traits.isPending) return <Loading what="the method" />;
  if (methods.isError) return <ErrorPanel title="The methods could not be loaded" error={methods.error} />;
  if (traits.isError) return <ErrorPanel title="The traits could not be loaded" error={traits.error} />;
  const m = methods.data.find((x) => x.id === id);
  if (!m) {
    return (
      <section className="panel narrow">
        <h1>No such method</h1>
        <p>
          kcomm knows no method called <code>{id}</code>. See <Link to="/methods">all methods</Link>.
        </p>
      </section>
    );
  }
  return (
    <article className="method-page">
      <header className="page-header">
        <p className="crumbs">
          <Link to="/methods">Methods</Link> /
        </p>
        <h1>{m.name}</h1>
        <p className="lead">{m.summary}</p>
        <p className="actions-row no-print">
          <Link className="button small" to={comparePath([m.id], null)}>
            Compare with others
          </Link>
          <StarterDownload method={m.id} />
        </p>
        <nav className="page-jump no-print" aria-label="On this page">
          <a href="#code-heading">Reference code</a>
          <a href="#curves-heading">Measured curves</a>
          <a href="#reading-heading">Further reading</a>
        </nav>
      </header>

      <section className="panel facts" aria-labelledby="facts-heading">
        <h2 id="facts-heading">At a glance</h2>
        <dl className="fact-list">
          <div>
            <dt>Directions</dt>
            <dd>{directionsText(m)}</dd>
          </div>
          <div>
            <dt>ABI status</dt>
            <dd>
              <AbiBadge abi={m.abi} /> {m.abiNote}
            </dd>
          </div>
          <div>
            <dt>Oldest kernel</dt>
            <dd>{m.minKernel}</dd>
          </div>
          <div>
            <dt>Module needed</dt>
            <dd>{m.needsModule ? 'Yes: a custom kernel module' : 'No: the stock kernel provides it'}</dd>
          </div>
          <div>
            <dt>Privileges</dt>
            <dd>
              {m.privileges.rootOnly ? (
                <span className="badge warn">root only</span>
              ) : (
                <span className="badge">unprivileged possible</span>
              )}{' '}
              {m.privileges.text}
            </dd>
          </div>
          <div>
            <dt>From a shell</dt>
            <dd>{m.usableFromShell ? 'Yes' : 'No'}</dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="limits-heading">
        <h2 id="limits-heading">Hard limits</h2>
        <p className="muted">
          Facts that hold on any hardware: the advice enforces them with or without a benchmark dataset, and an
          elimination quotes the one it used.
        </p>
        <div className="table-scroll">
          <table className="ratings limits stack-narrow" aria-labelledby="limits-heading">
            <thead>
              <tr>
                <th scope="col">Limit</th>
                <th scope="col">Value</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {limitRows(m).map((r) => (
                <tr key={r.key} data-limit={r.key}>
                  <th scope="row">{r.label}</th>
                  <td>
                    <div className="limit-value">{r.value}</div>
                    {r.note && <div className="limit-note muted">{r.note}</div>}
                  </td>
                  <td className="source">{r.source && <Source text={r.source} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="ratings-heading">
        <h2 id="ratings-heading">Trait ratings</h2>
        <div className="table-scroll">
          <table className="ratings stack-narrow" aria-labelledby="ratings-heading">
            <thead>
              <tr>
                <th scope="col">Trait</th>
                <th scope="col">Rating</th>
                <th scope="col">Why</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {traits.data.map((t) => {
                const r = m.ratings[t.id];
                return (
                  <tr key={t.id}>
                    <th scope="row">
                      <span className="trait-name">
                        <TraitIcon name={t.icon} label={t.label} size={16} /> {t.label}
                      </span>
                    </th>
                    <td>
                      {r ? (
                        <RatingPips rating={r.rating} polarity={t.polarity} />
                      ) : (
                        <span className="muted">not rated</span>
                      )}
                    </td>
                    <td>{r?.why}</td>
                    <td className="source">{r && <Source text={r.source} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <div className="two-col">
        <section className="panel" aria-labelledby="good-heading">
          <h2 id="good-heading">Good for</h2>
          <ul>
            {m.goodFor.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="bad-heading">
          <h2 id="bad-heading">Bad for</h2>
          <ul>
            {m.badFor.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
        </section>
      </div>

      <section className="panel" aria-labelledby="caveats-heading">
        <h2 id="caveats-heading">Caveats</h2>
        <ul>
          {m.caveats.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      </section>

      <FrameworksSection method={m.id} />

      {m.variants.length > 0 && (
        <section className="panel" aria-labelledby="variants-heading">
          <h2 id="variants-heading">Variants</h2>
          <dl className="variants">
            {m.variants.map((v) => (
              <div key={v.id}>
                <dt>
                  {v.name} <code>{v.id}</code>
                </dt>
                <dd>{v.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section className="panel" aria-labelledby="context-heading">
        <h2 id="context-heading">Kernel context and locking</h2>
        <p>{m.kernelContext}</p>
      </section>

      <ReferenceSection method={m} />

      <MethodCurvesSection method={m} />

      <section className="panel" aria-labelledby="reading-heading">
        <h2 id="reading-heading">Further reading</h2>
        <ul>
          {m.furtherReading.map((r) => (
            <li key={r.href}>
              {isUrl(r.href) ? (
                <a href={r.href} rel="noreferrer">
                  {r.title}
                </a>
              ) : (
                <>
                  {r.title} (<code>{r.href}</code>)
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
