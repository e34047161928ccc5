import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { motcua } from '../../api/motcua';
import { useApiQuery } from '../../api/use-api';

export const draftKey = (draftId: string | null) => ['digitization.getDraft', draftId] as const;

/** A draft kept fresh by the digitization.page / digitization.scanState events of its own scan. */
export function useDraft(draftId: string | null) {
  const client = useQueryClient();
  useEffect(() => {
    if (!draftId) return undefined;
    return motcua().onEvent((event) => {
      if (
        (event.type === 'digitization.page' || event.type === 'digitization.scanState') &&
        event.draftId === draftId
      ) {
        void client.invalidateQueries({ queryKey: draftKey(draftId) });
      }
    });
  }, [client, draftId]);
  return useApiQuery(
    draftKey(draftId),
    () => motcua().digitization.getDraft({ draftId: draftId! }),
    {
      enabled: draftId !== null,
      // Events can be missed while a new event stream connects (a jam can end a scan within
      // milliseconds): while scanning, also look once a second so the dialog never waits forever.
      refetchInterval: (query) => (query.state.data?.state === 'scanning' ? 1000 : false),
    },
  );
}

/** The base64 answer of `digitization.pageImage` as a data: URL (CSP img-src allows data:). */
export function usePageImage(
  draftId: string,
  seq: number,
  size: 'thumb' | 'preview',
  enabled = true,
) {
  return useApiQuery(
    ['digitization.pageImage', draftId, seq, size],
    () => motcua().digitization.pageImage({ draftId, seq, size }),
    { enabled, staleTime: Infinity },
  );
}
