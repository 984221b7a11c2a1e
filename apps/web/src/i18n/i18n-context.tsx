import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { EN } from './messages-en';
import { ZH_CN, type Catalog, type MessageKey } from './messages-zh-cn';
import { ZH_TW } from './messages-zh-tw';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each locale named in its own language, as the switch lists them. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

const CATALOGS: Record<Locale, Catalog> = { 'zh-CN': ZH_CN, 'zh-TW': ZH_TW, en: EN };
const ANTD_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };
const STORAGE_KEY = 'civicgrid.locale';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** A page's name in the navigation: its catalog entry, or the route's own (Chinese) label for a page not yet translated. */
  routeLabel: (route: { path: string; label: string }) => string;
  /** A catalog entry named at run time (`nav.${key}`, `role.${role}`), or the given (Chinese) text when the catalog has none. */
  lookup: (key: string, fallback: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function translate(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const text = CATALOGS[locale][key] ?? ZH_CN[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
}

/** The console's language: Chinese unless the user chose another, remembered in this browser; Ant Design follows it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  useEffect(() => {
    dayjs.locale(DAYJS_LOCALES[locale]);
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // a browser that keeps nothing still switches for this visit
    }
    dayjs.locale(DAYJS_LOCALES[next]);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const t: Translate = (key, values) => translate(locale, key, values);
    const lookup = (key: string, fallback: string) => (key in ZH_CN ? t(key as MessageKey) : fallback);
    const routeLabel = (route: { path: string; label: string }) => lookup(`route.${route.path}`, route.label);
    return { locale, setLocale, t, routeLabel, lookup };
  }, [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nProvider');
  return i18n;
}
