import { useState } from 'react';

/**
 * A text input's value plus whether its problem may be shown yet: problems appear as soon as the
 * user changes the field or leaves it, never on a pristine form.
 */
export type FieldState = {
  readonly value: string;
  readonly set: (value: string) => void;
  readonly touched: boolean;
  readonly touch: () => void;
  readonly reset: () => void;
};

export function useField(initial = ''): FieldState {
  const [value, setValue] = useState(initial);
  const [touched, setTouched] = useState(false);
  return {
    value,
    set: (next) => {
      setValue(next);
      setTouched(true);
    },
    touched,
    touch: () => setTouched(true),
    reset: () => {
      setValue(initial);
      setTouched(false);
    },
  };
}

/** The problem text to show for a field, or undefined while it is pristine or fine. */
export const shown = (field: FieldState, problem: string | undefined, submitted: boolean): string | undefined =>
  field.touched || submitted ? problem : undefined;
