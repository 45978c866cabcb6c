/**
 * Branded identifiers. Entries, members and loans get UUIDv7 ids made on the device (time-ordered,
 * so IndexedDB keys stay append-friendly); cooperatives and devices get UUIDs made by the server.
 */
declare const idBrand: unique symbol;
type Id<Tag extends string> = string & { readonly [idBrand]: Tag };

export type EntryId = Id<'EntryId'>;
export type MemberId = Id<'MemberId'>;
export type LoanId = Id<'LoanId'>;
export type CooperativeId = Id<'CooperativeId'>;
export type DeviceId = Id<'DeviceId'>;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export function isUuidV7(value: unknown): value is string {
  return typeof value === 'string' && UUID_V7_PATTERN.test(value);
}

/** RFC 9562 UUIDv7: 48-bit unix ms, version 7, 74 random bits. */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let ms = Math.max(0, Math.floor(nowMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const newEntryId = (): EntryId => uuidv7() as EntryId;
export const newMemberId = (): MemberId => uuidv7() as MemberId;
export const newLoanId = (): LoanId => uuidv7() as LoanId;
