import { checkAreaGeometry, gridCodeKind, invalid, type GridImportProblem } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';
import type { GridLayoutRepository, LayoutCandidate } from './grid-layout.repository.js';

export interface LayoutInput {
  code: string;
  geometry: unknown;
}

const formatArea = (area: number) => `${area.toFixed(1)} m²`;

/**
 * Checks a proposed set of grids of one community against each other and against the grids already
 * stored: valid polygons, no overlaps, no part of the community left uncovered (when asked), nothing
 * reaching outside the community or, for micro-grids, outside their grid.
 */
export class GridLayoutService {
  constructor(private readonly layout: GridLayoutRepository) {}

  async check(executor: DatabaseExecutor, communityId: number, inputs: LayoutInput[], options: { checkGaps: boolean }): Promise<GridImportProblem[]> {
    const problems: GridImportProblem[] = [];
    const candidates: LayoutCandidate[] = [];
    for (const input of inputs) {
      const structure = checkAreaGeometry(input.geometry);
      if (!structure.ok) {
        problems.push({
          kind: 'invalid_geometry',
          gridCodes: [input.code],
          message: `网格 ${input.code} 的边界无法识别：${structure.reason} / Grid ${input.code}: ${structure.reason}`,
          where: null,
          areaSquareMetres: null,
        });
        continue;
      }
      const parentCode = gridCodeKind(input.code) === 'micro-grid' ? input.code.slice(0, 15) : null;
      candidates.push({ code: input.code, parentCode, geoJson: JSON.stringify(structure.geometry) });
    }
    if (candidates.length === 0) return problems;

    for (const row of await this.layout.checkValidity(executor, candidates, communityId)) {
      if (row.valid) continue;
      problems.push({
        kind: 'invalid_geometry',
        gridCodes: [row.code],
        message: `网格 ${row.code} 的边界不是有效多边形（${row.reason}） / Grid ${row.code} is not a valid polygon (${row.reason})`,
        where: row.where,
        areaSquareMetres: null,
      });
    }
    // Overlap and gap arithmetic on invalid polygons is meaningless (and GEOS may refuse it).
    if (problems.length > 0) return problems;

    for (const row of await this.layout.findOverlaps(executor, candidates, communityId)) {
      problems.push({
        kind: 'overlap',
        gridCodes: [row.first, row.second],
        message: `网格 ${row.first} 与 ${row.second} 重叠 ${formatArea(row.area)} / Grids ${row.first} and ${row.second} overlap by ${formatArea(row.area)}`,
        where: row.where,
        areaSquareMetres: row.area,
      });
    }
    for (const row of await this.layout.findSpills(executor, candidates, communityId)) {
      const [code] = row.codes;
      problems.push({
        kind: row.kind,
        gridCodes: row.codes,
        message:
          row.kind === 'outside_community'
            ? `网格 ${code} 超出所属社区边界 ${formatArea(row.area)} / Grid ${code} reaches ${formatArea(row.area)} outside its community`
            : `微网格 ${code} 超出所属网格 ${formatArea(row.area)} / Micro-grid ${code} reaches ${formatArea(row.area)} outside its grid`,
        where: row.where,
        areaSquareMetres: row.area,
      });
    }
    if (options.checkGaps) {
      for (const row of await this.layout.findGaps(executor, candidates, communityId)) {
        const around = row.codes.length > 0 ? row.codes.join('、') : '—';
        problems.push({
          kind: 'gap',
          gridCodes: row.codes,
          message: `社区有 ${formatArea(row.area)} 未被网格覆盖（相邻网格：${around}） / ${formatArea(row.area)} of the community is in no grid (next to: ${row.codes.join(', ') || 'none'})`,
          where: row.where,
          areaSquareMetres: row.area,
        });
      }
    }
    return problems;
  }

  static reject(problems: GridImportProblem[]): never {
    throw invalid(
      'grid.layout_rejected',
      `网格边界有 ${problems.length} 处问题，未写入任何数据`,
      `The grid boundaries have ${problems.length} problem(s); nothing was written`,
      { problems },
    );
  }
}
