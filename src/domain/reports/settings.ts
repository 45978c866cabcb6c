/**
 * The settings reports depend on, read from the ledger. An unusable value (flagged
 * `setting-invalid` when folded) never replaces a usable one: the latest usable change counts,
 * else the contract's default.
 */
import { DEFAULT_COLLECTIBILITY, parseCollectibilityPreset, type CollectibilityPreset } from '../collectibility.ts';
import type { LedgerState } from '../ledger/state.ts';
import { DEFAULT_SHU_ALLOCATION, parseShuAllocation, type ShuAllocation } from '../shu.ts';

function latestUsable<T>(state: LedgerState, key: string, parse: (value: unknown) => T | undefined): T | undefined {
  const history = state.settings.get(key)?.history ?? [];
  for (let k = history.length - 1; k >= 0; k--) {
    const parsed = parse(history[k]?.value);
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

export function collectibilityPreset(state: LedgerState): CollectibilityPreset {
  return latestUsable(state, 'collectibility', parseCollectibilityPreset) ?? DEFAULT_COLLECTIBILITY;
}

export function shuAllocation(state: LedgerState): ShuAllocation {
  return latestUsable(state, 'shuAllocation', parseShuAllocation) ?? DEFAULT_SHU_ALLOCATION;
}
