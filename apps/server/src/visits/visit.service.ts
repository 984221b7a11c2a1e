import {
  conflict, coversGrid, invalid, notFound, VISIT_CORRECTABLE_FIELDS, VISIT_TARGET_LABELS, type Actor, type CorrectableVisitTarget,
  type RecordPage, type VisitListQuery, type VisitRecordInput, type VisitView,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import { notAGridWorker, type FieldWorker, type FieldWorkerLookup } from '../field-work/field-worker.js';
import type { VisitPhotoRepository } from './visit-photo.repository.js';
import { presentVisit } from './visit.presenter.js';
import type { VisitRegisterService } from './visit-register.service.js';
import type { VisitTargetRepository } from './visit-target.repository.js';
import type { VisitReader, VisitRepository } from './visit.repository.js';

/** Phones' clocks drift; a visit further ahead than this has a wrong time. */
const CLOCK_SKEW_MS = 10 * 60_000;

export const visitNotFound = (id: number) =>
  notFound('visit.not_found', `走访记录 ${id} 不存在或不在您的管辖范围内`, `Visit ${id} does not exist or is outside your jurisdiction`);
const targetNotFound = (kind: VisitRecordInput['targetKind'], id: number) =>
  notFound('visit.target_not_found', `走访对象（${VISIT_TARGET_LABELS[kind]} ${id}）不存在或不在您负责的网格内`,
    `The ${kind} ${id} to visit does not exist or is not in your grids`);
const clientIdTaken = () =>
  conflict('visit.client_id_taken', '该走访编号已被其他网格员使用', 'This visit’s client id belongs to another grid worker’s visit');

const isCorrectable = (kind: VisitRecordInput['targetKind']): kind is CorrectableVisitTarget => kind === 'person' || kind === 'house';

/** Corrections only of a person or house, and only of the fields a visit may correct (VISIT_CORRECTABLE_FIELDS). */
function checkCorrections(input: VisitRecordInput): void {
  if (!input.corrections) return;
  if (!isCorrectable(input.targetKind)) {
    throw invalid('visit.corrections_not_supported', `走访${VISIT_TARGET_LABELS[input.targetKind]}时不能更正登记信息，只能更正人员或房屋`,
      `Only a visit to a person or a house may correct its register values, not a visit to a ${input.targetKind}`);
  }
  const fields = VISIT_CORRECTABLE_FIELDS[input.targetKind];
  const refused = Object.keys(input.corrections.fields).filter((key) => !fields.some((field) => field.key === key));
  if (refused.length > 0) {
    throw invalid('visit.field_not_correctable', `走访时不能更正这些字段：${refused.join('、')}`, `A visit cannot correct: ${refused.join(', ')}`,
      { fields: refused, correctable: fields.map((field) => field.key) });
  }
}

/**
 * 走访: a grid worker's visit to a person, household, house, place or organization in their grids, recorded on the
 * phone (often offline, hours earlier). The visit, its corrections of the register and its directive task land
 * together in one transaction or not at all; the same clientId again returns the visit stored the first time.
 */
export class VisitService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly visits: VisitRepository,
    private readonly targets: VisitTargetRepository,
    private readonly photos: VisitPhotoRepository,
    private readonly registers: VisitRegisterService,
    private readonly workers: FieldWorkerLookup,
  ) {}

  async record(actor: Actor, input: VisitRecordInput): Promise<{ created: boolean; visit: VisitView }> {
    const worker = await this.workers.of(actor);
    const earlier = await this.visits.idOfClientId(this.db, input.clientId);
    if (earlier) return { created: false, visit: await this.ownVisit(worker, earlier) };
    if (input.visitedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw invalid('visit.in_future', '走访时间晚于当前时间，请检查手机时间', 'The visit is dated in the future; check the phone’s clock');
    }
    checkCorrections(input);
    const saved = await this.db.transaction().execute(async (transaction) => {
      const target = await this.targets.find(transaction, input.targetKind, input.targetId);
      if (!target || !coversGrid(worker.jurisdiction, target.gridPath)) throw targetNotFound(input.targetKind, input.targetId);
      const task = input.directiveTargetId ? await this.visits.directiveTargetOf(transaction, input.directiveTargetId, worker.gridMemberId) : undefined;
      if (input.directiveTargetId && !task) {
        throw notFound('directive.target_not_found', '该指令任务不存在或不是派给您的', 'No such directive task is yours');
      }
      const id = await this.visits.insert(transaction, {
        gridMemberId: worker.gridMemberId, gridId: target.gridId, clientId: input.clientId, targetKind: input.targetKind, targetId: input.targetId,
        directiveId: task?.directiveId ?? null, visitedAt: input.visitedAt, lon: input.lon ?? null, lat: input.lat ?? null, note: input.note,
        details: { directiveTargetId: task?.id ?? null },
      });
      // the same visit sent twice at once: the other request stored it, and this one writes nothing
      if (id === null) return undefined;
      const corrections = await this.registers.apply(transaction, actor, target, { visitedAt: input.visitedAt, corrections: input.corrections?.fields });
      await this.visits.setDetails(transaction, id, { directiveTargetId: task?.id ?? null, corrections });
      if (task && task.directiveStatus === 'issued') await this.visits.startDirectiveTarget(transaction, task.id);
      return id;
    });
    if (saved === undefined) return this.record(actor, input);
    return { created: true, visit: await this.get(actor, saved) };
  }

  async get(actor: Actor, id: number): Promise<VisitView> {
    const row = await this.visits.find(this.db, id, await this.readerOf(actor));
    if (!row) throw visitNotFound(id);
    return presentVisit(row, await this.photos.listFor(this.db, [id]));
  }

  async list(actor: Actor, query: VisitListQuery): Promise<RecordPage<VisitView>> {
    const reader = await this.readerOf(actor);
    if (query.mine && reader.gridMemberId === null) throw notAGridWorker();
    const { items, total } = await this.visits.list(this.db, query, reader);
    const photos = await this.photos.listFor(this.db, items.map((row) => row.id));
    return { items: items.map((row) => presentVisit(row, photos)), total };
  }

  /** Who may read which visits: grid workers their own and their grids', everyone else their jurisdiction's. */
  async readerOf(actor: Actor): Promise<VisitReader> {
    const worker = await this.workers.find(actor);
    return { jurisdiction: actor.jurisdiction, gridMemberId: worker?.gridMemberId ?? null };
  }

  private async ownVisit(worker: FieldWorker, visit: { id: number; gridMemberId: number }): Promise<VisitView> {
    if (visit.gridMemberId !== worker.gridMemberId) throw clientIdTaken();
    return this.get(worker.actor, visit.id);
  }
}
