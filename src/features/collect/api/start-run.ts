import { useMutation, useQueryClient } from '@tanstack/react-query';
import { runAcceptedSchema, type RunRequest } from '#src/core/runs';
import { collectKeys } from './keys';
import { sendJson } from './send-json';

export const startRun = (request: RunRequest) => sendJson('POST', '/api/runs', runAcceptedSchema, request);

export const useStartRun = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startRun,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: collectKeys.runList() }),
  });
};
