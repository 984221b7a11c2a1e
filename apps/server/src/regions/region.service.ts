import {
  checkAreaGeometry, coversRegion, forbidden, invalid, notFound, regionLevelOfCode, regionNotFound,
  type Actor, type AreaGeometry, type Region, type RegionDetail,
} from '@civicgrid/domain';
import { presentRegion as present } from './region.presenter.js';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import { readCityDivisions } from './division-source.repository.js';
import type { RegionRepository, RegionRow, RegionUpsert } from './region.repository.js';

export interface RegionImportResult {
  cityCode: string;
  cityName: string;
  districts: number;
  streets: number;
  communities: number;
  inserted: number;
  updated: number;
}

export class RegionService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly regions: RegionRepository,
  ) {}

  /**
   * Imports a city's division tree (city → districts → streets → communities) from the national code set.
   * Re-importing updates names and parents by code and never duplicates. One transaction: all or nothing.
   */
  async importCity(actor: Actor, cityCode: string, options: { districtCodes?: string[] } = {}): Promise<RegionImportResult> {
    if (actor.jurisdiction.kind !== 'everywhere') {
      throw forbidden('region.import_needs_everywhere', '只有全市范围的管理员可以导入区划', 'Only a city-wide administrator may import divisions');
    }
    if (regionLevelOfCode(cityCode) !== 'city') {
      throw invalid('region.invalid_city_code', `城市代码应为以00结尾的6位数字：${cityCode}`, `A city code is six digits ending in 00: ${cityCode}`);
    }
    const divisions = await readCityDivisions(cityCode);
    if (!divisions) throw notFound('region.city_not_found', `区划代码库中没有城市 ${cityCode}`, `No city ${cityCode} in the division code set`);
    const wanted = options.districtCodes ? new Set(options.districtCodes) : undefined;
    const districts = divisions.districts.filter((district) => !wanted || wanted.has(district.code));
    const districtCodes = new Set(districts.map((district) => district.code));
    const streets = divisions.streets.filter((street) => districtCodes.has(street.parentCode!));
    const streetCodes = new Set(streets.map((street) => street.code));
    const communities = divisions.communities.filter((community) => streetCodes.has(community.parentCode!));

    const paths = new Map<string, string>([[divisions.city.code, divisions.city.code]]);
    const toUpsert = (level: RegionUpsert['level']) => (row: { code: string; name: string; parentCode: string | null }): RegionUpsert => {
      const path = row.parentCode ? `${paths.get(row.parentCode)}/${row.code}` : row.code;
      paths.set(row.code, path);
      return { code: row.code, name: row.name, level, parentCode: row.parentCode, path };
    };
    const levels: RegionUpsert[][] = [
      [toUpsert('city')(divisions.city)],
      districts.map(toUpsert('district')),
      streets.map(toUpsert('street')),
      communities.map(toUpsert('community')),
    ];
    let inserted = 0;
    let updated = 0;
    await this.db.transaction().execute(async (transaction) => {
      for (const rows of levels) {
        for (let start = 0; start < rows.length; start += 2000) {
          const counts = await this.regions.upsertMany(transaction, rows.slice(start, start + 2000));
          inserted += counts.inserted;
          updated += counts.updated;
        }
      }
    });
    return {
      cityCode,
      cityName: divisions.city.name,
      districts: districts.length,
      streets: streets.length,
      communities: communities.length,
      inserted,
      updated,
    };
  }

  async listChildren(actor: Actor, parentCode?: string): Promise<Region[]> {
    if (parentCode !== undefined) await this.getRow(actor, parentCode);
    return (await this.regions.listChildren(parentCode, actor.jurisdiction)).map(present);
  }

  async get(actor: Actor, code: string): Promise<RegionDetail> {
    const row = await this.getRow(actor, code);
    const ancestors = await this.regions.findAncestors(row.path, actor.jurisdiction);
    return { ...present(row), ancestors: ancestors.map(present) };
  }

  /** Sets a region's boundary; only inside the actor's own region (seeing the regions above it is not enough). */
  async setBoundary(actor: Actor, code: string, boundary: AreaGeometry): Promise<Region> {
    const row = await this.getRow(actor, code);
    if (!coversRegion(actor.jurisdiction, row.path)) throw regionNotFound(code);
    const structure = checkAreaGeometry(boundary);
    if (!structure.ok) throw invalid('region.invalid_boundary', `区划边界无法识别：${structure.reason}`, `Unreadable region boundary: ${structure.reason}`);
    await this.db.transaction().execute((transaction) => this.regions.setBoundary(transaction, code, JSON.stringify(boundary)));
    return present(await this.getRow(actor, code));
  }

  private async getRow(actor: Actor, code: string): Promise<RegionRow> {
    const row = await this.regions.findByCode(code, actor.jurisdiction);
    if (!row) throw regionNotFound(code);
    return row;
  }
}
