/**
 * One seeded run of the simulation ("our VOPR", research/reliability.md §4.4): one seed decides
 * everything — how many cooperatives and phones, which faults this run switches on (swarm
 * testing), each phone's clock skew and weeks without signal, which device the office revokes,
 * every entry recorded, every fault, every crash — and the run replays the same decisions.
 *
 * Shape of a run:
 * 1. a district server (child process, SQLite file), cooperatives, phones enrolled through their
 *    own fault proxies;
 * 2. `days` virtual days: each phone records entries and syncs when due (back-off after failures
 *    in virtual time); links inject faults; the server is killed now and then, or kills itself at
 *    a push fault point; phones crash at named points; one device may be revoked;
 * 3. safety checks;
 * 4. heal: server up without fault points, every link clean and online, the revoked phone's backup
 *    imported by the office, sync rounds until nothing moves (bounded);
 * 5. safety again, then liveness (invariants.ts).
 */
import 'fake-indexeddb/auto';
import type { EntryDraft } from '../../src/db/append-entry.ts';
import { exportBackup } from '../../src/db/backup.ts';
import { currentLedger } from '../../src/db/projections.ts';
import { toJakartaDate } from '../../src/domain/dates.ts';
import { SeededRandom } from '../../src/domain/demo/prng.ts';
import { seededUuidv7 } from '../../src/domain/demo/seeded-uuid.ts';
import type { EntryId } from '../../src/domain/ids.ts';
import { Backoff } from '../../src/sync/backoff.ts';
import { CLEAN_LINK, FAULT_KINDS, INJECTED_FAULTS, startFaultProxy, type FaultKind, type FaultPolicy } from '../support/fault-proxy.ts';
import { FAULT_POINTS, type FaultPoint } from '../../server/fault-point.ts';
import { District } from './district.ts';
import { randomDraft } from './drafts.ts';
import { checkLiveness, checkSafety, type World } from './invariants.ts';
import { Findings, type Attempt, type Breaches, type Violation } from './model.ts';
import { CLIENT_CRASH_POINTS, Phone, type ClientCrashPoint } from './phone.ts';

export type SimSize = {
  readonly maxCooperatives: number;
  readonly maxDevices: number;
  readonly days: number;
  readonly maxEntriesPerDay: number;
};

/** The fixed part inside `npm test`: small enough for seconds per seed on two cores. */
export const TEST_SIZE: SimSize = { maxCooperatives: 2, maxDevices: 3, days: 20, maxEntriesPerDay: 3 };
/** `npm run sim`: more phones, more days. */
export const SIM_SIZE: SimSize = { maxCooperatives: 3, maxDevices: 4, days: 45, maxEntriesPerDay: 4 };

export const SERVER_CRASHES = ['sigkill', ...FAULT_POINTS] as const;
export type ServerCrash = (typeof SERVER_CRASHES)[number];

export type SeedReport = {
  readonly seed: number;
  /** Run at TEST_SIZE (replay with `--small`). */
  readonly small: boolean;
  readonly cooperatives: number;
  readonly devices: number;
  readonly entriesConfirmed: number;
  readonly committedUnseen: number;
  readonly refusedByApp: number;
  readonly storedAccepted: number;
  readonly storedFlagged: number;
  readonly storedRejected: number;
  readonly faults: Record<FaultKind | 'offline', number>;
  readonly clientCrashes: Record<ClientCrashPoint, number>;
  readonly serverCrashes: Record<ServerCrash, number>;
  readonly revoked: number;
  readonly skewedYears: number;
  readonly offlineWeeks: number;
  readonly syncRuns: number;
  readonly healRounds: number;
  readonly breaches: Breaches;
  readonly violations: readonly Violation[];
  /** The run's events, fault decisions included, for a failing seed's printout. */
  readonly log: readonly string[];
};

const DAY = 86_400_000;
const HOUR = 3_600_000;
const YEAR = 365 * DAY;
/** 2026-01-05 08:00 in Jakarta: a Monday, early in a year, so last year can be closed. */
const START = Date.parse('2026-01-05T01:00:00.000Z');
const MAX_HEAL_ROUNDS = 8;

const zeroOf = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function subset<T>(random: SeededRandom, items: readonly T[], p: number): T[] {
  return items.filter(() => random.chance(p));
}

export async function runSeed(seed: number, size: SimSize = TEST_SIZE): Promise<SeedReport> {
  const random = new SeededRandom(seed);
  const log: string[] = [];
  const trace = process.env.SIM_TRACE === '1';
  const started = Date.now();
  const note = (line: string): void => {
    log.push(line);
    // Live, with real elapsed time, for finding where a slow run spends it (not part of the log).
    if (trace) process.stderr.write(`[${String(Date.now() - started)} ms] ${line}\n`);
  };
  const findings = new Findings();
  const attempts: Attempt[] = [];
  const clientCrashes = zeroOf(CLIENT_CRASH_POINTS);
  const serverCrashes = zeroOf(SERVER_CRASHES);

  // Swarm testing: this run's fault repertoire.
  const enabledFaults = subset(random, INJECTED_FAULTS, 0.6);
  const enabledClientCrashes = subset(random, CLIENT_CRASH_POINTS, 0.6);
  const enabledServerCrashes = subset(random, SERVER_CRASHES, 0.6);
  note(`faults ${enabledFaults.join(',') || '-'} | client crashes ${enabledClientCrashes.join(',') || '-'} | server crashes ${enabledServerCrashes.join(',') || '-'}`);

  const district = new District();
  const phones: Phone[] = [];
  const cooperatives: string[] = [];
  let syncRuns = 0;
  let healRounds = 0;
  let skewedYears = 0;
  let offlineWeeks = 0;
  let revoked = 0;
  const proxies: { close(): Promise<void> }[] = [];

  const restartServer = async (armed: boolean): Promise<void> => {
    await district.reap();
    const points = enabledServerCrashes.filter((c): c is FaultPoint => c !== 'sigkill');
    const crash = armed && points.length > 0 && random.chance(0.35) ? { point: random.pick(points), nth: random.int(1, 4) } : undefined;
    const url = await district.start(crash);
    for (const phone of phones) phone.proxy.setUpstream(url);
    note(`server up${crash === undefined ? '' : ` armed ${crash.point}:${String(crash.nth)}`}`);
  };
  /** A server that killed itself at its fault point is counted and started again. */
  const reviveIfDead = async (armed: boolean): Promise<void> => {
    if (!district.diedByItself()) return;
    const armedPoint = district.armed;
    if (armedPoint !== undefined) serverCrashes[armedPoint.point]++;
    note(`server died at ${armedPoint?.point ?? '?'}`);
    await restartServer(armed);
  };

  try {
    await district.start();
    const cooperativeCount = random.int(1, size.maxCooperatives);
    for (let c = 0; c < cooperativeCount; c++) {
      const cooperativeId = await district.createCooperative(`Koperasi Simulasi ${String(c + 1)}`);
      cooperatives.push(cooperativeId);
      const deviceCount = random.int(1, size.maxDevices);
      for (let d = 0; d < deviceCount; d++) {
        const label = `K${String(c + 1)}-HP${String(d + 1)}`;
        const proxy = await startFaultProxy({ upstream: district.url, seed: (seed * 31 + phones.length * 7919) >>> 0 });
        proxies.push(proxy);
        const skewRoll = random.next();
        const skewMs =
          skewRoll < 0.6 ? 0 : skewRoll < 0.8 ? random.int(-48, 48) * HOUR : (random.chance(0.5) ? 1 : -1) * (random.int(1, 5) * YEAR + random.int(0, 300) * DAY);
        if (Math.abs(skewMs) >= YEAR) skewedYears++;
        const phone = new Phone(label, cooperativeId, proxy, skewMs, { maxEntries: random.int(2, 40), pullPageSize: random.int(3, 60) }, `sim-${String(seed)}-${label}-${crypto.randomUUID()}`);
        await phone.enroll(await district.enrollmentCode(cooperativeId), START);
        const policy: FaultPolicy = { faultRate: enabledFaults.length === 0 ? 0 : 0.1 + random.next() * 0.4, enabled: enabledFaults };
        proxy.setPolicy(policy);
        if (random.chance(0.35)) {
          const from = random.int(0, Math.max(0, size.days - 8));
          const weeks = random.int(1, 3);
          phone.offlineUntil = START + (from + weeks * 7) * DAY;
          phone.nextSyncAt = START + from * DAY;
          offlineWeeks++;
          note(`${label} offline days ${String(from)}–${String(from + weeks * 7)}`);
        }
        note(`${label} device ${phone.deviceId} skew ${String(Math.round(skewMs / HOUR))}h rate ${policy.faultRate.toFixed(2)}`);
        phones.push(phone);
      }
    }
    const revokeDay = phones.length >= 2 && random.chance(0.5) ? random.int(2, size.days - 2) : -1;
    // Two treasurers of one cooperative correct the same entry offline on the same day: the
    // second reversal to reach the server must come back rejected, and visibly so on its phone.
    const twinCorrectionDay = random.chance(0.6) ? random.int(3, size.days - 3) : -1;
    const offlineFrom = new Map(phones.map((p) => [p.label, p.nextSyncAt]));
    const backoffs = new Map(phones.map((p, i) => [p.label, new Backoff(() => new SeededRandom(seed + i).next())]));

    for (let day = 0; day < size.days; day++) {
      const dayStart = START + day * DAY;
      if (!district.isRunning) await restartServer(true);
      if (day === revokeDay) {
        const victim = random.pick(phones);
        await district.revoke(victim.deviceId);
        victim.revoked = true;
        revoked++;
        note(`day ${String(day)}: office revokes ${victim.label}`);
      }
      if (day === twinCorrectionDay) await twinCorrections(dayStart + 11 * HOUR);
      const order = [...phones].sort(() => random.next() - 0.5);
      for (const phone of order) {
        const at = dayStart + random.int(1, 10) * HOUR;
        const offline = at < phone.offlineUntil && at >= (offlineFrom.get(phone.label) ?? 0);
        phone.proxy.setOffline(offline);
        const entries = random.int(0, size.maxEntriesPerDay);
        for (let k = 0; k < entries; k++) await recordOne(phone, at + k * 60_000);
        if (at >= phone.nextSyncAt) {
          await reviveIfDead(true);
          const crashAfterSend = enabledClientCrashes.includes('after-send-before-ack') && random.chance(0.08);
          const { result, crashed } = await phone.sync(at, crashAfterSend);
          syncRuns++;
          if (crashed) clientCrashes['after-send-before-ack']++;
          const backoff = backoffs.get(phone.label) ?? new Backoff();
          if (result.status === 'ok') {
            backoff.success();
            phone.nextSyncAt = at + random.int(4, 36) * HOUR;
          } else {
            phone.nextSyncAt = at + backoff.failure();
          }
          note(`day ${String(day)} ${phone.label} sync ${result.status}${result.status === 'failed' ? `:${result.error}/${result.detail ?? ''}` : ''}${crashed ? ' (app crashed after send)' : ''}`);
          await reviveIfDead(true);
        }
        // About once in 25 days per phone, the office's machine dies between two phones' visits.
        if (enabledServerCrashes.includes('sigkill') && random.chance(0.04 / Math.max(1, phones.length / 2))) {
          await district.crash();
          serverCrashes.sigkill++;
          note(`day ${String(day)}: server SIGKILL`);
          await restartServer(true);
        }
      }
    }

    await checkSafety(world(), findings);
    note(`safety before heal: ${String(findings.violations.length)} violations`);

    // Heal: a clean network, a healthy server, the office imports what a revoked phone holds.
    await reviveIfDead(false);
    await district.reap();
    await district.start();
    for (const phone of phones) {
      phone.proxy.setUpstream(district.url);
      phone.proxy.setPolicy(CLEAN_LINK);
      phone.proxy.setOffline(false);
    }
    for (const proxy of phones.map((p) => p.proxy)) await proxy.settle();
    const healAt = START + (size.days + 1) * DAY;
    for (const phone of phones.filter((p) => p.revoked)) {
      const backup = await exportBackup(phone.db, phone.now(healAt));
      if (!backup.ok) throw new Error(`${phone.label}: backup export failed: ${backup.error}`);
      const results = await district.importBackup(phone.cooperativeId, backup.value);
      note(`office imports ${phone.label}'s backup: ${String(results.length)} entries`);
    }
    let settled = false;
    for (let round = 1; round <= MAX_HEAL_ROUNDS && !settled; round++) {
      healRounds = round;
      let quiet = true;
      for (const phone of phones.filter((p) => !p.revoked)) {
        const { result } = await phone.sync(healAt + round * HOUR, false);
        syncRuns++;
        if (result.status !== 'ok' || result.receipt.pushed > 0 || result.receipt.pulled > 0) quiet = false;
        if (result.status !== 'ok') note(`heal ${String(round)} ${phone.label}: ${result.status}${result.status === 'failed' ? `:${result.error}/${result.detail ?? ''}` : ''}`);
      }
      settled = quiet;
    }
    if (!settled) findings.add('other', 'liveness: sync settles after healing', `not quiet after ${String(MAX_HEAL_ROUNDS)} rounds`);
    await checkSafety(world(), findings);
    await checkLiveness(world(), findings);

    const stored = district.storedEntries();
    const faults = zeroOf([...FAULT_KINDS, 'offline'] as const);
    for (const phone of phones) for (const [k, v] of Object.entries(phone.proxy.counts()) as [FaultKind | 'offline', number][]) faults[k] += v;
    for (const phone of phones) for (const d of phone.proxy.decisions) if (d.fault !== 'pass') note(`${phone.label} #${String(d.n)} ${d.method} ${d.path.split('?')[0] ?? ''} → ${d.fault}${d.detail === undefined ? '' : ` (${d.detail})`}`);
    return {
      seed,
      small: size === TEST_SIZE,
      cooperatives: cooperatives.length,
      devices: phones.length,
      entriesConfirmed: attempts.filter((a) => a.outcome === 'confirmed').length,
      committedUnseen: attempts.filter((a) => a.outcome === 'committed-unseen').length,
      refusedByApp: attempts.filter((a) => a.outcome === 'refused').length,
      storedAccepted: stored.filter((r) => r.status === 'accepted').length,
      storedFlagged: stored.filter((r) => r.status === 'accepted_flagged').length,
      storedRejected: stored.filter((r) => r.status === 'rejected').length,
      faults,
      clientCrashes,
      serverCrashes,
      revoked,
      skewedYears,
      offlineWeeks,
      syncRuns,
      healRounds,
      breaches: findings.breaches,
      violations: findings.violations,
      log,
    };
  } finally {
    for (const phone of phones) phone.close();
    for (const proxy of proxies) await proxy.close();
    await district.close();
  }

  function world(): World {
    return { district, phones, attempts, cooperatives };
  }

  async function twinCorrections(at: number): Promise<void> {
    const twins = cooperatives
      .map((c) => phones.filter((p) => p.cooperativeId === c && !p.revoked))
      .find((group) => group.length >= 2);
    const [a, b] = twins ?? [];
    if (a === undefined || b === undefined) return;
    const shared = await a.db.entries.orderBy('order').reverse().filter((r) => r.sync === 'acked').toArray();
    for (const row of shared) {
      if (row.type === 'entry.reversed' || row.entry.lines.length === 0) continue;
      if ((await b.db.entries.get(row.id))?.sync !== 'acked') continue;
      note(`twin corrections of ${row.id} on ${a.label} and ${b.label}`);
      for (const phone of [a, b]) {
        const nowMs = phone.now(at).getTime();
        await saveDraft(phone, at, { type: 'entry.reversed', id: seededUuidv7(nowMs, random) as EntryId, date: toJakartaDate(nowMs), actor: 'Pak Budi', data: { entryId: row.id, reason: 'Koreksi ganda' } }, null);
      }
      return;
    }
  }

  async function recordOne(phone: Phone, at: number): Promise<void> {
    const ledger = await currentLedger(phone.db);
    const recent = await phone.db.entries.orderBy('order').reverse().limit(40).toArray();
    const nowMs = phone.now(at).getTime();
    const draft = randomDraft({
      random,
      ledger,
      date: toJakartaDate(nowMs),
      nowMs,
      actor: 'Bu Siti',
      numberPrefix: `${phone.label.replace(/\D/g, '')}-`,
      reversible: recent
        .filter((r) => r.sync !== 'rejected')
        .map((r) => ({ id: r.id, type: r.type, lines: r.entry.lines.length, shared: r.sync === 'acked' })),
      seenCursor: await phone.seenCursor(),
    });
    if (draft === null) return;
    const roll = random.next();
    const crash: 'before-commit' | 'after-commit-before-ui' | null =
      roll < 0.03 && enabledClientCrashes.includes('before-commit')
        ? 'before-commit'
        : roll < 0.06 && enabledClientCrashes.includes('after-commit-before-ui')
          ? 'after-commit-before-ui'
          : null;
    await saveDraft(phone, at, draft, crash);
  }

  async function saveDraft(phone: Phone, at: number, draft: EntryDraft, crash: 'before-commit' | 'after-commit-before-ui' | null): Promise<void> {
    const result = await phone.record(draft, at, crash);
    const id = draft.id ?? '';
    const base = { id, phone: phone.label, cooperativeId: phone.cooperativeId, type: draft.type };
    if (crash !== null) clientCrashes[crash]++;
    if (crash === 'before-commit') {
      attempts.push({ ...base, outcome: 'crashed-before-commit' });
      note(`${phone.label} ${draft.type} ${id}: app died before commit (${result.ok ? 'committed!' : result.error})`);
      return;
    }
    if (!result.ok) {
      attempts.push({ ...base, outcome: 'refused' });
      note(`${phone.label} ${draft.type} refused by the app: ${result.error}`);
      return;
    }
    attempts.push({ ...base, outcome: crash === null ? 'confirmed' : 'committed-unseen', hash: result.value.entry.hash });
  }
}
