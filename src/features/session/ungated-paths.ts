/** Paths the gate never covers: the district office's pages and "Tentang" (no cooperative data). */
const UNGATED = ['/tentang', '/dinas'] as const;

export function isUngatedPath(pathname: string): boolean {
  return UNGATED.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}
