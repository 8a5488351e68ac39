import { useTitle } from '#src/lib/use-title';
import { TraitLegend } from '#src/components/TraitLegend';

export function LegendPage() {
  useTitle('Trait legend');
  return (
    <section className="panel">
      <h1>Trait legend</h1>
      <p className="lead">
        Every method is rated 0–5 on each trait, with a reason and a source from the kernel&rsquo;s documentation. Your
        answers decide how much each trait weighs: <em>benefit</em> traits add to a method&rsquo;s score when they
        matter to you, <em>cost</em> traits subtract. Hard constraints (stable ABI, no module, unprivileged, shell,
        oldest kernel, latency budget) eliminate methods before any scoring.
      </p>
      <TraitLegend detailed />
    </section>
  );
}
