/** The text for a code that arrived as a plain string (from the server), if this table knows it. */
export function lookup<K extends string>(table: Readonly<Record<K, string>>, key: string): string | undefined {
  // Own keys only: a code such as "constructor" must not find Object.prototype's.
  return Object.hasOwn(table, key) ? table[key as K] : undefined;
}
