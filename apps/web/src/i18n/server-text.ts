import { activeLocale } from './locale';
import { toTraditional } from './traditional-chinese';

/**
 * A text the server wrote in the language the console asked it for (an error, an import's problems): English as
 * it came, Chinese in Traditional characters for 繁體中文, since the server writes Chinese in Simplified only.
 */
export function serverText(text: string): string {
  return activeLocale() === 'zh-TW' ? toTraditional(text) : text;
}

/** A text given in both languages (a field's problem, from the domain's rules or the server's), in the console's language. */
export function bilingualText(texts: { zh: string; en: string }): string {
  const locale = activeLocale();
  if (locale === 'en') return texts.en;
  return locale === 'zh-TW' ? toTraditional(texts.zh) : texts.zh;
}
