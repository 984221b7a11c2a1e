import { forbidden, type Actor, type Jurisdiction } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { FieldWorkRepository } from './field-work.repository.js';

/** A signed-in grid worker linked to a grid member: who patrols and visits, in which grids. */
export interface FieldWorker {
  actor: Actor;
  userId: number;
  gridMemberId: number;
  gridMemberName: string;
  jurisdiction: Extract<Jurisdiction, { kind: 'grids' }>;
}

export const notAGridWorker = () =>
  forbidden('field_work.not_a_grid_worker', '只有绑定了网格力量的网格员才能进行巡查和走访', 'Only a grid worker linked to a grid member can patrol and visit');

/** The grid worker behind an actor, for the field-work services; anyone else is refused (403). */
export class FieldWorkerLookup {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly fieldWork: FieldWorkRepository,
  ) {}

  async of(actor: Actor): Promise<FieldWorker> {
    const worker = await this.find(actor);
    if (!worker) throw notAGridWorker();
    return worker;
  }

  /** The grid worker, or undefined for an operator, a leader or a token. */
  async find(actor: Actor): Promise<FieldWorker | undefined> {
    if (actor.kind !== 'user' || actor.jurisdiction.kind !== 'grids') return undefined;
    const member = await this.fieldWork.gridMemberOfUser(this.db, actor.userId);
    if (!member) return undefined;
    return { actor, userId: actor.userId, gridMemberId: member.id, gridMemberName: member.name, jurisdiction: actor.jurisdiction };
  }
}
