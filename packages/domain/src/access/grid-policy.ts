import { can, coversGrid, coversRegion, type Actor } from './actor.js';
import { forbidden } from '../errors.js';

export const GRID_ACTIONS = ['edit', 'delete', 'manage_members', 'add_building'] as const;
export type GridAction = (typeof GRID_ACTIONS)[number];

/**
 * What an actor may do to a grid, as readable predicates: the role must allow it, and the grid must lie
 * inside the actor's own region (for boundaries) or grids (for the people and buildings in it).
 * Presenters send this list with the grid so that clients show only the buttons that will work.
 */
const GRID_POLICY: Record<GridAction, (actor: Actor, grid: { path: string; communityPath: string }) => boolean> = {
  edit: (actor, grid) => can(actor, 'grid.manage') && coversRegion(actor.jurisdiction, grid.communityPath),
  delete: (actor, grid) => can(actor, 'grid.manage') && coversRegion(actor.jurisdiction, grid.communityPath),
  manage_members: (actor, grid) => can(actor, 'grid_member.manage') && coversGrid(actor.jurisdiction, grid.path),
  add_building: (actor, grid) => can(actor, 'base_data.manage') && coversGrid(actor.jurisdiction, grid.path),
};

export function allowedGridActions(actor: Actor, grid: { path: string; communityPath: string }): GridAction[] {
  return GRID_ACTIONS.filter((action) => GRID_POLICY[action](actor, grid));
}

/** Code tables (categories, the working calendar, step time limits) are one for the whole installation. */
export function requireInstallationWide(actor: Actor): void {
  if (!can(actor, 'code_table.manage') || actor.jurisdiction.kind !== 'everywhere') {
    throw forbidden('code_table.installation_wide', '代码表、时限和工作日历只能由全市管理员维护', 'Code tables, time limits and the working calendar are kept by installation-wide administrators');
  }
}

/** Whether a place (region path) lies where the actor may file a report: their region, or the streets of their grids. */
export function mayReportAt(actor: Actor, regionPath: string): boolean {
  const { jurisdiction } = actor;
  if (jurisdiction.kind === 'grids') {
    // a grid worker reports what they meet in their own street, not only inside their grid's lines
    return jurisdiction.gridPaths.some((gridPath) => coversRegion({ kind: 'region', regionPath: gridPath.split('/').slice(0, 3).join('/') }, regionPath));
  }
  return coversRegion(jurisdiction, regionPath);
}
