/** Loads data for a page: loading, then the data or the error; a newer load cancels an older one. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';

export type Resource<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: ApiError };

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResource({ state: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ state: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({ state: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error)) });
      },
    );
    return () => controller.abort();
  }, deps);
  return resource;
}

/**
 * As useResource, with reload(): loads again while the page keeps showing the data it has (no
 * loading state in between, so focus and scroll stay where the reader is). Resolves when loaded.
 */
export function useReloadableResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): [Resource<T>, () => Promise<void>] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const latest = useRef<AbortController | null>(null);
  const run = useCallback(
    (initial: boolean) => {
      latest.current?.abort();
      const controller = new AbortController();
      latest.current = controller;
      if (initial) setResource({ state: 'loading' });
      return load(controller.signal).then(
        (data) => {
          if (!controller.signal.aborted) setResource({ state: 'ready', data });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setResource({ state: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error)) });
        },
      );
    },
    deps,
  );
  useEffect(() => {
    void run(true);
    return () => latest.current?.abort();
  }, [run]);
  const reload = useCallback(() => run(false), [run]);
  return [resource, reload];
}
