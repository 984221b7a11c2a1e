import {
  allowedIncidentActions, maskPhone, type Actor, type IncidentDetail, type IncidentListQuery, type IncidentSummary,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { AttachmentRepository } from '../attachments/attachment.repository.js';
import { presentAttachment } from '../attachments/attachment.presenter.js';
import type { DatabaseSchema } from '../database/schema.js';
import type { IncidentQueryRepository } from './incident-query.repository.js';
import { factsOf, incidentNotFound, viewerOf } from './incident-workflow.service.js';
import type { IncidentRepository } from './incident.repository.js';

export interface DuplicateWindow {
  metres: number;
  hours: number;
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : (value as string | null));

function presentSummary(row: Record<string, unknown>): IncidentSummary {
  return { ...row, reportedAt: iso(row.reportedAt), currentStepDeadline: iso(row.currentStepDeadline) } as unknown as IncidentSummary;
}

/** Incident lists and the incident page, each with what the user may do. */
export class IncidentService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly incidents: IncidentRepository,
    private readonly queries: IncidentQueryRepository,
    private readonly attachments: AttachmentRepository,
    private readonly duplicateWindow: DuplicateWindow,
  ) {}

  /** The incident if the actor may see it; a 404 otherwise, the same as for one that does not exist. */
  async visibleIncident(actor: Actor, id: number): Promise<{ id: number }> {
    const record = await this.incidents.findVisible(this.db, id, viewerOf(actor), false);
    if (!record) throw incidentNotFound(id);
    return { id: record.id };
  }

  async list(actor: Actor, query: IncidentListQuery): Promise<{ items: IncidentSummary[]; total: number }> {
    const centerId = actor.jurisdiction.kind === 'region' ? (await this.incidents.centerOfRegionPath(this.db, actor.jurisdiction.regionPath)) ?? null : null;
    const { items, total } = await this.queries.list(this.db, query, { viewer: viewerOf(actor), centerId });
    return { items: items.map(presentSummary), total };
  }

  async detail(actor: Actor, id: number): Promise<IncidentDetail> {
    const viewer = viewerOf(actor);
    const record = await this.incidents.findVisible(this.db, id, viewer, false);
    const row = record && await this.queries.detail(this.db, id, viewer);
    if (!record || !row) throw incidentNotFound(id);
    const [assignments, steps, attachmentRows, pending, followUps, notices, duplicates] = await Promise.all([
      this.queries.assignments(this.db, id), this.queries.steps(this.db, id), this.attachments.listForIncident(this.db, id),
      this.queries.pendingRequests(this.db, id), this.queries.followUps(this.db, id), this.queries.supervisionNotices(this.db, id),
      ['reported', 'registered'].includes(record.status) ? this.queries.possibleDuplicates(this.db, id, this.duplicateWindow) : Promise.resolve([]),
    ]);
    const attachments = attachmentRows.map(presentAttachment);
    const { reporterPhone, anonymous, regionId: _regionId, ...rest } = row;
    return {
      ...presentSummary(rest),
      reporterName: anonymous ? '匿名' : (row.reporterName as string | null),
      reporterPhoneMasked: typeof reporterPhone === 'string' ? maskPhone(reporterPhone) : null,
      currentStepWarningAt: iso(row.currentStepWarningAt),
      hotlineDeadline: iso(row.hotlineDeadline),
      assignments: assignments.map((assignment) => ({ ...assignment, deadline: iso(assignment.deadline), dispatchedAt: iso(assignment.dispatchedAt) })),
      steps: steps.map((step) => ({
        ...step, deadline: iso(step.deadline), createdAt: iso(step.createdAt),
        // before-photos are uploaded just after the report that they belong to
        attachments: attachments.filter((attachment) => attachment.stepId === step.id
          || (step.action === 'report' && attachment.stepId === null && attachment.kind === 'before')),
      })),
      attachments,
      pendingExtension: pending.pendingExtension && { ...pending.pendingExtension, requestedDeadline: iso(pending.pendingExtension.requestedDeadline)! },
      pendingVoid: pending.pendingVoid,
      followUps: followUps.map((followUp) => ({ ...followUp, createdAt: iso(followUp.createdAt) })),
      supervisionNotices: notices.map((notice) => ({ ...notice, createdAt: iso(notice.createdAt) })),
      possibleDuplicates: duplicates.map((duplicate) => ({ ...duplicate, reportedAt: iso(duplicate.reportedAt) })),
      actions: allowedIncidentActions(actor, factsOf(record)),
    } as IncidentDetail;
  }
}
