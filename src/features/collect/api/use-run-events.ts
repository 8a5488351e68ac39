import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isFinalError, parseReply } from '#src/lib/api-client';
import { datasetsQueryOptions } from '#src/lib/api/get-datasets';
import { RUN_EVENT_TYPES, runEventSchema, type Run, type RunEvent } from '#src/core/runs';
import { applyRunEvent, isFinal } from '../utils/run-state';
import { getRun } from './get-run';
import { collectKeys } from './keys';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** Waits between attempts after the stream dropped; the last one repeats. */
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000];

/** Keeps the run list in step with a run's state and makes a new dataset visible to the pickers at once. */
function syncCaches(queryClient: QueryClient, before: Run | null, run: Run) {
  const list = queryClient.getQueryData<Run[]>(collectKeys.runList());
  if (list?.some((r) => r.id === run.id)) {
    queryClient.setQueryData<Run[]>(collectKeys.runList(), (runs) => runs?.map((r) => (r.id === run.id ? run : r)));
  } else {
    void queryClient.invalidateQueries({ queryKey: collectKeys.runList() });
  }
  const finished = isFinal(run.state) && (before === null || !isFinal(before.state));
  if (finished) {
    void queryClient.invalidateQueries({ queryKey: collectKeys.runList() });
    // A VM run may have built the harness or learnt whether KVM works.
    void queryClient.invalidateQueries({ queryKey: collectKeys.health() });
  }
  if (finished && run.state === 'succeeded') {
    void queryClient.invalidateQueries({ queryKey: datasetsQueryOptions().queryKey });
  }
}

/**
 * Follows one run through GET /api/runs/:id/events. Each connection starts with the run's full state, so a
 * dropped stream is recovered by reading the run once (it may have finished meanwhile) and connecting
 * again with backoff; without EventSource this degrades to polling. The stream stops at a final state.
 */
export function useRunEvents(id: string) {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<Run | null>(null);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    let current: Run | null = null;

    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      source = null;
    };

    const apply = (event: RunEvent) => {
      const before = current;
      current = applyRunEvent(current, event);
      setRun(current);
      if (event.type !== 'state') return;
      syncCaches(queryClient, before, event.run);
      setError(null);
      if (isFinal(event.run.state)) {
        stop();
        setStatus('closed');
      }
    };

    const recover = async () => {
      try {
        const fresh = await getRun(id);
        if (stopped) return;
        apply({ type: 'state', run: fresh });
        if (stopped) return;
      } catch (e) {
        if (stopped) return;
        if (isFinalError(e)) {
          setError(e);
          stop();
          setStatus('closed');
          return;
        }
        setError(e as Error);
      }
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
      attempt++;
      timer = setTimeout(connect, delay);
    };

    const connect = () => {
      if (stopped) return;
      if (typeof EventSource === 'undefined') {
        void recover();
        return;
      }
      const es = new EventSource(`/api/runs/${encodeURIComponent(id)}/events`);
      source = es;
      es.addEventListener('open', () => {
        attempt = 0;
        setStatus('live');
      });
      for (const type of RUN_EVENT_TYPES) {
        es.addEventListener(type, (e) => {
          const data = (e as MessageEvent<string>).data;
          let body: unknown = data; // not JSON: parseReply refuses it as a string where an event belongs
          try {
            body = JSON.parse(data);
          } catch {
            /* refused below */
          }
          let event: RunEvent;
          try {
            event = parseReply(runEventSchema, body, `the events of run ${id}`);
          } catch (err) {
            // An event this app cannot read would leave the run shown wrong: stop following and say why.
            if (source !== es || stopped) return;
            stop();
            setError(err as Error);
            setStatus('closed');
            return;
          }
          apply(event);
        });
      }
      es.addEventListener('error', () => {
        es.close();
        if (source !== es || stopped) return;
        source = null;
        setStatus('reconnecting');
        void recover();
      });
    };

    connect();
    return stop;
  }, [id, queryClient]);

  return { run, status, error };
}
