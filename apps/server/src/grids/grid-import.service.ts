import { checkAreaGeometry, communityCodeOfGrid, gridCodeKind, type Actor, type GridImport, type GridImportProblem } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import { EVERYWHERE, type GridLookups } from './grid-access.js';
import { GridLayoutService } from './grid-layout.service.js';
import type { GridRepository } from './grid.repository.js';

const problem = (kind: GridImportProblem['kind'], code: string, zh: string, en: string): GridImportProblem =>
  ({ kind, gridCodes: [code], message: `${zh} / ${en}`, where: null, areaSquareMetres: null });

/**
 * Imports the grids of one community from a GeoJSON FeatureCollection: grids are created or updated by
 * code. The whole file is checked first (codes, geometry, then the layout with the grids already stored);
 * with any problem, nothing is written.
 */
export class GridImportService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly grids: GridRepository,
    private readonly layout: GridLayoutService,
    private readonly lookups: GridLookups,
  ) {}

  async importCommunity(actor: Actor, communityCode: string, collection: GridImport) {
    const community = await this.lookups.managedCommunity(actor, communityCode);
    const problems: GridImportProblem[] = [];
    const seen = new Set<string>();
    for (const feature of collection.features) {
      const code = feature.properties.code;
      if (communityCodeOfGrid(code) !== communityCode) {
        problems.push(problem('wrong_community', code, `网格 ${code} 不属于社区 ${communityCode}`, `Grid ${code} is not in community ${communityCode}`));
      }
      if (seen.has(code)) problems.push(problem('duplicate_code', code, `网格编码 ${code} 在文件中重复`, `Grid code ${code} appears twice in the file`));
      seen.add(code);
      const structure = checkAreaGeometry(feature.geometry);
      if (!structure.ok) problems.push(problem('invalid_geometry', code, `网格 ${code} 的边界无法识别：${structure.reason}`, `Grid ${code}: ${structure.reason}`));
    }
    for (const code of [...seen].filter((candidate) => gridCodeKind(candidate) === 'micro-grid')) {
      const parentCode = code.slice(0, 15);
      if (!seen.has(parentCode) && !(await this.grids.findByCode(parentCode, EVERYWHERE))) {
        problems.push(problem('missing_parent_grid', code, `微网格 ${code} 的上级网格 ${parentCode} 不存在`, `The grid ${parentCode} of micro-grid ${code} does not exist`));
      }
    }
    if (problems.length > 0) GridLayoutService.reject(problems);

    const summary = { created: 0, updated: 0, warnings: [] as string[] };
    // Grids before their micro-grids, so that a micro-grid finds its parent.
    const ordered = [...collection.features].sort((first, second) =>
      first.properties.code.length - second.properties.code.length || first.properties.code.localeCompare(second.properties.code));
    await this.db.transaction().execute(async (transaction) => {
      const layoutProblems = await this.layout.check(
        transaction, community.id, ordered.map((feature) => ({ code: feature.properties.code, geometry: feature.geometry })), { checkGaps: true },
      );
      if (layoutProblems.length > 0) GridLayoutService.reject(layoutProblems);
      for (const feature of ordered) {
        const { code, name, householdTarget } = feature.properties;
        const existing = await this.grids.findByCode(code, EVERYWHERE, transaction);
        const parent = gridCodeKind(code) === 'micro-grid' ? await this.grids.findByCode(code.slice(0, 15), EVERYWHERE, transaction) : undefined;
        const write = {
          code,
          name,
          communityId: community.id,
          parentGridId: parent?.id ?? null,
          path: `${parent ? parent.path : community.path}/${code}`,
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
}
