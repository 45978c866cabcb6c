import { useState, type ReactNode } from 'react';
import { districtMessages } from '../messages.ts';

/** Rows per page in the district's report tables: a busy cooperative has thousands of rows. */
export const PAGE_SIZE = 200;

/** The rows of the current page and the pager to move between pages (none for a single page). */
export function usePaged<T>(all: readonly T[]): { readonly rows: readonly T[]; readonly pager: ReactNode } {
  const v = districtMessages.useMessages().views;
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = all.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const pager =
    pages > 1 ? (
      <nav className="actions district-pager" aria-label={v.pages}>
        <button type="button" className="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
          {v.previous}
        </button>
        <span className="district-pager__of">{v.pageOf(current + 1, pages)}</span>
        <button type="button" className="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
          {v.next}
        </button>
      </nav>
    ) : null;
  return { rows, pager };
}
