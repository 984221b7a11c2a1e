import {
  can, forbidden, GRID_MEMBER_ROLE_LABELS, maskIdNumber, maskPhone, notFound, regionNotFound, type Actor, type GridMemberRole,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import { regionVisibleInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { GridRow } from '../grids/grid.repository.js';
import { jurisdictionKey } from '../map/map-tile.service.js';
import type { RegionRepository, RegionRow } from '../regions/region.repository.js';
import type { CountRow, DrillDownRepository, PersonRow } from './drill-down.repository.js';
import type { DrillDown, DrillDownChild, DrillDownCounts, DrillDownQuery } from './drill-down.schema.js';

type NodeRef = DrillDown['breadcrumb'][number];

/** Lays the measures counted for one key side by side; a measure the level does not count stays null. */
export function countsOf(rows: CountRow[], key: string | null, measures: readonly (keyof DrillDownCounts)[]): DrillDownCounts {
  const merged: Omit<CountRow, 'key'> = {};
  for (const row of rows) if (row.key === key) Object.assign(merged, row);
  const registered = merged.registered ?? 0;
  const floating = merged.floating ?? 0;
  const foreign = merged.foreign ?? 0;
  const present = (measure: keyof DrillDownCounts, value: number | undefined) => (measures.includes(measure) ? (value ?? 0) : null);
  return {
    population: { total: registered + floating + foreign, registered, floating, foreign },
    households: present('households', merged.households),
    gridMembers: present('gridMembers', merged.gridMembers),
    grids: present('grids', merged.grids),
    openIncidents: present('openIncidents', merged.openIncidents),
    overdueIncidents: present('overdueIncidents', merged.overdueIncidents),
  };
}

/** Regions with this many grids or more (a district of a big city, the city) have their counts kept for a while. */
export const LARGE_REGION_GRIDS = 500;
export const REGION_COUNTS_SECONDS = 30;

const ALL_MEASURES = ['households', 'gridMembers', 'grids', 'openIncidents', 'overdueIncidents'] as const;
const GRID_MEASURES = ['households', 'gridMembers', 'openIncidents', 'overdueIncidents'] as const;

const regionRef = (region: Pick<RegionRow, 'code' | 'name' | 'level'>): NodeRef => ({ kind: 'region', key: region.code, name: region.name, level: region.level });
const maskPerson = (person: PersonRow) => ({
  id: person.id, name: person.name, gender: person.gender, residency: person.residency, birthDate: person.birthDate, relationToHead: person.relationToHead,
  idNumberMasked: person.idNumber ? maskIdNumber(person.idNumber) : null, mobileMasked: person.mobile ? maskPhone(person.mobile) : null,
});
const householdName = (house: string | null, id: number) => (house ? `${house}户` : `户 ${id}`);

/** 五级穿透: city → district → street → community → grid → building → household → person, with the counts at each. */
export class DrillDownService {
  private readonly largeRegionCounts = new Map<string, { until: number; counts: CountRow[] }>();

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly drillDown: DrillDownRepository,
    private readonly regions: RegionRepository,
    private readonly lookups: GridLookups,
  ) {}

  async get(actor: Actor, query: DrillDownQuery): Promise<DrillDown> {
    if (query.gridCode) return this.grid(actor, query.gridCode);
    if (query.buildingId) return this.building(actor, query.buildingId);
    if (query.householdId) return this.household(actor, query.householdId);
    if (query.personId) return this.person(actor, query.personId);
    if (query.regionCode) return this.region(actor, await this.lookups.visibleRegion(actor, query.regionCode));
    const [top] = await this.regions.listChildren(undefined, actor.jurisdiction);
    if (!top) throw regionNotFound('');
    return this.region(actor, top);
  }

  /** The box of the region the drill-down opens at, so that the map can open there before the counts are ready. */
  async openingBox(actor: Actor): Promise<[number, number, number, number] | null> {
    const [top] = await this.regions.listChildren(undefined, actor.jurisdiction);
    return top?.bbox ?? null;
  }

  private viewer(actor: Actor) {
    return { jurisdiction: actor.jurisdiction, userId: actor.kind === 'user' ? actor.userId : null };
  }

  /**
   * A city's or district's counts read millions of rows (two seconds for a city of five million on two cores): such
   * overviews are kept for REGION_COUNTS_SECONDS per jurisdiction; streets and below are always counted afresh.
   */
  private async regionCounts(actor: Actor, region: RegionRow): Promise<CountRow[]> {
    if (region.gridCount < LARGE_REGION_GRIDS) return this.drillDown.regionCounts(this.db, region, this.viewer(actor));
    const key = `${jurisdictionKey(actor.jurisdiction)}|${region.code}`;
    const kept = this.largeRegionCounts.get(key);
    if (kept && kept.until > Date.now()) return kept.counts;
    const counts = await this.drillDown.regionCounts(this.db, region, this.viewer(actor));
    this.largeRegionCounts.set(key, { until: Date.now() + REGION_COUNTS_SECONDS * 1000, counts });
    return counts;
  }

  private async region(actor: Actor, region: RegionRow): Promise<DrillDown> {
    const counts = await this.regionCounts(actor, region);
    const children: DrillDownChild[] = region.level === 'community'
      ? (await this.drillDown.childGrids(this.db, region.id, actor.jurisdiction)).map((grid) => ({
          kind: 'grid', key: grid.code, name: grid.name, level: null, counts: countsOf(counts, grid.code, GRID_MEASURES), location: null, description: null,
        }))
      : (await this.drillDown.childRegions(this.db, region.id, regionVisibleInJurisdiction(actor.jurisdiction, 'r'))).map((child) => ({
          ...regionRef(child), counts: countsOf(counts, child.code, ALL_MEASURES), location: null, description: null,
        }));
    return {
      node: { ...regionRef(region), bbox: region.bbox, location: null },
      breadcrumb: (await this.regions.findOnPath(region.path, actor.jurisdiction)).map(regionRef),
      counts: countsOf(counts, null, ALL_MEASURES),
      childKind: region.level === 'community' ? 'grid' : 'region',
      children, gridMembers: [], person: null,
    };
  }

  private async gridTrail(actor: Actor, grid: GridRow): Promise<NodeRef[]> {
    const regions = await this.regions.findOnPath(grid.communityPath, actor.jurisdiction);
    return [...regions.map(regionRef), { kind: 'grid', key: grid.code, name: grid.name, level: null }];
  }

  private async grid(actor: Actor, code: string): Promise<DrillDown> {
    const grid = await this.lookups.visibleGrid(actor, code);
    const counts = await this.drillDown.gridCounts(this.db, grid.id, this.viewer(actor));
    const mayReadRegisters = can(actor, 'base_data.read');
    const buildings = mayReadRegisters ? await this.drillDown.buildingsOfGrid(this.db, grid.id) : [];
    const members = await this.drillDown.gridMembers(this.db, grid.id);
    const bbox = await this.drillDown.gridBox(this.db, grid.id);
    return {
      node: { kind: 'grid', key: grid.code, name: grid.name, level: null, bbox, location: null },
      breadcrumb: await this.gridTrail(actor, grid),
      counts: countsOf(counts, null, GRID_MEASURES),
      childKind: mayReadRegisters ? 'building' : null,
      children: buildings.map((building) => ({
        kind: 'building', key: String(building.id), name: building.name, level: null,
        counts: countsOf(counts, String(building.id), ['households']), location: [building.lon, building.lat], description: building.address,
      })),
      gridMembers: members.map((member) => ({ name: member.name, role: member.role, roleLabel: GRID_MEMBER_ROLE_LABELS[member.role as GridMemberRole] ?? member.role })),
      person: null,
    };
  }

  private requireRegisters(actor: Actor): void {
    if (!can(actor, 'base_data.read')) throw forbidden('access.denied', '您的角色无权查看楼栋、住户和人员', 'Your role may not see buildings, households and persons');
  }

  private async buildingTrail(actor: Actor, id: number) {
    const building = await this.drillDown.building(this.db, id, actor.jurisdiction);
    if (!building) throw notFound('building.not_found', `楼栋 ${id} 不存在`, `Building ${id} does not exist`);
    const grid = await this.lookups.visibleGrid(actor, building.gridCode);
    const trail: NodeRef[] = [...(await this.gridTrail(actor, grid)), { kind: 'building', key: String(building.id), name: building.name, level: null }];
    return { building, trail };
  }

  private async building(actor: Actor, id: number): Promise<DrillDown> {
    this.requireRegisters(actor);
    const { building, trail } = await this.buildingTrail(actor, id);
    const counts = await this.drillDown.buildingCounts(this.db, building.id);
    const households = await this.drillDown.householdsOfBuilding(this.db, building.id);
    return {
      node: { ...trail[trail.length - 1]!, bbox: null, location: [building.lon, building.lat] },
      breadcrumb: trail,
      counts: countsOf(counts, null, ['households']),
      childKind: 'household',
      children: households.map((household) => ({
        kind: 'household', key: String(household.id), name: householdName(household.house, household.id), level: null,
        counts: countsOf(counts, String(household.id), []), location: null,
        description: household.headName ? `户主 ${household.headName}` : null,
      })),
      gridMembers: [], person: null,
    };
  }

  /** The trail down to a household, and where its building stands (the map keeps showing it). */
  private async householdTrail(actor: Actor, id: number) {
    const household = await this.drillDown.household(this.db, id, actor.jurisdiction);
    if (!household) throw notFound('household.not_found', `户 ${id} 不存在`, `Household ${id} does not exist`);
    const building = household.buildingId ? await this.buildingTrail(actor, household.buildingId) : null;
    const above = building ? building.trail : await this.gridTrail(actor, await this.lookups.visibleGrid(actor, household.gridCode));
    const trail = [...above, { kind: 'household' as const, key: String(household.id), name: householdName(household.house, household.id), level: null }];
    return { trail, location: building ? ([building.building.lon, building.building.lat] as [number, number]) : null };
  }

  private async household(actor: Actor, id: number): Promise<DrillDown> {
    this.requireRegisters(actor);
    const { trail, location } = await this.householdTrail(actor, id);
    const persons = await this.drillDown.personsOfHousehold(this.db, id);
    const living = (residency: PersonRow['residency']) => persons.filter((person) => person.residency === residency).length;
    const counts: DrillDownCounts = {
      ...countsOf([], null, []),
      population: { total: persons.length, registered: living('registered'), floating: living('floating'), foreign: living('foreign') },
    };
    return {
      node: { ...trail[trail.length - 1]!, bbox: null, location },
      breadcrumb: trail, counts, childKind: 'person',
      children: persons.map((person) => ({
        kind: 'person', key: String(person.id), name: person.name, level: null, counts: null, location: null,
        description: [person.relationToHead, person.idNumber ? maskIdNumber(person.idNumber) : null].filter(Boolean).join(' · ') || null,
      })),
      gridMembers: [], person: null,
    };
  }

  private async person(actor: Actor, id: number): Promise<DrillDown> {
    this.requireRegisters(actor);
    const person = await this.drillDown.person(this.db, id, actor.jurisdiction);
    if (!person) throw notFound('person.not_found', `人员 ${id} 不存在`, `Person ${id} does not exist`);
    const household = person.householdId ? await this.householdTrail(actor, person.householdId) : null;
    const above = household ? household.trail : await this.gridTrail(actor, await this.lookups.visibleGrid(actor, person.gridCode));
    const trail: NodeRef[] = [...above, { kind: 'person', key: String(person.id), name: person.name, level: null }];
    return {
      node: { ...trail[trail.length - 1]!, bbox: null, location: household?.location ?? null },
      breadcrumb: trail, counts: null, childKind: null, children: [], gridMembers: [],
      person: { ...maskPerson(person), currentAddress: person.currentAddress },
    };
  }
}
