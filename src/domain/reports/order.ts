/**
 * A deterministic "natural" order for member numbers (A-2 before A-10), written out rather than
 * left to Intl collation, whose output may differ between the phone's browser and the server.
 */
const CHUNK = /(\d+|\D+)/g;

export function compareNatural(a: string, b: string): number {
  const left = a.match(CHUNK) ?? [];
  const right = b.match(CHUNK) ?? [];
  const n = Math.min(left.length, right.length);
  for (let k = 0; k < n; k++) {
    const x = left[k] ?? '';
    const y = right[k] ?? '';
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric) {
      const byValue = x.replace(/^0+/, '').length - y.replace(/^0+/, '').length;
      if (byValue !== 0) return byValue;
      const a2 = x.replace(/^0+/, '');
      const b2 = y.replace(/^0+/, '');
      if (a2 !== b2) return a2 < b2 ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
