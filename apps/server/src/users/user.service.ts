import {
  conflict, coversRegion, gridNotFound, invalid, jurisdictionBindingOf, notFound, OPERATOR_LEVEL, REGION_LEVEL_LABELS, regionNotFound, STAFF_ROLE_LABELS,
  type Actor, type StaffRole, type UserView,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import { assertPasswordPolicy } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password-hash.js';
import type { SessionRepository } from '../auth/session.repository.js';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridRepository } from '../grids/grid.repository.js';
import type { RegionRepository } from '../regions/region.repository.js';
import type { UserRepository, UserRow } from './user.repository.js';

export interface UserInput {
  username: string;
  displayName: string;
  phone?: string | null | undefined;
  role: StaffRole;
  password: string;
  regionCode?: string | null | undefined;
  departmentId?: number | null | undefined;
  gridMemberId?: number | null | undefined;
  gridCodes?: string[] | undefined;
}

export function presentUser(user: UserRow): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    phone: user.phone,
    role: user.role,
    roleLabel: STAFF_ROLE_LABELS[user.role],
    regionCode: user.regionCode,
    regionName: user.regionName,
    departmentId: user.departmentId,
    departmentName: user.departmentName,
    gridMemberId: user.gridMemberId,
    gridCodes: user.gridCodes,
    disabled: user.disabled,
    locked: user.lockedUntil !== null && user.lockedUntil > new Date(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

const userNotFound = (id: number) => notFound('user.not_found', `用户 ${id} 不存在`, `User ${id} does not exist`);

/** Administration of staff users, each inside the administrator's own jurisdiction. */
export class UserService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly regions: RegionRepository,
    private readonly grids: GridRepository,
  ) {}

  async list(actor: Actor, filter: { search?: string | undefined; role?: string | undefined }, limit: number, offset: number) {
    return (await this.users.list(actor.jurisdiction, filter, limit, offset)).map(presentUser);
  }

  async get(actor: Actor, id: number) {
    const user = await this.users.findById(id, actor.jurisdiction);
    if (!user) throw userNotFound(id);
    return presentUser(user);
  }

  async create(actor: Actor, input: UserInput) {
    const binding = await this.resolveJurisdiction(actor, input);
    if (await this.users.findByUsername(input.username)) {
      throw conflict('user.username_taken', `用户名 ${input.username} 已被使用`, `The username ${input.username} is taken`);
    }
    assertPasswordPolicy(input.password, input.username);
    const passwordHash = await hashPassword(input.password);
    const id = await this.db.transaction().execute((transaction) => this.users.insert(transaction, {
      username: input.username, passwordHash, displayName: input.displayName, phone: input.phone ?? null, role: input.role,
      regionId: binding.regionId, departmentId: binding.departmentId, gridMemberId: binding.gridMemberId,
    }, binding.gridIds));
    return this.get(actor, id);
  }

  /** Disabling a user ends their sessions at once. */
  async update(actor: Actor, id: number, changes: { displayName?: string | undefined; phone?: string | null | undefined; disabled?: boolean | undefined; gridCodes?: string[] | undefined }) {
    const user = await this.users.findById(id, actor.jurisdiction);
    if (!user) throw userNotFound(id);
    const gridIds = changes.gridCodes ? await this.gridIdsInJurisdiction(actor, changes.gridCodes) : undefined;
    await this.db.transaction().execute(async (transaction) => {
      await this.users.update(transaction, id, {
        ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
        ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      });
      if (gridIds) await this.users.setGrids(transaction, id, gridIds);
      if (changes.disabled) await this.sessions.revokeAllOfUser(transaction, id);
    });
    return this.get(actor, id);
  }

  async resetPassword(actor: Actor, id: number, password: string) {
    const user = await this.users.findById(id, actor.jurisdiction);
    if (!user) throw userNotFound(id);
    assertPasswordPolicy(password, user.username);
    const passwordHash = await hashPassword(password);
    await this.db.transaction().execute(async (transaction) => {
      await this.users.setPassword(transaction, id, passwordHash);
      await this.sessions.revokeAllOfUser(transaction, id);
    });
  }

  async revokeSessions(actor: Actor, id: number): Promise<number> {
    const user = await this.users.findById(id, actor.jurisdiction);
    if (!user) throw userNotFound(id);
    return this.db.transaction().execute((transaction) => this.sessions.revokeAllOfUser(transaction, id));
  }

  private async resolveJurisdiction(actor: Actor, input: UserInput) {
    const binding = jurisdictionBindingOf(input.role);
    const result = { regionId: null as number | null, departmentId: null as number | null, gridMemberId: null as number | null, gridIds: [] as number[] };
    if (binding === 'grids') {
      if (!input.gridMemberId || !input.gridCodes?.length) {
        throw invalid('user.grids_required', '网格员须关联网格力量人员和所负责的网格', 'A grid worker needs a grid member record and grids');
      }
      result.gridMemberId = input.gridMemberId;
      result.gridIds = await this.gridIdsInJurisdiction(actor, input.gridCodes);
      return result;
    }
    if (binding === 'department') {
      if (!input.departmentId) throw invalid('user.department_required', '职能部门人员须指定所属部门', 'A department handler needs a department');
      const department = await this.db.selectFrom('departments').innerJoin('regions', 'regions.id', 'departments.region_id')
        .select(['departments.id', 'regions.path']).where('departments.id', '=', input.departmentId).executeTakeFirst();
      if (!department || !coversRegion(actor.jurisdiction, department.path)) {
        throw notFound('department.not_found', `部门 ${input.departmentId} 不存在`, `Department ${input.departmentId} does not exist`);
      }
      result.departmentId = department.id;
      return result;
    }
    if (!input.regionCode) {
      if (binding === 'region_or_everywhere' && actor.jurisdiction.kind === 'everywhere') return result;
      throw invalid('user.region_required', '须指定用户的管辖区划', 'The user needs a region');
    }
    const region = await this.regions.findByCode(input.regionCode, actor.jurisdiction);
    if (!region || !coversRegion(actor.jurisdiction, region.path)) throw regionNotFound(input.regionCode);
    const level = OPERATOR_LEVEL[input.role];
    if (level && region.level !== level) {
      throw invalid('user.region_level_mismatch', `${STAFF_ROLE_LABELS[input.role]}须绑定${REGION_LEVEL_LABELS[level]}级区划`, `A ${input.role} is bound to a ${level} region`);
    }
    result.regionId = region.id;
    return result;
  }

  private async gridIdsInJurisdiction(actor: Actor, gridCodes: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const code of gridCodes) {
      const grid = await this.grids.findByCode(code, actor.jurisdiction);
      if (!grid) throw gridNotFound(code);
      ids.push(grid.id);
    }
    return ids;
  }
}
