import type { AllClearGridState, FieldGridView } from '@civicgrid/domain';
import type { SessionUser } from '../../api-types';
import { gridCodesOfUser } from '../../user-area';

export interface MyGrid {
  code: string;
  name: string;
  /** an incident was reported in it today (as last read today): the day is covered without an all-clear */
  reportedToday?: boolean;
}

/**
 * The worker's grids by the best source the phone has: the home screen's grid list, else today's all-clear list,
 * else the codes in the worker's own jurisdiction (always on the phone, so the all-clear works on a first day
 * offline too).
 */
export function myGrids(user: SessionUser, fieldGrids: FieldGridView[] | null, allClears: AllClearGridState[] | null, fieldGridsReadToday = false): MyGrid[] {
  if (fieldGrids && fieldGrids.length > 0) {
    return fieldGrids.map((grid) => ({ code: grid.code, name: grid.name, reportedToday: fieldGridsReadToday && grid.reportedToday }));
  }
  if (allClears && allClears.length > 0) return allClears.map((grid) => ({ code: grid.gridCode, name: grid.gridName }));
  return gridCodesOfUser(user).map((code) => ({ code, name: `网格 ${code}` }));
}
