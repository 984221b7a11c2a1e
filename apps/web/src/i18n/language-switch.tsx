import { GlobalOutlined } from '@ant-design/icons';
import { Dropdown, type MenuProps } from 'antd';
import { LOCALE_NAMES, LOCALES, useI18n, type Locale } from './i18n-context';

/** Short, so that the header keeps its room for the page's trail. */
const SHORT_NAMES: Record<Locale, string> = { 'zh-CN': '简', 'zh-TW': '繁', en: 'EN' };

const BUTTON_STYLE = {
  display: 'inline-flex', alignItems: 'center', gap: 6, height: 32, padding: '0 8px', border: 0, borderRadius: 6,
  background: 'transparent', color: 'rgba(0, 0, 0, 0.65)', font: 'inherit', cursor: 'pointer', whiteSpace: 'nowrap', flex: 'none',
} as const;

/** The header's language menu: 简体中文, 繁體中文, English. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const items: MenuProps['items'] = LOCALES.map((option) => ({ key: option, label: LOCALE_NAMES[option], 'data-testid': `language-${option}` }));
  return (
    <Dropdown
      menu={{ items, selectable: true, selectedKeys: [locale], onClick: ({ key }) => setLocale(key as Locale) }}
      trigger={['click']}
      placement="bottomRight"
    >
      <button type="button" style={BUTTON_STYLE} aria-label={t('language.label')} title={`${t('language.label')}: ${LOCALE_NAMES[locale]}`} data-testid="language-switch">
        <GlobalOutlined />
        <span>{SHORT_NAMES[locale]}</span>
      </button>
    </Dropdown>
  );
}
