import { useTraits } from '../lib/api/get-traits';
import { ErrorPanel, Loading } from './QueryStatus';
import { TraitIcon } from './TraitIcon';

/** Every trait with its icon; `detailed` adds how the scoring uses it. */
export function TraitLegend({ detailed = false }: { detailed?: boolean }) {
  const traits = useTraits();
  if (traits.isPending) return <Loading what="the trait legend" />;
  if (traits.isError) return <ErrorPanel title="The trait legend could not be loaded" error={traits.error} />;
  return (
    <dl className={detailed ? 'legend detailed' : 'legend'}>
      {traits.data.map((t) => (
        <div key={t.id} className="legend-item" id={`trait-${t.id}`}>
          <dt>
            <TraitIcon name={t.icon} label={t.label} size={detailed ? 24 : 20} />
            <span>{t.label}</span>
            {t.polarity === 'cost' && <span className="badge warn">cost</span>}
          </dt>
          <dd>
            <p>{t.description}</p>
            {detailed && (
              <p className="legend-scoring">
                <strong>In the scoring:</strong> {t.scoring}
              </p>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
