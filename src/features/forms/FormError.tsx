import { describeError } from '../../i18n/errors.ts';
import { useLanguageStore } from '../../i18n/language-store.ts';

type Props =
  | { readonly code: string; readonly message?: never }
  | { readonly message: string; readonly code?: never };

/**
 * A form-level error the user must read (a failed save, a refused action). `code` is a kebab-case
 * error code (storage, sync, server) turned into a sentence by src/i18n/errors.ts.
 */
export function FormError(props: Props) {
  const language = useLanguageStore((state) => state.language);
  const text = props.code === undefined ? props.message : describeError(props.code, language);
  return (
    <p className="form-error" role="alert">
      {text}
    </p>
  );
}
