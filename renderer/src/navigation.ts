import { useSyncExternalStore } from 'react';

function currentPage(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[?&]/)[0] ?? '';
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** In-app navigation by hash: never a page load, so Electron's navigation guard stays absolute. */
export function navigate(page: string): void {
  window.location.hash = `/${page}`;
}

/** The page id in the URL (may be unknown or empty; the shell falls back to the default page). */
export function usePageId(): string {
  return useSyncExternalStore(subscribe, currentPage);
}

/** A `?name=value` after the page id in the hash (`#/catalog?key=dang-ky-khai-sinh`). */
export function useHashParam(name: string): string | null {
  return useSyncExternalStore(subscribe, () => {
    const query = window.location.hash.split('?')[1] ?? '';
    return new URLSearchParams(query).get(name);
  });
}
