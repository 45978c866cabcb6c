/**
 * Every error code the phone can show has its own sentence in both languages (src/i18n/errors.ts),
 * never the generic "unknown error" one. Checked against the code lists themselves, so a code added
 * to the local store, the sync engine, backup restore or the entry checks without a sentence fails.
 */
import { describe, expect, it } from 'vitest';
import { RESTORE_REFUSALS } from '../../src/db/backup.ts';
import { STORAGE_ERROR_CODES } from '../../src/db/storage-errors.ts';
import { REJECT_REASONS } from '../../src/domain/entry/reasons.ts';
import { SYNC_ERRORS } from '../../src/sync/sync-errors.ts';
import { describeError, hasSentence } from '../../src/i18n/errors.ts';

const LISTS = {
  STORAGE_ERROR_CODES,
  REJECT_REASONS,
  SYNC_ERRORS,
  RESTORE_REFUSALS,
} as const;

describe('error sentences', () => {
  for (const [name, codes] of Object.entries(LISTS)) {
    it(`every code of ${name} has an Indonesian and an English sentence`, () => {
      const missing = codes.filter((code) => !hasSentence(code));
      expect(missing).toEqual([]);
      for (const code of codes) {
        const id = describeError(code, 'id');
        const en = describeError(code, 'en');
        expect(id, code).not.toContain('tidak dikenal (kode');
        expect(en, code).not.toContain('unknown error');
        expect(id, code).not.toEqual(en);
        expect(id.length, code).toBeGreaterThan(10);
      }
    });
  }

  it('an unknown code gets the honest generic sentence with the code', () => {
    expect(hasSentence('no-such-code')).toBe(false);
    expect(describeError('no-such-code', 'id')).toContain('no-such-code');
    expect(describeError('no-such-code', 'en')).toContain('unknown error');
  });

  it('the local store refusals of a reversal say what to do', () => {
    expect(describeError('reversal-of-reversal', 'id')).toMatch(/tidak bisa dibatalkan lagi/);
    expect(describeError('already-reversed', 'id')).toMatch(/sudah dibatalkan/);
    expect(describeError('already-synced', 'en')).toMatch(/cannot be moved/);
  });
});
