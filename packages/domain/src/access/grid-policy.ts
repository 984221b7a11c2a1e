import { can, coversGrid, coversRegion, type Actor } from './actor.js';

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
