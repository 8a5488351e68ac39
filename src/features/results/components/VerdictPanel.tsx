import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { Report } from '#src/core/report';
import type { Verdict } from '#src/core/scoring';
import { StarterDownload } from '#src/components/StarterDownload';
import { datasetKind, datasetName, KIND_LABEL, KIND_WARNING, type DatasetKind } from '#src/lib/datasets';
import { formatUtc } from '#src/lib/format-date';
import { methodPath } from '#src/lib/paths';

const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`;

const CONFIDENCE: Record<Verdict['confidence'], { label: string; hint: (v: Verdict) => string }> = {
  clear: {
    label: 'Clear pick',
    hint: (v) => `ahead by ${points(v.margin ?? 0)}, more than twice the ${v.tieMargin}-point tie margin`,
  },
  likely: {
    label: 'Likely pick',
    hint: (v) => `ahead by ${points(v.margin ?? 0)}: more than a tie (${v.tieMargin}), not by far`,
  },
  tie: {
    label: 'Tie',
    hint: (v) => `within ${v.tieMargin} points of each other: the differences below decide`,
  },
  none: { label: 'Nothing fits', hint: () => 'every method was eliminated by a constraint' },
};

/** A report from before the verdict existed (kcomm-report/1 gained it later): its ranking says enough. */
function verdictOf(report: Report): Verdict {
  if (report.verdict) return report.verdict;
  const [top, second] = report.ranking;
  return {
    sentence: top ? `${top.name}.` : 'Nothing fits these answers.',
    confidence: top ? 'likely' : 'none',
    top: top?.method ?? null,
    runnerUp: second?.method ?? null,
    margin: top && second ? top.score - second.score : null,
    tieMargin: 3,
    whyNotRunnerUp: [],
    whenNotToUse: [],
    measurement: null,
  };
}

/** The measured kind: the verdict's when the scoring states it, else the dataset's target. */
export function reportKind(report: Report): DatasetKind | null {
  const measurement = verdictOf(report).measurement;
  if (measurement) return measurement.kind;
  return report.dataset ? datasetKind(report.dataset.host.target) : null;
}

/** The red band over every emulated or instruction-counted number. */
export function KindWarning({ kind }: { kind: DatasetKind | null }) {
  const text = kind ? KIND_WARNING[kind] : null;
  if (!text) return null;
  return (
    <p className="kind-warning" data-kind={kind}>
      <span aria-hidden="true">⚠ </span>
      <strong>{text}</strong>
    </p>
  );
}

/** The answer first: one sentence, its confidence, why not the runner-up, when not to use the pick. */
export function VerdictPanel({ report, focusKey }: { report: Report; focusKey: string }) {
  const v = verdictOf(report);
  const ref = useRef<HTMLElement>(null);
  const focused = useRef<string | null>(null);
  const name = (id: string | null) => report.ranking.find((r) => r.method === id)?.name ?? id ?? '';
  const kind = reportKind(report);
  const confidence = CONFIDENCE[v.confidence];
  // In a tie both sides of "what separates them": the runner-up's strengths as well as the pick's.
  const theirs = v.confidence === 'tie' ? (v.runnerUpStrengths ?? []) : [];

  // Screen readers and keyboards land on the answer when a new recommendation arrives, not on <body>.
  useEffect(() => {
    if (focused.current === focusKey) return;
    focused.current = focusKey;
    ref.current?.focus();
  }, [focusKey]);

  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={`panel verdict confidence-${v.confidence}`}
      aria-labelledby="verdict-sentence"
      data-confidence={v.confidence}
    >
      <KindWarning kind={kind} />
      <p className="verdict-kicker">
        <span className="confidence-badge" title={confidence.hint(v)}>
          {confidence.label}
        </span>
        <span className="confidence-hint">{confidence.hint(v)}</span>
      </p>
      <h2 id="verdict-sentence" className="verdict-sentence">
        {v.sentence}
      </h2>
      {v.framework && <p className="verdict-framework">{v.framework}</p>}
      {v.top && (
        <p className="verdict-links actions-row no-print">
          <Link to={methodPath(v.top, report.dataset?.id)}>How {name(v.top)} works, with its reference code</Link>
          {/* Without a module of one's own, the answer is an interface that already exists: no module to start. */}
          {report.answers.module && <StarterDownload method={v.top} label={`Download ${name(v.top)} starter code`} />}
          {report.answers.module && v.confidence === 'tie' && v.runnerUp && (
            <StarterDownload method={v.runnerUp} label={`Download ${name(v.runnerUp)} starter code`} />
          )}
        </p>
      )}
      <div className="verdict-columns">
        {v.runnerUp && (
          <section aria-labelledby="why-not-heading">
            <h3 id="why-not-heading">
              {v.confidence === 'tie' ? `What separates it from ${name(v.runnerUp)}` : `Why not ${name(v.runnerUp)}`}
            </h3>
            {v.whyNotRunnerUp.length > 0 ? (
              <>
                {theirs.length > 0 && <h4>In favour of {name(v.top)}</h4>}
                <ul>
                  {v.whyNotRunnerUp.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
                {theirs.length > 0 && (
                  <div className="runner-up-strengths">
                    <h4>In favour of {name(v.runnerUp)}</h4>
                    <ul>
                      {theirs.map((w, i) => (
                        <li key={i}>{w}</li>
                      ))}
                    </ul>
                  </div>
                )}
              </>
            ) : (
              <p className="muted">
                {v.margin === null ? '' : `${points(v.margin)} behind. `}Its reasons are in the full ranking below.
              </p>
            )}
          </section>
        )}
        {v.top && (
          <section aria-labelledby="when-not-heading">
            <h3 id="when-not-heading">When not to use {name(v.top)}</h3>
            {v.whenNotToUse.length > 0 ? (
              <ul>
                {v.whenNotToUse.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">The catalogue states no case against it for now; see its method page.</p>
            )}
          </section>
        )}
      </div>
      {report.dataset ? (
        <p className="verdict-measurement" data-kind={kind ?? undefined} data-basis={report.basis}>
          {report.basis === 'traits+measurements'
            ? 'Ranked on traits and on measurements from dataset '
            : 'Nothing in this dataset was measured for these answers: ranked on traits alone. Dataset '}
          <strong>{datasetName(report.dataset)}</strong> ({kind ? KIND_LABEL[kind] : 'unknown'}, kernel{' '}
          {report.dataset.host.kernel}, collected {formatUtc(report.dataset.collectedAt)}).
          {v.measurement?.note ? ` ${v.measurement.note}` : ''}
        </p>
      ) : (
        <p className="verdict-measurement muted" data-basis="traits">
          No benchmark dataset is selected: the ranking rests on traits alone.
        </p>
      )}
    </section>
  );
}
