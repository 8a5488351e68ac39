export const KNOWN_DISAGREEMENTS: { dataset: string; name: string; problems: string }[] = [];
