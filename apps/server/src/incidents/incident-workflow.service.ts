import {
  conflict, invalid, nextIncidentStatus, notFound, planIncidentTransition, type Actor, type IncidentActionInput,
  type IncidentFacts, type IncidentStatus,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';
import type { IncidentClock } from '../working-calendar/incident-clock.js';
import type { IncidentAssignmentRepository } from './incident-assignment.repository.js';
import { IncidentEffects, type TransitionContext } from './incident-effects.js';
import type { IncidentRecord, IncidentRepository, IncidentViewer } from './incident.repository.js';

export function viewerOf(actor: Actor): IncidentViewer {
  return { jurisdiction: actor.jurisdiction, userId: actor.kind === 'user' ? actor.userId : null };
}

export function actorNameOf(actor: Actor): string {
  if (actor.kind === 'user') return actor.displayName;
  return actor.name;
}

export const incidentNotFound = (id: number) => notFound('incident.not_found', `事件 ${id} 不存在或不在您的管辖范围内`, `Incident ${id} does not exist or is outside your jurisdiction`);

const MILESTONE: Partial<Record<IncidentStatus, 'registered_at' | 'dispatched_at' | 'handled_at' | 'verified_at' | 'closed_at'>> = {
  registered: 'registered_at', dispatched: 'dispatched_at', handled: 'handled_at', verified: 'verified_at', closed: 'closed_at',
};

/**
 * Applies one action of the workflow table to one incident inside one transaction: lock, check the table,
 * record the step, apply the named effects, restart the step clock. Anything refused changes nothing.
 */
export class IncidentWorkflowService {
  private readonly effects: IncidentEffects;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly incidents: IncidentRepository,
    private readonly assignments: IncidentAssignmentRepository,
    private readonly clock: IncidentClock,
    effects: IncidentEffects,
  ) {
    this.effects = effects;
  }

  /** Returns the id of the incident acted on, for the caller to present. */
  async apply(actor: Actor, incidentId: number, input: IncidentActionInput, now = new Date()): Promise<number> {
    return this.db.transaction().execute(async (transaction) => {
      if (input.clientId) {
        const seen = await this.incidents.findStepByClientId(transaction, input.clientId);
        if (seen?.incidentId === incidentId) return incidentId;
        if (seen) throw conflict('incident.client_id_reused', '该操作编号已用于其他事件', 'This client id was already used for another incident');
      }
      const record = await this.incidents.findVisible(transaction, incidentId, viewerOf(actor), true);
      if (!record) throw incidentNotFound(incidentId);
      if (input.version !== undefined && input.version !== record.version) {
        throw conflict('incident.version_conflict', '事件已被他人处理，请刷新后重试', 'Someone else acted on this incident first: reload and try again',
          { currentVersion: record.version });
      }
      const transition = planIncidentTransition(actor, input.action, factsOf(record, input));
      requireInputs(transition.requires, input);
      const status = nextIncidentStatus(transition, record.status, record.statusBeforeSuspension);
      const context: TransitionContext = { transaction, actor, record, input, status, now, stepId: 0, patch: {} };
      await this.effects.prepare(context);
      context.stepId = await this.incidents.insertStep(transaction, {
        incidentId, action: input.action, fromStatus: record.status, toStatus: status, actorUserId: actor.kind === 'user' ? actor.userId : null,
        actorName: actorNameOf(actor), actorDepartmentId: actor.jurisdiction.kind === 'department' ? actor.jurisdiction.departmentId : null,
        actorCenterId: await this.actorCenterId(transaction, actor), note: input.note ?? null, deadline: context.stepDeadline ?? null,
        lon: input.lon, lat: input.lat, details: context.details ?? {}, clientId: input.clientId ?? null,
      });
      for (const effect of transition.effects) await this.effects.apply(effect, context);
      const milestone = status !== record.status ? MILESTONE[status] : undefined;
      const restartClock = status !== record.status || context.clockChanged;
      const lead = restartClock ? await this.assignments.lead(transaction, incidentId) : undefined;
      await this.incidents.update(transaction, incidentId, {
        ...context.patch,
        status,
        ...(milestone ? { stamp: milestone } : {}),
        ...(restartClock ? {
          clock: await this.clock.clockFor(transaction, status, {
            centerLevel: context.centerLevel ?? record.centerLevel, categoryId: context.patch.categoryId ?? record.categoryId, lead,
          }, now),
        } : {}),
      });
      await this.effects.publish(context, transition.label);
      return incidentId;
    });
  }

  private async actorCenterId(executor: DatabaseExecutor, actor: Actor): Promise<number | null> {
    if (actor.jurisdiction.kind !== 'region') return null;
    return (await this.incidents.centerOfRegionPath(executor, actor.jurisdiction.regionPath)) ?? null;
  }
}

export function factsOf(record: IncidentRecord, input?: IncidentActionInput): IncidentFacts {
  const categoryGiven = input !== undefined && 'categoryId' in input && input.categoryId !== undefined;
  return {
    status: record.status,
    selfHandled: record.selfHandled,
    regionPath: record.regionPath,
    gridPath: record.gridPath,
    centerRegionPath: record.centerRegionPath,
    hasParentCenter: record.hasParentCenter,
    hasChildCenters: record.hasChildCenters,
    leadDepartmentId: record.leadDepartmentId,
    reporterUserId: record.reporterUserId,
    hasCategory: record.categoryId !== null || categoryGiven,
    pendingExtension: record.pendingExtension,
    pendingVoid: record.pendingVoid,
    lastSatisfaction: record.lastSatisfaction,
  };
}

const REQUIRED_LABELS: Record<string, [string, string]> = {
  note: ['请填写说明', 'a note is required'],
  afterPhotos: ['请上传处置后照片', 'an after-photo is required'],
};

function requireInputs(requires: readonly string[], input: IncidentActionInput): void {
  for (const field of requires) {
    const present = field === 'afterPhotos' ? (input.attachmentIds?.length ?? 0) > 0
      : field === 'note' ? Boolean(input.note?.trim())
        : (input as Record<string, unknown>)[field] !== undefined;
    if (!present) {
      const [zh, en] = REQUIRED_LABELS[field] ?? [`缺少 ${field}`, `${field} is required`];
      throw invalid('incident.input_required', zh, en, { field });
    }
  }
}
