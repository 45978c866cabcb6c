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

/**
 * The path of the value being written, kept as a stack and only joined into text when an error is
 * thrown: building a path string for every member would cost more than the serialisation.
 */
type PathStack = (string | number)[];

function fail(path: PathStack, problem: string): never {
  const where = path.map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${p}`)).join('');
  throw new CanonicalJsonError(`${problem} at $${where}`);
}

function write(value: unknown, path: PathStack): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) fail(path, `not a safe integer (${String(value)})`);
      // `-0` prints as "0", as JCS requires.
      return value === 0 ? '0' : String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return writeArray(value as readonly unknown[], path);
      if (!isPlainObject(value)) fail(path, 'not a plain object');
      return writeObject(value, path);
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      return fail(path, `${typeof value} cannot be canonical JSON`);
  }
}

function writeArray(value: readonly unknown[], path: PathStack): string {
  let out = '[';
  // A plain for loop also visits holes, which must fail like `undefined`.
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ',';
    path.push(i);
    out += write(value[i], path);
    path.pop();
  }
  return out + ']';
}

function writeObject(value: Record<string, unknown>, path: PathStack): string {
  // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 specifies.
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = value[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    path.push(key);
    out += JSON.stringify(key) + ':' + write(member, path);
    path.pop();
  }
  return out + '}';
}

export function canonicalJson(value: unknown): string {
  return write(value, []);
}
