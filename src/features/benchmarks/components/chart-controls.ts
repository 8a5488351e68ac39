/** What every chart needs from the page to switch series on and off and to name methods. */
export interface SeriesControls {
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onShowAll: (keys: string[]) => void;
  methodName: (method: string) => string | undefined;
}
