import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ApiError } from '../../../electron/api/errors';
import type { AppEvent } from '../../../electron/api/events';
import type { ApiResult } from '../../../electron/api/result';
import { motcua } from './motcua';

/** A failed call, thrown so react-query can hold it; the UI reads its code and message. */
export class CallError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

export async function unwrap<T>(promise: Promise<ApiResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

export function useApiQuery<T>(
  key: readonly unknown[],
  fetcher: () => Promise<ApiResult<T>>,
  options: Omit<UseQueryOptions<T, CallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<T, CallError>({ queryKey: key, queryFn: () => unwrap(fetcher()), ...options });
}

export function useApiMutation<I, T>(
  call: (input: I) => Promise<ApiResult<T>>,
  onSuccess?: (value: T) => void,
) {
  return useMutation<T, CallError, I>({
    mutationFn: (input) => unwrap(call(input)),
    ...(onSuccess ? { onSuccess } : {}),
  });
}

/** Keeps cached data true when services change it (another window, a scanner, the sync). */
export function useServiceEvents(
  map: Partial<Record<AppEvent['type'], readonly (readonly unknown[])[]>>,
): void {
  const client = useQueryClient();
  useEffect(
    () =>
      motcua().onEvent((event) => {
        for (const key of map[event.type] ?? []) void client.invalidateQueries({ queryKey: key });
      }),
    [client, map],
  );
}
