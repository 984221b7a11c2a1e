import type { StaffRole } from './roles.js';

/** Named permissions: what a role may do at all. Where it may do it is the jurisdiction's business. */
export const PERMISSIONS = [
  'region.read',
  'region.manage',
  'grid.read',
  'grid.manage',
  'grid_member.manage',
  'base_data.read',
  'base_data.manage',
  'person.reveal',
  'user.manage',
  'api_token.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['region.read', 'grid.read', 'base_data.read'];

export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  city_operator: [...READ, 'grid.manage', 'grid_member.manage', 'base_data.manage', 'person.reveal'],
  district_operator: [...READ, 'grid.manage', 'grid_member.manage', 'base_data.manage', 'person.reveal'],
  street_operator: [...READ, 'grid.manage', 'grid_member.manage', 'base_data.manage', 'person.reveal'],
  community_operator: [...READ, 'grid_member.manage', 'base_data.manage', 'person.reveal'],
  leader: [...READ],
  department_handler: ['region.read', 'grid.read'],
  grid_worker: [...READ, 'base_data.manage', 'person.reveal'],
  mediator: ['region.read', 'grid.read', 'base_data.read', 'person.reveal'],
  administrator: [...READ, 'region.manage', 'grid.manage', 'grid_member.manage', 'base_data.manage', 'user.manage', 'api_token.manage', 'audit.read'],
};

export const PERMISSION_LABELS: Record<Permission, string> = {
  'region.read': '查看区划',
  'region.manage': '管理区划',
  'grid.read': '查看网格',
  'grid.manage': '管理网格边界',
  'grid_member.manage': '配备网格力量',
  'base_data.read': '查看基础数据',
  'base_data.manage': '维护基础数据',
  'person.reveal': '查看敏感信息原文',
  'user.manage': '管理用户',
  'api_token.manage': '管理接口令牌',
  'audit.read': '查阅审计日志',
};
