import { LANGUAGES, type Language } from '../../i18n/catalog.ts';
import { setLanguage, useLanguageStore } from '../../i18n/language-store.ts';

/** Each language is named in itself, so someone who set the wrong one can still find theirs. */
const NATIVE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

type Props = { readonly legend: string; readonly hint: string };

export function LanguagePicker({ legend, hint }: Props) {
  const language = useLanguageStore((state) => state.language);
  return (
    <fieldset className="choice-group">
      <legend className="card__title">{legend}</legend>
      <p className="hint">{hint}</p>
      {LANGUAGES.map((option) => (
        <label key={option} className="choice" lang={option}>
          <input
            type="radio"
            name="language"
            value={option}
            checked={language === option}
            onChange={() => setLanguage(option)}
          />
          <span>{NATIVE_NAMES[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}
