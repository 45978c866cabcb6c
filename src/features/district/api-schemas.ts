/**
 * The district server's admin answers (docs/api.md §4, CONTRACT §7), as zod schemas. The browser
 * checks every answer at this trust boundary: a proxy's login page, an older server or a bug must
 * show an honest "unexpected answer", never a table of `undefined`.
 *
 * The shapes follow server/routes/admin-cooperatives.ts (Summary, Device) and
 * server/routes/import.ts; the e2e test runs these schemas against the real server.
 */
import { z } from 'zod';
import { isRupiah, type Rupiah } from '../../domain/money.ts';

const count = z.number().int().min(0);
/** Integer rupiah (CONTRACT §1), branded once it passed the check. */
const money = z.custom<Rupiah>(isRupiah, 'rupiah');
const isoInstant = z.string().min(1);

export const summarySchema = z.object({
  id: z.string(),
  name: z.string(),
  village: z.string(),
  district: z.string(),
  createdAt: isoInstant,
  lastSyncAt: isoInstant.nullable(),
  entries: count,
  members: count,
  pendingFlags: count,
  rejectedEntries: count,
  devices: count,
  devicesTotal: count,
  totals: z.object({
    asOf: z.string(),
    savings: money,
    savingsByKind: z.object({ pokok: money, wajib: money, sukarela: money }),
    loansOutstanding: money,
    loansCount: count,
    overdueOutstanding: money,
    nplBp: z.number().int().min(0).max(10_000),
  }),
});
export type CooperativeSummary = z.infer<typeof summarySchema>;

export const deviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  enrolledAt: isoInstant,
  lastSeenAt: isoInstant.nullable(),
  revokedAt: isoInstant.nullable(),
  status: z.enum(['active', 'revoked']),
});
export type DeviceView = z.infer<typeof deviceSchema>;

export const loginAnswerSchema = z.object({ token: z.string(), expiresAt: isoInstant, username: z.string() });
export const meAnswerSchema = z.object({ username: z.string(), expiresAt: isoInstant });
export type AdminIdentity = z.infer<typeof meAnswerSchema>;

export const cooperativesAnswerSchema = z.object({ cooperatives: z.array(summarySchema), serverTime: isoInstant });
export type CooperativesAnswer = z.infer<typeof cooperativesAnswerSchema>;

export const cooperativeAnswerSchema = z.object({ cooperative: summarySchema, devices: z.array(deviceSchema) });
export type CooperativeAnswer = z.infer<typeof cooperativeAnswerSchema>;

export const createdAnswerSchema = z.object({ cooperative: summarySchema });

export const enrollmentCodeSchema = z.object({ code: z.string(), expiresAt: isoInstant, cooperativeId: z.string() });
export type EnrollmentCode = z.infer<typeof enrollmentCodeSchema>;

export const revokeAnswerSchema = z.object({ device: deviceSchema.extend({ cooperativeId: z.string() }) });

export const IMPORT_STATUSES = ['accepted', 'accepted_flagged', 'duplicate', 'rejected', 'gap', 'not-processed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const importAnswerSchema = z.object({
  cooperativeId: z.string(),
  total: count,
  counts: z.object({
    accepted: count,
    accepted_flagged: count,
    duplicate: count,
    rejected: count,
    gap: count,
    notProcessed: count,
  }),
  results: z.array(
    z.object({
      id: z.string().nullable(),
      deviceId: z.string().nullable(),
      seq: z.number().nullable(),
      status: z.enum(IMPORT_STATUSES),
      serverSeq: z.number().optional(),
      reason: z.string().optional(),
      expectedSeq: z.number().optional(),
    }),
  ),
  serverTime: isoInstant,
});
export type ImportAnswer = z.infer<typeof importAnswerSchema>;

/** The error envelope every 4xx/5xx carries (CONTRACT §7). */
export const errorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
