/**
 * The cooperative this phone keeps the books of: who the phone is (`meta.identity`: local-only trial
 * or enrolled with the district) and the cooperative's settings as the ledger holds them
 * (`settings.changed` entries, folded into the `settings` projection rows).
 *
 * The name comes from the enrollment answer; before enrollment, from the `profile` setting the
 * treasurer may record in Pengaturan. Settings are a handful of rows, read by one index range.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { LumbungDb } from '../../db/database.ts';
import { readMeta } from '../../db/meta.ts';
import type { JsonValue, SettingRow } from '../../domain/ledger/index.ts';
import { getDb } from './database.ts';

export type CooperativeProfile = {
  readonly name: string | null;
  readonly village: string | null;
  readonly district: string | null;
};

export type Cooperative = CooperativeProfile & {
  /** `local`: trying the app, not yet connected to the Dinas ("Mode coba"); `enrolled`: connected. */
  readonly mode: 'local' | 'enrolled';
  readonly cooperativeId: string;
  readonly deviceId: string;
  /** Every setting's current value by key (`simpananWajib`, `shuAllocation`, `profile`, …). */
  readonly settings: Readonly<Record<string, JsonValue>>;
};

/** The `profile` setting: `{name, village?, district?}` as recorded from Pengaturan. */
export const PROFILE_SETTING = 'profile';

const text = (value: JsonValue | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

function profileFromSetting(value: JsonValue | undefined): CooperativeProfile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { name: null, village: null, district: null };
  }
  return { name: text(value.name), village: text(value.village), district: text(value.district) };
}

export async function readSettings(db: LumbungDb): Promise<Record<string, JsonValue>> {
  const rows = await db.projections.where('[t+k]').between(['settings', ''], ['settings', '\uffff']).toArray();
  const settings: Record<string, JsonValue> = {};
  // Rows were written by this phone's own fold from the same SettingRow type (projections.ts).
  for (const row of rows) {
    const setting = row.v as SettingRow;
    settings[setting.key] = setting.value;
  }
  return settings;
}

/** The cooperative, or null when the phone has not been set up (neither enrolled nor in trial mode). */
export async function readCooperative(db: LumbungDb): Promise<Cooperative | null> {
  return db.transaction('r', db.meta, db.projections, async () => {
    const identity = await readMeta(db, 'identity');
    if (identity === undefined) return null;
    const settings = await readSettings(db);
    const fromSettings = profileFromSetting(settings[PROFILE_SETTING]);
    const profile: CooperativeProfile =
      identity.mode === 'enrolled'
        ? {
            name: identity.cooperative.name,
            village: text(identity.cooperative.village) ?? fromSettings.village,
            district: text(identity.cooperative.district) ?? fromSettings.district,
          }
        : fromSettings;
    return {
      ...profile,
      mode: identity.mode,
      cooperativeId: identity.cooperativeId,
      deviceId: identity.deviceId,
      settings,
    };
  });
}

/**
 * React hook: the cooperative, live. `undefined` while the first read is in flight, `null` when the
 * phone is not set up yet.
 */
export function useCooperative(): Cooperative | null | undefined {
  return useLiveQuery(() => readCooperative(getDb()), []);
}
