import { apiKeys } from '#src/lib/api/keys';

export const collectKeys = {
  health: () => [...apiKeys.all, 'health'] as const,
  runs: () => [...apiKeys.all, 'runs'] as const,
  runList: () => [...collectKeys.runs(), 'list'] as const,
  run: (id: string) => [...collectKeys.runs(), 'detail', id] as const,
};
