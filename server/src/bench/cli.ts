// `npm run bench`: runs the benchmark, shows progress on stderr, prints the dataset path on stdout.
// Exit codes: 0 ok, 1 the run failed (or the robustness mode found a failure), 2 bad arguments.
import { robustNote } from './assemble';
import { parseBenchArgs, UsageError, USAGE, type CliCommand } from './cli-args';
import { runBenchmark, runRobustness, type BenchEvent } from './run';

function formatEta(s: number | null): string {
  if (s === null) return '?';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function progressPrinter(verbose: boolean): (e: BenchEvent) => void {
  const tty = process.stderr.isTTY;
  let phase = '';
  let lastPrinted = 0;
  let progressLine = false;
  const endProgress = () => {
    if (progressLine && tty) process.stderr.write('\n');
    progressLine = false;
  };
  return (e) => {
    switch (e.type) {
      case 'phase':
        endProgress();
        phase = e.name;
        process.stderr.write(`[${phase}]\n`);
        break;
      case 'progress': {
        const text = `[${phase}] ${e.percent.toFixed(1)}%  ETA ${formatEta(e.etaSeconds)}`;
        if (tty) {
          process.stderr.write(`\r${text}   `);
          progressLine = true;
        } else if (Date.now() - lastPrinted > 5000 || e.percent >= 100) {
          process.stderr.write(`${text}\n`);
          lastPrinted = Date.now();
        }
        break;
      }
      case 'log':
        if (verbose || !e.line.startsWith('console: ')) {
          endProgress();
          process.stderr.write(`  ${e.line}\n`);
        }
        break;
      case 'point':
        break;
    }
  };
}

async function main(cmd: Exclude<CliCommand, { kind: 'help' }>): Promise<number> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const hooks = { onEvent: progressPrinter(process.env.KCOMM_BENCH_VERBOSE === '1'), signal: controller.signal };
  const started = Date.now();
  if (cmd.kind === 'robust-only') {
    const { robust } = await runRobustness(cmd.options, hooks);
    process.stderr.write(`${robustNote(robust)}\n`);
    for (const m of robust.modules)
      process.stderr.write(`  ${m.module} ${m.method}: ${m.tried} tried, ${m.failed} failed\n`);
    return robust.ok ? 0 : 1;
  }
  const { dataset, datasetPath, robust } = await runBenchmark(cmd.options, hooks);
  process.stderr.write(
    `${dataset.results.length} results on ${dataset.host.target} (${dataset.host.hypervisor}) in ` +
      `${Math.round((Date.now() - started) / 1000)} s\n`,
  );
  if (robust) process.stderr.write(`${robustNote(robust)}\n`);
  process.stdout.write(`${datasetPath}\n`);
  return robust && !robust.ok ? 1 : 0;
}

let cmd: CliCommand;
try {
  cmd = parseBenchArgs(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`bench: ${e.message}\n${USAGE}\n`);
  process.exit(2);
}
if (cmd.kind === 'help') {
  process.stdout.write(`${USAGE}\n`);
} else {
  main(cmd).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
