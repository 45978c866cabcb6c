import { AmountField } from '../forms/AmountField.tsx';
import { useAmountInput } from '../forms/amount-input.ts';
import { POKOK_SETTING, savingsAmounts, WAJIB_SETTING } from '../savings/amounts.ts';
import type { Cooperative } from '../session/cooperative.ts';
import { useCanWrite } from '../session/use-session.ts';
import { settingsMessages } from './messages.ts';
import { SettingForm } from './SettingForm.tsx';
import { useSettingSaver } from './use-setting-saver.ts';

/** A savings amount above Rp10 juta a month is a typo, not a village cooperative's rule. */
const SAVINGS_AMOUNT_MAX = 10_000_000;

function SavingsAmount({ label, settingKey, current, saveLabel }: { label: string; settingKey: string; current: number; saveLabel: string }) {
  const canWrite = useCanWrite();
  const saver = useSettingSaver();
  const input = useAmountInput({ initial: String(current), max: SAVINGS_AMOUNT_MAX });
  const wrapped = { ...input, setText: saver.edit(input.setText) };
  return (
    <SettingForm title={label} settingKey={settingKey} value={input.value} saver={saver} saveLabel={saveLabel}>
      <AmountField label={label} input={wrapped} disabled={!canWrite} />
    </SettingForm>
  );
}

/** Simpanan pokok and wajib: each its own `settings.changed` entry, read by the Simpanan screens. */
export function SavingsAmountsForm({ cooperative }: { readonly cooperative: Cooperative }) {
  const m = settingsMessages.useMessages().savings;
  const amounts = savingsAmounts(cooperative.settings);
  return (
    <>
      <SavingsAmount label={m.pokok} settingKey={POKOK_SETTING} current={amounts.pokok} saveLabel={m.savePokok} />
      <SavingsAmount label={m.wajib} settingKey={WAJIB_SETTING} current={amounts.wajib} saveLabel={m.saveWajib} />
    </>
  );
}
