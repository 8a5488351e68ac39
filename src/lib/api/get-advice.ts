import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { DEFAULT_ANSWERS, type Answers } from '#src/core/answers';
import { encodeAnswers } from '#src/core/answers-codec';
import { reportReaderSchema, type Report } from '#src/core/report';
import { getJson, isFinalError } from '../api-client';
import { apiKeys } from './keys';

// A report may lack the fields kcomm-report/1 gained later (reportReaderSchema); the pages read those
// defensively (VerdictPanel's verdictOf, `unverified` as false).
export const getAdvice = (query: string, signal?: AbortSignal) =>
  getJson(`/api/advice?${query}`, reportReaderSchema, signal) as Promise<Report>;

export const adviceQueryOptions = (answers: Answers) => {
  const query = encodeAnswers(answers).toString();
  return queryOptions({
    queryKey: apiKeys.advice(query),
    queryFn: ({ signal }) => getAdvice(query, signal),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    // A 400 names the bad parameters, an unreadable reply stays one: asking again cannot fix either.
    retry: (count, error) => !isFinalError(error) && count < 2,
  });
};

export const useAdvice = (answers: Answers | null) =>
  useQuery({ ...adviceQueryOptions(answers ?? DEFAULT_ANSWERS), enabled: answers !== null });
