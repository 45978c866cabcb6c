/**
 * The entry format of CONTRACT §2–3 as zod schemas: the one definition of what a structurally valid
 * entry is, used by the phone (before it signs) and the server (before it stores).
 *
 * Objects are strict: an unknown key is a schema error, not something silently stripped, because
 * the hash and signature cover the entry exactly as it was sent.
 */
import { z } from 'zod';
import { MAX_RUPIAH, type Rupiah } from '../money.ts';
import type { CooperativeId, DeviceId, EntryId, LoanId, MemberId } from '../ids.ts';
import { UUID_PATTERN, UUID_V7_PATTERN } from '../ids.ts';

export const ENTRY_FORMAT_VERSION = 1;
export { ZERO_HASH } from './zero-hash.ts';

const brandAs = <T>() => (value: string | number) => value as unknown as T;

/** A strictly positive amount: every amount in `data` except adminFee, interest and fine. */
export const positiveAmount = z
  .number()
  .int()
  .positive()
  .max(MAX_RUPIAH)
  .transform(brandAs<Rupiah>());
/** Zero allowed: adminFee, interest, fine, and the shares of a year close. */
export const nonNegativeAmount = z.number().int().min(0).max(MAX_RUPIAH).transform(brandAs<Rupiah>());
/** Any sign: the SHU of a year may be a loss. */
export const signedAmount = z.number().int().min(-MAX_RUPIAH).max(MAX_RUPIAH).transform(brandAs<Rupiah>());

const uuidv7Id = <T>() => z.string().regex(UUID_V7_PATTERN, 'uuidv7').transform(brandAs<T>());
const uuidId = <T>() => z.string().regex(UUID_PATTERN, 'uuid').transform(brandAs<T>());

export const entryIdSchema = uuidv7Id<EntryId>();
export const memberIdSchema = uuidv7Id<MemberId>();
export const loanIdSchema = uuidv7Id<LoanId>();
export const cooperativeIdSchema = uuidId<CooperativeId>();
export const deviceIdSchema = uuidId<DeviceId>();

/** A business date `YYYY-MM-DD` that exists in the calendar. */
export const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date-format')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
  }, 'date-invalid');

/** An instant as ISO-8601 UTC with milliseconds. */
export const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'instant-format');

export const accountCode = z.string().regex(/^\d-\d{3}$/, 'account-code');
export const hash64 = z.string().regex(/^[0-9a-f]{64}$/, 'hash-format');
export const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'base64url');

/**
 * Free text. Surrounding whitespace is refused, not trimmed: a transform would make the parsed
 * value differ from the signed one, and the receiver hashes what it parsed. Forms trim before
 * building the entry.
 */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => s.trim() === s, 'untrimmed');

/** JSON whose numbers are all safe integers: settings travel inside signed entries (no floats, §1). */
const integerJson = z.json().refine(function onlySafeIntegers(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value);
  if (Array.isArray(value)) return value.every(onlySafeIntegers);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(onlySafeIntegers);
  return true;
}, 'json-integers-only');

const unique = <T>(items: readonly T[], key: (item: T) => string): boolean =>
  new Set(items.map(key)).size === items.length;

export const VIAS = ['cash', 'bank', 'qris'] as const;
export type Via = (typeof VIAS)[number];
export const viaSchema = z.enum(VIAS);

export const SAVINGS_KINDS = ['pokok', 'wajib', 'sukarela'] as const;
export type SavingsKind = (typeof SAVINGS_KINDS)[number];
export const savingsKindSchema = z.enum(SAVINGS_KINDS);

export const LOAN_METHODS = ['flat', 'menurun', 'anuitas'] as const;
export type LoanMethod = (typeof LOAN_METHODS)[number];

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** SHU funds that a year close credits (jasa_modal and jasa_anggota go to members, 2-150). */
export const CLOSING_FUNDS = ['cadangan', 'pengurus', 'karyawan', 'pendidikan', 'sosial'] as const;
export type ClosingFund = (typeof CLOSING_FUNDS)[number];

const nik = z.string().regex(/^\d{16}$/, 'nik-format');
const phone = z.string().regex(/^\+?\d{8,15}$/, 'phone-format');

const memberProfileChanges = z
  .object({ name: text(100).optional(), nik: nik.optional(), phone: phone.optional(), address: text(200).optional() })
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'changes-empty');

export const entryDataSchemas = {
  'member.joined': z
    .object({
      memberId: memberIdSchema,
      number: text(20),
      name: text(100),
      nik: nik.optional(),
      phone: phone.optional(),
      address: text(200).optional(),
      joinedOn: businessDate,
    })
    .strict(),
  'member.updated': z
    .object({ memberId: memberIdSchema, changes: memberProfileChanges, seenCursor: z.string().max(200) })
    .strict(),
  'member.left': z.object({ memberId: memberIdSchema, leftOn: businessDate }).strict(),
  'savings.deposited': z
    .object({ memberId: memberIdSchema, kind: savingsKindSchema, amount: positiveAmount, via: viaSchema })
    .strict(),
  'savings.withdrawn': z
    .object({ memberId: memberIdSchema, kind: savingsKindSchema, amount: positiveAmount, via: viaSchema })
    .strict(),
  'loan.disbursed': z
    .object({
      loanId: loanIdSchema,
      memberId: memberIdSchema,
      principal: positiveAmount,
      months: z.number().int().min(1).max(360),
      rateBp: z.number().int().min(0).max(10_000),
      method: z.enum(LOAN_METHODS),
      firstDue: businessDate,
      adminFee: nonNegativeAmount,
      fineBpPerDay: z.number().int().min(0).max(10_000),
      via: viaSchema,
    })
    .strict()
    .refine((d) => d.adminFee < d.principal, { error: 'admin-fee-exceeds-principal', path: ['adminFee'] }),
  'loan.repaid': z
    .object({
      loanId: loanIdSchema,
      memberId: memberIdSchema,
      principal: positiveAmount,
      interest: nonNegativeAmount,
      fine: nonNegativeAmount,
      via: viaSchema,
    })
    .strict(),
  'cash.received': z
    .object({
      account: accountCode,
      amount: positiveAmount,
      via: viaSchema,
      memo: text(200),
      memberId: memberIdSchema.optional(),
    })
    .strict(),
  'cash.paid': z
    .object({ account: accountCode, amount: positiveAmount, via: viaSchema, memo: text(200) })
    .strict(),
  'cash.transferred': z
    .object({ from: viaSchema, to: viaSchema, amount: positiveAmount })
    .strict()
    .refine((d) => d.from !== d.to, { error: 'transfer-same-via', path: ['to'] }),
  'entry.reversed': z.object({ entryId: entryIdSchema, reason: text(200) }).strict(),
  'account.added': z.object({ code: accountCode, name: text(100), type: z.enum(ACCOUNT_TYPES) }).strict(),
  'settings.changed': z.object({ key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]{0,63}$/), value: integerJson }).strict(),
  'year.closed': z
    .object({
      year: z.number().int().min(2000).max(2200),
      shu: signedAmount,
      funds: z
        .array(z.object({ fund: z.enum(CLOSING_FUNDS), amount: nonNegativeAmount }).strict())
        .max(5)
        .refine((funds) => unique(funds, (f) => f.fund), 'fund-repeated'),
      members: z
        .array(z.object({ memberId: memberIdSchema, capital: nonNegativeAmount, patronage: nonNegativeAmount }).strict())
        .max(100_000)
        .refine((members) => unique(members, (m) => m.memberId), 'member-repeated'),
    })
    .strict(),
} as const;

export type EntryType = keyof typeof entryDataSchemas;
export const ENTRY_TYPES = Object.keys(entryDataSchemas) as EntryType[];
export type EntryData<T extends EntryType> = z.output<(typeof entryDataSchemas)[T]>;

export const journalLineSchema = z
  .object({ account: accountCode, debit: nonNegativeAmount, credit: nonNegativeAmount })
  .strict();
export type JournalLine = z.output<typeof journalLineSchema>;

/** Envelope fields shared by every entry, before the type-specific `data`. */
const envelopeShape = {
  v: z.literal(ENTRY_FORMAT_VERSION),
  id: entryIdSchema,
  cooperativeId: cooperativeIdSchema,
  deviceId: deviceIdSchema,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  prevHash: hash64,
  recordedAt: instant,
  date: businessDate,
  actor: text(60),
  lines: z.array(journalLineSchema).max(100_010),
  hash: hash64,
  sig: base64url.min(86).max(88),
};

const entryVariant = <T extends EntryType>(type: T) =>
  z.object({ ...envelopeShape, type: z.literal(type), data: entryDataSchemas[type] }).strict();

export const entrySchema = z.discriminatedUnion('type', [
  entryVariant('member.joined'),
  entryVariant('member.updated'),
  entryVariant('member.left'),
  entryVariant('savings.deposited'),
  entryVariant('savings.withdrawn'),
  entryVariant('loan.disbursed'),
  entryVariant('loan.repaid'),
  entryVariant('cash.received'),
  entryVariant('cash.paid'),
  entryVariant('cash.transferred'),
  entryVariant('entry.reversed'),
  entryVariant('account.added'),
  entryVariant('settings.changed'),
  entryVariant('year.closed'),
]);

/** A complete, signed entry as it travels and is stored. A discriminated union on `type`. */
export type Entry = z.output<typeof entrySchema>;
export type EntryOf<T extends EntryType> = Extract<Entry, { type: T }>;
/** An entry before hashing and signing. */
export type UnsignedEntry = { [T in EntryType]: Omit<EntryOf<T>, 'hash' | 'sig'> }[EntryType];
