import { conflict, notFound, type Actor, type DepartmentView } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { OrganizationRepository } from './organization.repository.js';

/** Centers (one per region) and departments (attached to a region and its level). */
export class OrganizationService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly organizations: OrganizationRepository,
    private readonly lookups: GridLookups,
  ) {}

  /** The centers of the actor's own region, above it and below it. */
  centers(actor: Actor) {
    return this.organizations.centers(this.db, actor.jurisdiction);
  }

  departments(actor: Actor, includeDisabled: boolean) {
    return this.organizations.departments(this.db, actor.jurisdiction, includeDisabled);
  }

  async createDepartment(actor: Actor, input: { name: string; regionCode: string; code?: string | null | undefined; phone?: string | null | undefined }): Promise<DepartmentView> {
    const region = await this.lookups.visibleRegion(actor, input.regionCode);
    return this.db.transaction().execute(async (transaction) => {
      const id = await this.organizations.insertDepartment(transaction, {
        name: input.name, regionId: region.id, level: region.level, code: input.code ?? null, phone: input.phone ?? null,
      });
      if (id === undefined) throw conflict('department.taken', `${region.name}已有名为“${input.name}”的部门或编码已被使用`, 'A department of this name or code already exists there');
      return (await this.organizations.findDepartment(transaction, id))!;
    });
  }

  async updateDepartment(actor: Actor, id: number, change: { name?: string | undefined; phone?: string | null | undefined; disabled?: boolean | undefined }): Promise<DepartmentView> {
    const visible = (await this.organizations.departments(this.db, actor.jurisdiction, true)).some((department) => department.id === id);
    if (!visible) throw notFound('department.not_found', `部门 ${id} 不存在`, `Department ${id} does not exist`);
    await this.db.transaction().execute((transaction) => this.organizations.updateDepartment(transaction, id, change));
    return (await this.organizations.findDepartment(this.db, id))!;
  }
}
