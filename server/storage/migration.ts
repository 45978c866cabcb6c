/** A versioned schema migration: applied once, in order, recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export interface MigrateOptions {
  /** Stop after this version (tests use it to build an older schema and then upgrade it). */
  targetVersion?: number;
}

export function pendingMigrations(all: readonly Migration[], applied: ReadonlySet<number>, options: MigrateOptions): Migration[] {
  const target = options.targetVersion ?? Number.POSITIVE_INFINITY;
  return [...all].sort((a, b) => a.version - b.version).filter((m) => m.version <= target && !applied.has(m.version));
}
