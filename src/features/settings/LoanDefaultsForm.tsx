import { useState } from 'react';
import { LOAN_METHODS, type LoanMethod } from '../../domain/entry/schema.ts';
import type { JsonValue } from '../../domain/ledger/index.ts';
import type { Cooperative } from '../session/cooperative.ts';
import { useCanWrite } from '../session/use-session.ts';
import { LOAN_DEFAULTS_SETTING, loanDefaultsOf } from './loan-defaults.ts';
import { settingsMessages } from './messages.ts';
import { formatBpAsPercent, parsePercentBp, parseWhole } from './percent-input.ts';
import { SettingForm } from './SettingForm.tsx';
import { TextInput } from './TextInput.tsx';
import { useSettingSaver } from './use-setting-saver.ts';

/** Caps a careful treasurer never reaches: 10 % a month, 30 years, 10 % admin, 1 % a day. */
const RATE_MAX_BP = 1_000;
const MONTHS_MAX = 360;
const ADMIN_MAX_BP = 1_000;
const FINE_MAX_BP = 100;

export function LoanDefaultsForm({ cooperative }: { readonly cooperative: Cooperative }) {
  const m = settingsMessages.useMessages();
  const canWrite = useCanWrite();
  const saver = useSettingSaver();
  const current = loanDefaultsOf(cooperative.settings);
  const [rate, setRate] = useState(formatBpAsPercent(current.rateBp));
  const [months, setMonths] = useState(String(current.months));
  const [method, setMethod] = useState<LoanMethod>(current.method);
  const [adminFee, setAdminFee] = useState(current.adminFeeBp === undefined ? '' : formatBpAsPercent(current.adminFeeBp));
  const [fine, setFine] = useState(formatBpAsPercent(current.fineBpPerDay));

  const rateCheck = parsePercentBp(rate, RATE_MAX_BP);
  const monthsCheck = parseWhole(months, 1, MONTHS_MAX);
  const adminCheck = adminFee.trim() === '' ? null : parsePercentBp(adminFee, ADMIN_MAX_BP);
  const fineCheck = parsePercentBp(fine, FINE_MAX_BP);
  const errorOf = (check: { ok: true } | { ok: false; error: keyof typeof m.inputErrors } | null) =>
    check === null || check.ok ? undefined : m.inputErrors[check.error];

  let value: JsonValue | undefined;
  if (rateCheck.ok && monthsCheck.ok && fineCheck.ok && (adminCheck === null || adminCheck.ok)) {
    value = { rateBp: rateCheck.bp, months: monthsCheck.value, method, fineBpPerDay: fineCheck.bp };
    if (adminCheck !== null) value.adminFeeBp = adminCheck.bp;
  }

  return (
    <SettingForm title={m.loans.title} hint={m.loans.hint} settingKey={LOAN_DEFAULTS_SETTING} value={value} saver={saver}>
      <TextInput label={m.loans.rate} value={rate} onChange={saver.edit(setRate)} error={errorOf(rateCheck)} inputMode="decimal" disabled={!canWrite} />
      <TextInput label={m.loans.months} value={months} onChange={saver.edit(setMonths)} error={errorOf(monthsCheck)} inputMode="numeric" disabled={!canWrite} />
      <fieldset className="choice-group">
        <legend className="field__label">{m.loans.method}</legend>
        {LOAN_METHODS.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="loan-default-method"
              value={option}
              checked={method === option}
              disabled={!canWrite}
              onChange={() => saver.edit(setMethod)(option)}
            />
            <span>{m.loans.methods[option]}</span>
          </label>
        ))}
      </fieldset>
      <TextInput label={m.loans.adminFee} value={adminFee} onChange={saver.edit(setAdminFee)} error={errorOf(adminCheck)} inputMode="decimal" disabled={!canWrite} />
      <TextInput label={m.loans.fine} value={fine} onChange={saver.edit(setFine)} error={errorOf(fineCheck)} inputMode="decimal" disabled={!canWrite} />
    </SettingForm>
  );
}
