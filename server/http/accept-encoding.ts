/**
 * Does a request's `Accept-Encoding` allow a content coding (RFC 9110 §12.5.3)? A coding is allowed
 * when it is listed with a non-zero weight, or when `*` is, with a non-zero weight, and the coding
 * itself is not listed. `gzip;q=0` therefore refuses gzip, which a plain substring test would not.
 * Names are case-insensitive; a malformed weight counts as 1, as browsers never send one.
 */
export function acceptsEncoding(header: string | string[] | undefined, coding: 'br' | 'gzip'): boolean {
  if (header === undefined) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  let wildcard: boolean | undefined;
  for (const part of text.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName?.trim().toLowerCase() ?? '';
    if (name === '') continue;
    const weight = weightOf(params);
    if (name === coding) return weight > 0;
    if (name === '*') wildcard = weight > 0;
  }
  return wildcard === true;
}

function weightOf(params: readonly string[]): number {
  for (const param of params) {
    const [key, value] = param.split('=').map((s) => s.trim());
    if (key?.toLowerCase() !== 'q' || value === undefined) continue;
    const weight = Number(value);
    return Number.isFinite(weight) ? weight : 1;
  }
  return 1;
}
