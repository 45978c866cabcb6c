/**
 * Whether the books on this phone are the demo cooperative: the `demo` setting its first entries
 * record (src/domain/demo). It travels with the ledger, so a phone that joins the server's demo
 * cooperative (`npm start -- --demo`) is marked too.
 */
import type { JsonValue } from '../../domain/ledger/index.ts';
import { DEMO_SETTING } from '../../domain/demo/demo-setting.ts';
import { isValidBusinessDate } from '../../domain/dates.ts';

export type DemoMark = { readonly seed: number; readonly until: string };

export function demoMarkOf(settings: Readonly<Record<string, JsonValue>> | undefined): DemoMark | null {
  const value = settings?.[DEMO_SETTING];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { seed, until } = value;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || !isValidBusinessDate(until)) return null;
  return { seed, until };
}
