import type { RegionLevel } from '../region-code.js';

/** A governance center as `GET /api/centers` lists it. */
export interface CenterView {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  parentCenterId: number | null;
}

/** A department as `GET /api/departments` lists it. */
export interface DepartmentView {
  id: number;
  name: string;
  code: string | null;
  level: RegionLevel;
  regionCode: string;
  regionName: string;
  phone: string | null;
  disabled: boolean;
}

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  subjectTable: string | null;
  subjectId: number | null;
  readAt: string | null;
  createdAt: string;
}

/** `GET /api/notifications`. */
export interface NotificationList {
  items: NotificationView[];
  unread: number;
}

/** `GET /api/all-clears/mine`: today's state of one of the grid worker's grids. */
export interface AllClearGridState {
  gridCode: string;
  gridName: string;
  reportedAt: string | null;
}

/** `GET /api/all-clears/missing`: who has not sent the day's all-clear in a region. */
export interface MissingAllClears {
  date: string;
  expected: number;
  reported: number;
  missing: number;
  items: { gridCode: string; gridName: string; communityName: string; gridMemberName: string }[];
}
