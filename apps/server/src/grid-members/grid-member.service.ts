import { GRID_MEMBER_ROLE_LABELS, conflict, notFound, type Actor, type GridMemberRole } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { GridMemberRepository } from './grid-member.repository.js';

export class GridMemberService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly members: GridMemberRepository,
    private readonly lookups: GridLookups,
  ) {}

  async listForGrid(actor: Actor, gridCode: string) {
    const grid = await this.lookups.visibleGrid(actor, gridCode);
    const rows = await this.members.listForGrid(grid.id);
    return rows.map((row) => ({ ...row, roleLabel: GRID_MEMBER_ROLE_LABELS[row.role as GridMemberRole] ?? row.role }));
  }

  /** Adds a member to a grid: a new person, or (with `gridMemberId`) someone already serving another grid. */
  async assign(actor: Actor, gridCode: string, input: { name: string; role: GridMemberRole; phone?: string | null | undefined; gridMemberId?: number | undefined }) {
    const grid = await this.lookups.visibleGrid(actor, gridCode);
    if (input.gridMemberId !== undefined && !(await this.members.findGridMember(input.gridMemberId))) {
      throw notFound('grid_member.not_found', `网格力量 ${input.gridMemberId} 不存在`, `Grid member ${input.gridMemberId} does not exist`);
    }
    const gridMemberId = await this.db.transaction().execute(async (transaction) => {
      const id = input.gridMemberId ?? (await this.members.insertGridMember(transaction, { name: input.name, phone: input.phone ?? null }));
      const added = await this.members.assign(transaction, id, grid.id, input.role);
      if (!added) {
        throw conflict('grid_member.already_assigned', '该人员已在此网格担任此角色', 'This person already serves this grid in this role');
      }
      return id;
    });
    return { gridMemberId, gridCode, role: input.role };
  }

  async unassign(actor: Actor, gridCode: string, gridMemberId: number): Promise<void> {
    const grid = await this.lookups.visibleGrid(actor, gridCode);
    const removed = await this.db.transaction().execute((transaction) => this.members.unassign(transaction, gridMemberId, grid.id));
    if (removed === 0) {
      throw notFound('grid_member.not_assigned', `网格力量 ${gridMemberId} 不在网格 ${gridCode}`, `Grid member ${gridMemberId} does not serve grid ${gridCode}`);
    }
  }

}
