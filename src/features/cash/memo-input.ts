import { useState } from 'react';

/** CONTRACT §3 memo: text(200), trimmed, not empty (src/domain/entry/schema.ts). */
export const MEMO_MAX = 200;

export type MemoCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: 'required' | 'too-long' };

export function checkMemo(text: string): MemoCheck {
  const value = text.trim();
  if (value === '') return { ok: false, error: 'required' };
  if (value.length > MEMO_MAX) return { ok: false, error: 'too-long' };
  return { ok: true, value };
}

export type MemoInput = {
  readonly text: string;
  readonly setText: (text: string) => void;
  readonly check: MemoCheck;
  readonly touched: boolean;
  readonly touch: () => void;
  readonly reset: () => void;
};

export function useMemoInput(): MemoInput {
  const [text, setTextState] = useState('');
  const [touched, setTouched] = useState(false);
  return {
    text,
    setText: (next) => {
      setTextState(next);
      setTouched(true);
    },
    check: checkMemo(text),
    touched,
    touch: () => setTouched(true),
    reset: () => {
      setTextState('');
      setTouched(false);
    },
  };
}
