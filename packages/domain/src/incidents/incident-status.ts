export const INCIDENT_STATUSES = [
  'reported', 'registered', 'rejected', 'dispatched', 'handling', 'returned', 'handled', 'verified',
  'closed', 'suspended', 'voided', 'merged',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  reported: '待受理',
  registered: '待派遣',
  rejected: '不予立案',
  dispatched: '待签收',
  handling: '处置中',
  returned: '已退回',
  handled: '待核查',
  verified: '待结案',
  closed: '已结案',
  suspended: '挂账',
  voided: '已作废',
  merged: '已合并',
};

/** Still someone's work; `closed` is finished work that may still be followed up and reopened. */
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'reported', 'registered', 'dispatched', 'handling', 'returned', 'handled', 'verified', 'suspended',
];
export const FINAL_INCIDENT_STATUSES: readonly IncidentStatus[] = ['rejected', 'voided', 'merged'];

export const INCIDENT_SOURCES = ['grid_worker', 'resident', 'hotline', 'department_referral', 'video_alarm', 'open311'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const INCIDENT_SOURCE_LABELS: Record<IncidentSource, string> = {
  grid_worker: '网格员上报',
  resident: '群众上报',
  hotline: '12345热线',
  department_referral: '部门移交',
  video_alarm: '视频告警',
  open311: '开放接口',
};

export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '紧急', critical: '特急' };

export const CATEGORY_KINDS = ['facility', 'event', 'governance'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];
export const CATEGORY_KIND_LABELS: Record<CategoryKind, string> = { facility: '部件', event: '事件', governance: '综治事项' };

/** The steps whose time limits are kept per level (`step_time_limits`); `handle` comes from the category. */
export const INCIDENT_STEPS = ['register', 'dispatch', 'accept', 'handle', 'verify', 'close', 'follow_up'] as const;
export type IncidentStep = (typeof INCIDENT_STEPS)[number];

/** Which step's clock runs while an incident is in a status; none while suspended or finished. */
export const STEP_OF_STATUS: Partial<Record<IncidentStatus, IncidentStep>> = {
  reported: 'register',
  registered: 'dispatch',
  returned: 'dispatch',
  dispatched: 'accept',
  handling: 'handle',
  handled: 'verify',
  verified: 'close',
  closed: 'follow_up',
};

export const SATISFACTIONS = ['satisfied', 'basically', 'not'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically: '基本满意', not: '不满意' };

export const SUPERVISION_LEVELS = ['ordinary', 'yellow', 'red'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];
export const SUPERVISION_LEVEL_LABELS: Record<SupervisionLevel, string> = { ordinary: '督办', yellow: '黄牌督办', red: '红牌督办' };
