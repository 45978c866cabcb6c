/**
 * SQLite schema, version by version. Never edit a shipped migration: add the next one.
 * Entries keep the JSON exactly as received (`body`); the indexed columns are copies for lookup.
 */
import type { Migration } from '../migration.ts';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'core tables',
    statements: [
      `CREATE TABLE admins (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE admin_sessions (
        token_hash TEXT PRIMARY KEY,
        admin_id TEXT NOT NULL REFERENCES admins(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE cooperatives (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        village TEXT NOT NULL,
        district TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seq INTEGER NOT NULL DEFAULT 0,
        last_sync_at TEXT
      ) STRICT`,
      `CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id),
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        counter INTEGER NOT NULL DEFAULT 0,
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT,
        last_seen_at TEXT
      ) STRICT`,
      `CREATE INDEX devices_by_cooperative ON devices(cooperative_id)`,
      `CREATE TABLE enrollment_codes (
        code_hash TEXT PRIMARY KEY,
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        device_id TEXT
      ) STRICT`,
      `CREATE TABLE entries (
        cooperative_id TEXT NOT NULL REFERENCES cooperatives(id),
        id TEXT NOT NULL,
        device_id TEXT NOT NULL REFERENCES devices(id),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('accepted', 'accepted_flagged', 'rejected')),
        reason TEXT,
        server_seq INTEGER,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (cooperative_id, id),
        UNIQUE (device_id, seq),
        UNIQUE (cooperative_id, server_seq),
        CHECK ((status = 'rejected') = (server_seq IS NULL))
      ) STRICT`,
    ],
  },
  {
    version: 2,
    name: 'review indexes',
    statements: [
      // The district overview counts flagged and rejected entries per cooperative on every load.
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
