import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWERS, type Answers } from '../../src/core/answers';
import { decodeAnswers } from '../../src/core/answers-codec';
import { shippedCatalogue } from '../support/shipped-data';
import { datasetSchema, type Dataset } from '../../src/core/dataset-schema';
import { advise } from '../../src/core/scoring';
import { buildReport, reportToMarkdown } from '../../src/core/report';
import fixture from '../fixtures/dataset-synthetic.json';

const catalogue = shippedCatalogue();
const dataset: Dataset = datasetSchema.parse(fixture);
const ORIGIN = 'https://kcomm.example';
const answers: Answers = { ...DEFAULT_ANSWERS, style: 'request', dir: 'both', size: 2048, rate: 100, lat: 200 };

describe('buildReport', () => {
  it('has exactly the kcomm-report/1 shape', () => {
    const report = buildReport({ ...answers, dataset: dataset.id }, catalogue, dataset, ORIGIN);
    expect(Object.keys(report).sort()).toEqual(
      [
        'answers',
        'basis',
        'dataset',
        'eliminated',
        'inputWarnings',
        'permalink',
        'ranking',
        'schema',
        'verdict',
        'whatWouldChange',
      ].sort(),
    );
    expect(report.schema).toBe('kcomm-report/1');
    expect(report.dataset).toEqual({
      id: dataset.id,
      collectedAt: dataset.collectedAt,
      host: dataset.host,
      harness: dataset.harness,
    });
    expect(report.basis).toBe('traits+measurements');
    for (const r of report.ranking)
      expect(Object.keys(r).sort()).toEqual(['measured', 'method', 'name', 'reasons', 'score', 'unverified']);
    for (const e of report.eliminated) expect(Object.keys(e).sort()).toEqual(['method', 'name', 'reasons']);
  });

  it('carries the advice unchanged and a permalink that decodes to the answers', () => {
    const report = buildReport(answers, catalogue, null, ORIGIN);
    const advice = advise(answers, catalogue, null);
    expect(report.ranking).toEqual(advice.ranking);
    expect(report.eliminated).toEqual(advice.eliminated);
    expect(report.whatWouldChange).toEqual(advice.whatWouldChange);
    expect(report.dataset).toBeNull();
    expect(report.basis).toBe('traits');
    const url = new URL(report.permalink);
    expect(url.origin + url.pathname).toBe(`${ORIGIN}/results`);
    expect(decodeAnswers(url.searchParams)).toEqual({ answers, errors: [] });
  });

  it('is deterministic and survives a JSON round trip', () => {
    const a = buildReport(answers, catalogue, dataset, ORIGIN);
    const b = buildReport(answers, catalogue, dataset, ORIGIN);
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});

describe('reportToMarkdown', () => {
  it('names the top pick, an alternative, every score, the eliminated and the permalink', () => {
    const report = buildReport({ ...answers, dataset: dataset.id }, catalogue, dataset, ORIGIN);
    const md = reportToMarkdown(report);
    const [top, alt] = report.ranking;
    expect(md).toMatch(/^# kcomm/);
    expect(md).toContain(`**Top pick: ${top!.name}** (\`${top!.method}\`, score ${top!.score}/100)`);
    expect(md).toContain(`**Credible alternative: ${alt!.name}**`);
    for (const r of report.ranking) expect(md).toContain(`(\`${r.method}\`) | ${r.score} |`);
    for (const e of report.eliminated) expect(md).toContain(`- **${e.name}** (\`${e.method}\`): ${e.reasons[0]}`);
    expect(md).toContain('| Message size | 2 KiB |');
    expect(md).toContain('| Latency budget | 200 µs |');
    expect(md).toContain(report.permalink);
    for (const c of report.whatWouldChange) expect(md).toContain(c.sentence);
  });

  it('lists the follow-up answers that were given, and only those', () => {
    const plain = reportToMarkdown(buildReport(answers, catalogue, null, ORIGIN));
    expect(plain).not.toContain('| Data about |');
    expect(plain).not.toContain('| Resident receiver |');
    const said = reportToMarkdown(
      buildReport({ ...answers, module: false, topic: 'process', daemon: true, loss: false }, catalogue, null, ORIGIN),
    );
    expect(said).toContain('| Data about | processes |');
    expect(said).toContain('| Resident receiver | a process is always running |');
    expect(said).toContain('| Drops allowed | must never be dropped |');
    expect(said).not.toContain('| Setting scope |');
  });

  it('carries the verdict: its sentence and confidence, why not the runner-up, when not to use the pick', () => {
    const report = buildReport({ ...answers, dataset: dataset.id }, catalogue, dataset, ORIGIN);
    const v = report.verdict;
    expect(v.top).toBe(report.ranking[0]!.method);
    const md = reportToMarkdown({
      ...report,
      verdict: {
        ...v,
        confidence: 'clear',
        whyNotRunnerUp: ['It copies twice.'],
        whenNotToUse: ['Not for one value read once.'],
      },
    });
    const names = new Map(report.ranking.map((r) => [r.method, r.name]));
    expect(md).toContain(`**${v.sentence}** (confidence: clear)`);
    expect(md).toContain(`### Why not ${names.get(v.runnerUp!)}\n\n- It copies twice.`);
    expect(md).toContain(`### When not to use ${names.get(v.top!)}\n\n- Not for one value read once.`);
    // The verdict comes before the top pick's own paragraph.
    expect(md.indexOf(v.sentence)).toBeLessThan(md.indexOf('**Top pick:'));
    const tie = reportToMarkdown({ ...report, verdict: { ...v, confidence: 'tie', whyNotRunnerUp: ['x'] } });
    expect(tie).toContain(`### What separates it from ${names.get(v.runnerUp!)}`);
    const both = reportToMarkdown({
      ...report,
      verdict: { ...v, confidence: 'tie', whyNotRunnerUp: ['x'], runnerUpStrengths: ['y'] },
    });
    expect(both).toContain(
      `In favour of ${names.get(v.top!)}:\n\n- x\n\nIn favour of ${names.get(v.runnerUp!)}:\n\n- y`,
    );
  });

  it('labels emulated and instruction-counted numbers in the Markdown as the app does', () => {
    const report = buildReport({ ...answers, dataset: dataset.id }, catalogue, dataset, ORIGIN);
    const measured = (kind: 'native' | 'emulated' | 'instructions') =>
      reportToMarkdown({
        ...report,
        verdict: { ...report.verdict, measurement: { datasetId: dataset.id, kind, note: 'Note.' } },
      });
    expect(measured('emulated')).toContain("> **Emulated CPU: times are not your hardware's.** Note.");
    expect(measured('instructions')).toContain('> **Guest instructions, not time.** Note.');
    expect(measured('native')).not.toContain('> **');
    // A report from before the verdict still renders, without it.
    const { verdict: _verdict, ...old } = report;
    expect(reportToMarkdown(old as typeof report)).toContain('**Top pick:');
  });

  it("writes guest instructions as instructions, and no rate or throughput for a wake-up (the test's delay sets it)", () => {
    const icount: Dataset = { ...dataset, id: 'fixture-icount', host: { ...dataset.host, target: 'vm-icount' } };
    const event: Answers = { ...DEFAULT_ANSWERS, style: 'event', size: 64, dataset: icount.id };
    const md = reportToMarkdown(buildReport(event, catalogue, icount, ORIGIN));
    const rows = md.split('\n').filter((l) => /^\| .* \| (notify|k2u) \|/.test(l));
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) expect(r).toMatch(/\| [\d.]+k? instr \| [\d.]+k? instr \|/);
    const wake = rows.find((r) => r.includes('| notify |'))!;
    expect(wake).toMatch(/instr \| — \| — \|/);
    expect(md).toContain("A wake-up's rate is set by the test's delay before each event");
    const k2u = rows.find((r) => r.includes('| k2u |'))!;
    expect(k2u).toMatch(/msg\/s \| [\d.]+ [KMG]?B\/s \|/);
  });

  it('shows measured numbers with the nearest measured sizes and the provenance', () => {
    const md = reportToMarkdown(buildReport(answers, catalogue, dataset, ORIGIN));
    expect(md).toContain('## Measurements at 2 KiB');
    expect(md).toContain('interpolated between 1 KiB and 4 KiB');
    expect(md).toContain('- Dataset: `fixture-synthetic`');
    expect(md).toContain('- Target: vm-tcg — emulated (QEMU TCG)');
    expect(md).toContain('- Kernel: fixture');
    expect(md).toContain('- CPU: Synthetic CPU (fixture)');
    expect(md).toContain('- Collected: 2025-01-15T10:00:00.000Z');
    expect(md).toContain('version/commit fixture-0000000');
    expect(md).not.toContain('trait ratings alone');
  });

  it('says the ranking rests on traits alone without a dataset', () => {
    const md = reportToMarkdown(buildReport(answers, catalogue, null, ORIGIN));
    expect(md).toContain(
      "No benchmark dataset was chosen, so the ranking rests on the catalogue's trait ratings alone.",
    );
    expect(md).not.toContain('Provenance');
  });

  it('explains an empty ranking instead of naming a top pick', () => {
    // A two-method catalogue where nothing fits: ioctl needs a module, the BPF ring buffer needs 5.8.
    const small = {
      ...catalogue,
      methods: catalogue.methods.filter((m) => m.id === 'ioctl' || m.id === 'bpf-ringbuf'),
    };
    const md = reportToMarkdown(buildReport({ ...DEFAULT_ANSWERS, module: false, kernel: '5.4' }, small, null, ORIGIN));
    expect(md).toContain('Nothing in the catalogue fits these answers');
    expect(md).not.toContain('Top pick');
  });

  it('keeps table cells intact when text contains a pipe', () => {
    const report = buildReport(answers, catalogue, null, ORIGIN);
    const first = report.ranking[0]!;
    const tampered = {
      ...report,
      ranking: [{ ...first, reasons: ['Trait fit 1/100.', 'a | b\nc'] }, ...report.ranking.slice(1)],
    };
    expect(reportToMarkdown(tampered)).toContain('| a \\| b c |');
  });
});
