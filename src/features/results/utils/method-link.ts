/** A method page link that keeps the report's dataset, so the page's curves come from the same one. */
export function methodLink(method: string, dataset: string | null | undefined): string {
  return dataset ? `/methods/${method}?dataset=${encodeURIComponent(dataset)}` : `/methods/${method}`;
}
