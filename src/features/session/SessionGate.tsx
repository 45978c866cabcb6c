import { useEffect, useState, type ReactNode } from 'react';
import { WelcomeScreen } from '../enroll/WelcomeScreen.tsx';
import { Link } from '../navigation/link.tsx';
import { FirstUserForm } from '../users/FirstUserForm.tsx';
import { LockScreen } from '../users/LockScreen.tsx';
import { useAutoLock } from '../users/use-auto-lock.ts';
import { sessionMessages } from './messages.ts';
import { useSessionStore } from './session-store.ts';
import { useSetupState } from './gate-state.ts';
import { preloadGateActions } from './gate-preload.ts';
import { useUsableMark, whenFirstScreenShown } from './usable-mark.ts';

/**
 * Wraps the treasurer's screens. Until the phone is set up it shows the welcome screen, then the
 * first user's form; after that the lock screen until someone unlocks with their PIN. The screens
 * (the children) are mounted only while a user is signed in, so a locked phone has no cooperative
 * data in the page at all.
 */
export function SessionGate({ children }: { readonly children: ReactNode }) {
  const m = sessionMessages.useMessages();
  const setup = useSetupState();
  const user = useSessionStore((state) => state.user);

  // A signed-in user means the phone was set up when they unlocked: show the screens at once rather
  // than a loading line on every render of the frame while the first live read is in flight.
  if (user !== null && (setup === undefined || setup.kind === 'ready')) {
    return <Unlocked local={setup?.kind === 'ready' && setup.mode === 'local'}>{children}</Unlocked>;
  }
  if (setup === undefined) {
    return (
      <GateFrame>
        <SlowLoading text={m.loading} />
      </GateFrame>
    );
  }
  switch (setup.kind) {
    case 'failed':
      return (
        <GateFrame>
          <p className="form-error" role="alert">
            {m.storageFailed}
          </p>
        </GateFrame>
      );
    case 'new':
      return (
        <GateFrame usable>
          <WelcomeScreen />
        </GateFrame>
      );
    case 'no-user':
      return (
        <GateFrame usable>
          <FirstUserForm />
        </GateFrame>
      );
    case 'ready':
      return (
        <GateFrame usable>
          <LockScreen />
        </GateFrame>
      );
  }
}

/** How long the first read may take before "Opening the books…" is worth showing. */
const LOADING_SHOWN_AFTER_MS = 400;

/**
 * The loading line, only when the first read is slow. It usually answers within a frame or two, and
 * painting the line first cost a warm start one more style, layout and paint pass before the lock
 * screen (docs/performance.md §1) for a line nobody could read.
 */
function SlowLoading({ text }: { readonly text: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(true), LOADING_SHOWN_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return shown ? (
    <p className="loading" role="status">
      {text}
    </p>
  ) : null;
}

/** `usable`: the frame holds a screen the treasurer can act on (the load benchmark's end mark). */
function GateFrame({ usable = false, children }: { readonly usable?: boolean; readonly children: ReactNode }) {
  useUsableMark(usable);
  useEffect(() => {
    if (usable) whenFirstScreenShown(preloadGateActions);
  }, [usable]);
  return (
    <main id="main" className="session-frame" tabIndex={-1}>
      {children}
    </main>
  );
}

function Unlocked({ local, children }: { readonly local: boolean; readonly children: ReactNode }) {
  const m = sessionMessages.useMessages();
  useAutoLock();
  useUsableMark(true);
  return (
    <>
      {local ? (
        <p className="local-mode-strip" role="note">
          <span>{m.localMode}</span> <Link to="/daftar">{m.enrollNow}</Link>
        </p>
      ) : null}
      {children}
    </>
  );
}
