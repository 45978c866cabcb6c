import { useState } from 'react';
import { DEFAULT_COLLECTIBILITY, parseCollectibilityPreset } from '../../domain/collectibility.ts';
import type { JsonValue } from '../../domain/ledger/index.ts';
import type { Cooperative } from '../session/cooperative.ts';
import { useCanWrite } from '../session/use-session.ts';
import { settingsMessages } from './messages.ts';
import { parseWhole } from './percent-input.ts';
import { SettingForm } from './SettingForm.tsx';
import { TextInput } from './TextInput.tsx';
import { useSettingSaver } from './use-setting-saver.ts';

export const COLLECTIBILITY_SETTING = 'collectibility';
const DAYS_MAX = 100_000;

/** Three bounds in days past due, strictly increasing (CONTRACT §5 preset). */
export function CollectibilityForm({ cooperative }: { readonly cooperative: Cooperative }) {
  const m = settingsMessages.useMessages();
  const canWrite = useCanWrite();
  const saver = useSettingSaver();
  const current = parseCollectibilityPreset(cooperative.settings[COLLECTIBILITY_SETTING]) ?? DEFAULT_COLLECTIBILITY;
  const [lancar, setLancar] = useState(String(current.lancar));
  const [kurang, setKurang] = useState(String(current.kurang_lancar));
  const [diragukan, setDiragukan] = useState(String(current.diragukan));

  const checks = [parseWhole(lancar, 0, DAYS_MAX), parseWhole(kurang, 0, DAYS_MAX), parseWhole(diragukan, 0, DAYS_MAX)] as const;
  const [a, b, c] = checks;
  const allParsed = a.ok && b.ok && c.ok;
  const increasing = a.ok && b.ok && c.ok && a.value < b.value && b.value < c.value;
  const value: JsonValue | undefined = increasing ? { lancar: a.value, kurang_lancar: b.value, diragukan: c.value } : undefined;
  const errorOf = (check: (typeof checks)[number]) => (check.ok ? undefined : m.inputErrors[check.error]);

  return (
    <SettingForm title={m.collectibility.title} hint={m.collectibility.hint} settingKey={COLLECTIBILITY_SETTING} value={value} saver={saver}>
      <TextInput label={m.collectibility.lancar} value={lancar} onChange={saver.edit(setLancar)} error={errorOf(a)} inputMode="numeric" disabled={!canWrite} />
      <TextInput label={m.collectibility.kurangLancar} value={kurang} onChange={saver.edit(setKurang)} error={errorOf(b)} inputMode="numeric" disabled={!canWrite} />
      <TextInput label={m.collectibility.diragukan} value={diragukan} onChange={saver.edit(setDiragukan)} error={errorOf(c)} inputMode="numeric" disabled={!canWrite} />
      {allParsed && !increasing ? (
        <p className="field__error" role="alert">
          {m.collectibility.notIncreasing}
        </p>
      ) : null}
    </SettingForm>
  );
}
