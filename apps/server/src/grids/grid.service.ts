import {
  checkAreaGeometry, type AreaGeometry, communityCodeOfGrid, conflict, gridCodeKind, GRID_MEMBER_ROLE_LABELS, invalid, isOverHouseholdRule, notFound,
  type Grid, type GridCreate, type GridDetail, type GridFeatureCollection, type GridImport, type GridImportProblem,
  type GridMemberRole, type GridUpdate,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridMemberRepository } from '../grid-members/grid-member.repository.js';
import type { RegionRepository, RegionRow } from '../regions/region.repository.js';
import { presentRegion } from '../regions/region.presenter.js';
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

const gridNotFound = (code: string) => notFound('grid.not_found', `网格 ${code} 不存在`, `Grid ${code} does not exist`);

export class GridService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly grids: GridRepository,
    private readonly regions: RegionRepository,
    private readonly members: GridMemberRepository,
    private readonly layout: GridLayoutService,
  ) {}

  async get(code: string): Promise<GridDetail> {
    const row = await this.grids.findByCode(code);
    if (!row) throw gridNotFound(code);
    const members = await this.members.listForGrid(row.id);
    const ancestors = await this.regions.findOnPath(row.communityPath);
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
    };
  }

  async list(regionCode: string | undefined, limit: number, offset: number): Promise<Grid[]> {
    // Region paths never start with '/', so the empty prefix '' + '/%' would match nothing: list all instead.
    const path = regionCode ? (await this.requireRegion(regionCode)).path : undefined;
    return (await this.grids.listBelow(path, limit, offset)).map(presentGrid);
  }

  async featureCollection(regionCode: string): Promise<GridFeatureCollection> {
    const region = await this.requireRegion(regionCode);
    const rows = await this.grids.featuresBelow(region.path);
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

  async create(input: GridCreate): Promise<Grid> {
    const community = await this.communityOf(input.code);
    if (await this.grids.findByCode(input.code)) {
      throw conflict('grid.code_taken', `网格编码 ${input.code} 已存在`, `Grid code ${input.code} is already taken`);
    }
    const parent = await this.parentOf(input.code);
    await this.db.transaction().execute(async (transaction) => {
      const problems = await this.layout.check(transaction, community.id, [{ code: input.code, geometry: input.boundary }], { checkGaps: false });
      if (problems.length > 0) GridLayoutService.reject(problems);
      await this.grids.insert(transaction, {
        code: input.code,
        name: input.name,
        communityId: community.id,
        parentGridId: parent?.id ?? null,
        path: `${parent ? parent.communityPath + '/' + parent.code : community.path}/${input.code}`,
        householdTarget: input.householdTarget,
        contactChannel: input.contactChannel ?? null,
        boundaryGeoJson: JSON.stringify(input.boundary),
      });
      if (!parent) await this.grids.reassignBuildings(transaction, community.id);
    });
    return this.getView(input.code);
  }

  async update(code: string, input: GridUpdate): Promise<Grid> {
    const existing = await this.grids.findByCode(code);
    if (!existing) throw gridNotFound(code);
    const boundary = input.boundary ?? (await this.grids.boundaryOf(code));
    const community = await this.communityOf(code);
    const parent = await this.parentOf(code);
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
        path: `${parent ? parent.communityPath + '/' + parent.code : community.path}/${code}`,
        householdTarget: input.householdTarget ?? existing.householdTarget,
        contactChannel: input.contactChannel === undefined ? existing.contactChannel : input.contactChannel,
        boundaryGeoJson: JSON.stringify(boundary),
      });
      if (input.boundary && !parent) await this.grids.reassignBuildings(transaction, community.id);
    });
    return this.getView(code);
  }

  /** Deletes a grid that nothing lives in; a grid with buildings, households or persons is refused. */
  async delete(code: string): Promise<void> {
    if (!(await this.grids.findByCode(code))) throw gridNotFound(code);
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

  /**
   * Imports the grids of one community from a GeoJSON FeatureCollection: grids are created or updated
   * by code. The whole layout is checked first; with any problem nothing is written.
   */
  async importCommunity(communityCode: string, collection: GridImport) {
    const community = await this.requireRegion(communityCode);
    if (community.level !== 'community') {
      throw invalid('grid.import_needs_community', `只能按社区导入网格：${communityCode} 不是社区`, `Grids are imported per community: ${communityCode} is not a community`);
    }
    const problems: GridImportProblem[] = [];
    const seen = new Set<string>();
    for (const feature of collection.features) {
      const code = feature.properties.code;
      if (communityCodeOfGrid(code) !== communityCode) {
        problems.push({ kind: 'wrong_community' as const, gridCodes: [code], message: `网格 ${code} 不属于社区 ${communityCode} / Grid ${code} is not in community ${communityCode}`, where: null, areaSquareMetres: null });
      }
      if (seen.has(code)) {
        problems.push({ kind: 'duplicate_code' as const, gridCodes: [code], message: `网格编码 ${code} 在文件中重复 / Grid code ${code} appears twice in the file`, where: null, areaSquareMetres: null });
      }
      seen.add(code);
      const structure = checkAreaGeometry(feature.geometry);
      if (!structure.ok) {
        problems.push({ kind: 'invalid_geometry' as const, gridCodes: [code], message: `网格 ${code} 的边界无法识别：${structure.reason} / Grid ${code}: ${structure.reason}`, where: null, areaSquareMetres: null });
      }
    }
    const codes = collection.features.map((feature) => feature.properties.code);
    for (const code of codes.filter((candidate) => gridCodeKind(candidate) === 'micro-grid')) {
      const parentCode = code.slice(0, 15);
      if (!seen.has(parentCode) && !(await this.grids.findByCode(parentCode))) {
        problems.push({ kind: 'missing_parent_grid' as const, gridCodes: [code], message: `微网格 ${code} 的上级网格 ${parentCode} 不存在 / The grid ${parentCode} of micro-grid ${code} does not exist`, where: null, areaSquareMetres: null });
      }
    }
    if (problems.length > 0) GridLayoutService.reject(problems);

    const summary = { created: 0, updated: 0, warnings: [] as string[] };
    const ordered = [...collection.features].sort((first, second) => first.properties.code.length - second.properties.code.length || first.properties.code.localeCompare(second.properties.code));
    await this.db.transaction().execute(async (transaction) => {
      const layoutProblems = await this.layout.check(
        transaction, community.id, ordered.map((feature) => ({ code: feature.properties.code, geometry: feature.geometry })), { checkGaps: true },
      );
      if (layoutProblems.length > 0) GridLayoutService.reject(layoutProblems);
      for (const feature of ordered) {
        const { code, name, householdTarget } = feature.properties;
        const existing = await this.grids.findByCode(code, transaction);
        const parent = gridCodeKind(code) === 'micro-grid' ? await this.grids.findByCode(code.slice(0, 15), transaction) : undefined;
        const write = {
          code,
          name,
          communityId: community.id,
          parentGridId: parent?.id ?? null,
          path: `${parent ? community.path + '/' + parent.code : community.path}/${code}`,
          householdTarget: householdTarget ?? existing?.householdTarget ?? 300,
          contactChannel: existing?.contactChannel ?? null,
          boundaryGeoJson: JSON.stringify(feature.geometry),
        };
        if (existing) {
          await this.grids.update(transaction, write);
          summary.updated += 1;
        } else {
          await this.grids.insert(transaction, write);
          summary.created += 1;
        }
      }
      await this.grids.reassignBuildings(transaction, community.id);
    });
    if (!community.hasBoundary) summary.warnings.push('region.boundary_unknown');
    return summary;
  }

  async locate(lon: number, lat: number) {
    const located = await this.grids.locate(lon, lat);
    if (!located) {
      throw notFound('grid.point_outside_grids', `该位置（${lon}, ${lat}）不在任何网格内`, `The point (${lon}, ${lat}) is not in any grid`);
    }
    const { ancestors, members, ...grid } = await this.get(located.gridCode);
    const microGrid = located.microGridCode ? presentGrid((await this.grids.findByCode(located.microGridCode))!) : null;
    return { grid, microGrid, ancestors };
  }

  private async getView(code: string): Promise<Grid> {
    const row = await this.grids.findByCode(code);
    if (!row) throw gridNotFound(code);
    return presentGrid(row);
  }

  private async requireRegion(code: string): Promise<RegionRow> {
    const region = await this.regions.findByCode(code);
    if (!region) throw notFound('region.not_found', `区划 ${code} 不存在`, `Region ${code} does not exist`);
    return region;
  }

  private async communityOf(gridCode: string): Promise<RegionRow> {
    const community = await this.regions.findByCode(communityCodeOfGrid(gridCode));
    if (!community || community.level !== 'community') {
      throw invalid('grid.community_not_found', `网格编码 ${gridCode} 的前12位不是已导入的社区`, `The first 12 digits of grid code ${gridCode} are not an imported community`);
    }
    return community;
  }

  private async parentOf(gridCode: string): Promise<GridRow | undefined> {
    if (gridCodeKind(gridCode) !== 'micro-grid') return undefined;
    const parent = await this.grids.findByCode(gridCode.slice(0, 15));
    if (!parent) throw invalid('grid.parent_not_found', `微网格 ${gridCode} 的上级网格不存在`, `The parent grid of micro-grid ${gridCode} does not exist`);
    return parent;
  }
}
