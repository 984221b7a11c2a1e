import { CheckSquareOutlined, HomeOutlined, PlusCircleOutlined, UserOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { HomeScreen } from './home/home-screen';
import { MeScreen } from './me/me-screen';
import { MOBILE_PATHS, matchPath } from './mobile-paths';
import { PatrolScreen } from './patrol/patrol-screen';
import { ReportScreen } from './report/report-screen';
import { TasksScreen } from './tasks/tasks-screen';
import { VerifyScreen } from './verify/verify-screen';
import { VisitFormScreen } from './visits/visit-form-screen';
import { VisitsScreen } from './visits/visits-screen';

export type MobileTab = 'home' | 'report' | 'tasks' | 'me';

/** The bottom tab bar, left to right. */
export const MOBILE_TABS: { key: MobileTab; path: string; title: string; icon: ReactNode }[] = [
  { key: 'home', path: MOBILE_PATHS.home, title: '首页', icon: <HomeOutlined /> },
  { key: 'report', path: MOBILE_PATHS.report, title: '上报', icon: <PlusCircleOutlined /> },
  { key: 'tasks', path: MOBILE_PATHS.tasks, title: '待办', icon: <CheckSquareOutlined /> },
  { key: 'me', path: MOBILE_PATHS.me, title: '我的', icon: <UserOutlined /> },
];

export interface MobileScreen {
  /** a pattern of MOBILE_PATHS, e.g. /m/verify/:incidentId */
  path: string;
  /** the title bar's text */
  title: string;
  /** the tab it belongs to, lit in the tab bar */
  tab: MobileTab;
  /** a tab's own screen has no back arrow; a screen opened from one does */
  isTabRoot: boolean;
  /**
   * Stays mounted (hidden) once opened, so that what the worker entered survives a look at another tab. Other
   * screens are made anew each time and so show fresh data. Only for screens without path parameters.
   */
  keepAlive?: boolean;
  Component: ComponentType<{ params: Record<string, string> }>;
}

/**
 * Every screen of the app, found by path. Extension point: a new screen is one entry here (its path added to
 * MOBILE_PATHS); e.g. { path: MOBILE_PATHS.verify, title: '核查', tab: 'tasks', isTabRoot: false, Component: VerifyScreen }.
 */
export const MOBILE_SCREENS: MobileScreen[] = [
  { path: MOBILE_PATHS.home, title: '网格通', tab: 'home', isTabRoot: true, Component: HomeScreen },
  { path: MOBILE_PATHS.report, title: '上报事件', tab: 'report', isTabRoot: true, keepAlive: true, Component: ReportScreen },
  { path: MOBILE_PATHS.tasks, title: '待办', tab: 'tasks', isTabRoot: true, Component: TasksScreen },
  { path: MOBILE_PATHS.me, title: '我的', tab: 'me', isTabRoot: true, Component: MeScreen },
  { path: MOBILE_PATHS.verify, title: '核查', tab: 'tasks', isTabRoot: false, Component: VerifyScreen },
  { path: MOBILE_PATHS.visits, title: '走访', tab: 'tasks', isTabRoot: false, Component: VisitsScreen },
  { path: MOBILE_PATHS.visit, title: '走访登记', tab: 'tasks', isTabRoot: false, Component: VisitFormScreen },
  { path: MOBILE_PATHS.patrol, title: '巡查', tab: 'tasks', isTabRoot: false, Component: PatrolScreen },
];

export function screenOf(pathname: string): { screen: MobileScreen; params: Record<string, string> } | null {
  for (const screen of MOBILE_SCREENS) {
    const params = matchPath(screen.path, pathname);
    if (params) return { screen, params };
  }
  return null;
}
