import { signal } from '@angular/core';
import type { PageEvent } from '@angular/material/paginator';
import { createLoader } from './loader';

/** What a list endpoint gets from the paged-list state: 1-based page, size and the search text. */
export interface PageParams {
  page: number;
  pageSize: number;
  search?: string;
}

/**
 * The state every paginated, searchable list page keeps: the loader's data/loading/problem plus
 * page index and size, a search box debounced by `debounceMs`, and the handlers the template
 * binds (`onSearch`, `onPage`, `first` after a filter change).
 */
export function createPagedList<T>(fetch: (params: PageParams) => Promise<T>, options: { pageSize?: number; debounceMs?: number } = {}) {
  const search = signal('');
  const pageIndex = signal(0);
  const pageSize = signal(options.pageSize ?? 25);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loader = createLoader(() => fetch({ page: pageIndex() + 1, pageSize: pageSize(), ...(search() ? { search: search() } : {}) }));
  const first = (): void => {
    pageIndex.set(0);
    void loader.reload();
  };
  return {
    ...loader,
    search,
    pageIndex,
    pageSize,
    /** Back to the first page and reload (after a filter changed). */
    first,
    onSearch(value: string): void {
      search.set(value);
      clearTimeout(timer);
      timer = setTimeout(first, options.debounceMs ?? 300);
    },
    onPage(event: PageEvent): void {
      pageIndex.set(event.pageIndex);
      pageSize.set(event.pageSize);
      void loader.reload();
    },
  };
}
