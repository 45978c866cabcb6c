/** The district pages' own paths, below the app's `/dinas` prefix route. */
export type DistrictRoute =
  | { readonly page: 'cooperatives' }
  | { readonly page: 'cooperative'; readonly id: string }
  | { readonly page: 'unknown' };

export const cooperativePath = (id: string): string => `/dinas/koperasi/${encodeURIComponent(id)}`;

export function districtRoute(pathname: string): DistrictRoute {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/dinas') return { page: 'cooperatives' };
  const match = /^\/dinas\/koperasi\/([^/]+)$/.exec(path);
  if (match?.[1] !== undefined) {
    try {
      return { page: 'cooperative', id: decodeURIComponent(match[1]) };
    } catch {
      return { page: 'unknown' };
    }
  }
  return { page: 'unknown' };
}
