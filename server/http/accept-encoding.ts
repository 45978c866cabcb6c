/**
 * How much a request's `Accept-Encoding` wants a content coding (RFC 9110 §12.5.3): its weight,
 * 0 when refused. A coding listed by name has its own weight; one not listed has the weight of `*`
 * if `*` is listed, else 0. `gzip;q=0` therefore refuses gzip, which a substring test would not.
 * Names are case-insensitive and `x-gzip` is gzip (§8.4.1.3); a malformed weight counts as 1, as
 * browsers never send one.
 */
export type Coding = 'br' | 'gzip';

const ALIASES: Readonly<Record<string, string>> = { 'x-gzip': 'gzip' };
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

export function encodingWeight(header: string | string[] | undefined, coding: Coding): number {
  if (header === undefined) return 0;
  const text = Array.isArray(header) ? header.join(',') : header;
  let wildcard = 0;
  for (const part of text.split(',')) {
    const [rawName, ...params] = part.split(';');
    const lower = rawName?.trim().toLowerCase() ?? '';
    const name = ALIASES[lower] ?? lower;
    if (name === coding) return weightOf(params);
    if (name === '*') wildcard = weightOf(params);
  }
  return wildcard;
}

/** Does the request allow this coding at all? */
export const acceptsEncoding = (header: string | string[] | undefined, coding: Coding): boolean => encodingWeight(header, coding) > 0;

function weightOf(params: readonly string[]): number {
  for (const param of params) {
    const [key, value] = param.split('=').map((s) => s.trim());
    if (key?.toLowerCase() !== 'q') continue;
    return value !== undefined && QVALUE.test(value) ? Number(value) : 1;
  }
  return 1;
}
