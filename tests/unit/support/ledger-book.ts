/**
 * Builds structurally valid entries for the ledger tests: real schema parse, lines from the shared
 * `deriveLines`, deterministic ids that sort in creation order. Hash and signature are irrelevant to
 * the fold, so they are fixed dummy values of the right shape.
 */
import type { z } from 'zod';
import { deriveLines, type EntryBody } from '../../../src/domain/entry/lines.ts';
import {
  entryDataSchemas,
  entrySchema,
  ZERO_HASH,
  type Entry,
  type EntryOf,
  type EntryType,
} from '../../../src/domain/entry/schema.ts';

export const COOP = '3f2b8c1e-5d4a-4b6f-9e21-0a7c9d3e5f10';
export const DEVICE_A = '8d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';
export const DEVICE_B = '9e2f3a4b-5c6d-4e7f-8a81-2b3c4d5e6f70';

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** A UUIDv7 whose order follows `n` (time part 1.7e12 + n ms, counter n). */
export function testUuid(n: number, space = 0): string {
  const ms = hex(1_700_000_000_000 + n, 12);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex(space, 3)}-8000-${hex(n, 12)}`;
}

export const memberId = (n: number): string => testUuid(n, 1);
export const loanId = (n: number): string => testUuid(n, 2);

export type RawData<T extends EntryType> = z.input<(typeof entryDataSchemas)[T]>;

export class Book {
  private count = 0;
  private readonly seqs = new Map<string, number>();
  readonly entries: Entry[] = [];

  /** `idSpace` keeps ids of two books apart (0 and 1, 2 are taken by members and loans). */
  constructor(
    private readonly defaultDevice: string = DEVICE_A,
    private readonly idSpace = 0,
  ) {}

  /** A valid entry of `type` on business `date`; lines derived from its data. */
  make<T extends EntryType>(type: T, date: string, data: RawData<T>, opts: { device?: string } = {}): EntryOf<T> {
    const device = opts.device ?? this.defaultDevice;
    const parsedData = entryDataSchemas[type].parse(data);
    const body = { type, data: parsedData } as EntryBody;
    return this.finish(type, date, data, deriveLines(body), device) as EntryOf<T>;
  }

  /** The reversal of `target`, its lines the target's swapped. */
  reverse(target: Entry, date: string, opts: { device?: string; reason?: string } = {}): EntryOf<'entry.reversed'> {
    const data = { entryId: target.id, reason: opts.reason ?? 'Salah catat' };
    const lines = deriveLines({ type: 'entry.reversed', data: entryDataSchemas['entry.reversed'].parse(data) }, target.lines);
    return this.finish('entry.reversed', date, data, lines, opts.device ?? this.defaultDevice) as EntryOf<'entry.reversed'>;
  }

  private finish(type: EntryType, date: string, data: unknown, lines: unknown, device: string): Entry {
    this.count += 1;
    const seq = (this.seqs.get(device) ?? 0) + 1;
    this.seqs.set(device, seq);
    const entry = entrySchema.parse({
      v: 1,
      id: testUuid(this.count, this.idSpace),
      cooperativeId: COOP,
      deviceId: device,
      seq,
      prevHash: ZERO_HASH,
      recordedAt: `${date}T03:00:00.000Z`,
      date,
      actor: 'Bu Siti',
      type,
      data,
      lines,
      hash: 'a'.repeat(64),
      sig: 'A'.repeat(86),
    });
    this.entries.push(entry);
    return entry;
  }
}
