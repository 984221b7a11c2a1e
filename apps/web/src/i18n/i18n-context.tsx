import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LOCALES, setActiveLocale, type Locale } from './locale';
import { loadTraditionalConverter } from './traditional-chinese';
import { isMessageKey, translate, type Translate } from './translate';

export { LOCALE_NAMES, LOCALES, type Locale } from './locale';
export type { MessageKey, Translate } from './translate';

const ANTD_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };
const STORAGE_KEY = 'civicgrid.locale';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** A page's name in the navigation: its catalog entry, or the route's own (Chinese) label for a page not yet translated. */
  routeLabel: (route: { path: string; label: string }) => string;
  /** A catalog entry named at run time (`nav.${key}`, `role.${role}`), or the given (Chinese) text when the catalog has none. */
  lookup: (key: string, fallback: string) => string;
}

function i18nOf(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const t: Translate = (key, values) => translate(locale, key, values);
  const lookup = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  const routeLabel = (route: { path: string; label: string }) => lookup(`route.${route.path}`, route.label);
  return { locale, setLocale, t, routeLabel, lookup };
}

/** Outside a provider (a page that offers no switch) components speak the console's first language. */
const CHINESE = i18nOf('zh-CN', () => undefined);

const I18nContext = createContext<I18n>(CHINESE);

function storedLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * The console's language: Chinese unless the user chose another, remembered in this browser. Ant Design and dayjs
 * follow it, and so does the API client, which asks the server for its messages in it.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  // Set before the first render: the pages' first requests already ask for the stored language.
  const [locale, setLocaleState] = useState<Locale>(() => {
    const stored = storedLocale();
    setActiveLocale(stored);
    return stored;
  });
  // Bumped when the Traditional converter has loaded, so that texts from the server already shown are converted.
  const [conversions, setConversions] = useState(0);

  useEffect(() => {
    dayjs.locale(DAYJS_LOCALES[locale]);
    document.documentElement.lang = locale;
    if (locale !== 'zh-TW') return;
    let current = true;
    loadTraditionalConverter()
      .then(() => current && setConversions((count) => count + 1))
      // Unconverted, the server's texts are still readable; the next error tries the load again.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // a browser that keeps nothing still switches for this visit
    }
    setActiveLocale(next);
    dayjs.locale(DAYJS_LOCALES[next]);
    setLocaleState(next);
  }, []);

  // `conversions` only renews the value, so that consumers render the server's texts again, converted.
  const value = useMemo<I18n>(() => i18nOf(locale, setLocale), [locale, setLocale, conversions]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
