import { useId, useState } from 'react';
import { formatRupiah, formatThousands } from '../../domain/money-format.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';
import { cashMessages } from './messages.ts';

/** Notes and coins in circulation (Bank Indonesia), largest first. */
export const DENOMINATIONS = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100] as const;

/** More sheets than this of one kind is a typo, not a village cash box. */
const MAX_COUNT = 99_999;

export function parseCount(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d{1,5}$/u.test(trimmed)) return undefined;
  const count = Number(trimmed);
  return count <= MAX_COUNT ? count : undefined;
}

/** Optional help for counting the box: sheets per denomination → a total to use as the count. */
export function DenominationCounter({ onUse }: { readonly onUse: (total: Rupiah) => void }) {
  const m = cashMessages.useMessages();
  const idBase = useId();
  const [counts, setCounts] = useState<Readonly<Record<number, string>>>({});
  const parsed = DENOMINATIONS.map((value) => ({ value, count: parseCount(counts[value] ?? '') }));
  const valid = parsed.every((p) => p.count !== undefined);
  const total = rupiah(parsed.reduce((sum, p) => sum + p.value * (p.count ?? 0), 0));
  return (
    <details className="denominations">
      <summary>{m.close.counter}</summary>
      <div className="denominations__grid">
        {DENOMINATIONS.map((value) => {
          const id = `${idBase}-${value}`;
          const bad = parseCount(counts[value] ?? '') === undefined;
          return (
            <div key={value} className="field">
              <label className="field__label" htmlFor={id}>
                {m.close.sheets(formatThousands(value))}
              </label>
              <input
                id={id}
                className="field__input"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                aria-invalid={bad}
                value={counts[value] ?? ''}
                onChange={(event) => setCounts({ ...counts, [value]: event.target.value })}
              />
            </div>
          );
        })}
      </div>
      <p className="actions">
        <button type="button" className="button" disabled={!valid} onClick={() => onUse(total)}>
          {m.close.useCounter(formatRupiah(total))}
        </button>
      </p>
    </details>
  );
}
