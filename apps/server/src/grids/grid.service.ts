import {
  allowedGridActions, conflict, coversGrid, forbidden, GRID_MEMBER_ROLE_LABELS, isOverHouseholdRule, notFound,
  type Actor, type AreaGeometry, type Grid, type GridCreate, type GridDetail, type GridFeatureCollection, type GridMemberRole, type GridUpdate,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridMemberRepository } from '../grid-members/grid-member.repository.js';
import type { RegionRepository } from '../regions/region.repository.js';
import { presentRegion } from '../regions/region.presenter.js';
import { EVERYWHERE, type GridLookups } from './grid-access.js';
import { GridLayoutService } from './grid-layout.service.js';
import type { GridRepository, GridRow } from './grid.repository.js';

export function presentGrid(row: GridRow): Grid {
  return {
    code: row.code,
    name: row.name,
    kind: row.parentGridCode ? 'micro-grid' : 'grid',
    communityCode: row.communityCode,
    communityName: row.communityName,
    parentGridCode: row.parentGridCode,
    householdTarget: row.householdTarget,
    contactChannel: row.contactChannel,
    households: row.households,
    persons: row.persons,
    overHouseholdRule: isOverHouseholdRule(row.households),
  };
}

export class GridService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly grids: GridRepository,
    private readonly regions: RegionRepository,
    private readonly members: GridMemberRepository,
    private readonly layout: GridLayoutService,
    private readonly lookups: GridLookups,
  ) {}

  async get(actor: Actor, code: string): Promise<GridDetail> {
    const row = await this.lookups.visibleGrid(actor, code);
    const members = await this.members.listForGrid(row.id);
    const ancestors = await this.regions.findOnPath(row.communityPath, actor.jurisdiction);
    return {
      ...presentGrid(row),
      members: members.map((member) => ({
        id: member.id,
        name: member.name,
        role: member.role as GridMemberRole,
        roleLabel: GRID_MEMBER_ROLE_LABELS[member.role as GridMemberRole] ?? member.role,
        phone: member.phone,
      })),
      ancestors: ancestors.map(presentRegion),
      actions: allowedGridActions(actor, row),
    };
  }

  async list(actor: Actor, regionCode: string | undefined, limit: number, offset: number): Promise<Grid[]> {
    const path = regionCode ? (await this.lookups.visibleRegion(actor, regionCode)).path : undefined;
    return (await this.grids.listBelow(path, actor.jurisdiction, limit, offset)).map(presentGrid);
  }

  async featureCollection(actor: Actor, regionCode: string): Promise<GridFeatureCollection> {
    const region = await this.lookups.visibleRegion(actor, regionCode);
    const rows = await this.grids.featuresBelow(region.path, actor.jurisdiction);
    return {
      type: 'FeatureCollection',
      boundary: (await this.regions.boundaryOf(regionCode)) as AreaGeometry | null,
      features: rows.map((row) => ({
        type: 'Feature',
        properties: {
          code: row.code,
          name: row.name,
          kind: 'grid',
          communityCode: row.communityCode,
          communityName: row.communityName,
          households: row.households,
          persons: row.persons,
          householdTarget: row.householdTarget,
          overHouseholdRule: isOverHouseholdRule(row.households),
        },
        geometry: row.geometry as AreaGeometry,
      })),
    };
  }

  async create(actor: Actor, input: GridCreate): Promise<Grid> {
    const community = await this.lookups.communityOfGridCode(actor, input.code);
    if (await this.grids.findByCode(input.code, EVERYWHERE)) {
      throw conflict('grid.code_taken', `网格编码 ${input.code} 已存在`, `Grid code ${input.code} is already taken`);
    }
    const parent = await this.lookups.parentOf(actor, input.code);
    await this.db.transaction().execute(async (transaction) => {
      const problems = await this.layout.check(transaction, community.id, [{ code: input.code, geometry: input.boundary }], { checkGaps: false });
      if (problems.length > 0) GridLayoutService.reject(problems);
      await this.grids.insert(transaction, {
        code: input.code,
        name: input.name,
        communityId: community.id,
        parentGridId: parent?.id ?? null,
        path: `${parent ? parent.path : community.path}/${input.code}`,
        householdTarget: input.householdTarget,
        contactChannel: input.contactChannel ?? null,
        boundaryGeoJson: JSON.stringify(input.boundary),
      });
      if (!parent) await this.grids.reassignBuildings(transaction, community.id);
    });
    return presentGrid(await this.lookups.visibleGrid(actor, input.code));
  }

  async update(actor: Actor, code: string, input: GridUpdate): Promise<Grid> {
    const existing = await this.lookups.visibleGrid(actor, code);
    const community = await this.lookups.communityOfGridCode(actor, code);
    const parent = await this.lookups.parentOf(actor, code);
    const boundary = input.boundary ?? (await this.grids.boundaryOf(code));
    await this.db.transaction().execute(async (transaction) => {
      if (input.boundary) {
        const problems = await this.layout.check(transaction, community.id, [{ code, geometry: input.boundary }], { checkGaps: false });
        if (problems.length > 0) GridLayoutService.reject(problems);
      }
      await this.grids.update(transaction, {
        code,
        name: input.name ?? existing.name,
        communityId: community.id,
        parentGridId: parent?.id ?? null,
        path: existing.path,
        householdTarget: input.householdTarget ?? existing.householdTarget,
        contactChannel: input.contactChannel === undefined ? existing.contactChannel : input.contactChannel,
        boundaryGeoJson: JSON.stringify(boundary),
      });
      if (input.boundary && !parent) await this.grids.reassignBuildings(transaction, community.id);
    });
    return presentGrid(await this.lookups.visibleGrid(actor, code));
  }

  /** Deletes a grid that nothing lives in; a grid with buildings, households or persons is refused. */
  async delete(actor: Actor, code: string): Promise<void> {
    await this.lookups.visibleGrid(actor, code);
    await this.lookups.communityOfGridCode(actor, code);
    const dependents = await this.grids.countDependents(code);
    if (dependents.buildings + dependents.households + dependents.persons > 0) {
      throw conflict(
        'grid.not_empty',
        `网格 ${code} 内仍有楼栋 ${dependents.buildings} 栋、住户 ${dependents.households} 户、人口 ${dependents.persons} 人，不能删除`,
        `Grid ${code} still holds ${dependents.buildings} buildings, ${dependents.households} households and ${dependents.persons} persons`,
        dependents,
      );
    }
    await this.db.transaction().execute((transaction) => this.grids.delete(transaction, code));
  }

  /** The grid at a point; a point in a grid outside the actor's jurisdiction is refused, not answered. */
  async locate(actor: Actor, lon: number, lat: number) {
    const located = await this.grids.locate(lon, lat);
    if (!located) {
      throw notFound('grid.point_outside_grids', `该位置（${lon}, ${lat}）不在任何网格内`, `The point (${lon}, ${lat}) is not in any grid`);
    }
    const row = await this.grids.findByCode(located.gridCode, EVERYWHERE);
    if (!row || !coversGrid(actor.jurisdiction, row.path)) {
      throw forbidden('access.outside_jurisdiction', '该位置不在您的管辖范围内', 'The point is outside your jurisdiction');
    }
    const { ancestors, members, actions, ...grid } = await this.get(actor, located.gridCode);
    const microGrid = located.microGridCode ? await this.grids.findByCode(located.microGridCode, actor.jurisdiction) : undefined;
    return { grid, microGrid: microGrid ? presentGrid(microGrid) : null, ancestors };
  }
}
