/**
 * PostgreSQL schema, version by version. Never edit a shipped migration: add the next one.
 *
 * Version 2 turns on row-level security for every per-cooperative table. The policy reads
 * `current_setting('lumbung.cooperative_id', true)`, which the store sets per transaction with
 * `set_config(…, true)` (= SET LOCAL): a cooperative's id sees that cooperative only; '*' is the
 * explicit all-cooperatives scope of district admin pages and authentication lookups; no setting
 * sees nothing. FORCE makes the table owner obey it too, so the policy holds for the role the
 * server logs in as, unless that role is a superuser or has BYPASSRLS (main.ts warns about that).
 */
import type { Migration } from '../migration.ts';

const TENANT_TABLES: readonly { table: string; column: string }[] = [
  { table: 'cooperatives', column: 'id' },
  { table: 'devices', column: 'cooperative_id' },
  { table: 'enrollment_codes', column: 'cooperative_id' },
  { table: 'entries', column: 'cooperative_id' },
];

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'core tables',
    statements: [
      `CREATE TABLE admins (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE admin_sessions (
        token_hash TEXT PRIMARY KEY,
        admin_id TEXT NOT NULL REFERENCES admins(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      )`,
      `CREATE TABLE cooperatives (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        village TEXT NOT NULL,
        district TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seq BIGINT NOT NULL DEFAULT 0,
        last_sync_at TEXT
      )`,
      `CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id),
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        counter BIGINT NOT NULL DEFAULT 0,
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT,
        last_seen_at TEXT
      )`,
      `CREATE INDEX devices_by_cooperative ON devices(cooperative_id)`,
      `CREATE TABLE enrollment_codes (
        code_hash TEXT PRIMARY KEY,
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        device_id TEXT
      )`,
      `CREATE TABLE entries (
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id),
        id TEXT NOT NULL,
        device_id TEXT NOT NULL REFERENCES devices(id),
        seq BIGINT NOT NULL,
        hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('accepted', 'accepted_flagged', 'rejected')),
        reason TEXT,
        server_seq BIGINT,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (cooperative_id, id),
        UNIQUE (device_id, seq),
        UNIQUE (cooperative_id, server_seq),
        CHECK ((status = 'rejected') = (server_seq IS NULL))
      )`,
    ],
  },
  {
    version: 2,
    name: 'row-level security per cooperative and review indexes',
    statements: [
      `CREATE FUNCTION lumbung_scope_allows(cooperative TEXT) RETURNS BOOLEAN
        LANGUAGE sql STABLE AS
        $$ SELECT coalesce(current_setting('lumbung.cooperative_id', true), '') IN (cooperative, '*') $$`,
      ...TENANT_TABLES.flatMap(({ table, column }) => [
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
        `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
        `CREATE POLICY ${table}_by_cooperative ON ${table}
          USING (lumbung_scope_allows(${column})) WITH CHECK (lumbung_scope_allows(${column}))`,
      ]),
      `CREATE INDEX entries_by_status ON entries(cooperative_id, status)`,
      `CREATE INDEX admin_sessions_by_expiry ON admin_sessions(expires_at)`,
    ],
  },
  {
    version: 3,
    name: 'chain marks',
    statements: [
      // The cooperative's chain mark at each accepted entry (src/domain/ledger/cursor.ts), for pull
      // cursors that notice a server restored from an older backup. Rows stored before it are
      // marked by the first push after the upgrade (server/entries/chain-marks.ts).
      `ALTER TABLE entries ADD COLUMN chain_mark TEXT`,
    ],
  },
];
