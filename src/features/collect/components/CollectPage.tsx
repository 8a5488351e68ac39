import '../collect.css';
import { useTitle } from '#src/lib/use-title';
import { useWatchedRun } from '../hooks/use-watched-run';
import { HostHealth } from './HostHealth';
import { RunForm } from './RunForm';
import { RunHistory } from './RunHistory';
import { RunLive } from './RunLive';

export function CollectPage() {
  useTitle('Collect benchmarks');
  const { runId, watch } = useWatchedRun();
  return (
    <div className="collect">
      <header className="page-header">
        <h1>Collect benchmarks</h1>
        <p className="lead">
          Measure the reference modules on this server: a QEMU VM boots Debian’s kernel, loads the modules and runs the
          harness. The result is a new dataset for the charts and the advisor.
        </p>
      </header>
      {runId && <RunLive key={runId} runId={runId} />}
      <div className="collect-grid">
        <RunForm onStarted={watch} />
        <HostHealth />
      </div>
      <RunHistory watchedId={runId} onWatch={watch} />
    </div>
  );
}
