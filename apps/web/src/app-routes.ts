import type { Permission } from '@civicgrid/domain';

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

/** The pages listed under 系统管理. */
export const ADMIN_ROUTES: AppRoute[] = [
  { path: '/admin/users', label: '用户管理', permission: 'user.manage' },
  { path: '/admin/api-tokens', label: '接口令牌', permission: 'api_token.manage' },
  { path: '/admin/audit-log', label: '审计日志', permission: 'audit.read' },
];

// Plain paths come before patterns: /incidents/new is a page of its own, not the incident "new".
const ALL_ROUTES: AppRoute[] = [MAP_ROUTE, ...INCIDENT_ROUTES, ...ADMIN_ROUTES, INCIDENT_ROUTE];

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const patternSegments = pattern.split('/');
  const pathSegments = path.split('/');
  if (patternSegments.length !== pathSegments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, expected] of patternSegments.entries()) {
    const actual = pathSegments[index] ?? '';
    if (expected.startsWith(':')) {
      if (!actual) return null;
      params[expected.slice(1)] = decodeURIComponent(actual);
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

export function matchRoute(path: string): RouteMatch | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const route of ALL_ROUTES) {
    const params = matchPattern(route.path, normalized);
    if (params) return { route, params };
  }
  return undefined;
}

/** The path of one incident's page. */
export const incidentPath = (id: number) => `/incidents/${id}`;
