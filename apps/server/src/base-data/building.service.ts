import {
  BUILDING_FIELDS, changedFields, conflict, createdFields, notFound, parseRecordValues, type Actor, type BuildingDetail, type BuildingRecordView,
  type RecordChangeView, type UnitView,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { GridRepository } from '../grids/grid.repository.js';
import { RecordChangeRepository } from '../registers/record-change.repository.js';
import { presentHistory } from '../registers/record-history.js';
import { actorUserId, invalidValues, versionConflict } from '../registers/register-errors.js';
import type { BuildingRepository } from './building.repository.js';

const BUILDING = { code: 'building.invalid', zh: '楼栋信息', en: 'building' };
const HEADERS = new Map<string, string>(BUILDING_FIELDS.map((field) => [field.key, field.header]));
const COLUMN_OF: Record<string, string> = { name: 'name', address: 'address', buildingType: 'building_type', floors: 'floors' };
const buildingNotFound = (id: number) => notFound('building.not_found', `楼栋 ${id} 不存在`, `Building ${id} does not exist`);

export class BuildingService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly buildings: BuildingRepository,
    private readonly grids: GridRepository,
    private readonly lookups: GridLookups,
    // stateless; a default keeps the wiring in services.ts as it was
    private readonly changes = new RecordChangeRepository(),
  ) {}

  /** Creates a building in the grid its location falls in; a location outside every grid is refused. */
  async create(actor: Actor, input: { name: string; address?: string | null | undefined; floors?: number | null | undefined; lon: number; lat: number }) {
    const located = await this.grids.locate(input.lon, input.lat);
    if (!located) {
      throw notFound('grid.point_outside_grids', `楼栋位置（${input.lon}, ${input.lat}）不在任何网格内`, `The building's location (${input.lon}, ${input.lat}) is not in any grid`);
    }
    const grid = await this.grids.findByCode(located.gridCode, actor.jurisdiction);
    if (!grid) {
      throw notFound('grid.point_outside_jurisdiction', '楼栋位置不在您管辖的网格内', 'The building’s location is not in a grid of your jurisdiction');
    }
    const id = await this.db.transaction().execute(async (transaction) => {
      const building = { name: input.name, address: input.address ?? null, floors: input.floors ?? null };
      const created = await this.buildings.insert(transaction, { gridId: grid.id, ...building, lon: input.lon, lat: input.lat });
      await this.changes.insert(transaction, { table: 'buildings', recordId: created, changedBy: actorUserId(actor), before: null, after: createdFields({ ...building, gridCode: grid.code }) });
      return created;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: number): Promise<BuildingDetail> {
    const building = await this.buildings.findById(id, actor.jurisdiction);
    if (!building) throw buildingNotFound(id);
    return { ...building, householdList: await this.buildings.listHouseholdsOfBuilding(id) };
  }

  /** Changes the sent fields of a building last seen at `version` (its place, and so its grid, stays). */
  async update(actor: Actor, id: number, input: Record<string, unknown> & { version: number }): Promise<BuildingRecordView> {
    const { version, ...patch } = input;
    return this.db.transaction().execute(async (transaction) => {
      const current = await this.buildings.record(transaction, id, actor.jurisdiction, { lock: true });
      if (!current) throw buildingNotFound(id);
      if (current.version !== version) throw versionConflict('building.version_conflict', current.version);
      const before = { name: current.name, address: current.address, buildingType: current.buildingType, floors: current.floors };
      const parsed = parseRecordValues(BUILDING_FIELDS, { ...before, ...patch });
      if ('errors' in parsed) throw invalidValues(BUILDING.code, BUILDING, parsed.errors);
      const diff = changedFields(before, parsed.values);
      if (!diff) return current;
      const columns = Object.fromEntries(Object.keys(diff.after).map((key) => [COLUMN_OF[key]!, diff.after[key]]));
      if (!(await this.buildings.update(transaction, id, version, columns))) throw versionConflict('building.version_conflict', version + 1);
      await this.changes.insert(transaction, { table: 'buildings', recordId: id, changedBy: actorUserId(actor), ...diff });
      return (await this.buildings.record(transaction, id, actor.jurisdiction))!;
    });
  }

  async history(actor: Actor, id: number, limit: number): Promise<RecordChangeView[]> {
    if (!(await this.buildings.record(this.db, id, actor.jurisdiction))) throw buildingNotFound(id);
    return presentHistory(await this.changes.listFor(this.db, 'buildings', id, limit), (field) => HEADERS.get(field) ?? (field === 'gridCode' ? '所属网格' : field), undefined, [...HEADERS.keys()]);
  }

  async units(actor: Actor, id: number): Promise<UnitView[]> {
    if (!(await this.buildings.record(this.db, id, actor.jurisdiction))) throw buildingNotFound(id);
    return this.buildings.units(this.db, id);
  }

  async addUnit(actor: Actor, id: number, name: string): Promise<UnitView[]> {
    return this.db.transaction().execute(async (transaction) => {
      if (!(await this.buildings.record(transaction, id, actor.jurisdiction, { lock: true }))) throw buildingNotFound(id);
      if ((await this.buildings.insertUnit(transaction, id, name)) === undefined) throw conflict('unit.name_taken', `该楼栋已有“${name}”`, `The building already has a unit named ${name}`);
      return this.buildings.units(transaction, id);
    });
  }

  async listForGrid(actor: Actor, gridCode: string) {
    const grid = await this.lookups.visibleGrid(actor, gridCode);
    return this.buildings.listForGrid(grid.id);
  }

}
