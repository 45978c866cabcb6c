/**
 * Loan quality (kolektibilitas) from days past due. CONTRACT §5: lancar 0–90, kurang_lancar 91–180,
 * diragukan 181–270, macet > 270 by default; a cooperative may set its own bounds with
 * `settings.changed` key `collectibility`, e.g. `{"lancar": 30, "kurang_lancar": 90, "diragukan": 180}`.
 */
import { z } from 'zod';

export type Collectibility = 'lancar' | 'kurang_lancar' | 'diragukan' | 'macet';

export const COLLECTIBILITY_CLASSES: readonly Collectibility[] = ['lancar', 'kurang_lancar', 'diragukan', 'macet'];

/** Inclusive upper bounds in days past due; anything above `diragukan` is macet. */
export type CollectibilityPreset = { lancar: number; kurang_lancar: number; diragukan: number };

export const DEFAULT_COLLECTIBILITY: CollectibilityPreset = Object.freeze({
  lancar: 90,
  kurang_lancar: 180,
  diragukan: 270,
});

const bound = z.number().int().min(0).max(100_000);

/** Bounds must rise strictly, or a class would be empty or the classes would overlap. */
const presetSchema = z
  .object({ lancar: bound, kurang_lancar: bound, diragukan: bound })
  .strict()
  .refine((p) => p.lancar < p.kurang_lancar && p.kurang_lancar < p.diragukan);

/** The preset from a `settings.changed` value, or undefined if it is not a valid preset (keep the old one). */
export function parseCollectibilityPreset(value: unknown): CollectibilityPreset | undefined {
  const parsed = presetSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function collectibilityOf(
  daysPastDue: number,
  preset: CollectibilityPreset = DEFAULT_COLLECTIBILITY,
): Collectibility {
  if (daysPastDue <= preset.lancar) return 'lancar';
  if (daysPastDue <= preset.kurang_lancar) return 'kurang_lancar';
  if (daysPastDue <= preset.diragukan) return 'diragukan';
  return 'macet';
}
