/**
 * Another device of the same cooperative, signing its own chain with its own real key: the source
 * of "pulled" entries in the ingest tests.
 */
import type { EntryDraft } from '../../src/db/append-entry.ts';
import { buildUnsignedEntry, signEntry } from '../../src/domain/entry/create.ts';
import { ZERO_HASH, type Entry, type JournalLine } from '../../src/domain/entry/schema.ts';
import { generateDeviceKeyPair } from '../../src/domain/signing.ts';
import { COOP, OTHER_DEVICE } from './support.ts';

export class RemoteDevice {
  private seq = 0;
  private prevHash = ZERO_HASH;
  private readonly lines = new Map<string, readonly JournalLine[]>();

  private constructor(
    readonly deviceId: string,
    readonly keys: CryptoKeyPair,
    readonly cooperativeId: string,
  ) {}

  static async create(deviceId = OTHER_DEVICE, cooperativeId = COOP): Promise<RemoteDevice> {
    return new RemoteDevice(deviceId, await generateDeviceKeyPair({ extractable: false }), cooperativeId);
  }

  async sign(draft: EntryDraft, recordedAt = '2026-11-29T03:54:29.123Z'): Promise<Entry> {
    const original = draft.type === 'entry.reversed' ? this.lines.get(draft.data.entryId) : undefined;
    const unsigned = buildUnsignedEntry({
      ...draft,
      cooperativeId: this.cooperativeId,
      deviceId: this.deviceId,
      seq: this.seq + 1,
      prevHash: this.prevHash,
      recordedAt,
      ...(original === undefined ? {} : { original }),
    });
    const entry = await signEntry(unsigned, this.keys.privateKey);
    this.seq = entry.seq;
    this.prevHash = entry.hash;
    this.lines.set(entry.id, entry.lines);
    return entry;
  }
}
