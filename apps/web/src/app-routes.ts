import type { Permission } from '@civicgrid/domain';

export interface AppRoute {
  path: string;
  label: string;
  /** Shown, and reachable, only for users holding this permission. */
  permission?: Permission;
}

export const MAP_ROUTE: AppRoute = { path: '/', label: '网格地图' };

/** The pages listed under 系统管理. */
export const ADMIN_ROUTES: AppRoute[] = [
  { path: '/admin/users', label: '用户管理', permission: 'user.manage' },
  { path: '/admin/api-tokens', label: '接口令牌', permission: 'api_token.manage' },
  { path: '/admin/audit-log', label: '审计日志', permission: 'audit.read' },
];

export function routeOfPath(path: string): AppRoute | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return [MAP_ROUTE, ...ADMIN_ROUTES].find((route) => route.path === normalized);
}
