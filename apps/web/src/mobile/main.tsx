import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './antd-mobile-render';
import { MobileApp } from './mobile-app';
import './mobile.css';
import { registerServiceWorker } from './service-worker-registration';
import { MobileSessionProvider } from './session/mobile-session';

const root = document.getElementById('root');
if (!root) throw new Error('m/index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MobileSessionProvider>
      <MobileApp />
    </MobileSessionProvider>
  </StrictMode>,
);
registerServiceWorker();
