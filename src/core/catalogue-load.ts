// Validates data/methods.json and data/traits.json and checks what the zod schemas cannot express on their
// own: every known id present exactly once, and every method rating every trait. Pure: callers read the
// files; this only judges their parsed contents, so the server, the tests and build tools share it.
import type { z } from 'zod';
import {
  frameworkServes,
  frameworksFileSchema,
  methodsFileSchema,
  traitsFileSchema,
  type Catalogue,
  type Framework,
  type Method,
  type Trait,
} from './catalogue-schema';
import { FRAMEWORK_IDS, METHOD_IDS, STYLES, TRAIT_IDS } from './ids';

export interface CatalogueFiles {
  methods: string;
  traits: string;
}

export const DEFAULT_CATALOGUE_FILES: CatalogueFiles = {
  methods: 'data/methods.json',
  traits: 'data/traits.json',
};

export const DEFAULT_FRAMEWORKS_FILE = 'data/frameworks.json';

type ListKey = 'methods' | 'traits' | 'frameworks';

const ENTRY_NOUN: Record<ListKey, string> = { methods: 'method', traits: 'trait', frameworks: 'framework' };

/**
 * Parses and cross-checks both catalogue files. Throws one Error listing every problem found, each line
 * naming the file, the entry (by id when it has one, else by index) and what is wrong.
 */
export function parseCatalogue(
  methodsJson: unknown,
  traitsJson: unknown,
  files: CatalogueFiles = DEFAULT_CATALOGUE_FILES,
): Catalogue {
  const problems: string[] = [];

  const methodsResult = methodsFileSchema.safeParse(methodsJson);
  if (!methodsResult.success) {
    problems.push(...describeIssues(methodsResult.error.issues, methodsJson, 'methods', files.methods));
  }
  const traitsResult = traitsFileSchema.safeParse(traitsJson);
  if (!traitsResult.success) {
    problems.push(...describeIssues(traitsResult.error.issues, traitsJson, 'traits', files.traits));
  }

  if (methodsResult.success) problems.push(...checkMethods(methodsResult.data.methods, files.methods));
  if (traitsResult.success) problems.push(...checkTraits(traitsResult.data.traits, files.traits));

  if (problems.length > 0 || !methodsResult.success || !traitsResult.success) {
    throw new Error(`Invalid catalogue:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return { methods: methodsResult.data.methods, traits: traitsResult.data.traits };
}

/**
 * Parses data/frameworks.json: every framework id once, and for each style of exchange at most one primary
 * method and no method listed twice. Throws one Error listing every problem, as parseCatalogue does.
 */
export function parseFrameworks(json: unknown, file: string = DEFAULT_FRAMEWORKS_FILE): Framework[] {
  const result = frameworksFileSchema.safeParse(json);
  const problems = result.success
    ? checkFrameworks(result.data.frameworks, file)
    : describeIssues(result.error.issues, json, 'frameworks', file);
  if (problems.length > 0 || !result.success)
    throw new Error(`Invalid frameworks file:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return result.data.frameworks;
}

function checkFrameworks(frameworks: Framework[], file: string): string[] {
  const problems = checkIdSet(
    frameworks.map((f) => f.id),
    FRAMEWORK_IDS,
    file,
    'framework',
  );
  frameworks.forEach((f, index) => {
    const where = `${file}: framework "${f.id}" (index ${index})`;
    for (const style of STYLES) {
      const uses = f.uses.filter((u) => frameworkServes(u, style));
      if (uses.filter((u) => u.role === 'primary').length > 1)
        problems.push(`${where}: more than one primary method for style "${style}"`);
      const methods = uses.map((u) => u.method);
      const twice = methods.filter((m, i) => methods.indexOf(m) !== i);
      if (twice.length > 0) problems.push(`${where}: method "${twice[0]}" listed twice for style "${style}"`);
    }
  });
  return problems;
}

function checkMethods(methods: Method[], file: string): string[] {
  const problems = checkIdSet(
    methods.map((m) => m.id),
    METHOD_IDS,
    file,
    'method',
  );
  const known = new Set<string>(TRAIT_IDS);
  methods.forEach((method, index) => {
    const where = `${file}: method "${method.id}" (index ${index})`;
    const rated = Object.keys(method.ratings);
    for (const traitId of TRAIT_IDS) {
      if (!rated.includes(traitId)) problems.push(`${where}: missing rating for trait "${traitId}"`);
    }
    for (const key of rated) {
      if (!known.has(key)) problems.push(`${where}: rating for unknown trait "${key}"`);
    }
  });
  return problems;
}

function checkTraits(traits: Trait[], file: string): string[] {
  return checkIdSet(
    traits.map((t) => t.id),
    TRAIT_IDS,
    file,
    'trait',
  );
}

function checkIdSet(ids: readonly string[], expected: readonly string[], file: string, noun: string): string[] {
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  ids.forEach((id, index) => {
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else problems.push(`${file}: ${noun} "${id}" (index ${index}): duplicate of the entry at index ${first}`);
  });
  for (const id of expected) {
    if (!firstIndex.has(id))
      problems.push(`${file}: ${noun} "${id}": missing (every known ${noun} id must appear once)`);
  }
  return problems;
}

function describeIssues(issues: z.core.$ZodIssue[], input: unknown, listKey: ListKey, file: string): string[] {
  return issues.map((issue) => {
    const path = issue.path;
    if (path.length < 2 || path[0] !== listKey || typeof path[1] !== 'number') {
      return `${file}: ${pathText(path) || 'top level'}: ${problemText(issue, input)}`;
    }
    const index = path[1];
    const entry = valueAt(input, [listKey, index]);
    const id = isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined;
    const noun = ENTRY_NOUN[listKey];
    const label = id === undefined ? `${noun} at index ${index}` : `${noun} "${id}" (index ${index})`;
    const field = pathText(path.slice(2));
    return `${file}: ${label}: ${field ? `${field}: ` : ''}${problemText(issue, input)}`;
  });
}

function problemText(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code !== 'unrecognized_keys' && issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    const last = issue.path[issue.path.length - 1];
    const inRatings = issue.path.length >= 2 && issue.path[issue.path.length - 2] === 'ratings';
    if (inRatings) return `missing rating for trait "${String(last)}"`;
    return `missing field "${String(last)}" (${issue.message})`;
  }
  if (issue.code === 'unrecognized_keys') {
    const inRatings = issue.path[issue.path.length - 1] === 'ratings';
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return inRatings ? `rating for unknown trait ${keys}` : `unknown field ${keys}`;
  }
  if (issue.code === 'invalid_value' && issue.path[issue.path.length - 1] === 'id') {
    return `unknown id ${JSON.stringify(valueAt(input, issue.path))} (${issue.message})`;
  }
  return issue.message;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
