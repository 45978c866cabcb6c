/**
 * `npm start -- --demo`: the district server creates the demo cooperative ("Koperasi Desa Sumber
 * Makmur (DEMO)", src/domain/demo) so the office can show Lumbung without a real cooperative's
 * books, and prints an enrollment code for a phone to join it.
 *
 * The demo's entries go in exactly as a phone's would: a demo device is enrolled with
 * `POST /devices` (its P-256 key made here and held only in memory — nobody needs to sign as it
 * again), the drafts are signed as that device's hash chain with the shared domain code, and pushed
 * through `POST /sync/push` with signed requests, in batches. So they are checked, stored, folded
 * and reported like any other cooperative's.
 *
 * Idempotent across restarts: if the demo cooperative exists already, nothing is pushed again; only
 * a fresh enrollment code is made. (If a first seeding was cut short, the cooperative is incomplete:
 * delete the data directory, or the demo cooperative, and start again.)
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { todayInJakarta } from '../src/domain/dates.ts';
import { DEMO_PROFILE, DEMO_SEED, generateDemo, type DemoOptions } from '../src/domain/demo/generate.ts';
import { signDemoChain } from '../src/domain/demo/sign-chain.ts';
import type { Entry } from '../src/domain/entry/schema.ts';
import { exportPublicJwk, generateDeviceKeyPair, signRequest, type DeviceKey } from '../src/domain/signing.ts';
import { randomCode } from './auth/password.ts';
import { hashSecret } from './auth/tokens.ts';
import { ENROLLMENT_CODE_LENGTH, ENROLLMENT_CODE_LIFETIME_MS } from './routes/admin-cooperatives.ts';
import type { Store } from './storage/store.ts';

export const DEMO_FLAG = '--demo';
const DEMO_DEVICE_NAME = 'Data contoh (server)';
/** Well under the push limits (500 entries, 2 MB): a few hundred kilobytes per request. */
const PUSH_BATCH = 250;

export type DemoSeeding = {
  readonly cooperativeId: string;
  readonly name: string;
  /** False when the demo cooperative already existed and nothing was pushed. */
  readonly created: boolean;
  readonly until: string;
  readonly pushed: number;
  readonly accepted: number;
  readonly flagged: number;
  readonly rejected: number;
  /** A single-use code for a phone to join the demo cooperative. */
  readonly code: string;
  readonly codeExpiresAt: string;
};

export type DemoSeedOptions = {
  readonly now: Date;
  readonly seed?: number;
  /** A smaller demo (tests); the full one by default. */
  readonly size?: Pick<DemoOptions, 'members' | 'months' | 'loans'>;
};

/** ABCD-EFGH-JKLM, as the admin route shows codes. */
const displayCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

async function newEnrollmentCode(store: Store, cooperativeId: string, now: Date): Promise<{ code: string; expiresAt: string }> {
  const code = randomCode(ENROLLMENT_CODE_LENGTH);
  const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_LIFETIME_MS).toISOString();
  await store.createEnrollmentCode({ codeHash: hashSecret(code), cooperativeId, createdAt: now.toISOString(), expiresAt });
  return { code: displayCode(code), expiresAt };
}

type PushCounts = { accepted: number; flagged: number; rejected: number };

async function pushAll(app: FastifyInstance, deviceId: string, privateKey: DeviceKey, entries: readonly Entry[]): Promise<PushCounts> {
  const counts: PushCounts = { accepted: 0, flagged: 0, rejected: 0 };
  let counter = 0;
  for (let start = 0; start < entries.length; start += PUSH_BATCH) {
    const body = Buffer.from(JSON.stringify({ entries: entries.slice(start, start + PUSH_BATCH) }), 'utf8');
    const url = '/api/v1/sync/push';
    counter++;
    const headers = await signRequest(privateKey, { deviceId, method: 'POST', pathWithQuery: url, counter, body });
    const response = await app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: body });
    if (response.statusCode !== 200) throw new Error(`demo push answered ${String(response.statusCode)}: ${response.body}`);
    const { results } = response.json<{ results: { status: string; reason?: string }[] }>();
    for (const result of results) {
      if (result.status === 'accepted' || result.status === 'duplicate') counts.accepted++;
      else if (result.status === 'accepted_flagged') counts.flagged++;
      else if (result.status === 'rejected') counts.rejected++;
      // A gap would mean the chain is wrong: the generator and signer are ours, so it is a bug.
      else throw new Error(`demo push: unexpected status ${result.status}`);
    }
  }
  return counts;
}

export async function seedDemoCooperative(app: FastifyInstance, store: Store, options: DemoSeedOptions): Promise<DemoSeeding> {
  const { now } = options;
  const until = todayInJakarta(now.getTime());
  const existing = (await store.listCooperatives()).find((c) => c.name === DEMO_PROFILE.name);
  if (existing !== undefined) {
    const { code, expiresAt } = await newEnrollmentCode(store, existing.id, now);
    return { cooperativeId: existing.id, name: existing.name, created: false, until, pushed: 0, accepted: 0, flagged: 0, rejected: 0, code, codeExpiresAt: expiresAt };
  }

  const cooperative = await store.createCooperative({
    id: randomUUID(),
    name: DEMO_PROFILE.name,
    village: DEMO_PROFILE.village,
    district: DEMO_PROFILE.district,
    createdAt: now.toISOString(),
  });

  const keys = await generateDeviceKeyPair();
  const enrollCode = await newEnrollmentCode(store, cooperative.id, now);
  const enrolled = await app.inject({
    method: 'POST',
    url: '/api/v1/devices',
    payload: { code: enrollCode.code, name: DEMO_DEVICE_NAME, publicKey: await exportPublicJwk(keys.publicKey) },
  });
  if (enrolled.statusCode !== 201) throw new Error(`demo device enrollment answered ${String(enrolled.statusCode)}: ${enrolled.body}`);
  const { deviceId } = enrolled.json<{ deviceId: string }>();

  const demo = generateDemo({ seed: options.seed ?? DEMO_SEED, until, ...options.size });
  const entries = await signDemoChain(demo.drafts, { cooperativeId: cooperative.id, deviceId, privateKey: keys.privateKey });
  const counts = await pushAll(app, deviceId, keys.privateKey, entries);

  const { code, expiresAt } = await newEnrollmentCode(store, cooperative.id, now);
  return { cooperativeId: cooperative.id, name: cooperative.name, created: true, until, pushed: entries.length, ...counts, code, codeExpiresAt: expiresAt };
}

/** What `npm start -- --demo` prints, in Indonesian: what was made and how a phone joins it. */
export function demoAnnouncement(result: DemoSeeding): string {
  const lines = [
    result.created
      ? `Koperasi contoh dibuat: ${result.name} — ${String(result.pushed)} catatan sampai ${result.until} (${String(result.accepted)} diterima, ${String(result.flagged)} ditandai, ${String(result.rejected)} ditolak).`
      : `Koperasi contoh sudah ada: ${result.name} (tidak dibuat ulang).`,
    `  Kode pendaftaran HP untuk koperasi contoh: ${result.code}`,
    `  (sekali pakai, berlaku sampai ${result.codeExpiresAt}; di HP pilih "Daftarkan HP ini" lalu ketik kode ini)`,
    'Ini data contoh (DEMO), bukan data koperasi sungguhan.',
  ];
  return `${lines.join('\n')}\n`;
}
