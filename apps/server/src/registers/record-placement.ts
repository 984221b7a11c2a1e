import { gridNotFound, notFound, type Actor } from '@civicgrid/domain';
import type { GridLookups } from '../grids/grid-access.js';
import type { GridRepository, GridRow } from '../grids/grid.repository.js';
import { invalidValues } from './register-errors.js';

const GRID_FIELD = { field: 'gridCode', header: '所属网格' };

/**
 * The grid a register record is placed in: the one named by its code, or the one its location falls in.
 * Either must lie in the actor's jurisdiction; a grid outside it is answered as one that does not exist (404),
 * as everywhere else.
 */
export class RecordPlacement {
  constructor(
    private readonly grids: GridRepository,
    private readonly lookups: GridLookups,
  ) {}

  async gridFor(actor: Actor, place: { gridCode?: unknown; lon?: unknown; lat?: unknown }, what: { code: string; zh: string; en: string }): Promise<GridRow> {
    const refuse = (zh: string, en: string) => invalidValues(what.code, what, [{ ...GRID_FIELD, zh: `所属网格：${zh}`, en: `gridCode: ${en}` }]);
    if (typeof place.gridCode === 'string') {
      const grid = await this.grids.findByCode(place.gridCode, actor.jurisdiction);
      if (!grid) throw gridNotFound(place.gridCode);
      return grid;
    }
    if (typeof place.lon === 'number' && typeof place.lat === 'number') {
      const located = await this.grids.locate(place.lon, place.lat);
      const grid = located ? await this.grids.findByCode(located.microGridCode ?? located.gridCode, actor.jurisdiction) : undefined;
      if (!grid) throw notFound('grid.point_outside_jurisdiction', '位置不在您管辖的网格内', 'The location is not in a grid of your jurisdiction');
      return grid;
    }
    throw refuse('必填（或填写经纬度）', 'is required (or a location)');
  }

  visibleGrid(actor: Actor, code: string): Promise<GridRow> {
    return this.lookups.visibleGrid(actor, code);
  }
}
