// What every step of the advice needs to know about one set of answers, computed once per advise() call.
import type { Answers } from '../answers';
import { versionParts } from '../answers-codec';
import type { Catalogue, Limits, Method } from '../catalogue-schema';
import type { Dataset } from '../dataset-schema';
import { TRAIT_IDS, type TraitId } from '../ids';
import { frameworkFit, type FrameworkFit } from './framework';
import type { PointsTable } from './score';
import { traitWeights, type TraitWeights, type TraitWhy } from './weights';

/**
 * What a dataset's times can say. 'native': a real CPU (local, vm-kvm): absolute figures may eliminate.
 * 'emulated': QEMU TCG, 3–200× slower than hardware and differently for each kind of work: only
 * comparisons between methods of the same dataset. 'instructions': guest instruction counts (icount):
 * exact for comparisons, no time at all.
 */
export type DatasetKind = 'native' | 'emulated' | 'instructions';

export function datasetKind(d: { host: { target: string } }): DatasetKind {
  const target = d.host.target;
  if (target === 'vm-tcg') return 'emulated';
  if (target === 'vm-icount') return 'instructions';
  return 'native';
}

/** The unmissable warning shown beside every emulated or instruction-counted number; null on a real CPU. */
export const KIND_WARNING: Record<DatasetKind, string | null> = {
  native: null,
  emulated: "Emulated CPU: times are not your hardware's",
  instructions: 'Guest instructions, not time',
};

export interface Context {
  a: Answers;
  catalogue: Catalogue;
  weights: TraitWeights;
  why: TraitWhy;
  traitLabel: Map<TraitId, string>;
  benefitTraits: TraitId[];
  costTraits: TraitId[];
  benefitTotal: number;
  /** Each trait's mean rating over the whole catalogue: the zero point of the trait fit. */
  meanRating: Map<TraitId, number>;
  /** How many methods of the catalogue have each rating 0–5, per trait. */
  ratingCounts: Map<TraitId, number[]>;
  dataset: Dataset | null;
  kind: DatasetKind | null;
  /** The kernel framework of the device class and the methods it uses for this style (framework.ts). */
  framework: FrameworkFit | null;
  /** a.kernel split by versionParts(). */
  kernel: readonly number[];
  /** The points each rating earns per weighted trait: score.ts fills it when it first scores a method. */
  points?: PointsTable;
}

export function makeContext(a: Answers, catalogue: Catalogue, dataset: Dataset | null): Context {
  const { weights, why } = traitWeights(a);
  const facts = catalogueFacts(catalogue);
  const benefitTraits = facts.benefit.filter((t) => weights[t] > 0);
  return {
    a,
    catalogue,
    weights,
    why,
    traitLabel: facts.labels,
    benefitTraits,
    costTraits: facts.cost.filter((t) => weights[t] > 0),
    benefitTotal: benefitTraits.reduce((s, t) => s + weights[t], 0),
    meanRating: facts.mean,
    ratingCounts: facts.counts,
    dataset,
    kind: dataset ? datasetKind(dataset) : null,
    framework: frameworkFit(a, catalogue),
    kernel: versionParts(a.kernel),
    points: undefined,
  };
}

interface CatalogueFacts {
  labels: Map<TraitId, string>;
  benefit: TraitId[];
  cost: TraitId[];
  mean: Map<TraitId, number>;
  counts: Map<TraitId, number[]>;
}

// A catalogue is immutable once loaded: what the scoring derives from it is derived once.
const factsCache = new WeakMap<Catalogue, CatalogueFacts>();

function catalogueFacts(catalogue: Catalogue): CatalogueFacts {
  let f = factsCache.get(catalogue);
  if (f) return f;
  const polarity = new Map(catalogue.traits.map((t) => [t.id, t.polarity]));
  const isCost = (t: TraitId) => (polarity.get(t) ?? 'benefit') === 'cost';
  const mean = new Map<TraitId, number>();
  const counts = new Map<TraitId, number[]>();
  for (const t of TRAIT_IDS) {
    const sum = catalogue.methods.reduce((s, x) => s + (x.ratings[t]?.rating ?? 0), 0);
    mean.set(t, catalogue.methods.length > 0 ? sum / catalogue.methods.length : 0);
    const c = [0, 0, 0, 0, 0, 0];
    for (const x of catalogue.methods) c[x.ratings[t]?.rating ?? 0]!++;
    counts.set(t, c);
  }
  f = {
    labels: new Map(catalogue.traits.map((t) => [t.id, t.label])),
    benefit: TRAIT_IDS.filter((t) => !isCost(t)),
    cost: TRAIT_IDS.filter((t) => isCost(t)),
    mean,
    counts,
  };
  factsCache.set(catalogue, f);
  return f;
}

/**
 * What eliminate() and score() read of a method in every context, derived once per method (~40 contexts per
 * advise() read each method): one lookup per call instead of one per fact.
 */
export interface MethodFacts {
  /**
   * The method's limits with every optional field present (undefined when absent). The catalogue's methods
   * come with a dozen shapes of limits, which makes every read of a limit a generic lookup that V8 cannot
   * specialise; one shape keeps those reads fast. The same values. Every key is required here, so a limit
   * added to the schema must be listed below too.
   */
  limits: { [K in keyof Required<Limits>]: Limits[K] };
  /** The ratings by index in TRAIT_IDS (0 when unrated). */
  ratings: number[];
  /** minKernel split by versionParts(). */
  minKernel: readonly number[];
}

const methodFactsCache = new WeakMap<Method, MethodFacts>();

export function methodFacts(m: Method): MethodFacts {
  let f = methodFactsCache.get(m);
  if (!f) {
    f = {
      limits: {
        onDemandPayloadBytes: undefined,
        startsProgram: undefined,
        producerCanWait: undefined,
        kernelDataOverload: undefined,
        extensible: undefined,
        carries: undefined,
        loadTime: undefined,
        kernelAsks: undefined,
        purpose: undefined,
        plane: undefined,
        kernelReceives: undefined,
        ...m.limits,
      },
      ratings: TRAIT_IDS.map((t) => m.ratings[t]?.rating ?? 0),
      minKernel: versionParts(m.minKernel),
    };
    methodFactsCache.set(m, f);
  }
  return f;
}
