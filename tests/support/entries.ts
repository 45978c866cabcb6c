/**
 * Test builders for real signed entries, made with the same domain code a phone uses
 * (buildUnsignedEntry + signEntry with a real P-256 key). A `TestDevice` keeps its seq and hash
 * chain, and signs requests with a counter that only grows.
 */
import { buildUnsignedEntry, signEntry } from '../../src/domain/entry/create.ts';
import type { EntryBody } from '../../src/domain/entry/lines.ts';
import { ZERO_HASH, type Entry, type JournalLine, type SavingsKind, type Via } from '../../src/domain/entry/schema.ts';
import { newLoanId, newMemberId, type LoanId, type MemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';
import {
  exportPublicJwk,
  generateDeviceKeyPair,
  signRequest,
  type DeviceKeyPair,
  type PublicJwk,
  type SignedRequestHeaders,
} from '../../src/domain/signing.ts';

export interface DeviceKeys {
  pair: DeviceKeyPair;
  publicJwk: PublicJwk;
}

export async function newDeviceKeys(): Promise<DeviceKeys> {
  const pair = await generateDeviceKeyPair();
  return { pair, publicJwk: await exportPublicJwk(pair.publicKey) };
}

export interface EntryOptions {
  date?: string;
  id?: string;
  original?: readonly JournalLine[];
  actor?: string;
}

/** A phone as the server sees it: its ids, key, entry chain and request counter. */
export class TestDevice {
  seq = 0;
  head = ZERO_HASH;
  counter = 0;

  constructor(
    readonly cooperativeId: string,
    readonly deviceId: string,
    readonly keys: DeviceKeys,
  ) {}

  /** The next entry of this device's chain; the chain advances. */
  async entry(body: EntryBody, options: EntryOptions = {}): Promise<Entry> {
    const entry = await this.entryAt(this.seq + 1, this.head, body, options);
    this.seq = entry.seq;
    this.head = entry.hash;
    return entry;
  }

  /** An entry at an explicit position, without moving the chain (for gaps and forks). */
  async entryAt(seq: number, prevHash: string, body: EntryBody, options: EntryOptions = {}): Promise<Entry> {
    const unsigned = buildUnsignedEntry({
      ...body,
      cooperativeId: this.cooperativeId,
      deviceId: this.deviceId,
      seq,
      prevHash,
      recordedAt: '2026-11-29T03:54:29.123Z',
      date: options.date ?? '2026-11-29',
      actor: options.actor ?? 'Bu Siti',
      ...(options.id === undefined ? {} : { id: options.id }),
      ...(options.original === undefined ? {} : { original: options.original }),
    });
    return signEntry(unsigned, this.keys.pair.privateKey);
  }

  /** The three X-Device-* headers for one request; the counter advances unless given. */
  async sign(method: string, pathWithQuery: string, body?: Uint8Array, counter?: number): Promise<SignedRequestHeaders> {
    const used = counter ?? (this.counter += 1);
    return signRequest(this.keys.pair.privateKey, { deviceId: this.deviceId, method, pathWithQuery, counter: used, body });
  }
}

// ---- Entry bodies with real numbers ----

export const ids = {
  member: (): MemberId => newMemberId(),
  loan: (): LoanId => newLoanId(),
};

export function joined(memberId: MemberId, number: string, name: string, joinedOn = '2026-11-01'): EntryBody {
  return { type: 'member.joined', data: { memberId, number, name, joinedOn } };
}

export function deposit(memberId: MemberId, kind: SavingsKind, amount: number, via: Via = 'cash'): EntryBody {
  return { type: 'savings.deposited', data: { memberId, kind, amount: rupiah(amount), via } };
}

export function withdraw(memberId: MemberId, kind: SavingsKind, amount: number, via: Via = 'cash'): EntryBody {
  return { type: 'savings.withdrawn', data: { memberId, kind, amount: rupiah(amount), via } };
}

export function disburse(
  loanId: LoanId,
  memberId: MemberId,
  principal: number,
  options: { months?: number; rateBp?: number; firstDue?: string; adminFee?: number } = {},
): EntryBody {
  return {
    type: 'loan.disbursed',
    data: {
      loanId,
      memberId,
      principal: rupiah(principal),
      months: options.months ?? 10,
      rateBp: options.rateBp ?? 150,
      method: 'flat',
      firstDue: options.firstDue ?? '2026-12-29',
      adminFee: rupiah(options.adminFee ?? 0),
      fineBpPerDay: 0,
      via: 'cash',
    },
  };
}

export function repay(loanId: LoanId, memberId: MemberId, principal: number, interest: number): EntryBody {
  return { type: 'loan.repaid', data: { loanId, memberId, principal: rupiah(principal), interest: rupiah(interest), fine: rupiah(0), via: 'cash' } };
}

export function reversal(entryId: string, reason = 'salah catat'): EntryBody {
  return { type: 'entry.reversed', data: { entryId: entryId as Entry['id'], reason } };
}
