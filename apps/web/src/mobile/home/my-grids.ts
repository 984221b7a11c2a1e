import type { AllClearGridState, FieldGridView } from '@civicgrid/domain';
import type { SessionUser } from '../../api-types';
import { gridCodesOfUser } from '../../user-area';

export interface MyGrid {
  code: string;
  name: string;
}

/**
 * The worker's grids by the best source the phone has: the home screen's grid list, else today's all-clear list,
 * else the codes in the worker's own jurisdiction (always on the phone, so the all-clear works on a first day
 * offline too).
 */
export function myGrids(user: SessionUser, fieldGrids: FieldGridView[] | null, allClears: AllClearGridState[] | null): MyGrid[] {
  if (fieldGrids && fieldGrids.length > 0) return fieldGrids.map((grid) => ({ code: grid.code, name: grid.name }));
  if (allClears && allClears.length > 0) return allClears.map((grid) => ({ code: grid.gridCode, name: grid.gridName }));
  return gridCodesOfUser(user).map((code) => ({ code, name: `网格 ${code}` }));
}
