import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app-root';
import { I18nProvider } from './i18n/i18n-context';
import './console.css';
import { SessionProvider } from './session-context';

// Date pickers name months and weekdays through dayjs, and start weeks on Monday in its Chinese locale.
dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
      // Chinese labels read as written: 登录, not 登 录.
      button={{ autoInsertSpace: false }}
    >
      {/* Chinese first; a user may switch the console (and Ant Design's own texts) to 繁體中文 or English. */}
      <I18nProvider>
        <AntApp style={{ height: '100%' }}>
          <SessionProvider>
            <AppRoot />
          </SessionProvider>
        </AntApp>
      </I18nProvider>
    </ConfigProvider>
  </StrictMode>,
);
