import { useState } from 'react';
import type { JsonValue } from '../../domain/ledger/index.ts';
import { PROFILE_SETTING, type Cooperative } from '../session/cooperative.ts';
import { useCanWrite } from '../session/use-session.ts';
import { settingsMessages } from './messages.ts';
import { SettingForm } from './SettingForm.tsx';
import { TextInput } from './TextInput.tsx';
import { useSettingSaver } from './use-setting-saver.ts';

const NAME_MAX = 100;
const TEXT_MAX = 200;

const textOf = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

function storedProfile(cooperative: Cooperative): Record<string, JsonValue> {
  const value = cooperative.settings[PROFILE_SETTING];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/**
 * Name, village, address and treasurer as one `profile` setting. On an enrolled phone the name is
 * the one the district office registered, shown but not editable here.
 */
export function ProfileForm({ cooperative }: { readonly cooperative: Cooperative }) {
  const m = settingsMessages.useMessages().profile;
  const canWrite = useCanWrite();
  const saver = useSettingSaver();
  const stored = storedProfile(cooperative);
  const enrolled = cooperative.mode === 'enrolled';
  const [name, setName] = useState(cooperative.name ?? textOf(stored.name));
  const [village, setVillage] = useState(cooperative.village ?? textOf(stored.village));
  const [address, setAddress] = useState(textOf(stored.address));
  const [treasurer, setTreasurer] = useState(textOf(stored.treasurer));

  const lengthError = (text: string, max: number, required: boolean): string | undefined => {
    if (required && text.trim() === '') return m.required;
    return text.trim().length > max ? m.tooLong : undefined;
  };
  const errors = {
    name: lengthError(name, NAME_MAX, true),
    village: lengthError(village, TEXT_MAX, false),
    address: lengthError(address, TEXT_MAX, false),
    treasurer: lengthError(treasurer, TEXT_MAX, false),
  };
  const valid = Object.values(errors).every((e) => e === undefined);

  const profile: Record<string, JsonValue> = {};
  const put = (key: string, text: string) => {
    if (text.trim() !== '') profile[key] = text.trim();
  };
  put('name', name);
  put('village', village);
  put('district', cooperative.district ?? textOf(stored.district));
  put('address', address);
  put('treasurer', treasurer);

  return (
    <SettingForm title={m.title} settingKey={PROFILE_SETTING} value={valid ? profile : undefined} saver={saver}>
      <TextInput
        label={m.name}
        value={name}
        onChange={saver.edit(setName)}
        error={errors.name}
        disabled={enrolled || !canWrite}
        {...(enrolled ? { hint: m.enrolledName } : {})}
      />
      <TextInput label={m.village} value={village} onChange={saver.edit(setVillage)} error={errors.village} disabled={!canWrite} />
      <TextInput label={m.address} value={address} onChange={saver.edit(setAddress)} error={errors.address} disabled={!canWrite} />
      <TextInput label={m.treasurer} value={treasurer} onChange={saver.edit(setTreasurer)} error={errors.treasurer} disabled={!canWrite} />
    </SettingForm>
  );
}
