import { useEffect, useState } from 'react';
import { defineMessages } from '../../i18n/define-messages.ts';
import { loadErrorSentences, loadedErrorSentences } from '../../i18n/error-sentences.ts';
import { useLanguageStore } from '../../i18n/language-store.ts';

type Props =
  | { readonly code: string; readonly message?: never }
  | { readonly message: string; readonly code?: never };

/** Only while the sentences are still on their way (error-sentences.ts). */
const pending = defineMessages({
  id: { general: (code: string) => `Terjadi kesalahan (kode: ${code}). Data yang sudah tersimpan tetap aman.` },
  en: { general: (code: string) => `Something went wrong (code: ${code}). Data already saved is safe.` },
});

/**
 * A form-level error the user must read (a failed save, a refused action). `code` is a kebab-case
 * error code (storage, sync, server) turned into a sentence by src/i18n/errors.ts.
 */
export function FormError(props: Props) {
  const language = useLanguageStore((state) => state.language);
  const [sentences, setSentences] = useState(loadedErrorSentences);
  useEffect(() => {
    if (sentences !== undefined || props.code === undefined) return undefined;
    let mounted = true;
    loadErrorSentences().then(
      (module) => {
        if (mounted) setSentences(module);
      },
      () => undefined, // the general sentence stays; the code in it still tells the office what happened
    );
    return () => {
      mounted = false;
    };
  }, [sentences, props.code]);
  const text =
    props.code === undefined
      ? props.message
      : sentences === undefined
        ? pending.in(language).general(props.code)
        : sentences.describeError(props.code, language);
  return (
    <p className="form-error" role="alert">
      {text}
    </p>
  );
}
