/**
 * Reading fields of an entry that has not been validated yet (push and import must answer about
 * entries whose schema is broken, so they look at the raw JSON before `checkEntry` does).
 */
import { isUuid } from '../../src/domain/ids.ts';

export function rawField(raw: unknown, key: string): unknown {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>)[key] : undefined;
}

/** The entry's id if it is a well-formed UUID, else null. */
export function rawId(raw: unknown): string | null {
  const id = rawField(raw, 'id');
  return typeof id === 'string' && isUuid(id) ? id : null;
}

/** The entry's seq if it is a safe integer, else null. */
export function rawSeq(raw: unknown): number | null {
  const seq = rawField(raw, 'seq');
  return typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : null;
}
