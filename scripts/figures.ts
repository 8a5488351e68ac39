// Prints the README's figures tables from the shipped datasets: per-message cost as a paired ratio to the
// same dataset's reference (median of 20 interleaved blocks, 95% interval), with unstable points marked;
// then one instruction-counted quick dataset per installed kernel, side by side.
//   node --import tsx scripts/figures.ts
import type { Dataset } from '../src/core/dataset-schema';
import { shippedDatasets } from '../test/support/shipped-data';

// Newest first: where a kind of dataset was collected more than once, the latest collection speaks.
const datasets = shippedDatasets().sort((a, b) => b.collectedAt.localeCompare(a.collectedAt));
const pick = (target: string, profile: string) =>
  datasets.find((d) => (d.host.target as string) === target && d.harness.profile === profile);
const columns = [pick('vm-icount', 'full'), pick('vm-tcg', 'full'), pick('local', 'stock')].filter(
  (d): d is Dataset => d !== undefined,
);

const ROWS: [string, string, string, string, number][] = [
  ['chardev read, 64 KiB', 'chardev', '', 'k2u', 65536],
  ['mmap ring, 64 KiB', 'mmap', 'ring', 'k2u', 65536],
  ['/dev/zero read, 64 KiB (stock)', 'chardev', 'dev-zero', 'k2u', 65536],
  ['chardev write, 2 KiB', 'chardev', '', 'u2k', 2048],
  ['relay, 2 KiB', 'relay', '', 'k2u', 2048],
  ['ioctl ECHO round trip, 8 B', 'ioctl', '', 'roundtrip', 8],
  ['ioctl RNDGETENTCNT (stock), 8 B', 'ioctl', 'rndgetentcnt', 'roundtrip', 8],
  ['genetlink round trip, 8 B', 'genetlink', '', 'roundtrip', 8],
  ['sysfs write + read back, 8 B', 'sysfs', '', 'roundtrip', 8],
  ['wake-up: eventfd', 'eventfd', '', 'notify', 0],
  ['wake-up: chardev poll', 'chardev', '', 'notify', 0],
  ['wake-up: mmap ring poll', 'mmap', 'ring', 'notify', 0],
  ['wake-up: signal', 'signal', '', 'notify', 0],
  ['wake-up: eventfd between threads (stock)', 'eventfd', 'eventfd-thread', 'notify', 0],
  ['upcall: usermodehelper', 'usermodehelper', '', 'notify', 0],
];

type Result = Dataset['results'][number] & {
  ratio?: { reference: string; median: number; ci95: [number, number] };
  unstable?: boolean;
};

function cell(d: Dataset, method: string, variant: string, pattern: string, size: number): string {
  const r = (d.results as Result[]).find(
    (x) => x.method === method && x.variant === variant && x.pattern === pattern && x.sizeBytes === size,
  );
  if (!r) return '—';
  const unit = (d.host.target as string) === 'vm-icount' ? ' instr.' : ' ns';
  const abs = `${Math.round(r.latencyNs.p50).toLocaleString('en-US')}${unit}`;
  if (!r.ratio) return abs;
  const [lo, hi] = r.ratio.ci95;
  return `${abs} = ${r.ratio.median.toFixed(2)}× [${lo.toFixed(2)}, ${hi.toFixed(2)}]${r.unstable ? ' **unstable**' : ''}`;
}

console.log(`| p50 per message = ratio to the reference [95% interval] | ${columns.map((d) => d.id).join(' | ')} |`);
console.log(`| --- | ${columns.map(() => '---').join(' | ')} |`);
console.log(
  `| null syscall (the reference's first term) | ${columns.map((d) => `${d.baselines.syscallNs.p50}`).join(' | ')} |`,
);
for (const [label, m, v, p, s] of ROWS)
  console.log(`| ${label} | ${columns.map((d) => cell(d, m, v, p, s)).join(' | ')} |`);

// Per kernel: the instruction-counted quick datasets (npm run bench -- --target vm --clock icount --profile
// quick --kernel <release>), one column per kernel, every method at 8 B (or its wake-up).
const perKernel = datasets
  .filter((d) => (d.host.target as string) === 'vm-icount' && d.harness.profile === 'quick')
  .filter((d, i, all) => all.findIndex((x) => x.host.kernel === d.host.kernel) === i)
  .sort((a, b) => a.host.kernel.localeCompare(b.host.kernel, 'en', { numeric: true }));
const KERNEL_ROWS: [string, string, string, string, number][] = [
  ['chardev round trip, 8 B', 'chardev', '', 'roundtrip', 8],
  ['ioctl round trip, 8 B', 'ioctl', '', 'roundtrip', 8],
  ['io_uring command round trip, 8 B', 'io-uring-cmd', '', 'roundtrip', 8],
  ['genetlink round trip, 8 B', 'genetlink', '', 'roundtrip', 8],
  ['connector round trip, 8 B', 'connector', '', 'roundtrip', 8],
  ['procfs write + read, 8 B', 'procfs', '', 'roundtrip', 8],
  ['sysfs write + read, 8 B', 'sysfs', '', 'roundtrip', 8],
  ['configfs write + read, 8 B', 'configfs', '', 'roundtrip', 8],
  ['sysctl write + read, 8 B', 'sysctl', '', 'roundtrip', 8],
  ['module parameter write + read, 8 B', 'modparam', '', 'roundtrip', 8],
  ['uevent to a netlink listener, 8 B', 'uevent', '', 'k2u', 8],
  ['tracepoint through trace_pipe, 8 B', 'tracepoint', '', 'k2u', 8],
  ['tracepoint + BPF program into a BPF ring buffer, 8 B', 'bpf-ringbuf', '', 'k2u', 8],
  ['mmap ring, 4 KiB', 'mmap', 'ring', 'k2u', 4096],
  ['wake-up: eventfd', 'eventfd', '', 'notify', 0],
  ['wake-up: chardev poll', 'chardev', '', 'notify', 0],
  ['wake-up: genetlink multicast', 'genetlink', '', 'notify', 0],
  ['upcall: usermodehelper', 'usermodehelper', '', 'notify', 0],
];
if (perKernel.length > 0) {
  console.log('');
  console.log(
    `| guest instructions per message = ratio [95% interval] | ${perKernel.map((d) => d.host.kernel).join(' | ')} |`,
  );
  console.log(`| --- | ${perKernel.map(() => '---').join(' | ')} |`);
  console.log(`| null syscall | ${perKernel.map((d) => `${d.baselines.syscallNs.p50}`).join(' | ')} |`);
  for (const [label, m, v, p, sz] of KERNEL_ROWS)
    console.log(`| ${label} | ${perKernel.map((d) => cell(d, m, v, p, sz)).join(' | ')} |`);
  console.log(`\n(${perKernel.map((d) => `${d.host.kernel}: ${d.id}, harness ${d.harness.version}`).join('; ')})`);
}
