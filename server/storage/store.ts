/**
 * The server's storage interface. Two implementations: SQLite (one process, the default) and
 * PostgreSQL (several stateless processes). Routes and the sync service see only this.
 *
 * Tenancy: every method that touches one cooperative's data takes that cooperative's id, and the
 * PostgreSQL store runs it under `SET LOCAL lumbung.cooperative_id` so row-level security holds
 * even if a query forgot its WHERE clause. Admin-wide and authentication lookups run under the
 * explicit all-cooperatives scope ('*').
 *
 * Timestamps are ISO-8601 UTC strings with milliseconds in both stores (they sort as text).
 */

export type EntryStatus = 'accepted' | 'accepted_flagged' | 'rejected';

export interface AdminRecord {
  id: string;
  username: string;
  passwordHash: string;
  createdAt: string;
}

export interface SessionRecord {
  tokenHash: string;
  adminId: string;
  username: string;
  createdAt: string;
  expiresAt: string;
}

export interface CooperativeRecord {
  id: string;
  name: string;
  village: string;
  district: string;
  createdAt: string;
  /** The last serverSeq given to an accepted entry of this cooperative (0 = none yet). */
  lastSeq: number;
  /** Last successful push or pull by any of its devices. */
  lastSyncAt: string | null;
}

export interface DeviceRecord {
  id: string;
  cooperativeId: string;
  name: string;
  /** The enrolled public key as JWK JSON text. */
  publicKey: string;
  /** The highest request counter used so far (0 = none). */
  counter: number;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export interface EnrollmentCodeRecord {
  codeHash: string;
  cooperativeId: string;
  createdAt: string;
  expiresAt: string;
}

/** What the store knows about an entry without its body. */
export interface EntryRef {
  id: string;
  deviceId: string;
  seq: number;
  hash: string;
  status: EntryStatus;
  reason: string | null;
  serverSeq: number | null;
}

export interface StoredEntryRow extends EntryRef {
  /** The cooperative's chain mark at this entry (src/domain/ledger/cursor.ts); null when rejected. */
  chainMark: string | null;
  cooperativeId: string;
  /** The entry JSON exactly as received (canonical text is recomputable; this is the evidence). */
  body: string;
  receivedAt: string;
}

export interface AcceptedEntryRow {
  serverSeq: number;
  hash: string;
  /** The cooperative's chain mark at this entry; null on rows stored before marks, until marked. */
  chainMark: string | null;
  body: string;
}

/** An accepted entry's chain mark, as `chainMarkAt` finds it (null inside: stored before marks). */
export interface ChainMarkAt {
  chainMark: string | null;
}

export interface CooperativeStats {
  devices: number;
  activeDevices: number;
  flaggedEntries: number;
  rejectedEntries: number;
}

export type EnrollOutcome =
  | { status: 'enrolled'; cooperative: CooperativeRecord }
  | { status: 'unknown-code' }
  | { status: 'used-code' }
  | { status: 'expired-code' };

/**
 * One cooperative's write transaction, holding that cooperative's lock (PostgreSQL: the
 * cooperative row `FOR UPDATE`; SQLite: the single writer). serverSeq numbers are assigned
 * inside it, so a pull cursor never skips an entry that commits later with a lower number.
 */
export interface CooperativeTx {
  /** The cooperative as locked: `lastSeq` is current for the whole transaction. */
  readonly cooperative: CooperativeRecord;
  findEntries(ids: readonly string[]): Promise<Map<string, EntryRef>>;
  /** The device's last stored entry (accepted or rejected): the head of its hash chain. */
  deviceHead(deviceId: string): Promise<{ seq: number; hash: string } | null>;
  insertEntries(rows: readonly StoredEntryRow[]): Promise<void>;
  /** Accepted entries after a serverSeq, in order (ledger catch-up under the lock). */
  acceptedAfter(afterSeq: number, limit: number): Promise<AcceptedEntryRow[]>;
  /** The chain mark of the accepted entry at a serverSeq; null when no accepted entry has it. */
  chainMarkAt(serverSeq: number): Promise<ChainMarkAt | null>;
  /** Marks rows stored before chain marks existed. */
  setChainMarks(marks: readonly { serverSeq: number; chainMark: string }[]): Promise<void>;
  /** Records the new last serverSeq and the sync time on the cooperative row. */
  finish(lastSeq: number, syncedAt: string): Promise<void>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
  /** Resolves when the store answers a trivial query (health checks). */
  ping(): Promise<void>;

  // Administrators and their sessions.
  countAdmins(): Promise<number>;
  createAdmin(admin: AdminRecord): Promise<void>;
  findAdminByUsername(username: string): Promise<AdminRecord | null>;
  createSession(session: Omit<SessionRecord, 'username'>): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;

  // Cooperatives.
  createCooperative(cooperative: Omit<CooperativeRecord, 'lastSeq' | 'lastSyncAt'>): Promise<CooperativeRecord>;
  listCooperatives(): Promise<CooperativeRecord[]>;
  getCooperative(id: string): Promise<CooperativeRecord | null>;
  cooperativeStats(id: string): Promise<CooperativeStats>;
  touchSync(cooperativeId: string, at: string): Promise<void>;

  // Enrollment and devices.
  createEnrollmentCode(code: EnrollmentCodeRecord): Promise<void>;
  /** Consumes the code and creates the device in one transaction: a code enrolls at most one. */
  enrollDevice(
    codeHash: string,
    now: string,
    device: Omit<DeviceRecord, 'cooperativeId' | 'counter' | 'revokedAt' | 'lastSeenAt'>,
  ): Promise<EnrollOutcome>;
  /** Authentication lookup (all-cooperatives scope: the caller does not know the cooperative yet). */
  getDevice(id: string): Promise<DeviceRecord | null>;
  listDevices(cooperativeId: string): Promise<DeviceRecord[]>;
  revokeDevice(id: string, at: string): Promise<DeviceRecord | null>;
  /**
   * Atomically raises the device's counter to `counter` if it is strictly greater than the stored
   * one. False means the counter was stale (a replay or a reordered request).
   */
  advanceDeviceCounter(id: string, counter: number, at: string): Promise<boolean>;

  // Entries.
  withCooperativeLock<T>(cooperativeId: string, work: (tx: CooperativeTx) => Promise<T>): Promise<T>;
  /** Accepted entries after a serverSeq (pull and ledger catch-up outside a transaction). */
  acceptedAfter(cooperativeId: string, afterSeq: number, limit: number): Promise<AcceptedEntryRow[]>;
  /** The chain mark of the accepted entry at a serverSeq, null when none holds it: checks a pull cursor. */
  chainMarkAt(cooperativeId: string, serverSeq: number): Promise<ChainMarkAt | null>;
  /** The device's last stored entry (accepted or rejected), outside a transaction: told to the phone on pull. */
  deviceHead(cooperativeId: string, deviceId: string): Promise<{ seq: number; hash: string } | null>;
}
