import type { Locale } from './locale';
import { EN } from './messages-en';
import { ZH_CN, type Catalog, type MessageKey } from './messages-zh-cn';
import { ZH_TW } from './messages-zh-tw';

export type { MessageKey };

const CATALOGS: Record<Locale, Catalog> = { 'zh-CN': ZH_CN, 'zh-TW': ZH_TW, en: EN };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A catalog entry in a locale, its `{name}` placeholders filled in from `values`. */
export function translate(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const text = CATALOGS[locale][key] ?? ZH_CN[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
}

/** Whether a key named at run time (`role.${role}`) is in the catalogs. */
export function isMessageKey(key: string): key is MessageKey {
  return key in ZH_CN;
}
