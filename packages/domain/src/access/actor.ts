import { PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './permissions.js';
import type { StaffRole } from './roles.js';

/**
 * Where an actor may see and act. Region paths are the materialized paths of the region tree
 * ("370300/370303/370303001"); "everything below" is a prefix match.
 */
export type Jurisdiction =
  | { kind: 'everywhere' }
  | { kind: 'region'; regionPath: string }
  | { kind: 'grids'; gridIds: readonly number[]; gridPaths: readonly string[] }
  | { kind: 'department'; departmentId: number; regionPath: string };

export type Actor =
  | { kind: 'user'; userId: number; username: string; displayName: string; role: StaffRole; jurisdiction: Jurisdiction; sessionId: number | null }
  | { kind: 'api_token'; apiTokenId: number; name: string; permissions: readonly Permission[]; jurisdiction: Jurisdiction }
  | { kind: 'system'; name: string; jurisdiction: { kind: 'everywhere' } };

/** The platform itself: command-line tools, start-up seeding, scheduled jobs. Never an HTTP caller. */
export function systemActor(name: string): Actor {
  return { kind: 'system', name, jurisdiction: { kind: 'everywhere' } };
}

export function permissionsOf(actor: Actor): readonly Permission[] {
  if (actor.kind === 'system') return PERMISSIONS;
  return actor.kind === 'user' ? ROLE_PERMISSIONS[actor.role] : actor.permissions.filter((permission) => PERMISSIONS.includes(permission));
}

export function can(actor: Actor, permission: Permission): boolean {
  return permissionsOf(actor).includes(permission);
}

const isAtOrBelow = (path: string, ancestorPath: string) => path === ancestorPath || path.startsWith(`${ancestorPath}/`);

/** Whether a region (by path) is inside the actor's jurisdiction: at or below their region or grids. */
export function coversRegion(jurisdiction: Jurisdiction, regionPath: string): boolean {
  switch (jurisdiction.kind) {
    case 'everywhere':
      return true;
    case 'region':
    case 'department':
      return isAtOrBelow(regionPath, jurisdiction.regionPath);
    case 'grids':
      return false;
  }
}

/** Whether a grid (by its path, which runs through its regions) is inside the actor's jurisdiction. */
export function coversGrid(jurisdiction: Jurisdiction, gridPath: string): boolean {
  switch (jurisdiction.kind) {
    case 'everywhere':
      return true;
    case 'region':
    case 'department':
      return isAtOrBelow(gridPath, jurisdiction.regionPath);
    case 'grids':
      return jurisdiction.gridPaths.some((path) => isAtOrBelow(gridPath, path));
  }
}
