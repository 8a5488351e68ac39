// One key factory for the API, generic to specific. Every endpoint's file builds its key here.
export const apiKeys = {
  all: ['kcomm'] as const,
  catalogue: () => [...apiKeys.all, 'catalogue'] as const,
  methods: () => [...apiKeys.catalogue(), 'methods'] as const,
  traits: () => [...apiKeys.catalogue(), 'traits'] as const,
  frameworks: () => [...apiKeys.catalogue(), 'frameworks'] as const,
  datasets: () => [...apiKeys.all, 'datasets'] as const,
  dataset: (id: string) => [...apiKeys.datasets(), id] as const,
  advice: (query: string) => [...apiKeys.all, 'advice', query] as const,
};
