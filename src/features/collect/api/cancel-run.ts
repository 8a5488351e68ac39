import { useMutation, useQueryClient } from '@tanstack/react-query';
import { runCancellingSchema } from '#src/core/runs';
import { collectKeys } from './keys';
import { sendJson } from './send-json';

export const cancelRun = (id: string) => sendJson('DELETE', `/api/runs/${encodeURIComponent(id)}`, runCancellingSchema);

export const useCancelRun = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelRun,
    onSettled: () => queryClient.invalidateQueries({ queryKey: collectKeys.runList() }),
  });
};
