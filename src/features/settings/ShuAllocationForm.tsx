import { useState } from 'react';
import type { JsonValue } from '../../domain/ledger/index.ts';
import { DEFAULT_SHU_ALLOCATION, parseShuAllocation, SHU_FUNDS, type ShuFund } from '../../domain/shu.ts';
import type { Cooperative } from '../session/cooperative.ts';
import { useCanWrite } from '../session/use-session.ts';
import { settingsMessages } from './messages.ts';
import { formatBpAsPercent, parsePercentBp } from './percent-input.ts';
import { SettingForm } from './SettingForm.tsx';
import { TextInput } from './TextInput.tsx';
import { useSettingSaver } from './use-setting-saver.ts';

export const SHU_ALLOCATION_SETTING = 'shuAllocation';
const HUNDRED_PERCENT_BP = 10_000;

/** The seven SHU funds in percent (two decimals → basis points); they must sum to exactly 100 %. */
export function ShuAllocationForm({ cooperative }: { readonly cooperative: Cooperative }) {
  const m = settingsMessages.useMessages();
  const canWrite = useCanWrite();
  const saver = useSettingSaver();
  const current = parseShuAllocation(cooperative.settings[SHU_ALLOCATION_SETTING]) ?? DEFAULT_SHU_ALLOCATION;
  const [texts, setTexts] = useState<Record<ShuFund, string>>(
    () => Object.fromEntries(SHU_FUNDS.map((fund) => [fund, formatBpAsPercent(current[fund])])) as Record<ShuFund, string>,
  );

  const checks = SHU_FUNDS.map((fund) => ({ fund, check: parsePercentBp(texts[fund]) }));
  const allParsed = checks.every(({ check }) => check.ok);
  const total = checks.reduce((sum, { check }) => sum + (check.ok ? check.bp : 0), 0);
  const sumsToHundred = allParsed && total === HUNDRED_PERCENT_BP;

  let value: JsonValue | undefined;
  if (sumsToHundred) {
    value = {};
    for (const { fund, check } of checks) if (check.ok) value[fund] = check.bp;
  }

  return (
    <SettingForm title={m.shu.title} hint={m.shu.hint} settingKey={SHU_ALLOCATION_SETTING} value={value} saver={saver}>
      {checks.map(({ fund, check }) => (
        <TextInput
          key={fund}
          label={m.shu.funds[fund]}
          value={texts[fund]}
          onChange={saver.edit((text: string) => setTexts((prev) => ({ ...prev, [fund]: text })))}
          error={check.ok ? undefined : m.inputErrors[check.error]}
          inputMode="decimal"
          disabled={!canWrite}
        />
      ))}
      {allParsed && !sumsToHundred ? (
        <p className="field__error" role="alert" data-testid="shu-total">
          {m.shu.notHundred(formatBpAsPercent(total))}
        </p>
      ) : (
        <p className="field__read" data-testid="shu-total" aria-live="polite">
          {m.shu.total(formatBpAsPercent(total))}
        </p>
      )}
    </SettingForm>
  );
}
