import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { DEFAULT_ANSWERS, type Answers } from '#src/core/answers';
import { encodeAnswers } from '#src/core/answers-codec';
import type { Report } from '#src/core/report';
import { ApiError, getJson } from '../api-client';
import { apiKeys } from './keys';

export const getAdvice = (query: string, signal?: AbortSignal) => getJson<Report>(`/api/advice?${query}`, signal);

export const adviceQueryOptions = (answers: Answers) => {
  const query = encodeAnswers(answers).toString();
  return queryOptions({
    queryKey: apiKeys.advice(query),
    queryFn: ({ signal }) => getAdvice(query, signal),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    // A 400 names the bad parameters; asking again cannot fix it.
    retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
  });
};

export const useAdvice = (answers: Answers | null) =>
  useQuery({ ...adviceQueryOptions(answers ?? DEFAULT_ANSWERS), enabled: answers !== null });
