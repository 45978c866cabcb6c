import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { formsMessages } from './messages.ts';

type Props = {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel?: string;
  readonly cancelLabel?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** Disables the confirm button while the confirmed action runs. */
  readonly busy?: boolean;
};

/**
 * Asks before recording something that breaks a rule but is still a fact (an overdraft, a loan to
 * someone who left): the entry is saved, and flagged, only after "Ya, lanjutkan".
 *
 * A modal `alertdialog` built from plain elements: focus moves to "Batal" (the safe choice) on open
 * and back to where it was on close; Escape cancels; Tab stays inside.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, onConfirm, onCancel, busy = false }: Props) {
  const m = formsMessages.useMessages();
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancelRef.current?.focus();
    return () => previous?.focus();
  }, [open]);

  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const buttons = boxRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)');
    if (buttons === undefined || buttons.length === 0) return;
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={boxRef}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} className="dialog__title">
          {title}
        </h2>
        <div id={`${id}-body`} className="dialog__body">
          {children}
        </div>
        <div className="actions">
          <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
            {cancelLabel ?? m.confirm.no}
          </button>
          <button type="button" className="button button--primary" disabled={busy} onClick={onConfirm}>
            {confirmLabel ?? m.confirm.yes}
          </button>
        </div>
      </div>
    </div>
  );
}
