/**
 * Canonical JSON, RFC 8785 (JCS) restricted to our data (CONTRACT §1): object keys sorted by UTF-16
 * code units at every level, no whitespace, strings escaped exactly as JSON.stringify does, numbers
 * only as safe integers. The hash and signature of an entry cover these bytes, so two runtimes must
 * produce them identically from the same value.
 *
 * Anything JSON cannot carry unambiguously throws instead of being coerced: a float (our money is
 * integer; a float would also need JCS's shortest-round-trip printing), NaN, Infinity, BigInt,
 * functions, symbols, `undefined` as a value or array element, and objects that are not plain
 * (Date, Map, class instances — their JSON form depends on toJSON). Object keys whose value is
 * `undefined` are omitted, as JSON.stringify does, so an absent optional field and an explicit
 * `undefined` hash the same.
 */

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, path: string, out: string[]): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(`not a safe integer at ${path}: ${String(value)}`);
      // `-0` prints as "0", as JCS requires.
      out.push(value === 0 ? '0' : String(value));
      return;
    case 'object':
      if (value === null) {
        out.push('null');
        return;
      }
      if (Array.isArray(value)) {
        out.push('[');
        // A plain for loop also visits holes, which must fail like `undefined`.
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out.push(',');
          write((value as readonly unknown[])[i], `${path}[${String(i)}]`, out);
        }
        out.push(']');
        return;
      }
      if (!isPlainObject(value)) throw new CanonicalJsonError(`not a plain object at ${path}`);
      writeObject(value, path, out);
      return;
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new CanonicalJsonError(`${typeof value} cannot be canonical JSON at ${path}`);
  }
}

function writeObject(value: Record<string, unknown>, path: string, out: string[]): void {
  // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 specifies.
  const keys = Object.keys(value).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    const member = value[key];
    if (member === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(member, `${path}.${key}`, out);
  }
  out.push('}');
}

export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, '$', out);
  return out.join('');
}
