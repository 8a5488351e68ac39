// The report: the JSON that GET /api/advice returns and the app renders (kcomm-report/1), and its Markdown
// form for pasting into a design document or a review. Deterministic: no timestamps of its own.
import { z } from 'zod';
import { describeOptional, DIR_WORDS, OPTIONAL_ANSWERS, OPTIONAL_LABELS } from './answer-words';
import { answersSchema, type Answers } from './answers';
import {
  adviceBasisSchema,
  changeSchema,
  eliminatedSchema,
  scoredMethodSchema,
  verdictSchema,
  type Verdict,
} from './advice/schema';
import { permalink as permalinkFor } from './answers-codec';
import type { Catalogue } from './catalogue-schema';
import { datasetSchema, type Dataset } from './dataset-schema';
import type { MethodId } from './ids';
import { costUnitOf, type CostUnit } from './chart-data';
import { formatBytes, formatNs, formatRate, pointFigures, sizeBasis, WAKEUP_RATE_NOTE } from './measured';
import { KIND_WARNING } from './advice/context';
import { advise } from './scoring';

export const REPORT_SCHEMA = 'kcomm-report/1';

/** The report's one declaration: its type, and what GET /api/advice is checked against. Add, never rename. */
export const reportSchema = z.strictObject({
  schema: z.literal(REPORT_SCHEMA),
  answers: answersSchema,
  permalink: z.string(),
  dataset: datasetSchema.pick({ id: true, collectedAt: true, host: true, harness: true }).nullable(),
  basis: adviceBasisSchema,
  /** Added after the first release of kcomm-report/1: the answer in one sentence with its confidence. */
  verdict: verdictSchema,
  /** Added after the first release of kcomm-report/1: answers outside what hardware can do. */
  inputWarnings: z.array(z.string()),
  ranking: z.array(scoredMethodSchema),
  eliminated: z.array(eliminatedSchema),
  whatWouldChange: z.array(changeSchema),
});
export type Report = z.infer<typeof reportSchema>;

/**
 * kcomm-report/1 as a reader takes it (the app reads GET /api/advice with it): a report from before a field
 * was added (the verdict, the input warnings, `unverified`, the later answers) still reads, as the contract
 * only ever adds; everything else must be as declared.
 */
export const reportReaderSchema = reportSchema.extend({
  answers: answersSchema.partial(),
  verdict: verdictSchema.optional(),
  inputWarnings: reportSchema.shape.inputWarnings.optional(),
  ranking: z.array(scoredMethodSchema.extend({ unverified: z.boolean().optional() })),
});

export function buildReport(answers: Answers, catalogue: Catalogue, dataset: Dataset | null, origin: string): Report {
  const advice = advise(answers, catalogue, dataset);
  return {
    schema: REPORT_SCHEMA,
    answers,
    permalink: permalinkFor(answers, origin),
    dataset: dataset
      ? { id: dataset.id, collectedAt: dataset.collectedAt, host: dataset.host, harness: dataset.harness }
      : null,
    basis: advice.basis,
    verdict: advice.verdict,
    inputWarnings: advice.inputWarnings,
    ranking: advice.ranking.map(({ method, name, score, reasons, measured, unverified }) => ({
      method,
      name,
      score,
      reasons,
      measured,
      unverified,
    })),
    eliminated: advice.eliminated.map(({ method, name, reasons }) => ({ method, name, reasons })),
    whatWouldChange: advice.whatWouldChange,
  };
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

// Table cells must not break the table: pipes are escaped and line breaks flattened.
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function answersTable(a: Answers): string[] {
  const rows: [string, string][] = [
    ['Direction', DIR_WORDS[a.dir]],
    ['Style', a.style],
    ['Message size', formatBytes(a.size)],
    ['Rate', formatRate(a.rate)],
    ['Latency budget', a.lat === null ? 'none' : formatNs(a.lat * 1000)],
    ['Listeners', String(a.listeners)],
    ['Stable production interface', yesNo(a.stable)],
    ['May ship a kernel module', yesNo(a.module)],
    ['Unprivileged consumer', yesNo(a.unpriv)],
    ['Usable from a shell', yesNo(a.shell)],
    ['Oldest kernel', a.kernel],
    ['Dataset', a.dataset ?? 'none'],
    // The follow-up answers that were given: each can decide the pick, so a reviewer must see them.
    ...OPTIONAL_ANSWERS.filter((k) => a[k] !== null).map((k): [string, string] => [
      OPTIONAL_LABELS[k],
      describeOptional(k, a[k]),
    ]),
  ];
  return ['| Question | Answer |', '| --- | --- |', ...rows.map(([q, v]) => `| ${q} | ${cell(v)} |`)];
}

/** What the report's measured latencies count: the dataset's unit (time, or guest instructions). */
export function reportUnit(report: Pick<Report, 'dataset'>): CostUnit {
  return report.dataset ? costUnitOf(report.dataset) : 'ns';
}

function provenance(d: NonNullable<Report['dataset']>): string[] {
  const emulated =
    d.host.target === 'vm-tcg'
      ? 'emulated (QEMU TCG): absolute numbers are many times slower than real hardware, compare methods with each other only'
      : d.host.target === 'vm-kvm'
        ? 'virtual machine with hardware virtualisation (KVM), not emulated'
        : 'measured on the local machine, not emulated';
  return [
    `- Dataset: \`${d.id}\``,
    `- Target: ${d.host.target} — ${emulated}`,
    `- Kernel: ${d.host.kernel}`,
    `- CPU: ${d.host.cpuModel} (${d.host.cpus} CPUs, ${d.host.memoryMiB} MiB${d.host.hypervisor ? `, ${d.host.hypervisor}` : ''})`,
    `- Collected: ${d.collectedAt}`,
    `- Harness: version/commit ${d.harness.version}, profile ${d.harness.profile}, ${d.harness.samplesPerPoint} samples per point`,
  ];
}

/** The verdict as the results page shows it; nothing for a report from before the verdict existed. */
function verdictLines(v: Verdict | undefined, ranking: Report['ranking']): string[] {
  if (!v) return [];
  const name = (id: MethodId | null) => ranking.find((r) => r.method === id)?.name ?? id ?? '';
  const out = [`**${v.sentence}** (confidence: ${v.confidence})`, ''];
  if (v.framework) out.push(v.framework, '');
  // What an emulated or instruction-counted dataset's numbers are not: the app's own words (KIND_WARNING).
  const label = v.measurement ? KIND_WARNING[v.measurement.kind] : null;
  if (label) out.push(`> **${label}.** ${v.measurement!.note}`, '');
  else if (v.measurement) out.push(v.measurement.note, '');
  if (v.runnerUp && v.whyNotRunnerUp.length > 0) {
    out.push(
      v.confidence === 'tie' ? `### What separates it from ${name(v.runnerUp)}` : `### Why not ${name(v.runnerUp)}`,
      '',
    );
    const theirs = v.confidence === 'tie' ? (v.runnerUpStrengths ?? []) : [];
    if (theirs.length > 0) out.push(`In favour of ${name(v.top)}:`, '');
    for (const w of v.whyNotRunnerUp) out.push(`- ${w}`);
    out.push('');
    if (theirs.length > 0) {
      out.push(`In favour of ${name(v.runnerUp)}:`, '');
      for (const w of theirs) out.push(`- ${w}`);
      out.push('');
    }
  }
  if (v.top && v.whenNotToUse.length > 0) {
    out.push(`### When not to use ${name(v.top)}`, '');
    for (const w of v.whenNotToUse) out.push(`- ${w}`);
    out.push('');
  }
  return out;
}

export function reportToMarkdown(report: Report): string {
  const a = report.answers;
  const out: string[] = [];
  const [top, alt] = report.ranking;

  out.push(`# kcomm: how should this kernel module talk to user space?`, '');
  out.push(`Permalink: <${report.permalink}>`, '');
  out.push('## Answers', '', ...answersTable(a), '');

  out.push('## Recommendation', '');
  out.push(...verdictLines(report.verdict, report.ranking));
  if (!top) {
    out.push('Nothing in the catalogue fits these answers: every method was eliminated (see below).', '');
  } else {
    out.push(`**Top pick: ${top.name}** (\`${top.method}\`, score ${top.score}/100)`, '');
    for (const r of top.reasons) out.push(`- ${r}`);
    out.push('');
    if (alt) {
      const gap = top.score - alt.score;
      out.push(
        `**Credible alternative: ${alt.name}** (\`${alt.method}\`, score ${alt.score}/100, ${gap === 0 ? 'level with the top pick' : `${gap} point${gap === 1 ? '' : 's'} behind`})`,
        '',
      );
      for (const r of alt.reasons) out.push(`- ${r}`);
      out.push('');
    }
  }

  if (report.ranking.length > 0) {
    out.push('## Ranking', '', '| # | Method | Score | Main reason |', '| --: | --- | --: | --- |');
    report.ranking.forEach((r, i) => {
      const main = r.reasons.find((x) => !x.startsWith('Trait fit')) ?? r.reasons[0] ?? '';
      out.push(`| ${i + 1} | ${cell(r.name)} (\`${r.method}\`) | ${r.score} | ${cell(main)} |`);
    });
    out.push('');
  }

  out.push(`## Measurements at ${formatBytes(a.size)}`, '');
  if (report.basis === 'traits' || !report.dataset) {
    out.push(
      report.dataset
        ? `Dataset \`${report.dataset.id}\` has no measurements for these methods and patterns, so the ranking rests on the catalogue's trait ratings alone.`
        : "No benchmark dataset was chosen, so the ranking rests on the catalogue's trait ratings alone.",
      '',
    );
  } else {
    out.push(
      '| Method | Pattern | Variant | p50 | p99 | Rate | Throughput | Size basis |',
      '| --- | --- | --- | --: | --: | --: | --: | --- |',
    );
    const unit = reportUnit(report);
    for (const r of report.ranking)
      for (const p of r.measured) {
        const f = pointFigures(p, unit);
        out.push(
          `| ${cell(r.name)} | ${p.pattern} | ${p.variant || '—'} | ${f.p50} | ${f.p99} | ${f.rate ?? '—'} | ${f.throughput ?? '—'} | ${sizeBasis(p)} |`,
        );
      }
    if (report.ranking.some((r) => r.measured.some((p) => p.pattern === 'notify'))) out.push('', WAKEUP_RATE_NOTE);
    const unmeasured = report.ranking.filter((r) => r.measured.length === 0).map((r) => r.name);
    out.push('');
    if (unmeasured.length > 0) out.push(`Not measured (ranked on traits alone): ${unmeasured.join(', ')}.`, '');
    out.push('Provenance:', '', ...provenance(report.dataset), '');
  }

  out.push('## Eliminated', '');
  if (report.eliminated.length === 0) out.push('No method was eliminated.', '');
  else {
    for (const e of report.eliminated) out.push(`- **${e.name}** (\`${e.method}\`): ${e.reasons.join(' ')}`);
    out.push('');
  }

  out.push('## What would change the answer', '');
  if (report.whatWouldChange.length === 0) out.push('No single change to one answer would change the top pick.', '');
  else {
    for (const c of report.whatWouldChange)
      out.push(`- ${c.sentence} (\`${c.param}=${c.from}\` → \`${c.param}=${c.to}\`)`);
    out.push('');
  }

  out.push('---', '', `Generated by kcomm (${report.schema}). Permalink: <${report.permalink}>`, '');
  return out.join('\n');
}
