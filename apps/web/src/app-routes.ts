import type { Permission } from '@civicgrid/domain';
import { matchPathPattern } from './path-pattern';

export interface AppRoute {
  /** A plain path, or a pattern whose `:name` segments take any one segment, e.g. /incidents/:id. */
  path: string;
  label: string;
  /** Shown, and reachable, only for users holding this permission. */
  permission?: Permission;
  /** The navigation entry the page belongs to, when it is not an entry itself. */
  menuPath?: string;
}

export interface RouteMatch {
  route: AppRoute;
  params: Record<string, string>;
}

export const MAP_ROUTE: AppRoute = { path: '/', label: '网格地图' };

export const INCIDENT_LIST_ROUTE: AppRoute = { path: '/incidents', label: '事件中心', permission: 'incident.read' };
export const INCIDENT_REPORT_ROUTE: AppRoute = { path: '/incidents/new', label: '上报事件', permission: 'incident.report' };
export const INCIDENT_ROUTE: AppRoute = { path: '/incidents/:id', label: '事件详情', permission: 'incident.read', menuPath: '/incidents' };
export const ALL_CLEAR_ROUTE: AppRoute = { path: '/all-clears', label: '报平安', permission: 'all_clear.read' };

/** The pages of the incident loop, in the order the navigation lists them. */
export const INCIDENT_ROUTES: AppRoute[] = [INCIDENT_LIST_ROUTE, INCIDENT_REPORT_ROUTE, ALL_CLEAR_ROUTE];

export const PERSON_LIST_ROUTE: AppRoute = { path: '/registers/persons', label: '实有人口', permission: 'base_data.read' };
export const PERSON_CREATE_ROUTE: AppRoute = {
  path: '/registers/persons/new', label: '新增人员', permission: 'base_data.manage', menuPath: '/registers/persons',
};
export const PERSON_DUPLICATES_ROUTE: AppRoute = {
  path: '/registers/persons/duplicates', label: '疑似重复人员', permission: 'base_data.manage', menuPath: '/registers/persons',
};
export const PERSON_ROUTE: AppRoute = { path: '/registers/persons/:id', label: '人员详情', permission: 'base_data.read', menuPath: '/registers/persons' };
export const IMPORT_ROUTE: AppRoute = { path: '/registers/imports/new', label: '批量导入', permission: 'base_data.manage' };

/** The registers of records in grids, served alike (record-registers.ts). */
export const RECORD_REGISTER_ROUTES: AppRoute[] = [
  { path: '/registers/organizations', label: '单位组织', permission: 'base_data.read' },
  { path: '/registers/places', label: '重点场所', permission: 'base_data.read' },
  { path: '/registers/facilities', label: '部件', permission: 'base_data.read' },
];

/** The pages listed under 基础数据. */
export const REGISTER_ROUTES: AppRoute[] = [PERSON_LIST_ROUTE, ...RECORD_REGISTER_ROUTES, IMPORT_ROUTE];

export const COMMAND_MAP_ROUTE: AppRoute = { path: '/command', label: '指挥地图', permission: 'region.read' };
export const DASHBOARD_ROUTE: AppRoute = { path: '/dashboards', label: '数据看板', permission: 'dashboard.read' };
export const BIG_SCREEN_ROUTE: AppRoute = { path: '/big-screen', label: '指挥大屏', permission: 'dashboard.read' };
export const DIRECTIVE_LIST_ROUTE: AppRoute = { path: '/directives', label: '指令', permission: 'directive.read' };
export const MY_DIRECTIVES_ROUTE: AppRoute = { path: '/directives/mine', label: '我的指令', permission: 'directive.complete' };
export const DIRECTIVE_ROUTE: AppRoute = { path: '/directives/:id', label: '指令详情', permission: 'directive.read', menuPath: '/directives' };
export const CAMERA_LIST_ROUTE: AppRoute = { path: '/cameras', label: '视频点位', permission: 'camera.read' };

/** The pages listed under 指挥调度. */
export const COMMAND_ROUTES: AppRoute[] = [COMMAND_MAP_ROUTE, DASHBOARD_ROUTE, BIG_SCREEN_ROUTE, DIRECTIVE_LIST_ROUTE, MY_DIRECTIVES_ROUTE, CAMERA_LIST_ROUTE];

/** The pages listed under 系统管理. */
export const ADMIN_ROUTES: AppRoute[] = [
  { path: '/admin/users', label: '用户管理', permission: 'user.manage' },
  { path: '/admin/api-tokens', label: '接口令牌', permission: 'api_token.manage' },
  { path: '/admin/audit-log', label: '审计日志', permission: 'audit.read' },
];

// Plain paths come before patterns: /incidents/new is a page of its own, not the incident "new".
const ALL_ROUTES: AppRoute[] = [
  MAP_ROUTE, ...INCIDENT_ROUTES, ...REGISTER_ROUTES, PERSON_CREATE_ROUTE, PERSON_DUPLICATES_ROUTE, ...ADMIN_ROUTES, INCIDENT_ROUTE, PERSON_ROUTE,
  ...COMMAND_ROUTES, DIRECTIVE_ROUTE,
];

export function matchRoute(path: string): RouteMatch | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const route of ALL_ROUTES) {
    const params = matchPathPattern(route.path, normalized);
    if (params) return { route, params };
  }
  return undefined;
}

/** The path of one incident's page. */
export const incidentPath = (id: number) => `/incidents/${id}`;

/** The path of one directive's page. */
export const directivePath = (id: number) => `/directives/${id}`;

/** The path of one person's page. */
export const personPath = (id: number) => `/registers/persons/${id}`;
