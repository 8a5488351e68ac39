import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWERS, type Answers } from '../../src/core/answers';
import { compareKernel } from '../../src/core/answers-codec';
import { shippedCatalogue } from '../support/shipped-data';
import type { Catalogue } from '../../src/core/catalogue-schema';
import { datasetSchema, type Dataset } from '../../src/core/dataset-schema';
import type { MethodId } from '../../src/core/ids';
import { formatNs, formatRate, measuredAt } from '../../src/core/measured';
import { CHANGE_ORDER } from '../../src/core/advice/what-would-change';
import { advise, applyChange, TIE_MARGIN, WEIGHT_RULES, type Advice } from '../../src/core/scoring';
import fixture from '../fixtures/dataset-synthetic.json';
import { SCENARIOS } from '../scenarios';

const catalogue: Catalogue = shippedCatalogue();
const dataset: Dataset = datasetSchema.parse(fixture);
const ans = (over: Partial<Answers> = {}): Answers => ({ ...DEFAULT_ANSWERS, ...over });

function eliminatedReasons(advice: Advice, id: MethodId): string[] | undefined {
  return advice.eliminated.find((e) => e.method === id)?.reasons;
}
function ranked(advice: Advice, id: MethodId): boolean {
  return advice.ranking.some((r) => r.method === id);
}
function methodsWhere(pred: (m: Catalogue['methods'][number]) => boolean): Catalogue['methods'] {
  const ms = catalogue.methods.filter(pred);
  expect(ms.length).toBeGreaterThan(0);
  return ms;
}

describe('hard constraints eliminate with a stated reason', () => {
  it('without a module, only the directions that what exists carries: the proc connector takes no data from user space', () => {
    const commands = { dir: 'u2k', style: 'request', size: 64, rate: 10 } as const;
    const stock = advise(ans({ ...commands, module: false }), catalogue, null);
    expect(eliminatedReasons(stock, 'connector')?.join(' ')).toContain(
      'Without a module, what exists of it carries data only kernel → user (drivers/connector/cn_proc.c',
    );
    // A module's own connector callback receives from user space.
    const own = advise(ans(commands), catalogue, null);
    expect(eliminatedReasons(own, 'connector')?.join(' ') ?? '').not.toMatch(/carries data only/);
    // The proc connector still sends process events without a module.
    const events = advise(ans({ module: false, topic: 'process', daemon: true }), catalogue, null);
    expect(events.ranking[0]?.method).toBe('connector');
  });

  it('names the exact bytes when the limit and the message round to the same size (4,072 B against 4 KiB)', () => {
    const advice = advise(ans({ size: 4096, stable: false }), catalogue, null);
    expect(eliminatedReasons(advice, 'tracepoint')?.join(' ')).toContain(
      'Carries at most 4,072 B per message (kernel/trace/ring_buffer.c: BUF_MAX_DATA_SIZE), but your messages are 4,096 B.',
    );
    expect(eliminatedReasons(advise(ans({ size: 65536 }), catalogue, null), 'sysfs')?.join(' ')).toContain(
      'Carries at most 4 KiB per message',
    );
  });

  it('dir=both eliminates methods that carry data one way only', () => {
    const advice = advise(ans({ dir: 'both', style: 'request' }), catalogue, null);
    for (const m of methodsWhere((m) => m.directions.length < 2)) {
      expect(ranked(advice, m.id)).toBe(false);
      expect(eliminatedReasons(advice, m.id)?.join(' ')).toMatch(/Carries data only .*, but you need both ways\./);
    }
  });

  it('dir=u2k eliminates kernel → user only methods', () => {
    const advice = advise(ans({ dir: 'u2k' }), catalogue, null);
    for (const m of methodsWhere((m) => !m.directions.includes('u2k')))
      expect(eliminatedReasons(advice, m.id)?.join(' ')).toContain('you need user → kernel');
  });

  it('a stream eliminates upcalls (a process per message), an event does not', () => {
    const upcalls = methodsWhere((m) => m.limits.delivery.value === 'upcall');
    expect(upcalls.length).toBeGreaterThan(0);
    const stream = advise(ans({ style: 'stream', size: 512, rate: 100 }), catalogue, null);
    const event = advise(ans({ style: 'event', size: 512, rate: 100 }), catalogue, null);
    for (const m of upcalls) {
      expect(eliminatedReasons(stream, m.id)?.join(' ')).toMatch(/Each message starts a process of its own/);
      expect(eliminatedReasons(event, m.id) ?? []).not.toContainEqual(
        expect.stringContaining('Each message starts a process'),
      );
    }
  });

  it('compares minKernel numerically with the oldest kernel supported', () => {
    const newer = methodsWhere((m) => compareKernel(m.minKernel, '4.19') > 0);
    const advice = advise(ans({ kernel: '4.19' }), catalogue, null);
    for (const m of newer)
      expect(eliminatedReasons(advice, m.id)).toContain(
        `Needs kernel ${m.minKernel} or newer; you support kernels back to 4.19.`,
      );
    // 5.10 is newer than 5.8 even though "5.10" < "5.8" as strings.
    const at510 = advise(ans({ kernel: '5.10' }), catalogue, null);
    for (const m of catalogue.methods.filter((m) => m.minKernel === '5.8'))
      expect(eliminatedReasons(at510, m.id) ?? []).not.toContainEqual(expect.stringContaining('Needs kernel'));
  });

  it('unpriv=1 eliminates root-only methods, quoting the privilege text', () => {
    const advice = advise(ans({ unpriv: true, stable: false }), catalogue, null);
    for (const m of methodsWhere((m) => m.privileges.rootOnly)) {
      const reasons = eliminatedReasons(advice, m.id)?.join(' ') ?? '';
      expect(reasons).toContain('An unprivileged consumer cannot use it');
      expect(reasons).toContain(m.privileges.text.slice(0, 20));
    }
    const asRoot = advise(ans({ unpriv: false, stable: false }), catalogue, null);
    expect(asRoot.eliminated.flatMap((e) => e.reasons).join(' ')).not.toContain('unprivileged');
  });

  it('stable=1 eliminates debug-only interfaces; stable=0 keeps them', () => {
    const debugOnly = methodsWhere((m) => m.abi === 'debug-only');
    const stable = advise(ans({ stable: true }), catalogue, null);
    for (const m of debugOnly)
      expect(eliminatedReasons(stable, m.id)?.join(' ')).toContain('A debug-only interface, but you need a stable');
    const loose = advise(ans({ stable: false, dir: 'k2u' }), catalogue, null);
    for (const m of debugOnly) expect(eliminatedReasons(loose, m.id) ?? []).toEqual([]);
  });

  it('keep=<id>: the interface user space relies on gains 20 points and is not judged as a new one; a debug-only one stays eliminated', () => {
    const a = ans({ style: 'request', size: 2048, rate: 1, shell: true });
    const reasonsFor = (x: Advice, id: MethodId) => x.ranking.find((r) => r.method === id)?.reasons.join(' ') ?? '';
    const fresh = advise(a, catalogue, null);
    const kept = advise({ ...a, keep: 'procfs' }, catalogue, null);
    expect(reasonsFor(fresh, 'procfs')).toContain('Discouraged for new interfaces');
    expect(reasonsFor(kept, 'procfs')).not.toContain('Discouraged for new interfaces');
    expect(reasonsFor(kept, 'procfs')).toMatch(
      /User space already relies on a \/proc file for this: it stays.*reporting-regressions\.rst/,
    );
    const score = (x: Advice, id: MethodId) => x.ranking.find((r) => r.method === id)!.score;
    expect(score(kept, 'procfs') - score(fresh, 'procfs')).toBeGreaterThanOrEqual(20 + 15 - 1);
    expect(kept.ranking[0]!.method).toBe('procfs');
    // Every other method scores as before: keeping one interface says nothing about the others.
    for (const r of fresh.ranking) if (r.method !== 'procfs') expect(score(kept, r.method)).toBe(r.score);
    // What would change names the pick of a new design.
    expect(kept.whatWouldChange.map((c) => c.sentence).join(' ')).toMatch(/If no interface existed yet, sysfs/);
    const debug = advise(ans({ style: 'request', size: 256, rate: 1, keep: 'debugfs' }), catalogue, null);
    expect(eliminatedReasons(debug, 'debugfs')?.join(' ')).toMatch(/That tools already read it does not make it one/);
  });

  it('stable=1 penalises discouraged interfaces without eliminating them', () => {
    const m = methodsWhere((m) => m.abi === 'discouraged')[0]!;
    const advice = advise(ans({ stable: true }), catalogue, null);
    const scored = advice.ranking.find((r) => r.method === m.id);
    expect(scored?.reasons.join(' ')).toContain('Discouraged for new interfaces');
  });

  it('module=0 eliminates methods that need a custom module and offer nothing that exists already', () => {
    const advice = advise(ans({ module: false }), catalogue, null);
    for (const m of methodsWhere((m) => m.needsModule && !m.existing))
      expect(eliminatedReasons(advice, m.id)).toContain('Needs a custom kernel module, and you cannot ship one.');
  });

  it('module=0 keeps the interfaces that already exist and names them', () => {
    const advice = advise(ans({ module: false, dir: 'k2u', style: 'event', size: 256, rate: 1 }), catalogue, null);
    for (const m of methodsWhere((m) => m.needsModule && !!m.existing)) {
      const r = advice.ranking.find((x) => x.method === m.id);
      if (r) expect(r.reasons.join(' ')).toContain(`Without a module of your own: ${m.existing!.replace(/\.$/, '')}`);
    }
    expect(advice.ranking.map((r) => r.method)).toContain('uevent');
  });

  it('enforces the catalogue limits with their sources, with or without a dataset', () => {
    const advice = advise(ans({ style: 'stream', size: 65_536, rate: 20_000 }), catalogue, null);
    for (const id of ['eventfd', 'signal', 'sysfs', 'connector'] as const) {
      const m = catalogue.methods.find((x) => x.id === id)!;
      expect(eliminatedReasons(advice, id)?.join(' ')).toContain(`(${m.limits.maxPayloadBytes.source})`);
    }
  });

  it('warns about answers outside physics', () => {
    expect(advise(ans({ lat: 0.01 }), catalogue, null).inputWarnings.join(' ')).toContain('below what one system call');
    expect(advise(ans({ size: 1 << 30, rate: 1e6 }), catalogue, null).inputWarnings.join(' ')).toContain(
      'memory bandwidth',
    );
    expect(advise(ans(), catalogue, null).inputWarnings).toEqual([]);
  });

  it('calls scores within the tie margin a tie and names the runner-up, with what favours each in a tie', () => {
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    let ties = 0;
    let withStrengths = 0;
    for (const s of SCENARIOS) {
      const v = advise(ans(s.answers), catalogue, null).verdict;
      if (v.margin === null) continue;
      expect(v.confidence).toBe(v.margin <= TIE_MARGIN ? 'tie' : v.margin > 2 * TIE_MARGIN ? 'clear' : 'likely');
      if (v.confidence === 'tie') {
        expect(v.sentence).toMatch(/^A tie between /);
        // Both sides of "pick by what separates them": each of the runner-up's strengths is a trait it rates
        // better on, a rule that favours it, or one that costs the pick.
        const name = (id: string | null) => escape(catalogue.methods.find((m) => m.id === id)!.name);
        const side = new RegExp(
          `^([^:]*: (a [0-9]/5 burden for )?${name(v.runnerUp)} |${name(v.runnerUp)}: |${name(v.top)}: )`,
        );
        for (const w of v.runnerUpStrengths ?? []) expect(w, s.name).toMatch(side);
        ties++;
        if ((v.runnerUpStrengths ?? []).length > 0) withStrengths++;
      } else expect(v.runnerUpStrengths).toBeUndefined();
      expect(v.whenNotToUse.length).toBeGreaterThan(0);
    }
    expect(ties).toBeGreaterThan(0);
    // A runner-up may have no difference in its favour worth half a point (the pick leads on every one).
    expect(withStrengths).toBeGreaterThan(ties / 2);
  });

  it('shell=1 eliminates methods a shell cannot use', () => {
    const advice = advise(ans({ shell: true }), catalogue, null);
    for (const m of methodsWhere((m) => !m.usableFromShell))
      expect(eliminatedReasons(advice, m.id)).toContain('Cannot be used from a shell, which you need.');
  });

  it('lists every constraint a method breaks, not just the first', () => {
    const m = methodsWhere((m) => m.needsModule && !m.usableFromShell)[0]!;
    const advice = advise(ans({ module: false, shell: true }), catalogue, null);
    expect(eliminatedReasons(advice, m.id)).toHaveLength(2);
  });
});

// The synthetic fixture is labelled an emulated (vm-tcg) dataset; the same numbers relabelled as a real
// CPU's show what only native datasets may do.
const nativeDataset: Dataset = { ...dataset, id: 'fixture-native', host: { ...dataset.host, target: 'local' } };

describe('measured data, used honestly', () => {
  it('a real CPU: eliminates a method whose measured rate cannot carry the asked rate, citing the numbers', () => {
    const point = measuredAt(nativeDataset, 'sysfs', 'roundtrip', 64)!;
    const rate = point.msgsPerSec * 2;
    const advice = advise(ans({ style: 'request', rate }), catalogue, nativeDataset);
    const reasons = eliminatedReasons(advice, 'sysfs')?.join(' ') ?? '';
    expect(reasons).toContain(`Measured ${formatRate(point.msgsPerSec)} at 64 B, roundtrip on a real CPU`);
    expect(reasons).toContain(`cannot carry the ${formatRate(rate)} you need (dataset fixture-native)`);
    expect(ranked(advise(ans({ style: 'request', rate }), catalogue, null), 'sysfs')).toBe(true);
  });

  it("a real CPU: a wake-up's rate (set by the test's delay) eliminates nothing; the same method's k2u rate does", () => {
    // As the harness measures them: one event 2 ms after the waiter sleeps, so about 490 wake-ups a second.
    const paced: Dataset = {
      ...nativeDataset,
      results: nativeDataset.results.map((r) => (r.pattern === 'notify' ? { ...r, msgsPerSec: 490 } : r)),
    };
    const k2u = measuredAt(paced, 'chardev', 'k2u', 64)!;
    const event = advise(ans({ style: 'event', size: 64, rate: 1000 }), catalogue, paced);
    expect(event.ranking.find((r) => r.method === 'chardev')?.measured.map((p) => p.pattern)).toEqual([
      'notify',
      'k2u',
    ]);
    expect(eliminatedReasons(event, 'chardev')).toBeUndefined();
    // A kernel → user figure below the rate still eliminates.
    const above = advise(ans({ style: 'event', size: 64, rate: k2u.msgsPerSec * 2 }), catalogue, paced);
    expect(eliminatedReasons(above, 'chardev')?.join(' ')).toContain('at 64 B, k2u on a real CPU');
    expect(eliminatedReasons(above, 'chardev')?.join(' ')).not.toContain('notify');
  });

  it('an emulated CPU: no measured figure eliminates anything or judges a budget', () => {
    const point = measuredAt(dataset, 'sysfs', 'roundtrip', 64)!;
    const a = ans({ style: 'request', rate: point.msgsPerSec * 2, lat: point.latencyNs.p99 / 4000 });
    const withData = advise(a, catalogue, dataset);
    const traitsOnly = advise(a, catalogue, null);
    expect(withData.eliminated.map((e) => e.method)).toEqual(traitsOnly.eliminated.map((e) => e.method));
    expect(withData.ranking.flatMap((r) => r.reasons).join(' ')).not.toMatch(/budget \(dataset/);
    expect(withData.verdict.measurement).toMatchObject({ datasetId: 'fixture-synthetic', kind: 'emulated' });
    expect(withData.verdict.measurement?.note).toContain('only rank the methods against each other');
  });

  it('a real CPU: penalises (does not eliminate) a method whose measured p99 misses the latency budget', () => {
    const point = measuredAt(nativeDataset, 'sysfs', 'roundtrip', 64)!;
    const lat = point.latencyNs.p99 / 1000 / 4;
    const a = ans({ style: 'request', rate: 1, lat });
    const withData = advise(a, catalogue, nativeDataset).ranking.find((r) => r.method === 'sysfs')!;
    const traitsOnly = advise(a, catalogue, null).ranking.find((r) => r.method === 'sysfs')!;
    expect(withData.reasons.join(' ')).toContain(
      `Measured p99 of ${formatNs(point.latencyNs.p99)} at 64 B, roundtrip misses the ${formatNs(lat * 1000)} budget (dataset fixture-native`,
    );
    expect(traitsOnly.score - withData.score).toBeGreaterThanOrEqual(20);
  });

  it('compares measured costs between candidates and names the variant that spoke', () => {
    const advice = advise(ans({ style: 'stream', size: 4096, rate: 100_000 }), catalogue, dataset);
    const m = advice.ranking.find((r) => r.method === 'mmap')!;
    // A stream is a ring: the seqlock variant (paced by its writer) never speaks for it.
    expect(m.measured.map((p) => p.variant)).toEqual(['ring']);
    const text = advice.ranking.flatMap((r) => r.reasons).join(' ');
    expect(text).toMatch(/per-message cost of .*, the cheapest candidate, for kernel → user messages at 4 KiB/);
  });

  it('takes wake-up latency only from notify patterns', () => {
    const advice = advise(ans({ style: 'event', size: 0, lat: 100 }), catalogue, dataset);
    for (const r of advice.ranking) for (const p of r.measured) expect(p.pattern).toBe('notify');
  });

  it('names interpolated sizes in its reasons', () => {
    const advice = advise(ans({ style: 'request', size: 2048, rate: 100_000 }), catalogue, dataset);
    const text = advice.ranking.flatMap((r) => r.reasons).join(' ');
    expect(text).toContain('2 KiB (interpolated between 1 KiB and 4 KiB)');
  });

  it('marks an unmeasured method unverified, and it gains nothing from its absence', () => {
    const a = ans({ style: 'request', dir: 'u2k', rate: 100_000 });
    const advice = advise(a, catalogue, dataset);
    const c = advice.ranking.find((r) => r.method === 'configfs')!;
    expect(c.measured).toEqual([]);
    expect(c.unverified).toBe(true);
    expect(c.reasons.join(' ')).toContain('Not measured in dataset fixture-synthetic: unverified');
    const traitsOnly = advise(a, catalogue, null).ranking.find((r) => r.method === 'configfs')!;
    expect(c.score).toBeLessThanOrEqual(traitsOnly.score);
    expect(advice.ranking.filter((r) => !r.unverified).every((r) => r.measured.length > 0)).toBe(true);
  });

  it('reports its basis and dataset', () => {
    expect(advise(ans(), catalogue, null)).toMatchObject({ basis: 'traits', datasetId: null });
    expect(advise(ans(), catalogue, dataset)).toMatchObject({
      basis: 'traits+measurements',
      datasetId: 'fixture-synthetic',
    });
    const noneRanked = advise(ans(), catalogue, null).ranking;
    expect(noneRanked.every((r) => r.measured.length === 0 && !r.unverified)).toBe(true);
  });
});

describe('scores and reasons', () => {
  it('gives integer scores from 0 to 100, best first, every ranked method with reasons', () => {
    for (const s of SCENARIOS) {
      for (const ds of [null, dataset]) {
        const { ranking } = advise(ans(s.answers), catalogue, ds);
        for (const [i, r] of ranking.entries()) {
          expect(Number.isInteger(r.score)).toBe(true);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          if (i > 0) expect(r.score).toBeLessThanOrEqual(ranking[i - 1]!.score);
          expect(r.reasons.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('cites trait ratings against the candidates and the numbers from the answers', () => {
    const advice = advise(ans({ listeners: 8, lat: 100 }), catalogue, null);
    const text = advice.ranking[0]!.reasons.join(' ');
    expect(text).toMatch(/[45]\/5 for .* \(the candidates average \d\.\d\)/);
    expect(advice.ranking.flatMap((r) => r.reasons).join(' ')).toMatch(/8 listeners|100 µs/);
  });

  it("charges a module the BPF ring buffer's tracepoint and program in full for a product stream, half for debug data", () => {
    const ring = (stable: boolean) =>
      advise(ans({ style: 'stream', rate: 50_000, loss: true, stable }), catalogue, null).ranking.find(
        (r) => r.method === 'bpf-ringbuf',
      )!;
    const product = ring(true).reasons.find((r) => r.includes('cannot write to it directly'))!;
    const debug = ring(false).reasons.find((r) => r.includes('cannot write to it directly'))!;
    expect(product).toMatch(/^−20\.0: /);
    expect(debug).toMatch(/^−10\.0: /);
    expect(debug).toContain("that tracepoint is the kernel's own debug channel anyway");
    expect(product).not.toContain('debug channel');
  });

  it('puts every catalogue method in exactly one of ranking and eliminated', () => {
    const advice = advise(ans({ dir: 'both', unpriv: true, kernel: '5.4' }), catalogue, dataset);
    const ids = [...advice.ranking.map((r) => r.method), ...advice.eliminated.map((e) => e.method)].sort();
    expect(ids).toEqual(catalogue.methods.map((m) => m.id).sort());
  });
});

describe('the questions that decide tunables and commands', () => {
  const reasonsOf = (advice: Advice, id: MethodId) => advice.ranking.find((r) => r.method === id)?.reasons.join(' ');
  const scoreOf = (advice: Advice, id: MethodId) => advice.ranking.find((r) => r.method === id)!.score;
  const setting = ans({ dir: 'u2k', style: 'config', size: 8, rate: 0.001, shell: true });

  it('atload=1: the interface that exists before init gains, those that exist only after lose, with reasons', () => {
    const before = advise(setting, catalogue, null);
    const after = advise({ ...setting, atload: true }, catalogue, null);
    const early = methodsWhere((m) => m.limits?.loadTime?.value === true);
    for (const m of early) {
      expect(scoreOf(after, m.id)).toBeGreaterThan(scoreOf(before, m.id));
      expect(reasonsOf(after, m.id)).toMatch(/before the module initialises/);
    }
    expect(scoreOf(after, 'sysfs')).toBeLessThan(scoreOf(before, 'sysfs'));
    expect(reasonsOf(after, 'sysfs')).toMatch(/exists only once the module has initialised/);
    // atload=0 and "not said" change nothing.
    expect(advise({ ...setting, atload: false }, catalogue, null).ranking).toEqual(before.ranking);
  });

  it('scope=object: configfs is the home for objects user space creates; a single global value is not', () => {
    const advice = advise({ ...setting, scope: 'object' }, catalogue, null);
    expect(reasonsOf(advice, 'configfs')).toMatch(/objects user space creates/);
    expect(reasonsOf(advice, 'sysctl')).toMatch(/It holds system-wide settings .* but yours are settings of objects/);
    expect(scoreOf(advice, 'configfs')).toBeGreaterThan(scoreOf(advice, 'sysfs'));
  });

  it('loss=0: data the kernel produces is judged by kernelDataOverload, what user space submits by overload', () => {
    const split = methodsWhere((m) => m.limits?.kernelDataOverload !== undefined);
    const lossless = { style: 'stream' as const, size: 4096, rate: 50_000, daemon: true, loss: false, kernel: '6.1' };
    const k2u = advise(ans({ ...lossless, dir: 'k2u' }), catalogue, null);
    const u2k = advise(ans({ ...lossless, dir: 'u2k' }), catalogue, null);
    for (const m of split) {
      expect(m.limits!.kernelDataOverload!.value).not.toBe(m.limits!.overload.value);
      if (m.limits!.kernelDataOverload!.value === 'drops-reported')
        expect(reasonsOf(k2u, m.id)).toMatch(/drops messages when the consumer falls behind/);
      if (m.limits!.overload.value === 'blocks' && ranked(u2k, m.id))
        expect(reasonsOf(u2k, m.id) ?? '').not.toMatch(/no message may be lost/);
    }
    expect(split.map((m) => m.id)).toContain('io-uring-cmd');
  });

  it('commands or events from user space into a value file lose points (halved from a shell); settings do not', () => {
    const values = methodsWhere((m) => m.limits?.carries?.value === 'values').map((m) => m.id);
    const command = advise(ans({ dir: 'u2k', style: 'request', size: 64 }), catalogue, null);
    for (const id of values.filter((id) => ranked(command, id)))
      expect(reasonsOf(command, id)).toMatch(/Each write sets a value rather than sending a message/);
    const config = advise(setting, catalogue, null);
    for (const id of values.filter((id) => ranked(config, id)))
      expect(reasonsOf(config, id) ?? '').not.toMatch(/Each write sets a value/);
    const shell = advise(ans({ dir: 'u2k', style: 'request', size: 64, shell: true }), catalogue, null);
    expect(scoreOf(shell, 'sysfs') - scoreOf(command, 'sysfs')).toBeGreaterThanOrEqual(4);
  });

  it('an answer of 2.6 means back to 2.6.0: a method that needs 2.6.15 is out', () => {
    expect(compareKernel('2.6.15', '2.6')).toBeGreaterThan(0);
    expect(compareKernel('2.6', '2.6.0')).toBe(0);
    expect(compareKernel('5.10', '5.8')).toBeGreaterThan(0);
    const advice = advise(ans({ kernel: '2.6' }), catalogue, null);
    expect(eliminatedReasons(advice, 'genetlink')).toContain(
      'Needs kernel 2.6.15 or newer; you support kernels back to 2.6.',
    );
  });

  it("unprivileged receivers: a module's own connector group is out; the proc connector is open from 6.6", () => {
    const own = advise(ans({ unpriv: true }), catalogue, null);
    expect(eliminatedReasons(own, 'connector')?.join(' ')).toMatch(/cannot receive what your module sends/);
    const stock = ans({ unpriv: true, module: false, kernel: '6.6' });
    expect(ranked(advise(stock, catalogue, null), 'connector')).toBe(true);
    const older = advise({ ...stock, kernel: '5.10' }, catalogue, null);
    expect(eliminatedReasons(older, 'connector')?.join(' ')).toMatch(/only on kernel 6.6 or newer/);
    // Sending to a connector callback is open to any user.
    expect(ranked(advise(ans({ unpriv: true, dir: 'u2k', style: 'request' }), catalogue, null), 'connector')).toBe(
      true,
    );
  });

  it('unprivileged writers: sysctl and module parameters are out (root writes them); reading them is fine', () => {
    const write = advise(ans({ unpriv: true, dir: 'u2k', style: 'request', size: 16 }), catalogue, null);
    for (const id of ['sysctl', 'modparam'] as const)
      expect(eliminatedReasons(write, id)?.join(' ')).toMatch(/Only root can write to it/);
    const read = advise(ans({ unpriv: true, style: 'request', size: 16 }), catalogue, null);
    expect(ranked(read, 'sysctl')).toBe(true);
  });

  it('settings interfaces lose points for data that is not a setting, with their source', () => {
    const status = advise(ans({ style: 'request', size: 256, rate: 0.02, shell: true }), catalogue, null);
    for (const m of methodsWhere((m) => m.limits?.purpose?.value === 'settings').filter((m) => ranked(status, m.id)))
      expect(reasonsOf(status, m.id)).toMatch(/It holds settings, not the data a driver reports or exchanges/);
    const config = advise(setting, catalogue, null);
    expect(reasonsOf(config, 'sysctl') ?? '').not.toMatch(/It holds settings, not/);
  });

  it('configfs without objects to create loses points; with them it does not', () => {
    expect(reasonsOf(advise(setting, catalogue, null), 'configfs')).toMatch(/you have not said that yours are such/);
    const device = advise({ ...setting, scope: 'device' }, catalogue, null);
    expect(reasonsOf(device, 'configfs')).toMatch(
      /manages objects that user space creates .* but yours are per-device/,
    );
    expect(reasonsOf(advise({ ...setting, scope: 'object' }, catalogue, null), 'configfs')).not.toMatch(
      /manages objects/,
    );
  });

  it('control-plane protocols lose points for a stream or a bare wake-up to one party, not for many listeners', () => {
    const control = methodsWhere((m) => m.limits?.plane?.value === 'control').map((m) => m.id);
    expect(control).toContain('genetlink');
    const stream = advise(ans({ style: 'stream', size: 4096, rate: 10_000 }), catalogue, null);
    const wake = advise(ans({ size: 0 }), catalogue, null);
    for (const a of [stream, wake])
      for (const id of control.filter((id) => ranked(a, id)))
        expect(reasonsOf(a, id)).toMatch(/control-plane protocol/);
    const many = advise(ans({ style: 'stream', size: 4096, rate: 10_000, listeners: 5 }), catalogue, null);
    expect(reasonsOf(many, 'genetlink') ?? '').not.toMatch(/control-plane protocol/);
  });

  it('sysfs binary attributes serve blobs on demand; a stream of large messages is still out', () => {
    const dump = advise(ans({ style: 'request', size: 1 << 20, rate: 0.001, shell: true }), catalogue, null);
    expect(ranked(dump, 'sysfs')).toBe(true);
    const stream = advise(ans({ style: 'stream', size: 1 << 20, rate: 60 }), catalogue, null);
    expect(eliminatedReasons(stream, 'sysfs')?.join(' ')).toMatch(/Carries at most 4 KiB per message/);
  });

  it('headroom: from 1% of a per-message ceiling the cost counts, continuously; a file read for kernel data is left out', () => {
    const at = (rate: number, over: Partial<Answers> = {}) =>
      advise(ans({ style: 'stream', size: 512, rate, ...over }), catalogue, null);
    const points = (advice: Advice, id: MethodId) =>
      Number(
        /([−-][\d.]+): [^.]*of what it carries on real hardware/
          .exec(reasonsOf(advice, id) ?? '')?.[1]
          ?.replace('−', '-') ?? 0,
      );
    // chardev's ceiling is 1M msg/s (one read() per record): nothing at 10k, a share at 100k, more at 300k.
    expect(points(at(10_000), 'chardev')).toBe(0);
    expect(reasonsOf(at(100_000), 'chardev')).toMatch(
      /100k msg\/s already takes 10% of what it carries on real hardware, around 1M msg\/s \(fs\/read_write.c: vfs_read\)/,
    );
    const p100k = points(at(100_000), 'chardev');
    const p300k = points(at(300_000), 'chardev');
    const p330k = points(at(330_000), 'chardev');
    expect(p100k).toBeLessThan(0);
    expect(p300k).toBeLessThan(p100k);
    // No step where the nearLimit part takes over (a third of the ceiling).
    expect(Math.abs(p330k - p300k)).toBeLessThan(1);
    // mmap (10M msg/s, no system call per record) pays nothing at 100k.
    expect(points(at(100_000), 'mmap')).toBe(0);
    // A pull file read for kernel → user data: its ceiling counts reads, and a read may return many records.
    expect(reasonsOf(at(20_000, { stable: false }), 'debugfs') ?? '').not.toMatch(/of what it carries/);
    // Commands into the kernel pay it: one ioctl per command.
    expect(
      reasonsOf(advise(ans({ dir: 'u2k', style: 'request', size: 64, rate: 200_000 }), catalogue, null), 'ioctl'),
    ).toMatch(/200k msg\/s already takes 20% of what it carries/);
  });

  it('a wake-up without payload weighs no throughput: a coalescing counter is not penalised for carrying no data', () => {
    const kick = advise(ans({ dir: 'u2k', size: 0, rate: 200_000 }), catalogue, null);
    expect(kick.ranking.flatMap((r) => r.reasons).join(' ')).not.toMatch(/for high throughput/);
  });

  it('debug data through a new interface of the module loses points as new ABI; a debug knob does not', () => {
    const debug = advise(ans({ style: 'stream', size: 256, rate: 50_000, stable: false }), catalogue, null);
    expect(reasonsOf(debug, 'chardev')).toMatch(/It would be a new user ABI/);
    expect(reasonsOf(debug, 'relay') ?? '').not.toMatch(/new user ABI/);
    const knob = advise({ ...setting, stable: false }, catalogue, null);
    expect(knob.ranking.flatMap((r) => r.reasons).join(' ')).not.toMatch(/new user ABI/);
  });

  it('a state change whose intermediate values may be dropped: a polled value file is not penalised as pull', () => {
    const state = advise(ans({ size: 16, rate: 1, listeners: 2, loss: true }), catalogue, null);
    expect(reasonsOf(state, 'sysfs') ?? '').not.toMatch(/User space has to ask for each update/);
    const every = advise(ans({ size: 16, rate: 1, listeners: 2 }), catalogue, null);
    expect(reasonsOf(every, 'sysfs') ?? '').toMatch(/User space has to ask for each update/);
  });

  it('asks=kernel: a channel the daemon cannot wait on for questions loses points, with its source', () => {
    const upcall = ans({ dir: 'both', style: 'request', size: 256, rate: 100, daemon: true });
    const user = advise(upcall, catalogue, null);
    const kernel = advise({ ...upcall, asks: 'kernel' }, catalogue, null);
    expect(scoreOf(kernel, 'ioctl')).toBeLessThan(scoreOf(user, 'ioctl'));
    expect(reasonsOf(kernel, 'ioctl')).toMatch(/The kernel asks here, and nothing in it carries a question/);
    expect(scoreOf(kernel, 'chardev')).toBe(scoreOf(user, 'chardev'));
    expect(advise({ ...upcall, asks: 'user' }, catalogue, null).ranking).toEqual(user.ranking);
  });

  it('topic without a module: kinds none of whose existing files or events carry the data are eliminated, the home gains', () => {
    const exits = ans({ module: false, daemon: true, topic: 'process' });
    const advice = advise(exits, catalogue, null);
    expect(eliminatedReasons(advice, 'uevent')?.join(' ')).toMatch(
      /nothing of this kind carries data about processes \(lib\/kobject_uevent\.c/,
    );
    expect(eliminatedReasons(advice, 'sysfs')?.join(' ')).toMatch(/carries data about processes/);
    expect(reasonsOf(advice, 'connector')).toMatch(
      /where the kernel already puts data about processes \(drivers\/connector\/cn_proc\.c/,
    );
    expect(reasonsOf(advice, 'bpf-ringbuf') ?? '').not.toMatch(/already puts data/);
    // Not said, or with a module of one's own, or for settings: the topic changes nothing.
    const unsaid = advise(ans({ module: false, daemon: true }), catalogue, null);
    expect(ranked(unsaid, 'uevent')).toBe(true);
    expect(advise(ans({ daemon: true, topic: 'process' }), catalogue, null).ranking).toEqual(
      advise(ans({ daemon: true }), catalogue, null).ranking,
    );
    const knob = ans({ dir: 'u2k', style: 'config', size: 8, rate: 0.01, module: false, scope: 'system' });
    expect(advise({ ...knob, topic: 'process' }, catalogue, null).ranking).toEqual(
      advise(knob, catalogue, null).ranking,
    );
  });

  it('the ABI status of a kind concerns new interfaces: existing ones are judged as they are', () => {
    const trace = ans({ style: 'stream', size: 128, rate: 100_000, module: false, topic: 'trace' });
    const advice = advise(trace, catalogue, null);
    expect(reasonsOf(advice, 'tracepoint')).toMatch(/each publishes its layout.*Documentation\/trace\/events\.rst/);
    expect(eliminatedReasons(advice, 'debugfs')?.join(' ')).toMatch(/debug-only interface/);
    expect(eliminatedReasons(advise({ ...trace, module: true }, catalogue, null), 'tracepoint')?.join(' ')).toMatch(
      /debug-only interface/,
    );
    const stats = ans({ style: 'request', size: 4096, rate: 1, module: false, topic: 'system' });
    expect(reasonsOf(advise(stats, catalogue, null), 'procfs') ?? '').not.toMatch(/Discouraged for new interfaces/);
    expect(reasonsOf(advise({ ...stats, module: true }, catalogue, null), 'procfs')).toMatch(
      /Discouraged for new interfaces/,
    );
  });

  it('with no process running, an event left in a buffer waits; a method that starts a program does not', () => {
    const advice = advise(ans({ size: 512, rate: 0.1, module: false, daemon: false, shell: true }), catalogue, null);
    expect(reasonsOf(advice, 'tracepoint')).toMatch(/No process is running to act on the event/);
    expect(reasonsOf(advice, 'uevent') ?? '').not.toMatch(/No process is running/);
    expect(reasonsOf(advice, 'sysfs')).toMatch(/No process is running to read the file/);
  });

  it('the kernel asking with no daemon running: a program it starts answers; a parked ioctl has nobody to answer', () => {
    const upcall = { dir: 'both', style: 'request', asks: 'kernel', size: 256, rate: 1, daemon: false } as const;
    const advice = advise(ans(upcall), catalogue, null);
    expect(advice.ranking[0]?.method).toBe('usermodehelper');
    // The udev-driven variant: the question as a uevent, the answer through a file (the firmware fallback).
    expect(reasonsOf(advice, 'uevent')).toMatch(/answer must come back through a file/);
    expect(eliminatedReasons(advice, 'ioctl')?.join(' ')).toMatch(/a daemon thread must already sit waiting/);
    expect(eliminatedReasons(advice, 'sysfs')?.join(' ')).toMatch(/nothing would ever read the kernel's question/);
    // With a daemon running, the daemon is the one asked: a program started beside it is not.
    const withDaemon = advise(ans({ ...upcall, daemon: true }), catalogue, null);
    expect(eliminatedReasons(withDaemon, 'usermodehelper')?.join(' ')).toMatch(/Carries data only kernel → user/);
    expect(eliminatedReasons(withDaemon, 'uevent')?.join(' ')).toMatch(/Carries data only kernel → user/);
    expect(ranked(withDaemon, 'ioctl')).toBe(true);
  });

  it('no process running rules out a method that needs one only where the kernel speaks or asks first', () => {
    const resident = /A user-space process must already be running/;
    // The kernel sends events: nobody is there to receive them through a chardev.
    const events = advise(ans({ size: 256, rate: 0.1, daemon: false }), catalogue, null);
    expect(eliminatedReasons(events, 'chardev')?.join(' ')).toMatch(resident);
    // Nor through an ioctl that fetches them: the same module buffer holds them until someone asks.
    expect(eliminatedReasons(events, 'ioctl')?.join(' ')).toMatch(resident);
    // The kernel asks a daemon that is not there.
    const kernelAsks = { dir: 'both', style: 'request', asks: 'kernel', size: 128, rate: 0.1, daemon: false } as const;
    expect(eliminatedReasons(advise(ans(kernelAsks), catalogue, null), 'genetlink')?.join(' ')).toMatch(resident);
    // A cron job asks for a status: the process that asks is the one running.
    const cron = advise(ans({ style: 'request', size: 256, rate: 0.02, daemon: false }), catalogue, null);
    expect(eliminatedReasons(cron, 'chardev')?.join(' ') ?? '').not.toMatch(resident);
    expect(ranked(cron, 'chardev')).toBe(true);
    expect(ranked(cron, 'ioctl')).toBe(true);
    const setting = advise(ans({ dir: 'u2k', style: 'config', size: 8, rate: 0.01, daemon: false }), catalogue, null);
    expect(eliminatedReasons(setting, 'genetlink')?.join(' ') ?? '').not.toMatch(resident);
  });

  it('a setting sent as a message into a channel that neither holds nor answers it loses points', () => {
    const advice = advise({ ...setting, scope: 'device' }, catalogue, null);
    expect(reasonsOf(advice, 'chardev')).toMatch(/A setting written into it is a message, not a value it holds/);
    expect(reasonsOf(advice, 'ioctl') ?? '').not.toMatch(/not a value it holds/);
    expect(reasonsOf(advice, 'sysfs') ?? '').not.toMatch(/not a value it holds/);
    const data = advise(ans({ dir: 'u2k', style: 'stream', size: 256 }), catalogue, null);
    expect(reasonsOf(data, 'chardev') ?? '').not.toMatch(/not a value it holds/);
  });

  it('no message may be lost: a producer that cannot wait for the consumer is eliminated, with its source', () => {
    const audit = ans({ size: 512, loss: false, daemon: true });
    const advice = advise(audit, catalogue, null);
    for (const id of ['bpf-ringbuf', 'tracepoint', 'uevent'] as const)
      expect(eliminatedReasons(advice, id)?.join(' ')).toMatch(/The producer cannot wait for the consumer/);
    expect(ranked(advice, 'chardev')).toBe(true);
    expect(ranked(advise({ ...audit, loss: true }, catalogue, null), 'uevent')).toBe(true);
  });

  it('a command set that will grow favours typed attributes; not said or fixed, nothing changes', () => {
    const mgmt = ans({ dir: 'both', style: 'request', size: 256, rate: 100 });
    const grows = advise({ ...mgmt, grows: true }, catalogue, null);
    expect(reasonsOf(grows, 'genetlink')).toMatch(
      /grow as typed attributes.*Documentation\/userspace-api\/netlink\/intro\.rst/,
    );
    expect(reasonsOf(grows, 'ioctl') ?? '').not.toMatch(/typed attributes/);
    expect(scoreOf(grows, 'genetlink')).toBeGreaterThan(scoreOf(advise(mgmt, catalogue, null), 'genetlink'));
    expect(advise({ ...mgmt, grows: false }, catalogue, null).ranking).toEqual(advise(mgmt, catalogue, null).ranking);
    const events = ans({ size: 128, listeners: 4 });
    expect(advise({ ...events, grows: true }, catalogue, null).ranking).toEqual(
      advise(events, catalogue, null).ranking,
    );
  });

  it("who does the kernel's work for a kick decides it: a kernel thread that waits favours eventfd, the caller's call the handlers that run in it", () => {
    const kick = ans({ dir: 'u2k', size: 0, rate: 200_000, daemon: true });
    const worker = advise({ ...kick, worker: true }, catalogue, null);
    expect(worker.ranking[0]!.method).toBe('eventfd');
    expect(reasonsOf(worker, 'eventfd')).toMatch(/\+8\.0: Made for a kernel thread that waits.*virt\/kvm\/eventfd\.c/);
    const caller = advise({ ...kick, worker: false }, catalogue, null);
    expect(caller.ranking[0]!.method).toBe('ioctl');
    expect(reasonsOf(caller, 'eventfd')).toMatch(/no code of the module runs in the caller's call/);
    expect(reasonsOf(caller, 'mmap')).toMatch(/a kernel thread would have to poll for it/);
    expect(reasonsOf(caller, 'ioctl') ?? '').not.toMatch(/caller's call/);
    // Not said: as before the question existed. Where the kernel speaks, or for requests and settings, it
    // changes nothing.
    expect(scoreOf(advise(kick, catalogue, null), 'eventfd')).toBeLessThan(scoreOf(worker, 'eventfd'));
    for (const other of [ans({ size: 0 }), ans({ dir: 'u2k', style: 'request' }), ans({ dir: 'u2k', style: 'config' })])
      expect(advise({ ...other, worker: true }, catalogue, null).ranking).toEqual(
        advise(other, catalogue, null).ranking,
      );
    // And 'what would change' offers it when it flips the pick.
    expect(
      advise(kick, catalogue, null)
        .whatWouldChange.map((c) => c.sentence)
        .join(' '),
    ).toMatch(/If a kernel thread did the work, woken by what user space sends, eventfd/);
  });

  it('the home for a setting is a file that holds values: sysfs for per-device, sysctl for system-wide, not a device node', () => {
    const device = advise({ ...setting, scope: 'device' }, catalogue, null);
    expect(reasonsOf(device, 'sysfs')).toMatch(/home for per-device settings/);
    expect(reasonsOf(device, 'chardev') ?? '').not.toMatch(/home for/);
    const system = advise({ ...setting, scope: 'system' }, catalogue, null);
    expect(reasonsOf(system, 'sysctl')).toMatch(/home for system-wide settings/);
    expect(reasonsOf(system, 'sysfs') ?? '').not.toMatch(/home for/);
    // A /proc file outside /proc/sys holds a global value too, but new ones are discouraged: nobody's home.
    expect(reasonsOf(system, 'procfs')).toMatch(/Discouraged for new interfaces/);
    expect(reasonsOf(system, 'procfs')).not.toMatch(/home for/);
  });

  it('async notification counts only when data reaches user space', () => {
    const up = advise(ans({ dir: 'u2k', size: 0 }), catalogue, null);
    expect(up.ranking.flatMap((r) => r.reasons).join(' ')).not.toMatch(/async notification/);
    const down = advise(ans({ dir: 'k2u', size: 0 }), catalogue, null);
    expect(down.ranking.flatMap((r) => r.reasons).join(' ')).toMatch(/async notification/);
  });
});

describe('determinism', () => {
  it('gives the same advice for the same input, whatever the catalogue order', () => {
    const a = ans({ style: 'stream', size: 4096, rate: 10_000 });
    const first = advise(a, catalogue, dataset);
    expect(advise(a, catalogue, dataset)).toEqual(first);
    const reversed = { ...catalogue, methods: [...catalogue.methods].reverse() };
    expect(advise(a, reversed, dataset)).toEqual(first);
  });

  it('breaks ties by method id', () => {
    const g = catalogue.methods.find((m) => m.id === 'genetlink')!;
    // Two methods identical in every rating and flag: only the id can order them.
    const twins: Catalogue = { ...catalogue, methods: [{ ...g, id: 'sysfs' }, g] };
    const { ranking } = advise(ans(), twins, null);
    expect(ranking.map((r) => r.method)).toEqual(['genetlink', 'sysfs']);
    expect(ranking[0]!.score).toBe(ranking[1]!.score);
  });
});

describe('whatWouldChange', () => {
  const cases: Partial<Answers>[] = [{}, ...SCENARIOS.map((s) => s.answers)];

  it.each(cases.map((c, i) => [i, c] as const))(
    'case %i: each change, applied, really changes the top pick',
    (_i, over) => {
      for (const ds of [null, dataset]) {
        const a = ans(over);
        const advice = advise(a, catalogue, ds);
        const top = advice.ranking[0]?.method ?? null;
        const params = advice.whatWouldChange.map((c) => c.param);
        expect(new Set(params).size).toBe(params.length);
        for (const change of advice.whatWouldChange) {
          expect(change.from).not.toBe(change.to);
          const changed = applyChange(a, change);
          const after = advise(changed, catalogue, ds);
          expect(after.ranking[0]?.method).toBe(change.newTop);
          expect(change.newTop).not.toBe(top);
          const newName = catalogue.methods.find((m) => m.id === change.newTop)!.name;
          expect(change.sentence).toContain(newName);
        }
      }
    },
  );

  it('lists constraints before the problem statement, each flip beyond the tie margin, in a sentence', () => {
    const a = ans({ style: 'stream', size: 4096, rate: 10_000 });
    const advice = advise(a, catalogue, null);
    const top = advice.ranking[0]!;
    expect(advice.whatWouldChange.length).toBeGreaterThan(0);
    const order = advice.whatWouldChange.map((c) => CHANGE_ORDER.indexOf(c.param));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    for (const c of advice.whatWouldChange) {
      const after = advise(applyChange(a, c), catalogue, null).ranking;
      // The new pick's score says whether it is a good fit or the best of poor ones.
      expect(c.newScore).toBe(after[0]!.score);
      expect(c.sentence.endsWith(`would come first, at ${c.newScore}/100, instead of ${top.name}.`), c.sentence).toBe(
        true,
      );
      expect(c.sentence).toMatch(/^(If|With|At) /);
      expect(after[0]!.method).toBe(c.newTop);
      const old = after.find((r) => r.method === top.method);
      if (old) expect(after[0]!.score - old.score).toBeGreaterThanOrEqual(TIE_MARGIN - 1);
    }
  });

  it('offers the nearest kernel that makes something possible when nothing fits', () => {
    // A two-method catalogue where nothing fits: ioctl needs a module, the BPF ring buffer needs 5.8.
    const small = {
      ...catalogue,
      methods: catalogue.methods.filter((m) => m.id === 'ioctl' || m.id === 'bpf-ringbuf'),
    };
    const bpf = small.methods.find((m) => !m.needsModule)!;
    const advice = advise(ans({ module: false, kernel: '5.4' }), small, null);
    expect(advice.ranking).toEqual([]);
    const kernel = advice.whatWouldChange.find((c) => c.param === 'kernel');
    expect(compareKernel(kernel!.to, bpf.minKernel)).toBeGreaterThanOrEqual(0);
    expect(kernel!.sentence).toBe(
      `If you could require kernel ${kernel!.to} instead of 5.4, ${bpf.name} would become possible, at ${kernel!.newScore}/100 (nothing fits the current answers).`,
    );
  });
});

describe('the legend', () => {
  it('states each trait weight exactly as the scoring applies it', () => {
    for (const t of catalogue.traits) expect(t.scoring, t.id).toBe(WEIGHT_RULES[t.id]);
  });
});
