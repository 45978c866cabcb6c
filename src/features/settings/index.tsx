import { StoragePanel } from '../device/StoragePanel.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { settingsMessages } from './messages.ts';

export default function SettingsPage() {
  const m = settingsMessages.useMessages();
  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      <p className="page__intro">{m.intro}</p>
      <section className="card">
        <LanguagePicker legend={m.languageTitle} hint={m.languageHint} />
      </section>
      <StoragePanel />
    </article>
  );
}
