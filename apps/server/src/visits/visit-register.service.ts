import {
  nextVisitAfter, settleVisitCorrections, type Actor, type FieldCorrection, type RecordField, type VisitCorrectionOutcome,
  VISIT_CORRECTABLE_HOUSE_FIELDS, VISIT_CORRECTABLE_PERSON_FIELDS,
} from '@civicgrid/domain';
import { chinaToday } from '../all-clears/all-clear.service.js';
import type { DatabaseExecutor } from '../database/schema.js';
import type { HouseRow } from '../registers/houses/house.repository.js';
import type { HouseService } from '../registers/houses/house.service.js';
import type { PersonRecord } from '../registers/persons/person.repository.js';
import type { PersonService } from '../registers/persons/person.service.js';
import type { VisitTargetRepository, VisitTargetRow } from './visit-target.repository.js';

/** One register as a visit writes it: the record locked in the visit's transaction, its values now, and its edit path. */
interface VisitedRegister<Locked extends { version: number }> {
  fields: readonly RecordField[];
  lock(transaction: DatabaseExecutor, actor: Actor, id: number): Promise<Locked>;
  valuesOf(locked: Locked): Record<string, unknown>;
  write(transaction: DatabaseExecutor, actor: Actor, locked: Locked, patch: Record<string, unknown>): Promise<number>;
}

interface VisitWrite {
  visitedAt: Date;
  corrections?: Record<string, FieldCorrection> | undefined;
}

/**
 * What a visit changes in the person or house it went to, inside the visit's own transaction: its corrections
 * settled against the record as it is now (whatever its version), the fields that apply and the moved next visit
 * written through the register's own edit path (validated, versioned, in the history with the visit as source),
 * and the last visit recorded.
 */
export class VisitRegisterService {
  private readonly persons: VisitedRegister<PersonRecord>;
  private readonly houses: VisitedRegister<HouseRow>;

  constructor(
    personService: PersonService,
    houseService: HouseService,
    private readonly targets: VisitTargetRepository,
  ) {
    this.persons = {
      fields: VISIT_CORRECTABLE_PERSON_FIELDS,
      lock: (transaction, actor, id) => personService.lockedRecord(transaction, actor, id),
      valuesOf: (record) => record.values,
      write: (transaction, actor, record, patch) => personService.writeFromVisit(transaction, actor, record, patch),
    };
    this.houses = {
      fields: VISIT_CORRECTABLE_HOUSE_FIELDS,
      lock: (transaction, actor, id) => houseService.lockedRecord(transaction, actor, id),
      valuesOf: (row) => ({ ...row }),
      write: (transaction, actor, row, patch) => houseService.writeFromVisit(transaction, actor, row, patch),
    };
  }

  /** How the corrections settled: null when none were sent, or when the target is not a person or a house. */
  async apply(transaction: DatabaseExecutor, actor: Actor, target: VisitTargetRow, visit: VisitWrite): Promise<VisitCorrectionOutcome | null> {
    if (target.kind === 'person') return this.update(this.persons, 'person', transaction, actor, target, visit);
    if (target.kind === 'house') return this.update(this.houses, 'house', transaction, actor, target, visit);
    return null;
  }

  private async update<Locked extends { version: number }>(
    register: VisitedRegister<Locked>, kind: 'person' | 'house', transaction: DatabaseExecutor, actor: Actor, target: VisitTargetRow, visit: VisitWrite,
  ): Promise<VisitCorrectionOutcome | null> {
    const locked = await register.lock(transaction, actor, target.id);
    const values = register.valuesOf(locked);
    const settled = visit.corrections ? settleVisitCorrections(register.fields, values, visit.corrections) : null;
    const nextVisitOn = nextVisitAfter(chinaToday(visit.visitedAt), {
      lastVisitedOn: target.lastVisitedAt ? chinaToday(target.lastVisitedAt) : null,
      nextVisitOn: (values.nextVisitOn as string | null) ?? null,
    });
    const patch = { ...settled?.apply, ...(nextVisitOn ? { nextVisitOn } : {}) };
    const version = Object.keys(patch).length > 0 ? await register.write(transaction, actor, locked, patch) : locked.version;
    await this.targets.markVisited(transaction, kind, target.id, visit.visitedAt);
    return settled && { applied: Object.keys(settled.apply), unchanged: settled.unchanged, conflicts: settled.conflicts, version };
  }
}
