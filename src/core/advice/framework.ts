// The kernel framework of the device class (framework=<id>): a maintainer's first review comment on a
// driver that invents its own channel is "use the subsystem". With a framework, the method it exposes for
// this kind of exchange gains most, the methods it also uses gain less, and a channel of the driver's own
// beside it loses points; each contribution names the framework and the kernel's source.
import { frameworkApplies, STYLE_WORDS } from '../answer-words';
import type { Answers } from '../answers';
import { frameworkServes, type Catalogue, type Framework, type FrameworkUse, type Method } from '../catalogue-schema';
import type { MethodId } from '../ids';

/** The three weights of the framework rule, in score points. */
export const FRAMEWORK_POINTS = {
  /** The method the framework exposes for this style: registering gives it for free, as user space expects. */
  primary: 20,
  /** A method the framework also uses for this style (evdev's ioctls beside its reads). */
  also: 8,
  /** A channel of the driver's own beside the framework: a second ABI for one device, refused in review. */
  beside: 12,
} as const;

/** What the framework means for one set of answers: null when none applies. */
export interface FrameworkFit {
  framework: Framework;
  primary: FrameworkUse | null;
  also: ReadonlyMap<MethodId, FrameworkUse>;
}

const byCatalogue = new WeakMap<Catalogue, Map<string, Framework>>();

function frameworkById(catalogue: Catalogue, id: string): Framework | undefined {
  let map = byCatalogue.get(catalogue);
  if (!map) byCatalogue.set(catalogue, (map = new Map((catalogue.frameworks ?? []).map((f) => [f.id, f]))));
  return map.get(id);
}

// A fit depends only on the framework and the style: worked out once per pair (the what-would-change search
// asks for it in every context).
const fits = new WeakMap<Framework, Map<Answers['style'], FrameworkFit>>();

export function frameworkFit(a: Answers, catalogue: Catalogue): FrameworkFit | null {
  if (a.framework === null || a.framework === 'none' || !frameworkApplies(a)) return null;
  const framework = frameworkById(catalogue, a.framework);
  if (!framework) return null;
  let byStyle = fits.get(framework);
  if (!byStyle) fits.set(framework, (byStyle = new Map()));
  let fit = byStyle.get(a.style);
  if (!fit) {
    const uses = framework.uses.filter((u) => frameworkServes(u, a.style));
    fit = {
      framework,
      primary: uses.find((u) => u.role === 'primary') ?? null,
      also: new Map(uses.filter((u) => u.role === 'also').map((u) => [u.method, u])),
    };
    byStyle.set(a.style, fit);
  }
  return fit;
}

const sentence = (s: string) => s.replace(/\.?$/, '.');

/**
 * The framework's contribution to one method's score, or null when it moves nothing. Debug interfaces
 * (debugfs, tracepoints) are not a second product ABI when the answers say the data is for debugging.
 */
export function frameworkRule(
  m: Method,
  fit: FrameworkFit,
  a: Answers,
): { kind: 'framework-primary' | 'framework-also' | 'framework-beside'; points: number; text: () => string } | null {
  const { framework: f, primary } = fit;
  if (primary?.method === m.id)
    return {
      kind: 'framework-primary',
      points: FRAMEWORK_POINTS.primary,
      text: () => `What ${f.name} exposes for ${STYLE_WORDS[a.style]}: ${primary.what} (${primary.source}).`,
    };
  const also = fit.also.get(m.id);
  if (also)
    return {
      kind: 'framework-also',
      points: FRAMEWORK_POINTS.also,
      text: () => `${capitalise(f.name)} also uses it: ${also.what} (${also.source}).`,
    };
  if (!a.stable && m.abi === 'debug-only') return null;
  return {
    kind: 'framework-beside',
    points: -FRAMEWORK_POINTS.beside,
    text: () =>
      `A channel of the driver's own beside ${f.name}, whose interface user space already uses for this device (${f.givesUserSpace.source}): a second one is new ABI to keep (Documentation/ABI/README).`,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The verdict's plain advice: register with the framework and what user space gets, then where the top
 * pick stands in it. null when no framework applies.
 */
export function frameworkAdvice(fit: FrameworkFit | null, top: Method | null): string | null {
  if (!fit) return null;
  const f = fit.framework;
  const head = `Register with ${f.name} (${f.register.value}; ${f.register.source}); it gives user space ${f.givesUserSpace.value} (${f.givesUserSpace.source}).`;
  if (!top) return head;
  if (fit.primary?.method === top.id)
    return `${head} ${top.name} is what it exposes here, so the driver adds no interface of its own.`;
  const also = fit.also.get(top.id);
  if (also) return `${head} ${top.name} is part of it: ${sentence(also.what)}`;
  return `${head} ${top.name} would be a channel of the driver's own beside it: keep that for what the framework does not carry.`;
}
