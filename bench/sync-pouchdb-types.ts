/**
 * The few PouchDB calls the sync benchmark makes, typed by hand (PouchDB ships no TypeScript types
 * and @types/pouchdb would be one more dependency for four methods). Loaded with `require` because
 * the packages are CommonJS.
 */
import { createRequire } from 'node:module';

export type PouchDoc = { readonly _id: string } & Readonly<Record<string, unknown>>;

export type ReplicationInfo = { readonly ok: boolean; readonly docs_written: number; readonly docs_read: number };

export interface PouchDatabase {
  bulkDocs(docs: readonly PouchDoc[]): Promise<unknown>;
  info(): Promise<{ doc_count: number }>;
  close(): Promise<void>;
  /** One-shot two-way sync, PouchDB's usual "sync now" (push and pull run side by side). */
  sync(remote: PouchDatabase, options?: { batch_size?: number }): Promise<{ push: ReplicationInfo; pull: ReplicationInfo }>;
}

export interface PouchStatic {
  new (name: string, options?: { skip_setup?: boolean }): PouchDatabase;
  plugin(plugin: unknown): PouchStatic;
  defaults(options: { prefix?: string }): PouchStatic;
}

let loaded: { PouchDB: PouchStatic; require: NodeJS.Require } | undefined;

/**
 * PouchDB core with the LevelDB (on disk), HTTP and replication plugins: pouchdb-node minus
 * map/reduce. Once per process: plugins patch the shared prototype and refuse a second install.
 */
export function loadPouchDB(): { PouchDB: PouchStatic; require: NodeJS.Require } {
  if (loaded !== undefined) return loaded;
  const require = createRequire(import.meta.url);
  const core = require('pouchdb-core') as PouchStatic;
  const PouchDB = core
    .plugin(require('pouchdb-adapter-leveldb'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'));
  loaded = { PouchDB, require };
  return loaded;
}
