import { useMemo, useState } from 'react';
import type { Method } from '#src/core/catalogue-schema';
import type { MethodId } from '#src/core/ids';
import type { RunProfile, RunRequest, RunTarget } from '#src/core/runs';

/** Methods the harness can measure: those with a kcomm reference module (the server refuses the rest). */
export const measurableMethods = (methods: Method[]) => methods.filter((m) => m.reference.path !== null);

/**
 * The body of POST /api/runs. All methods ticked sends no list, so the harness runs every backend it has
 * (the server's default); a subset is sent in catalogue order.
 */
export function buildRunRequest(
  target: RunTarget,
  profile: RunProfile,
  measurable: MethodId[],
  excluded: ReadonlySet<MethodId>,
): RunRequest {
  const methods = measurable.filter((m) => !excluded.has(m));
  return methods.length === measurable.length ? { target, profile } : { target, profile, methods };
}

export function useRunForm(methods: Method[]) {
  const [target, setTargetState] = useState<RunTarget>('vm');
  const [profile, setProfile] = useState<RunProfile>('quick');
  // What is unticked rather than what is ticked, so every method starts ticked once the list arrives.
  const [excluded, setExcluded] = useState<ReadonlySet<MethodId>>(new Set());
  const measurable = useMemo(() => measurableMethods(methods), [methods]);
  const ids = useMemo(() => measurable.map((m) => m.id), [measurable]);

  const setTarget = (t: RunTarget) => {
    setTargetState(t);
    // The server's local runs do not load modules into this machine's kernel: only stock works there.
    if (t === 'local') setProfile('stock');
  };
  const toggle = (id: MethodId, on: boolean) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  const setAll = (on: boolean) => setExcluded(on ? new Set() : new Set(ids));

  return {
    target,
    setTarget,
    profile,
    setProfile,
    measurable,
    isSelected: (id: MethodId) => !excluded.has(id),
    selectedCount: ids.filter((id) => !excluded.has(id)).length,
    toggle,
    setAll,
    request: buildRunRequest(target, profile, ids, excluded),
  };
}
