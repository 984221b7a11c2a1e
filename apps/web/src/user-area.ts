import type { SessionUser } from './api-types';

/**
 * The region a user works in, as a code: an operator's or a department's region, a grid worker's community (the
 * region above their first grid); undefined for users who work everywhere.
 */
export function regionCodeOfUser(user: SessionUser): string | undefined {
  const { jurisdiction } = user;
  switch (jurisdiction.kind) {
    case 'region':
    case 'department':
      return jurisdiction.regionPath.split('/').pop();
    case 'grids': {
      const segments = jurisdiction.gridPaths[0]?.split('/') ?? [];
      return segments[segments.length - 2];
    }
    default:
      return undefined;
  }
}

/** The codes of a grid worker's own grids (the last segment of each grid's path). */
export function gridCodesOfUser(user: SessionUser): string[] {
  return user.jurisdiction.kind === 'grids' ? user.jurisdiction.gridPaths.map((path) => path.split('/').pop() ?? '') : [];
}
