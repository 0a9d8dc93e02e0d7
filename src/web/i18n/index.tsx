/**
 * Language of the web app's own texts: Swedish by default, English on request, remembered in
 * localStorage and mirrored on <html lang>. Numbers and dates stay sv-SE in both languages.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { languages, type Language, type Messages } from './messages.ts';
import { sv } from './sv.ts';

export type { Language, Messages };

const dictionaries: Record<Language, Messages> = { sv, en };
const storageKey = 'styrkort.language';

interface I18n {
  language: Language;
  t: Messages;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return languages.find((language) => language === stored) ?? 'sv';
  } catch {
    return 'sv'; // storage may be blocked; Swedish is the default anyway
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    setState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // not remembered, but switched
    }
  }, []);
  const value = useMemo(() => ({ language, t: dictionaries[language], setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's texts and the switch. */
export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
