/**
 * The demo's entry drafts and the small book-keeper that emits them: it gives each draft a seeded
 * id and recording time, folds it into a ledger as it goes (the year close needs the real SHU of the
 * year, computed by the same domain code as the reports) and watches the three money accounts so the
 * demo never pays out cash the cooperative does not have.
 */
import { VIA_ACCOUNT } from '../chart.ts';
import type { BusinessDate } from '../dates.ts';
import { deriveLines, type EntryBody } from '../entry/lines.ts';
import type { EntryData, EntryType, JournalLine, Via } from '../entry/schema.ts';
import type { EntryId } from '../ids.ts';
import { applyEntry, emptyLedger, type FoldableEntry, type LedgerState } from '../ledger/index.ts';
import type { SeededRandom } from './prng.ts';
import { seededUuidv7 } from './seeded-uuid.ts';

/** One entry of the demo, before a device signs it: the phone appends it, the server signs it. */
export type DemoDraft = {
  [T in EntryType]: {
    id: EntryId;
    type: T;
    data: EntryData<T>;
    date: BusinessDate;
    actor: string;
    /** 08:00 WIB on the business date plus a minute per entry of that day: the demo's clock. */
    recordedAt: string;
    /** Money a member takes a kuitansi for. */
    receipt: boolean;
  };
}[EntryType];

/** The fold needs a device id; the demo's entries are all one device's. */
const DEMO_FOLD_DEVICE = '00000000-0000-4000-8000-000000000000';
const WIB_MORNING_UTC_HOUR = 1;

const VIAS: readonly Via[] = ['cash', 'bank', 'qris'];

export class DemoBook {
  readonly drafts: DemoDraft[] = [];
  readonly state: LedgerState = emptyLedger();
  private readonly linesById = new Map<string, JournalLine[]>();
  private readonly money: Record<Via, number> = { cash: 0, bank: 0, qris: 0 };
  private day = '';
  private minute = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly actor: string,
  ) {}

  balance(via: Via): number {
    return this.money[via];
  }

  /** A seeded UUIDv7 timed at the given date's morning (members and loans get one too). */
  idAt(date: BusinessDate): string {
    return seededUuidv7(this.instantOf(date, this.minute), this.random);
  }

  /** The via that can pay `amount` now, preferring `prefer`; null when no account holds enough. */
  payerFor(amount: number, prefer: Via = 'cash'): Via | null {
    if (this.money[prefer] >= amount) return prefer;
    return VIAS.find((via) => this.money[via] >= amount) ?? null;
  }

  emit<T extends EntryType>(date: BusinessDate, type: T, data: EntryData<T>, receipt = false): EntryId {
    if (date !== this.day) {
      this.day = date;
      this.minute = 0;
    }
    const recordedMs = this.instantOf(date, this.minute);
    this.minute++;
    const id = seededUuidv7(recordedMs, this.random) as EntryId;
    const body = { type, data } as EntryBody;
    const original = body.type === 'entry.reversed' ? this.linesById.get(body.data.entryId) : undefined;
    const lines = deriveLines(body, original);
    for (const line of lines) {
      const via = VIAS.find((v) => VIA_ACCOUNT[v] === line.account);
      if (via === undefined) continue;
      this.money[via] += line.debit - line.credit;
      // A generator bug, not a fact to record: the demo must be a cooperative that could exist.
      if (this.money[via] < 0) throw new RangeError(`demo overdraws ${via} on ${date} (${type})`);
    }
    this.linesById.set(id, lines);
    applyEntry(this.state, { id, type, date, deviceId: DEMO_FOLD_DEVICE, data, lines } as FoldableEntry);
    this.drafts.push({
      id,
      type,
      data,
      date,
      actor: this.actor,
      recordedAt: new Date(recordedMs).toISOString(),
      receipt,
    } as DemoDraft);
    return id;
  }

  private instantOf(date: BusinessDate, minute: number): number {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d, WIB_MORNING_UTC_HOUR, minute);
  }
}
