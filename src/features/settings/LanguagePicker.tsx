import { useRef, useState } from 'react';
import { LANGUAGES, type Language } from '../../i18n/catalog.ts';
import { setLanguage, useLanguageStore } from '../../i18n/language-store.ts';

/** Each language is named in itself, so someone who set the wrong one can still find theirs. */
const NATIVE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

/**
 * English comes as its own small download (later-english.ts): about a round trip over 2G the first
 * time, from the worker's cache after that. Until it is there the app stays in Indonesian, so the
 * picker shows the choice taken and says it is on its way; without signal, before the app is
 * installed, it cannot come. Both said in both languages, as the reader chose the other one.
 */
const ON_ITS_WAY = 'Memuat bahasa Inggris… — Loading English…';
const NOT_YET = 'Bahasa Inggris belum bisa dimuat; coba lagi saat ada sinyal. — English could not be loaded yet; try again when there is a signal.';

type Props = { readonly legend: string; readonly hint: string };

export function LanguagePicker({ legend, hint }: Props) {
  const language = useLanguageStore((state) => state.language);
  /** The choice whose catalogs are still being fetched; shown as chosen meanwhile. */
  const [fetching, setFetching] = useState<Language | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef<Language | null>(null);
  const choose = (option: Language) => {
    latest.current = option;
    setFailed(false);
    setFetching(option);
    void setLanguage(option).then((fetched) => {
      // Only the latest choice speaks: an English fetch that ends after Indonesian was chosen is moot.
      if (latest.current !== option) return;
      setFetching(null);
      setFailed(!fetched);
    });
  };
  const shown = fetching ?? language;
  return (
    <fieldset className="choice-group" aria-busy={fetching !== null && fetching !== language}>
      <legend className="card__title">{legend}</legend>
      <p className="hint">{hint}</p>
      {LANGUAGES.map((option) => (
        <label key={option} className="choice" lang={option}>
          <input type="radio" name="language" value={option} checked={shown === option} onChange={() => choose(option)} />
          <span>{NATIVE_NAMES[option]}</span>
        </label>
      ))}
      <p className="hint" role="status">
        {fetching === 'en' && language !== 'en' ? ON_ITS_WAY : null}
      </p>
      {failed ? (
        <p className="form-error" role="alert">
          {NOT_YET}
        </p>
      ) : null}
    </fieldset>
  );
}
