export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each locale named in its own language, as the switch lists them. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

let active: Locale = 'zh-CN';

/**
 * The console's language for code outside React: the API client asks the server for it and error texts are shown
 * in it. The I18nProvider keeps it current; a page without one (a phone page that has no switch) stays Chinese.
 */
export function activeLocale(): Locale {
  return active;
}

export function setActiveLocale(locale: Locale): void {
  active = locale;
}
