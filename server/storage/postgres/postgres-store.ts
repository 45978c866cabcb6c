/**
 * PostgreSQL store (`DATABASE_URL=postgres://…`): for a district that runs several stateless server
 * processes. Every operation is one transaction that first sets its tenancy scope with
 * `set_config('lumbung.cooperative_id', …, true)` (SET LOCAL), so the row-level security policies
 * of migration 2 decide what the query may see.
 */
import pg from 'pg';
import { pendingMigrations, type MigrateOptions } from '../migration.ts';
import type {
  AcceptedEntryRow,
  ChainMarkAt,
  AdminRecord,
  CooperativeRecord,
  CooperativeStats,
  CooperativeTx,
  DeviceRecord,
  EnrollmentCodeRecord,
  EnrollOutcome,
  EntryRef,
  EntryStatus,
  SessionRecord,
  Store,
  StoredEntryRow,
} from '../store.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';

type Row = Record<string, unknown>;
type Client = pg.Pool | pg.PoolClient | pg.Client;

/** The all-cooperatives scope: district admin pages and authentication lookups. */
export const ALL_COOPERATIVES = '*';

/** Column values are strings or numbers; anything else is a schema bug worth seeing as JSON. */
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value));
const str = (row: Row, key: string): string => text(row[key]);
// BIGINT arrives as a string; our values (counters, seqs) stay far below 2^53.
const num = (row: Row, key: string): number => Number(row[key]);
const strOrNull = (row: Row, key: string): string | null => (row[key] === null || row[key] === undefined ? null : text(row[key]));
const numOrNull = (row: Row, key: string): number | null => (row[key] === null || row[key] === undefined ? null : Number(row[key]));

function toCooperative(row: Row): CooperativeRecord {
  return {
    id: str(row, 'id'),
    name: str(row, 'name'),
    village: str(row, 'village'),
    district: str(row, 'district'),
    createdAt: str(row, 'created_at'),
    lastSeq: num(row, 'last_seq'),
    lastSyncAt: strOrNull(row, 'last_sync_at'),
  };
}

function toDevice(row: Row): DeviceRecord {
  return {
    id: str(row, 'id'),
    cooperativeId: str(row, 'cooperative_id'),
    name: str(row, 'name'),
    publicKey: str(row, 'public_key'),
    counter: num(row, 'counter'),
    enrolledAt: str(row, 'enrolled_at'),
    revokedAt: strOrNull(row, 'revoked_at'),
    lastSeenAt: strOrNull(row, 'last_seen_at'),
  };
}

function toEntryRef(row: Row): EntryRef {
  return {
    id: str(row, 'id'),
    deviceId: str(row, 'device_id'),
    seq: num(row, 'seq'),
    hash: str(row, 'hash'),
    status: str(row, 'status') as EntryStatus,
    reason: strOrNull(row, 'reason'),
    serverSeq: numOrNull(row, 'server_seq'),
  };
}

async function rows(client: Client, text: string, values: readonly unknown[] = []): Promise<Row[]> {
  const result = await client.query(text, values as unknown[]);
  return result.rows as Row[];
}

async function firstRow(client: Client, text: string, values: readonly unknown[] = []): Promise<Row | null> {
  return (await rows(client, text, values))[0] ?? null;
}

/** Applies pending migrations under a session advisory lock, so concurrent starts take turns. */
export async function migratePostgres(client: Client, options: MigrateOptions = {}): Promise<number[]> {
  await client.query("SELECT pg_advisory_lock(hashtext('lumbung.schema_migrations'))");
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = new Set((await rows(client, 'SELECT version FROM schema_migrations')).map((row) => num(row, 'version')));
    const done: number[] = [];
    for (const migration of pendingMigrations(POSTGRES_MIGRATIONS, applied, options)) {
      await client.query('BEGIN');
      try {
        for (const statement of migration.statements) await client.query(statement);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      done.push(migration.version);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('lumbung.schema_migrations'))");
  }
}

export interface PostgresStoreOptions extends MigrateOptions {
  url: string;
  maxConnections?: number;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /** Connects, migrates, and returns the store; throws the driver's error if the URL is wrong. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10, connectionTimeoutMillis: 10_000 });
    // An idle connection dropped by the database must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client, options);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  /** True when the login role skips row-level security (superuser or BYPASSRLS). */
  async bypassesRowSecurity(): Promise<boolean> {
    const row = await firstRow(this.pool, 'SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user');
    return row !== null && row.bypass === true;
  }

  private closing: Promise<void> | null = null;

  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  private async scoped<T>(scope: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('lumbung.cooperative_id', $1, true)", [scope]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async countAdmins(): Promise<number> {
    const row = await firstRow(this.pool, 'SELECT count(*) AS n FROM admins');
    return row === null ? 0 : num(row, 'n');
  }

  async createAdmin(admin: AdminRecord): Promise<void> {
    await this.pool.query('INSERT INTO admins (id, username, password_hash, created_at) VALUES ($1, $2, $3, $4)', [
      admin.id,
      admin.username,
      admin.passwordHash,
      admin.createdAt,
    ]);
  }

  async findAdminByUsername(username: string): Promise<AdminRecord | null> {
    const row = await firstRow(this.pool, 'SELECT * FROM admins WHERE username = $1', [username]);
    return row === null
      ? null
      : { id: str(row, 'id'), username: str(row, 'username'), passwordHash: str(row, 'password_hash'), createdAt: str(row, 'created_at') };
  }

  async createSession(session: Omit<SessionRecord, 'username'>): Promise<void> {
    await this.pool.query('INSERT INTO admin_sessions (token_hash, admin_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      session.tokenHash,
      session.adminId,
      session.createdAt,
      session.expiresAt,
    ]);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = await firstRow(
      this.pool,
      `SELECT s.token_hash, s.admin_id, s.created_at, s.expires_at, a.username
       FROM admin_sessions s JOIN admins a ON a.id = s.admin_id WHERE s.token_hash = $1`,
      [tokenHash],
    );
    return row === null
      ? null
      : {
          tokenHash: str(row, 'token_hash'),
          adminId: str(row, 'admin_id'),
          username: str(row, 'username'),
          createdAt: str(row, 'created_at'),
          expiresAt: str(row, 'expires_at'),
        };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM admin_sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.pool.query('DELETE FROM admin_sessions WHERE expires_at <= $1', [now]);
  }

  async createCooperative(c: Omit<CooperativeRecord, 'lastSeq' | 'lastSyncAt'>): Promise<CooperativeRecord> {
    await this.scoped(c.id, (client) =>
      client.query('INSERT INTO cooperatives (id, name, village, district, created_at) VALUES ($1, $2, $3, $4, $5)', [
        c.id,
        c.name,
        c.village,
        c.district,
        c.createdAt,
      ]),
    );
    return { ...c, lastSeq: 0, lastSyncAt: null };
  }

  listCooperatives(): Promise<CooperativeRecord[]> {
    return this.scoped(ALL_COOPERATIVES, async (client) =>
      (await rows(client, 'SELECT * FROM cooperatives ORDER BY name, id')).map(toCooperative),
    );
  }

  getCooperative(id: string): Promise<CooperativeRecord | null> {
    return this.scoped(id, async (client) => {
      const row = await firstRow(client, 'SELECT * FROM cooperatives WHERE id = $1', [id]);
      return row === null ? null : toCooperative(row);
    });
  }

  cooperativeStats(id: string): Promise<CooperativeStats> {
    return this.scoped(id, async (client) => {
      const devices = await firstRow(
        client,
        'SELECT count(*) AS n, count(*) FILTER (WHERE revoked_at IS NULL) AS active FROM devices WHERE cooperative_id = $1',
        [id],
      );
      const entries = await firstRow(
        client,
        `SELECT count(*) FILTER (WHERE status = 'accepted_flagged') AS flagged,
                count(*) FILTER (WHERE status = 'rejected') AS rejected
         FROM entries WHERE cooperative_id = $1`,
        [id],
      );
      return {
        devices: devices === null ? 0 : num(devices, 'n'),
        activeDevices: devices === null ? 0 : num(devices, 'active'),
        flaggedEntries: entries === null ? 0 : num(entries, 'flagged'),
        rejectedEntries: entries === null ? 0 : num(entries, 'rejected'),
      };
    });
  }

  async touchSync(cooperativeId: string, at: string): Promise<void> {
    await this.scoped(cooperativeId, (client) =>
      client.query('UPDATE cooperatives SET last_sync_at = $1 WHERE id = $2 AND (last_sync_at IS NULL OR last_sync_at < $1)', [
        at,
        cooperativeId,
      ]),
    );
  }

  async createEnrollmentCode(code: EnrollmentCodeRecord): Promise<void> {
    await this.scoped(code.cooperativeId, (client) =>
      client.query('INSERT INTO enrollment_codes (code_hash, cooperative_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
        code.codeHash,
        code.cooperativeId,
        code.createdAt,
        code.expiresAt,
      ]),
    );
  }

  enrollDevice(
    codeHash: string,
    now: string,
    device: Omit<DeviceRecord, 'cooperativeId' | 'counter' | 'revokedAt' | 'lastSeenAt'>,
  ): Promise<EnrollOutcome> {
    // The code names the cooperative, so the lookup runs in the all-cooperatives scope; the row
    // lock makes two phones racing with one code end with exactly one device.
    return this.scoped(ALL_COOPERATIVES, async (client): Promise<EnrollOutcome> => {
      const code = await firstRow(client, 'SELECT * FROM enrollment_codes WHERE code_hash = $1 FOR UPDATE', [codeHash]);
      if (code === null) return { status: 'unknown-code' };
      if (strOrNull(code, 'used_at') !== null) return { status: 'used-code' };
      if (str(code, 'expires_at') <= now) return { status: 'expired-code' };
      const cooperativeId = str(code, 'cooperative_id');
      await client.query('UPDATE enrollment_codes SET used_at = $1, device_id = $2 WHERE code_hash = $3', [now, device.id, codeHash]);
      await client.query('INSERT INTO devices (id, cooperative_id, name, public_key, enrolled_at) VALUES ($1, $2, $3, $4, $5)', [
        device.id,
        cooperativeId,
        device.name,
        device.publicKey,
        device.enrolledAt,
      ]);
      const cooperative = await firstRow(client, 'SELECT * FROM cooperatives WHERE id = $1', [cooperativeId]);
      if (cooperative === null) throw new Error('enrollment code without cooperative');
      return { status: 'enrolled', cooperative: toCooperative(cooperative) };
    });
  }

  getDevice(id: string): Promise<DeviceRecord | null> {
    return this.scoped(ALL_COOPERATIVES, async (client) => {
      const row = await firstRow(client, 'SELECT * FROM devices WHERE id = $1', [id]);
      return row === null ? null : toDevice(row);
    });
  }

  listDevices(cooperativeId: string): Promise<DeviceRecord[]> {
    return this.scoped(cooperativeId, async (client) =>
      (await rows(client, 'SELECT * FROM devices WHERE cooperative_id = $1 ORDER BY enrolled_at, id', [cooperativeId])).map(toDevice),
    );
  }

  revokeDevice(id: string, at: string): Promise<DeviceRecord | null> {
    return this.scoped(ALL_COOPERATIVES, async (client) => {
      const row = await firstRow(client, 'UPDATE devices SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2 RETURNING *', [at, id]);
      return row === null ? null : toDevice(row);
    });
  }

  advanceDeviceCounter(id: string, counter: number, at: string): Promise<boolean> {
    return this.scoped(ALL_COOPERATIVES, async (client) => {
      const result = await client.query('UPDATE devices SET counter = $1, last_seen_at = $2 WHERE id = $3 AND counter < $1', [
        counter,
        at,
        id,
      ]);
      return result.rowCount === 1;
    });
  }

  withCooperativeLock<T>(cooperativeId: string, work: (tx: CooperativeTx) => Promise<T>): Promise<T> {
    return this.scoped(cooperativeId, async (client) => {
      // The row lock serialises every writer of this cooperative across all server processes.
      const row = await firstRow(client, 'SELECT * FROM cooperatives WHERE id = $1 FOR UPDATE', [cooperativeId]);
      if (row === null) throw new Error(`cooperative ${cooperativeId} not found`);
      return work(new PostgresCooperativeTx(client, toCooperative(row)));
    });
  }

  acceptedAfter(cooperativeId: string, afterSeq: number, limit: number): Promise<AcceptedEntryRow[]> {
    return this.scoped(cooperativeId, (client) => selectAcceptedAfter(client, cooperativeId, afterSeq, limit));
  }

  chainMarkAt(cooperativeId: string, serverSeq: number): Promise<ChainMarkAt | null> {
    return this.scoped(cooperativeId, (client) => selectChainMarkAt(client, cooperativeId, serverSeq));
  }

  deviceHead(cooperativeId: string, deviceId: string): Promise<{ seq: number; hash: string } | null> {
    return this.scoped(cooperativeId, (client) => selectDeviceHead(client, cooperativeId, deviceId));
  }
}

async function selectChainMarkAt(client: Client, cooperativeId: string, serverSeq: number): Promise<ChainMarkAt | null> {
  const row = await firstRow(client, 'SELECT chain_mark FROM entries WHERE cooperative_id = $1 AND server_seq = $2', [cooperativeId, serverSeq]);
  return row === null ? null : { chainMark: optionalMark(row) };
}

function optionalMark(row: Row): string | null {
  const mark = row.chain_mark;
  return typeof mark === 'string' ? mark : null;
}

async function selectDeviceHead(client: Client, cooperativeId: string, deviceId: string): Promise<{ seq: number; hash: string } | null> {
  const row = await firstRow(
    client,
    'SELECT seq, hash FROM entries WHERE cooperative_id = $1 AND device_id = $2 ORDER BY seq DESC LIMIT 1',
    [cooperativeId, deviceId],
  );
  return row === null ? null : { seq: num(row, 'seq'), hash: str(row, 'hash') };
}

async function selectAcceptedAfter(client: Client, cooperativeId: string, afterSeq: number, limit: number): Promise<AcceptedEntryRow[]> {
  return (
    await rows(
      client,
      'SELECT server_seq, hash, chain_mark, body FROM entries WHERE cooperative_id = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3',
      [cooperativeId, afterSeq, limit],
    )
  ).map((row) => ({ serverSeq: num(row, 'server_seq'), hash: str(row, 'hash'), chainMark: optionalMark(row), body: str(row, 'body') }));
}

class PostgresCooperativeTx implements CooperativeTx {
  constructor(
    private readonly client: pg.PoolClient,
    readonly cooperative: CooperativeRecord,
  ) {}

  async findEntries(ids: readonly string[]): Promise<Map<string, EntryRef>> {
    const found = new Map<string, EntryRef>();
    if (ids.length === 0) return found;
    const result = await rows(
      this.client,
      'SELECT id, device_id, seq, hash, status, reason, server_seq FROM entries WHERE cooperative_id = $1 AND id = ANY($2::text[])',
      [this.cooperative.id, ids],
    );
    for (const row of result) found.set(str(row, 'id'), toEntryRef(row));
    return found;
  }

  deviceHead(deviceId: string): Promise<{ seq: number; hash: string } | null> {
    return selectDeviceHead(this.client, this.cooperative.id, deviceId);
  }

  async insertEntries(list: readonly StoredEntryRow[]): Promise<void> {
    if (list.length === 0) return;
    // One multi-row INSERT per batch: a week of entries is one round trip, not hundreds.
    const columns = 11;
    const values: unknown[] = [];
    const tuples = list.map((r, i) => {
      values.push(r.cooperativeId, r.id, r.deviceId, r.seq, r.hash, r.status, r.reason, r.serverSeq, r.chainMark, r.body, r.receivedAt);
      const base = i * columns;
      return `(${Array.from({ length: columns }, (_, k) => `$${String(base + k + 1)}`).join(', ')})`;
    });
    await this.client.query(
      `INSERT INTO entries (cooperative_id, id, device_id, seq, hash, status, reason, server_seq, chain_mark, body, received_at)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  acceptedAfter(afterSeq: number, limit: number): Promise<AcceptedEntryRow[]> {
    return selectAcceptedAfter(this.client, this.cooperative.id, afterSeq, limit);
  }

  chainMarkAt(serverSeq: number): Promise<ChainMarkAt | null> {
    return selectChainMarkAt(this.client, this.cooperative.id, serverSeq);
  }

  async setChainMarks(marks: readonly { serverSeq: number; chainMark: string }[]): Promise<void> {
    if (marks.length === 0) return;
    // One statement for the lot: the marks travel as two parallel arrays.
    await this.client.query(
      `UPDATE entries SET chain_mark = m.chain_mark
       FROM unnest($2::bigint[], $3::text[]) AS m(server_seq, chain_mark)
       WHERE entries.cooperative_id = $1 AND entries.server_seq = m.server_seq`,
      [this.cooperative.id, marks.map((m) => m.serverSeq), marks.map((m) => m.chainMark)],
    );
  }

  async finish(lastSeq: number, syncedAt: string): Promise<void> {
    await this.client.query('UPDATE cooperatives SET last_seq = $1, last_sync_at = $2 WHERE id = $3', [
      lastSeq,
      syncedAt,
      this.cooperative.id,
    ]);
  }
}
