import { matchPathPattern } from '../path-pattern';

/**
 * The app's paths, all under /m/ (the service worker's scope). Screens that other work adds own the paths marked
 * so; the 待办 list already links to them.
 */
export const MOBILE_PATHS = {
  home: '/m/',
  report: '/m/report',
  tasks: '/m/tasks',
  me: '/m/me',
  /** 核查: one incident handled by a department, checked on the spot */
  verify: '/m/verify/:incidentId',
  /** 走访: persons and houses due for a visit */
  visits: '/m/visits',
  /** 走访 one person or house: note, photos, corrections of its register */
  visit: '/m/visits/:targetKind/:targetId',
  /** 巡查: start, walk, stop */
  patrol: '/m/patrol',
} as const;

/** A path pattern's parameters in `pathname` (`/m/verify/:incidentId` → { incidentId }), or null; `/m/tasks/` is `/m/tasks`. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  return matchPathPattern(pattern, pathname.length > 1 && pathname.endsWith('/') && pattern !== pathname ? pathname.slice(0, -1) : pathname);
}

/** A pattern with its parameters filled in: fillPath(MOBILE_PATHS.verify, { incidentId: 7 }) → /m/verify/7. */
export function fillPath(pattern: string, params: Record<string, string | number>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
}
