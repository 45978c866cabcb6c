import { useState } from 'react';
import { LANGUAGES, type Language } from '../../i18n/catalog.ts';
import { setLanguage, useLanguageStore } from '../../i18n/language-store.ts';

/** Each language is named in itself, so someone who set the wrong one can still find theirs. */
const NATIVE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

/**
 * English comes as its own small download (later-english.ts). On a first visit without signal,
 * before the app is installed, it cannot: said in both languages, as the reader chose the other one.
 */
const NOT_YET = 'Bahasa Inggris belum bisa dimuat; coba lagi saat ada sinyal. — English could not be loaded yet; try again when there is a signal.';

type Props = { readonly legend: string; readonly hint: string };

export function LanguagePicker({ legend, hint }: Props) {
  const language = useLanguageStore((state) => state.language);
  const [failed, setFailed] = useState(false);
  const choose = (option: Language) => {
    setFailed(false);
    void setLanguage(option).then((fetched) => setFailed(!fetched));
  };
  return (
    <fieldset className="choice-group">
      <legend className="card__title">{legend}</legend>
      <p className="hint">{hint}</p>
      {LANGUAGES.map((option) => (
        <label key={option} className="choice" lang={option}>
          <input type="radio" name="language" value={option} checked={language === option} onChange={() => choose(option)} />
          <span>{NATIVE_NAMES[option]}</span>
        </label>
      ))}
      {failed ? (
        <p className="form-error" role="alert">
          {NOT_YET}
        </p>
      ) : null}
    </fieldset>
  );
}
