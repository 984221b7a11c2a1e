import { randomBytes } from 'node:crypto';
import {
  conflict, forbidden, invalid, mayReportAt, notFound, type Actor, type HotlineOrderInput, type IncidentReportInput, type IncidentSource, type PublicReportInput,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';
import type { NotificationRepository } from '../notifications/notification.repository.js';
import type { WebhookRepository } from '../webhooks/webhook.repository.js';
import type { IncidentClock } from '../working-calendar/incident-clock.js';
import type { IncidentRelationsRepository } from './incident-relations.repository.js';
import type { IncidentPlacement, IncidentRepository, NewIncident, PublicProgress } from './incident.repository.js';
import { actorNameOf } from './incident-workflow.service.js';

export interface IntakeResult {
  id: number;
  /** False when the same client id or hotline order number had already made this incident. */
  created: boolean;
  trackingCode?: string;
}

const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const trackingCode = () => Array.from(randomBytes(10), (byte) => TRACKING_ALPHABET[byte % TRACKING_ALPHABET.length]).join('');

/**
 * Every way an incident comes in: a grid worker or operator report, a department referral, a hotline work
 * order, a resident's report. Each is idempotent on its client id (or hotline order number): a retry returns
 * the incident the first attempt made.
 */
export class IncidentIntakeService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly incidents: IncidentRepository,
    private readonly relations: IncidentRelationsRepository,
    private readonly notifications: NotificationRepository,
    private readonly webhooks: WebhookRepository,
    private readonly clock: IncidentClock,
  ) {}

  async report(actor: Actor, input: IncidentReportInput): Promise<IntakeResult> {
    const userId = actor.kind === 'user' ? actor.userId : null;
    const existing = await this.existingByClientId(this.db, input.clientId, userId);
    if (existing) return existing;
    return this.db.transaction().execute(async (transaction) => {
      const gridMemberId = actor.kind === 'user' && actor.role === 'grid_worker' ? await this.incidents.gridMemberOfUser(transaction, actor.userId) : null;
      const source = sourceOf(actor, input.source);
      return this.create(transaction, actor, {
        clientId: input.clientId, source,
        sourceDepartmentId: actor.jurisdiction.kind === 'department' ? actor.jurisdiction.departmentId : null,
        categoryId: input.categoryId ?? null, urgent: input.urgent ?? false, title: input.title ?? null, description: input.description,
        lon: input.lon, lat: input.lat, address: input.address ?? null,
        reporterUserId: userId, reporterGridMemberId: gridMemberId,
        reporterName: input.reporterName ?? (source === 'resident' ? null : actorNameOf(actor)), reporterPhone: input.reporterPhone ?? null,
        anonymous: false, apiTokenId: actor.kind === 'api_token' ? actor.apiTokenId : null, hotlineOrderNumber: null, hotlineDeadline: null,
      });
    });
  }

  /** A 12345 work order; the same order number sent again returns the incident made the first time. */
  async hotline(actor: Actor, order: HotlineOrderInput): Promise<IntakeResult> {
    const known = await this.incidents.findIdByHotlineOrder(this.db, order.orderNumber);
    if (known) return { id: known, created: false };
    return this.db.transaction().execute(async (transaction) => {
      const categoryId = order.categoryCode ? await this.incidents.categoryIdByCode(transaction, order.categoryCode) : undefined;
      if (order.categoryCode && !categoryId) throw invalid('incident.category_not_found', `分类 ${order.categoryCode} 不存在`, `Category ${order.categoryCode} does not exist`);
      return this.create(transaction, actor, {
        clientId: null, source: 'hotline', sourceDepartmentId: null, categoryId: categoryId ?? null, urgent: false, title: null,
        description: order.description, lon: order.lon ?? null, lat: order.lat ?? null, address: order.address ?? null,
        reporterUserId: null, reporterGridMemberId: null, reporterName: order.callerName ?? null, reporterPhone: order.callerPhone ?? null,
        anonymous: false, apiTokenId: actor.kind === 'api_token' ? actor.apiTokenId : null,
        hotlineOrderNumber: order.orderNumber, hotlineDeadline: order.deadline,
      });
    });
  }

  /** A resident's report from the public page; the tracking code is how they follow it. */
  async publicReport(input: PublicReportInput): Promise<IntakeResult> {
    const existing = await this.existingByClientId(this.db, input.clientId, null);
    if (existing) return existing;
    return this.db.transaction().execute(async (transaction) => this.create(transaction, { kind: 'system', name: '群众', jurisdiction: { kind: 'everywhere' } }, {
      clientId: input.clientId, source: 'resident', sourceDepartmentId: null, categoryId: input.categoryId ?? null, urgent: false, title: null,
      description: input.description, lon: input.lon, lat: input.lat, address: input.address ?? null,
      reporterUserId: null, reporterGridMemberId: null, reporterName: input.anonymous ? null : input.name ?? null,
      reporterPhone: input.anonymous ? null : input.phone ?? null, anonymous: input.anonymous, apiTokenId: null,
      hotlineOrderNumber: null, hotlineDeadline: null,
    }));
  }

  /** What a resident sees by the tracking code: the progress, never names or phone numbers. */
  async progress(trackingCode: string): Promise<PublicProgress> {
    const progress = await this.incidents.progressByTrackingCode(this.db, trackingCode);
    if (!progress) throw notFound('incident.tracking_code_not_found', '查询码不存在', 'No report has this tracking code');
    return progress;
  }

  private async existingByClientId(executor: DatabaseExecutor, clientId: string, userId: number | null): Promise<IntakeResult | undefined> {
    const id = await this.incidents.findIdByClientId(executor, clientId);
    if (id === undefined) return undefined;
    if ((await this.incidents.reporterUserIdOf(executor, id)) !== userId) {
      throw conflict('incident.client_id_reused', '该上报编号已被使用', 'This client id was already used by someone else');
    }
    return { id, created: false };
  }

  private async create(transaction: DatabaseExecutor, actor: Actor, incident: Omit<NewIncident, 'placement'>): Promise<IntakeResult> {
    if (incident.categoryId !== null) await this.relations.requireSubcategory(transaction, incident.categoryId);
    const placement = await this.placement(transaction, incident.lon, incident.lat);
    if (actor.kind !== 'system' && !mayReportAt(actor, (await this.incidents.regionPath(transaction, placement.regionId)) ?? '')) {
      throw forbidden('incident.outside_jurisdiction', '事发地不在您的管辖范围内', 'The place of the incident lies outside your jurisdiction');
    }
    const inserted = await this.incidents.insert(transaction, { ...incident, placement });
    if (!inserted) {
      // a concurrent retry of the same report won the insert
      const id = incident.clientId ? await this.incidents.findIdByClientId(transaction, incident.clientId)
        : await this.incidents.findIdByHotlineOrder(transaction, incident.hotlineOrderNumber ?? '');
      if (id === undefined) throw conflict('incident.duplicate', '重复上报', 'Duplicate report');
      return { id, created: false };
    }
    const code = incident.source === 'resident' || incident.source === 'hotline' ? trackingCode() : null;
    await this.incidents.insertReporter(transaction, {
      incidentId: inserted.id, userId: incident.reporterUserId, gridMemberId: incident.reporterGridMemberId, name: incident.reporterName,
      phone: incident.reporterPhone, anonymous: incident.anonymous, hotlineOrderNumber: incident.hotlineOrderNumber, trackingCode: code,
    });
    const now = new Date();
    const clock = await this.clock.clockFor(transaction, 'reported', { centerLevel: await this.centerLevel(transaction, placement.centerId), categoryId: incident.categoryId }, now);
    await this.incidents.update(transaction, inserted.id, { clock });
    await this.incidents.insertStep(transaction, {
      incidentId: inserted.id, action: 'report', fromStatus: null, toStatus: 'reported', actorUserId: incident.reporterUserId,
      actorName: incident.anonymous ? '匿名群众' : incident.reporterName ?? actorNameOf(actor), actorDepartmentId: incident.sourceDepartmentId, actorCenterId: null,
      note: null, deadline: clock.deadline, details: { source: incident.source, flaggedOutsideGrids: placement.flaggedOutsideGrids }, clientId: null,
    });
    await this.notifications.notify(transaction, { kind: 'center_operators', centerId: placement.centerId }, {
      kind: 'incident.report', title: `新上报事件 ${inserted.code}${placement.flaggedOutsideGrids ? '（网格外）' : ''}`,
      body: incident.description.slice(0, 80), subjectTable: 'incidents', subjectId: inserted.id,
    });
    await this.webhooks.enqueue(transaction, 'incident.report', placement.regionId, {
      incidentId: inserted.id, code: inserted.code, action: 'report', source: incident.source, toStatus: 'reported', at: now.toISOString(),
    });
    return { id: inserted.id, created: true, ...(code ? { trackingCode: code } : {}) };
  }

  private async placement(transaction: DatabaseExecutor, lon: number | null, lat: number | null): Promise<IncidentPlacement> {
    const placement = lon !== null && lat !== null ? await this.incidents.placementAt(transaction, lon, lat) : await this.incidents.topCenter(transaction);
    if (!placement) throw invalid('incident.no_center', '尚未设立任何社会治理中心，无法接收事件', 'No governance center exists yet to receive incidents');
    return placement;
  }

  private async centerLevel(transaction: DatabaseExecutor, centerId: number) {
    const path = await this.incidents.centerRegionPath(transaction, centerId);
    return (['city', 'district', 'street', 'community'] as const)[(path?.split('/').length ?? 3) - 1] ?? 'street';
  }
}

function sourceOf(actor: Actor, requested: IncidentReportInput['source']): IncidentSource {
  if (actor.kind === 'api_token') return 'open311';
  if (actor.kind === 'user' && actor.role === 'grid_worker') return 'grid_worker';
  if (actor.jurisdiction.kind === 'department') return 'department_referral';
  return requested === 'grid_worker' || requested === 'department_referral' || requested === undefined ? 'resident' : requested;
}
