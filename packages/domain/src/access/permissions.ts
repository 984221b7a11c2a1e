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
  'incident.read',
  'incident.report',
  'incident.operate',
  'incident.handle',
  'incident.verify',
  'incident.supervise',
  'incident.approve',
  'incident.intake',
  'all_clear.report',
  'all_clear.read',
  'code_table.manage',
  'webhook.manage',
  'dashboard.read',
  'directive.issue',
  'directive.read',
  'directive.complete',
  'camera.read',
  'camera.manage',
  'patrol.record',
  'patrol.read',
  'visit.record',
  'visit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['region.read', 'grid.read', 'base_data.read'];
const CENTER: Permission[] = ['incident.read', 'incident.report', 'incident.operate', 'incident.supervise', 'incident.approve', 'all_clear.read'];
/** Watching figures, sending directives to grid workers and keeping camera points: the centers' and leaders' work. */
const COMMAND: Permission[] = ['dashboard.read', 'directive.issue', 'directive.read', 'camera.read'];
/** Following grid workers' patrols and visits over one's area. */
const FIELD_READ: Permission[] = ['patrol.read', 'visit.read'];

export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  city_operator: [...READ, ...CENTER, ...COMMAND, ...FIELD_READ, 'camera.manage', 'grid.manage', 'grid_member.manage', 'base_data.manage', 'person.reveal'],
  district_operator: [...READ, ...CENTER, ...COMMAND, ...FIELD_READ, 'camera.manage', 'grid.manage', 'grid_member.manage', 'base_data.manage', 'person.reveal'],
  street_operator: [...READ, ...CENTER, ...COMMAND, ...FIELD_READ, 'camera.manage', 'grid.manage', 'grid_member.manage', 'base_data.manage', 'person.reveal'],
  community_operator: [...READ, ...CENTER, ...COMMAND, ...FIELD_READ, 'camera.manage', 'grid_member.manage', 'base_data.manage', 'person.reveal'],
  leader: [...READ, 'incident.read', 'incident.supervise', 'incident.approve', 'all_clear.read', ...COMMAND, ...FIELD_READ],
  department_handler: ['region.read', 'grid.read', 'incident.read', 'incident.report', 'incident.handle'],
  grid_worker: [...READ, 'base_data.manage', 'person.reveal', 'incident.read', 'incident.report', 'incident.verify', 'all_clear.report', 'directive.complete',
    'patrol.record', 'visit.record', ...FIELD_READ],
  mediator: ['region.read', 'grid.read', 'base_data.read', 'person.reveal', 'incident.read'],
  administrator: [
    ...READ, 'region.manage', 'grid.manage', 'grid_member.manage', 'base_data.manage', 'user.manage', 'api_token.manage', 'audit.read',
    'incident.read', 'all_clear.read', 'code_table.manage', 'webhook.manage', 'dashboard.read', 'directive.read', 'camera.read', 'camera.manage',
    ...FIELD_READ,
  ],
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
  'incident.read': '查看事件',
  'incident.report': '上报事件（部门为移交）',
  'incident.operate': '中心受理、派遣、结案',
  'incident.handle': '部门处置',
  'incident.verify': '网格员核查',
  'incident.supervise': '督办',
  'incident.approve': '审批作废',
  'incident.intake': '接入热线工单',
  'all_clear.report': '报平安',
  'all_clear.read': '查看报平安',
  'code_table.manage': '维护代码表、时限与工作日历',
  'webhook.manage': '管理事件推送',
  'dashboard.read': '查看数据看板与大屏',
  'directive.issue': '下发指令',
  'directive.read': '查看指令完成情况',
  'directive.complete': '办理指令（网格员）',
  'camera.read': '查看视频点位',
  'camera.manage': '维护视频点位',
  'patrol.record': '记录巡查轨迹（网格员）',
  'patrol.read': '查看巡查记录',
  'visit.record': '走访登记（网格员）',
  'visit.read': '查看走访记录',
};
