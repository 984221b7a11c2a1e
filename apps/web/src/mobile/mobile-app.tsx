import { NavBar, SpinLoading, TabBar } from 'antd-mobile';
import { useState } from 'react';
import { navigate, usePathname } from '../app-location';
import { LoginScreen } from './login/login-screen';
import { MOBILE_PATHS } from './mobile-paths';
import { MOBILE_SCREENS, MOBILE_TABS, screenOf, type MobileScreen } from './mobile-screens';
import { OutboxProvider, useOutbox } from './outbox/outbox-context';
import { WAITING_STATES } from './outbox/outbox-item';
import { PatrolRecorderProvider } from './patrol/patrol-recorder';
import { useMobileSession } from './session/mobile-session';
import { NotFoundScreen } from './shell/not-found-screen';
import { SyncBanner } from './shell/sync-banner';

const NOT_FOUND: MobileScreen = { path: '', title: '页面不存在', tab: 'home', isTabRoot: false, Component: NotFoundScreen };

/** The app: the login screen, or the signed-in worker's screens around their outbox. */
export function MobileApp() {
  const { state, sessionEnded } = useMobileSession();
  if (state.status === 'checking') {
    return (
      <div className="m-splash">
        <SpinLoading color="primary" />
      </div>
    );
  }
  if (state.status === 'signed-out') return <LoginScreen notice={state.notice} />;
  return (
    <OutboxProvider key={state.user.userId} userId={state.user.userId} onSignedOut={sessionEnded}>
      {/* A patrol records whichever screen is open. */}
      <PatrolRecorderProvider userId={state.user.userId}>
        <MobileShell />
      </PatrolRecorderProvider>
    </OutboxProvider>
  );
}

function MobileTabBar({ active }: { active: string }) {
  const { items } = useOutbox();
  const waiting = items.filter((item) => WAITING_STATES.includes(item.state)).length;
  const conflicts = items.filter((item) => item.state === 'conflict').length;
  return (
    <TabBar className="m-tab-bar" activeKey={active} onChange={(key) => navigate(MOBILE_TABS.find((tab) => tab.key === key)?.path ?? MOBILE_PATHS.home)} safeArea>
      {MOBILE_TABS.map((tab) => (
        <TabBar.Item
          key={tab.key}
          icon={tab.icon}
          title={tab.title}
          badge={tab.key === 'me' && waiting + conflicts > 0 ? waiting + conflicts : undefined}
          // TabBar calls onChange only for another tab; the lit one, tapped from a screen opened from it, goes back to its root.
          onClick={tab.key === active ? () => navigate(tab.path) : undefined}
        />
      ))}
    </TabBar>
  );
}

/** Title bar, sync banner, the screen, tab bar. */
function MobileShell() {
  const pathname = usePathname();
  const found = screenOf(pathname);
  const screen = found?.screen ?? NOT_FOUND;
  const [keptPaths, setKeptPaths] = useState<string[]>([]);
  if (screen.keepAlive && !keptPaths.includes(screen.path)) setKeptPaths([...keptPaths, screen.path]);

  const back = () => {
    if (window.history.length > 1) window.history.back();
    else navigate(MOBILE_TABS.find((tab) => tab.key === screen.tab)?.path ?? MOBILE_PATHS.home);
  };

  return (
    <div className="m-app">
      <NavBar className="m-title-bar" back={screen.isTabRoot ? null : '返回'} onBack={back}>
        {screen.title}
      </NavBar>
      <SyncBanner />
      {MOBILE_SCREENS.filter((kept) => kept.keepAlive && keptPaths.includes(kept.path)).map((kept) => (
        <main key={kept.path} className="m-content" hidden={kept !== screen}>
          <kept.Component params={{}} />
        </main>
      ))}
      {!screen.keepAlive && (
        <main key={pathname} className="m-content">
          <screen.Component params={found?.params ?? {}} />
        </main>
      )}
      <MobileTabBar active={screen.tab} />
    </div>
  );
}
