import { maskIdNumber, maskPhone, notFound, type Actor, type BuildingDetail, type HouseholdDetail, type MaskedPerson } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { GridRepository } from '../grids/grid.repository.js';
import type { BuildingRepository, PersonRow } from './building.repository.js';

/** Until roles exist (access-control issue), personal data leaves the server masked. */
function presentPerson(person: PersonRow): MaskedPerson {
  return {
    id: person.id,
    name: person.name,
    gender: person.gender,
    residency: person.residency,
    idNumberMasked: person.idNumber ? maskIdNumber(person.idNumber) : null,
    mobileMasked: person.mobile ? maskPhone(person.mobile) : null,
    birthDate: person.birthDate,
    relationToHead: person.relationToHead,
  };
}

export class BuildingService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly buildings: BuildingRepository,
    private readonly grids: GridRepository,
    private readonly lookups: GridLookups,
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
    const id = await this.db.transaction().execute((transaction) =>
      this.buildings.insert(transaction, { gridId: grid.id, name: input.name, address: input.address ?? null, floors: input.floors ?? null, lon: input.lon, lat: input.lat }));
    return this.get(actor, id);
  }

  async get(actor: Actor, id: number): Promise<BuildingDetail> {
    const building = await this.buildings.findById(id, actor.jurisdiction);
    if (!building) throw notFound('building.not_found', `楼栋 ${id} 不存在`, `Building ${id} does not exist`);
    return { ...building, householdList: await this.buildings.listHouseholdsOfBuilding(id) };
  }

  async listForGrid(actor: Actor, gridCode: string) {
    const grid = await this.lookups.visibleGrid(actor, gridCode);
    return this.buildings.listForGrid(grid.id);
  }

  async getHousehold(actor: Actor, id: number): Promise<HouseholdDetail> {
    const household = await this.buildings.findHousehold(id, actor.jurisdiction);
    if (!household) throw notFound('household.not_found', `户 ${id} 不存在`, `Household ${id} does not exist`);
    return { ...household, persons: (await this.buildings.listPersonsOfHousehold(id)).map(presentPerson) };
  }
}
