import { useMutation, useQueryClient } from '@tanstack/react-query';
import { collectKeys } from './keys';
import { sendJson } from './send-json';

export const cancelRun = (id: string) =>
  sendJson<{ id: string; cancelling: boolean }>('DELETE', `/api/runs/${encodeURIComponent(id)}`);

export const useCancelRun = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelRun,
    onSettled: () => queryClient.invalidateQueries({ queryKey: collectKeys.runList() }),
  });
};
