import type { RegionLevel } from '../region-code.js';

/** Staff roles. Residents are a separate, public identity, not a role. */
export const STAFF_ROLES = [
  'city_operator',
  'district_operator',
  'street_operator',
  'community_operator',
  'leader',
  'department_handler',
  'grid_worker',
  'mediator',
  'administrator',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  city_operator: '市级中心坐席',
  district_operator: '区县中心坐席',
  street_operator: '镇街中心坐席',
  community_operator: '社区中心坐席',
  leader: '领导',
  department_handler: '职能部门处置人员',
  grid_worker: '网格员',
  mediator: '调解员',
  administrator: '系统管理员',
};

/** An operator works at the center of one region level; the region bound to the user must be of that level. */
export const OPERATOR_LEVEL: Partial<Record<StaffRole, RegionLevel>> = {
  city_operator: 'city',
  district_operator: 'district',
  street_operator: 'street',
  community_operator: 'community',
};

/** What each role's jurisdiction is bound to. */
export function jurisdictionBindingOf(role: StaffRole): 'region' | 'grids' | 'department' | 'region_or_everywhere' {
  if (role === 'grid_worker') return 'grids';
  if (role === 'department_handler') return 'department';
  if (role === 'administrator') return 'region_or_everywhere';
  return 'region';
}
