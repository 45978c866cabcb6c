import { StoragePanel } from '../device/StoragePanel.tsx';
import { demoMarkOf } from '../demo/demo-mark.ts';
import { DemoPanel } from '../demo/DemoPanel.tsx';
import { Link } from '../navigation/link.tsx';
import { useCooperative } from '../session/cooperative.ts';
import { useCanWrite } from '../session/use-session.ts';
import { AutoLockPicker } from './AutoLockPicker.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { CollectibilityForm } from './CollectibilityForm.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { LoanDefaultsForm } from './LoanDefaultsForm.tsx';
import { settingsMessages } from './messages.ts';
import { ProfileForm } from './ProfileForm.tsx';
import { SavingsAmountsForm } from './SavingsAmountsForm.tsx';
import { ShuAllocationForm } from './ShuAllocationForm.tsx';

/** `/pengaturan`: the cooperative's settings (recorded as entries), this phone's preferences, backup. */
export default function SettingsPage() {
  const m = settingsMessages.useMessages();
  const cooperative = useCooperative();
  const canWrite = useCanWrite();

  return (
    <article className="page settings-page">
      <h1 className="page__title">{m.title}</h1>
      <p className="page__intro">{m.intro}</p>
      {canWrite ? <p className="hint">{m.recordedNote}</p> : <p className="notice">{m.readOnly}</p>}
      {cooperative === undefined ? <p role="status">{m.loading}</p> : null}
      {cooperative === null || cooperative === undefined ? null : (
        // Keyed by the cooperative (and a demo load) so the forms start again from the stored values
        // when the books change under them — but not on their own saves, which would hide "Tersimpan".
        <div key={`${cooperative.cooperativeId}-${demoMarkOf(cooperative.settings)?.until ?? ''}`} className="settings-forms">
          <ProfileForm cooperative={cooperative} />
          <SavingsAmountsForm cooperative={cooperative} />
          <LoanDefaultsForm cooperative={cooperative} />
          <ShuAllocationForm cooperative={cooperative} />
          <CollectibilityForm cooperative={cooperative} />
        </div>
      )}
      <AutoLockPicker />
      <section className="card">
        <LanguagePicker legend={m.languageTitle} hint={m.languageHint} />
      </section>
      <StoragePanel />
      {cooperative === null || cooperative === undefined ? null : <BackupPanel cooperative={cooperative} />}
      {cooperative === null || cooperative === undefined ? null : <DemoPanel cooperative={cooperative} />}
      <p>
        <Link to="/tentang">{m.about}</Link>
      </p>
    </article>
  );
}
