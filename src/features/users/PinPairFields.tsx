import { usersMessages } from './messages.ts';
import { checkPin, type PinProblem } from './pin-rules.ts';
import { pinProblemText } from './problem-text.ts';
import { TextField } from './TextField.tsx';
import { shown, useField, type FieldState } from './use-field.ts';

/** A new PIN typed twice: the first user's and an added user's forms share the rule and the fields. */
export type PinPair = {
  readonly pin: FieldState;
  readonly again: FieldState;
  readonly pinProblem: PinProblem | null;
  readonly againProblem: string | undefined;
  readonly valid: boolean;
  readonly reset: () => void;
};

export function usePinPair(): PinPair {
  const m = usersMessages.useMessages();
  const pin = useField();
  const again = useField();
  const pinProblem = checkPin(pin.value);
  const againProblem = again.value !== pin.value ? m.errors.pinMismatch : undefined;
  return {
    pin,
    again,
    pinProblem,
    againProblem,
    valid: pinProblem === null && againProblem === undefined,
    reset: () => {
      pin.reset();
      again.reset();
    },
  };
}

/** The two PIN fields; problems show once a field was touched, or all of them after a submit. */
export function PinPairFields({ pair, submitted, hint }: { pair: PinPair; submitted: boolean; hint?: string }) {
  const m = usersMessages.useMessages();
  const { pin, again, pinProblem, againProblem } = pair;
  return (
    <>
      <TextField
        label={m.pin}
        hint={hint}
        type="password"
        inputMode="numeric"
        value={pin.value}
        onChange={pin.set}
        onBlur={pin.touch}
        error={shown(pin, pinProblem === null ? undefined : pinProblemText(pinProblem, m), submitted)}
      />
      <TextField
        label={m.pinAgain}
        type="password"
        inputMode="numeric"
        value={again.value}
        onChange={again.set}
        onBlur={again.touch}
        error={shown(again, againProblem, submitted)}
      />
    </>
  );
}
