import {
  communityCodeOfGrid, coversRegion, gridCodeKind, gridNotFound, invalid, regionNotFound, type Actor, type Jurisdiction,
} from '@civicgrid/domain';
import type { RegionRepository, RegionRow } from '../regions/region.repository.js';
import type { GridRepository, GridRow } from './grid.repository.js';

export const EVERYWHERE: Jurisdiction = { kind: 'everywhere' };

/** Lookups shared by the grid services, each kept inside the actor's jurisdiction. */
export class GridLookups {
  constructor(
    private readonly grids: GridRepository,
    private readonly regions: RegionRepository,
  ) {}

  async visibleGrid(actor: Actor, code: string): Promise<GridRow> {
    const row = await this.grids.findByCode(code, actor.jurisdiction);
    if (!row) throw gridNotFound(code);
    return row;
  }

  async visibleRegion(actor: Actor, code: string): Promise<RegionRow> {
    const region = await this.regions.findByCode(code, actor.jurisdiction);
    if (!region) throw regionNotFound(code);
    return region;
  }

  /** The community a grid code names, which must lie inside the actor's own region to change its grids. */
  async managedCommunity(actor: Actor, communityCode: string): Promise<RegionRow> {
    const community = await this.regions.findByCode(communityCode, actor.jurisdiction);
    if (!community || !coversRegion(actor.jurisdiction, community.path)) throw regionNotFound(communityCode);
    if (community.level !== 'community') {
      throw invalid('grid.import_needs_community', `网格只能建在社区下：${communityCode} 不是社区`, `Grids belong to a community: ${communityCode} is not one`);
    }
    return community;
  }

  /** The community a grid code begins with: a 400 if there is none, a 404 if it lies outside the actor's region. */
  async communityOfGridCode(actor: Actor, gridCode: string): Promise<RegionRow> {
    const communityCode = communityCodeOfGrid(gridCode);
    const community = await this.regions.findByCode(communityCode, EVERYWHERE);
    if (!community || community.level !== 'community') {
      throw invalid('grid.community_not_found', `网格编码 ${gridCode} 的前12位不是已导入的社区`, `The first 12 digits of grid code ${gridCode} are not an imported community`);
    }
    if (!coversRegion(actor.jurisdiction, community.path)) throw regionNotFound(communityCode);
    return community;
  }

  async parentOf(actor: Actor, gridCode: string): Promise<GridRow | undefined> {
    if (gridCodeKind(gridCode) !== 'micro-grid') return undefined;
    const parent = await this.grids.findByCode(gridCode.slice(0, 15), actor.jurisdiction);
    if (!parent) throw invalid('grid.parent_not_found', `微网格 ${gridCode} 的上级网格不存在`, `The parent grid of micro-grid ${gridCode} does not exist`);
    return parent;
  }
}
