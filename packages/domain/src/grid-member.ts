/** Roles of grid members (网格力量); one person may serve several grids, in different roles. */
export const GRID_MEMBER_ROLES = [
  'grid_leader',
  'full_time_grid_worker',
  'part_time_grid_worker',
  'mobile_grid_worker',
  'grid_police_officer',
  'supervisor',
  'party_secretary',
  'judicial_worker',
  'firefighter',
  'building_head',
  'unit_head',
  'volunteer',
] as const;
export type GridMemberRole = (typeof GRID_MEMBER_ROLES)[number];

export const GRID_MEMBER_ROLE_LABELS: Record<GridMemberRole, string> = {
  grid_leader: '网格长',
  full_time_grid_worker: '专职网格员',
  part_time_grid_worker: '兼职网格员',
  mobile_grid_worker: '流动网格员',
  grid_police_officer: '网格警员',
  supervisor: '督导员',
  party_secretary: '网格党支部书记',
  judicial_worker: '司法工作者',
  firefighter: '消防员',
  building_head: '楼栋长',
  unit_head: '单元长',
  volunteer: '志愿者',
};

/** The household figure above which a grid is flagged: the rule is about 300 households per grid. */
export const GRID_HOUSEHOLD_RULE = 300;
export const GRID_HOUSEHOLD_FLAG_RATIO = 1.5;

export function isOverHouseholdRule(households: number): boolean {
  return households > GRID_HOUSEHOLD_RULE * GRID_HOUSEHOLD_FLAG_RATIO;
}
