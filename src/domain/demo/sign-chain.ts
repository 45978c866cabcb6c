/**
 * Signs the demo's drafts as one device's hash chain (seq 1, 2, … each linking to the previous hash),
 * for the server's `--demo` seeding and the tests: the same `buildUnsignedEntry` + `signEntry` a
 * phone uses, so the entries pass every receiver's structural check.
 */
import { buildUnsignedEntry, signEntry } from '../entry/create.ts';
import { ZERO_HASH, type Entry, type JournalLine } from '../entry/schema.ts';
import type { DeviceKey } from '../signing.ts';
import type { DemoDraft } from './demo-draft.ts';

export type DemoSigner = {
  readonly cooperativeId: string;
  readonly deviceId: string;
  readonly privateKey: DeviceKey;
};

export async function signDemoChain(drafts: readonly DemoDraft[], signer: DemoSigner): Promise<Entry[]> {
  const out: Entry[] = [];
  const linesById = new Map<string, readonly JournalLine[]>();
  let prevHash = ZERO_HASH;
  for (const [k, draft] of drafts.entries()) {
    const original = draft.type === 'entry.reversed' ? linesById.get(draft.data.entryId) : undefined;
    const { receipt: _receipt, ...body } = draft;
    const unsigned = buildUnsignedEntry({
      ...body,
      cooperativeId: signer.cooperativeId,
      deviceId: signer.deviceId,
      seq: k + 1,
      prevHash,
      ...(original === undefined ? {} : { original }),
    });
    const entry = await signEntry(unsigned, signer.privateKey);
    linesById.set(entry.id, entry.lines);
    prevHash = entry.hash;
    out.push(entry);
  }
  return out;
}
