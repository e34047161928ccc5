import { useSyncExternalStore } from 'react';

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** A `?name=value` after the page id in the hash (`#/catalog?key=dang-ky-khai-sinh`). */
export function useHashParam(name: string): string | null {
  return useSyncExternalStore(subscribe, () => {
    const query = window.location.hash.split('?')[1] ?? '';
    return new URLSearchParams(query).get(name);
  });
}
