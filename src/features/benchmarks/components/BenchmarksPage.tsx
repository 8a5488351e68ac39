import { Link } from 'react-router-dom';

export function BenchmarksPage() {
  return (
    <section className="panel narrow">
      <h1>Benchmarks</h1>
      <p>
        Charts of the measured datasets — latency and throughput by message size for every method, with the baselines of
        the machine they were measured on — come with the benchmarks feature.
      </p>
      <p>
        Until then, pick a dataset in the advisor&rsquo;s <Link to="/?step=constraints">constraints step</Link>: the
        results and the compare view show the measured numbers at your message size.
      </p>
    </section>
  );
}
