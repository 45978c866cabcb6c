/** The shared form kit: every screen that records an entry builds its form from these. */
export { AmountField, amountErrorText } from './AmountField.tsx';
export { ABSURD_AMOUNT, checkAmount, useAmountInput, type AmountCheck, type AmountInput, type AmountOptions } from './amount-input.ts';
export { ConfirmDialog } from './ConfirmDialog.tsx';
export { DateField, useDateInput, type DateInput } from './DateField.tsx';
export { FormError } from './FormError.tsx';
export { MemberPicker, PICKER_LIMIT } from './MemberPicker.tsx';
export { SaveFeedback } from './SaveFeedback.tsx';
export { freshEntryId, saveDraft, type SaveOptions, type ScreenDraft } from './save-entry.ts';
export { notifyEntrySaved, onEntrySaved } from './saved-listeners.ts';
export { IDLE_SAVE, useSaveEntry, type SaveEntry, type SaveState } from './use-save-entry.ts';
export { VIAS, ViaPicker } from './ViaPicker.tsx';
export { formsMessages } from './messages.ts';
export { FlagNote } from './FlagNote.tsx';
export { flagMessages } from './flag-text.ts';
