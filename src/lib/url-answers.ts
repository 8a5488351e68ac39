import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Answers } from '../core/answers';
import { decodeAnswers, encodeAnswers, type AnswerError } from '../core/answers-codec';
import type { DatasetSummary } from '../core/dataset-schema';
import { useDatasets } from './api/get-datasets';

export interface UrlAnswers {
  /** The answers to use: decoded from the URL, bad values replaced by defaults, an unusable dataset dropped. */
  answers: Answers;
  errors: AnswerError[];
  /** True while the dataset list needed to check answers.dataset is still loading. */
  pending: boolean;
}

/** Splits a query string into the answers and the page's own parameters (e.g. compare's "m"). */
export function splitParams(search: URLSearchParams, own: readonly string[]) {
  const answerParams = new URLSearchParams();
  const ownParams = new URLSearchParams();
  for (const [k, v] of search) (own.includes(k) ? ownParams : answerParams).append(k, v);
  return { answerParams, ownParams };
}

/** A dataset named in a link may be gone or unreadable: report it and fall back to traits alone. */
export function resolveDataset(
  answers: Answers,
  errors: AnswerError[],
  datasets: DatasetSummary[] | undefined,
): { answers: Answers; errors: AnswerError[] } {
  if (answers.dataset === null || datasets === undefined) return { answers, errors };
  const found = datasets.find((d) => d.id === answers.dataset);
  if (found?.ok) return { answers, errors };
  const why = found ? `cannot be read (${found.error})` : 'does not exist on this server';
  return {
    answers: { ...answers, dataset: null },
    errors: [
      ...errors,
      {
        param: 'dataset',
        value: answers.dataset,
        message: `dataset "${answers.dataset}" ${why}; no dataset is used, so the ranking rests on traits alone`,
      },
    ],
  };
}

export function useUrlAnswers(own: readonly string[] = []): UrlAnswers & { ownParams: URLSearchParams } {
  const [search] = useSearchParams();
  const key = search.toString();
  const { answerParams, ownParams } = useMemo(() => splitParams(new URLSearchParams(key), own), [key, own]);
  const decoded = useMemo(() => decodeAnswers(answerParams), [answerParams]);
  const datasets = useDatasets();
  const needsList = decoded.answers.dataset !== null;
  const resolved = useMemo(
    () => resolveDataset(decoded.answers, decoded.errors, datasets.data),
    [decoded, datasets.data],
  );
  if (needsList && datasets.isError) {
    return {
      answers: { ...decoded.answers, dataset: null },
      errors: [
        ...decoded.errors,
        {
          param: 'dataset',
          value: decoded.answers.dataset ?? '',
          message: `the dataset list could not be loaded (${datasets.error.message}); the ranking rests on traits alone`,
        },
      ],
      pending: false,
      ownParams,
    };
  }
  return { ...resolved, pending: needsList && datasets.isPending, ownParams };
}

/** The query string for a page with these answers and the page's own parameters. */
export function answersQuery(answers: Answers, own?: Record<string, string>): string {
  const p = encodeAnswers(answers);
  for (const [k, v] of Object.entries(own ?? {})) p.set(k, v);
  return p.toString();
}
