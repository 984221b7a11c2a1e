import {
  INCIDENT_STATUS_LABELS, SUPERVISION_LEVEL_LABELS, invalid, type Actor, type IncidentActionInput, type IncidentEffect, type IncidentStatus,
} from '@civicgrid/domain';
import type { AttachmentRepository } from '../attachments/attachment.repository.js';
import type { DatabaseExecutor } from '../database/schema.js';
import type { Audience, NotificationRepository } from '../notifications/notification.repository.js';
import type { WebhookRepository } from '../webhooks/webhook.repository.js';
import type { IncidentClock } from '../working-calendar/incident-clock.js';
import type { IncidentAssignmentRepository } from './incident-assignment.repository.js';
import type { IncidentRelationsRepository } from './incident-relations.repository.js';
import type { IncidentPatch, IncidentRecord, IncidentRepository } from './incident.repository.js';

export interface TransitionContext {
  transaction: DatabaseExecutor;
  actor: Actor;
  record: IncidentRecord;
  input: IncidentActionInput;
  /** The status after the transition. */
  status: IncidentStatus;
  now: Date;
  stepId: number;
  patch: IncidentPatch;
  stepDeadline?: Date;
  details?: Record<string, unknown>;
  /** The step clock must restart although the status stays (extension granted). */
  clockChanged?: boolean;
  /** The level of the owning center after a move. */
  centerLevel?: IncidentRecord['centerLevel'];
}

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);
/** The input of the action being applied, typed for it; an effect wired to the wrong action fails loudly. */
function input<A extends IncidentActionInput['action']>(context: TransitionContext, action: A): Extract<IncidentActionInput, { action: A }> {
  if (context.input.action !== action) throw new Error(`effect for ${action} applied to ${context.input.action}`);
  return context.input as Extract<IncidentActionInput, { action: A }>;
}
const isAtOrBelow = (path: string, ancestorPath: string) => path === ancestorPath || path.startsWith(`${ancestorPath}/`);

/** The named side effects of the workflow table, applied inside the transition's transaction. */
export class IncidentEffects {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly assignments: IncidentAssignmentRepository,
    private readonly relations: IncidentRelationsRepository,
    private readonly attachments: AttachmentRepository,
    private readonly notifications: NotificationRepository,
    private readonly webhooks: WebhookRepository,
    private readonly clock: IncidentClock,
  ) {}

  /** Checks and values needed before the step is written (its deadline and details). */
  async prepare(context: TransitionContext): Promise<void> {
    const { transaction, record, now } = context;
    if ('categoryId' in context.input && context.input.categoryId !== undefined) {
      await this.relations.requireSubcategory(transaction, context.input.categoryId);
      context.patch.categoryId = context.input.categoryId;
    }
    switch (context.input.action) {
      case 'dispatch': {
        const dispatch = input(context, 'dispatch');
        if (dispatch.deadline && dispatch.deadline <= now) throw invalid('incident.deadline_in_past', '办理时限不能早于现在', 'The deadline must be in the future');
        context.stepDeadline = dispatch.deadline
          ?? await this.clock.handleDeadline(transaction, context.patch.categoryId ?? record.categoryId, now, record.hotlineDeadline);
        context.details = { leadDepartmentId: dispatch.leadDepartmentId, assistingDepartmentIds: dispatch.assistingDepartmentIds };
        break;
      }
      case 'rework': {
        context.stepDeadline = await this.clock.handleDeadline(transaction, record.categoryId, now, record.hotlineDeadline);
        break;
      }
      case 'request_extension': {
        const lead = await this.assignments.lead(transaction, record.id);
        const requested = input(context, 'request_extension').requestedDeadline;
        if (!lead?.deadline || requested <= lead.deadline) {
          throw invalid('incident.extension_not_later', '申请的新时限必须晚于当前时限', 'The requested deadline must be later than the current one');
        }
        context.stepDeadline = requested;
        break;
      }
      case 'approve_extension': {
        const pending = await this.assignments.pendingExtension(transaction, record.id);
        const granted = input(context, 'approve_extension').grantedDeadline ?? pending?.requestedDeadline;
        if (!pending || !granted || granted <= pending.currentDeadline) {
          throw invalid('incident.extension_not_later', '批准的时限必须晚于原时限', 'The granted deadline must be later than the current one');
        }
        context.stepDeadline = granted;
        break;
      }
      case 'follow_up':
        context.details = { satisfaction: input(context, 'follow_up').satisfaction, method: input(context, 'follow_up').method };
        break;
      case 'supervise':
        context.details = { level: input(context, 'supervise').supervisionLevel };
        context.stepDeadline = input(context, 'supervise').replyDeadline;
        break;
      case 'merge':
        context.details = { targetIncidentId: input(context, 'merge').targetIncidentId };
        break;
      case 'hand_down':
        context.details = { targetCenterId: input(context, 'hand_down').targetCenterId };
        break;
      case 'flag_urgent':
        context.details = { urgent: input(context, 'flag_urgent').urgent };
        break;
      default:
        break;
    }
  }

  async apply(effect: IncidentEffect, context: TransitionContext): Promise<void> {
    const { transaction, record, actor, now } = context;
    const note = context.input.note ?? null;
    switch (effect) {
      case 'set_category':
        if (!context.patch.categoryId && record.categoryId === null) {
          throw invalid('incident.category_required', '请先选择事件分类', 'Choose a category first');
        }
        return;
      case 'open_assignments': {
        const dispatch = input(context, 'dispatch');
        const departmentIds = [dispatch.leadDepartmentId, ...dispatch.assistingDepartmentIds.filter((id) => id !== dispatch.leadDepartmentId)];
        for (const departmentId of departmentIds) await this.requireDepartment(transaction, departmentId, record.regionPath);
        await this.assignments.insertAssignments(transaction, record.id,
          departmentIds.map((departmentId, index) => ({ departmentId, role: index === 0 ? 'lead' : 'assisting' })), context.stepDeadline!, userIdOf(actor));
        return;
      }
      case 'accept_assignment':
        return this.withLead(context, (lead) => this.assignments.updateAssignment(transaction, lead.id, { state: 'handling', accepted: true, handlerUserId: userIdOf(actor) }));
      case 'return_assignment':
        return this.withLead(context, (lead) => this.assignments.updateAssignment(transaction, lead.id, { state: 'returned', returnReason: note }));
      case 'complete_assignment':
        return this.withLead(context, (lead) => this.assignments.updateAssignment(transaction, lead.id, { state: 'handled', handled: true, result: note }));
      case 'rework_assignment':
        return this.withLead(context, (lead) => this.assignments.updateAssignment(transaction, lead.id, { state: 'dispatched', rework: true, deadline: context.stepDeadline! }));
      case 'cancel_assignments':
        return this.assignments.cancelActive(transaction, record.id);
      case 'open_extension_request':
        return this.withLead(context, (lead) => this.assignments.insertExtensionRequest(transaction, {
          incidentId: record.id, assignmentId: lead.id, departmentId: lead.departmentId, userId: userIdOf(actor), reason: note ?? '',
          currentDeadline: lead.deadline!, requestedDeadline: context.stepDeadline!,
        }));
      case 'decide_extension_request': {
        const pending = await this.assignments.pendingExtension(transaction, record.id);
        if (!pending) return;
        const approved = context.input.action === 'approve_extension';
        await this.assignments.decideExtension(transaction, pending.id, { approved, grantedDeadline: approved ? context.stepDeadline! : null, userId: userIdOf(actor), note });
        if (approved) {
          await this.assignments.shiftActiveDeadlines(transaction, record.id, context.stepDeadline!);
          context.clockChanged = true;
        }
        return;
      }
      case 'open_void_request':
        return this.assignments.insertVoidRequest(transaction, { incidentId: record.id, userId: userIdOf(actor), name: actor.kind === 'user' ? actor.displayName : actor.name, reason: note ?? '' });
      case 'decide_void_request':
        return this.assignments.decideVoid(transaction, record.id, { approved: context.input.action === 'void', userId: userIdOf(actor), note });
      case 'move_to_parent_center': {
        const parent = await this.incidents.parentCenterId(transaction, record.centerRegionPath ?? '');
        if (!parent) throw invalid('incident.no_parent_center', '上级没有社会治理中心', 'There is no center above this one');
        return this.moveTo(context, parent);
      }
      case 'move_to_child_center': {
        const targetCenterId = input(context, 'hand_down').targetCenterId;
        const targetPath = await this.incidents.centerRegionPath(transaction, targetCenterId);
        if (!targetPath || targetPath === record.centerRegionPath || !isAtOrBelow(targetPath, record.centerRegionPath ?? '') || !isAtOrBelow(record.regionPath, targetPath)) {
          throw invalid('incident.hand_down_target', '只能交给事发地所在的下级中心', 'Hand down only to a center below this one that covers the place of the incident');
        }
        return this.moveTo(context, targetCenterId);
      }
      case 'merge_into_target': {
        const targetId = input(context, 'merge').targetIncidentId;
        const target = targetId === record.id ? undefined : await this.incidents.findVisible(transaction, targetId, { jurisdiction: actor.jurisdiction, userId: userIdOf(actor) }, true);
        if (!target || ['rejected', 'voided', 'merged', 'closed'].includes(target.status) || target.centerId !== record.centerId) {
          throw invalid('incident.merge_target', '只能合并到本中心一件未办结的事件', 'Merge only into an open incident of the same center');
        }
        context.patch.mergedIntoIncidentId = targetId;
        await this.incidents.moveReporters(transaction, record.id, targetId);
        await this.incidents.insertStep(transaction, {
          incidentId: targetId, action: 'merge', fromStatus: target.status, toStatus: target.status, actorUserId: userIdOf(actor),
          actorName: actor.kind === 'user' ? actor.displayName : actor.name, actorDepartmentId: null, actorCenterId: record.centerId,
          note: `合并重复件 ${record.code}`, deadline: null, details: { mergedIncidentId: record.id, mergedIncidentCode: record.code }, clientId: null,
        });
        await this.relations.moveAttachments(transaction, record.id, targetId);
        return;
      }
      case 'record_follow_up': {
        const followUp = input(context, 'follow_up');
        // reached: nothing more is due; unreachable: the follow-up clock keeps running
        if (followUp.satisfaction !== null) context.patch.clock = { step: null, startedAt: null, deadline: null, warningAt: null };
        return this.assignments.insertFollowUp(transaction, { incidentId: record.id, method: followUp.method, satisfaction: followUp.satisfaction, comment: note, userId: userIdOf(actor) });
      }
      case 'issue_supervision_notice': {
        const supervise = input(context, 'supervise');
        const centerId = actor.jurisdiction.kind === 'region' ? await this.incidents.centerOfRegionPath(transaction, actor.jurisdiction.regionPath) : undefined;
        return this.assignments.insertSupervisionNotice(transaction, {
          incidentId: record.id, level: supervise.supervisionLevel, departmentId: record.leadDepartmentId, centerId: centerId ?? null,
          userId: userIdOf(actor), automatic: false, reason: note ?? '', replyDeadline: supervise.replyDeadline ?? null,
        });
      }
      case 'set_urgent':
        context.patch.urgent = input(context, 'flag_urgent').urgent;
        return;
      case 'link_after_photos': {
        const ids = context.input.attachmentIds ?? [];
        const linked = await this.attachments.linkToStep(transaction, record.id, ids, context.stepId, 'after');
        if (linked === 0) throw invalid('incident.after_photo_required', '请上传处置后照片', 'Upload an after-photo of this incident first');
        if (context.input.action === 'self_handle') context.patch.selfHandled = true;
        return;
      }
      case 'link_step_attachments':
        await this.attachments.linkToStep(transaction, record.id, context.input.attachmentIds ?? [], context.stepId);
        return;
      case 'mark_reopened':
        context.patch.clearClosedAt = true;
        return this.assignments.markReopened(transaction, record.id);
      case 'remember_status_before_suspension':
        context.patch.statusBeforeSuspension = record.status;
        context.patch.suspendedAt = now;
        return;
      case 'shift_deadlines_after_suspension': {
        context.patch.statusBeforeSuspension = null;
        context.patch.suspendedAt = null;
        const lead = await this.assignments.lead(transaction, record.id);
        if (lead?.deadline && record.suspendedAt) {
          await this.assignments.shiftActiveDeadlines(transaction, record.id, await this.clock.shiftBySuspension(transaction, lead.deadline, record.suspendedAt, now));
        }
        return;
      }
      case 'notify_center':
        return this.notify(context, { kind: 'center_operators', centerId: context.patch.centerId ?? record.centerId ?? 0 });
      case 'notify_department': {
        const lead = await this.assignments.lead(transaction, record.id);
        if (lead) await this.notify(context, { kind: 'department_handlers', departmentId: lead.departmentId });
        if (context.input.action === 'dispatch') {
          for (const departmentId of input(context, 'dispatch').assistingDepartmentIds) await this.notify(context, { kind: 'department_handlers', departmentId });
        }
        return;
      }
      case 'notify_verifiers':
        if (record.gridId !== null) await this.notify(context, { kind: 'grid_verifiers', gridId: record.gridId });
        else await this.notify(context, { kind: 'center_operators', centerId: record.centerId ?? 0 });
        return;
      case 'notify_reporters':
        return this.notify(context, { kind: 'incident_reporters', incidentId: record.id });
      case 'notify_approvers':
        return this.notify(context, { kind: 'approvers', regionId: record.regionId, centerId: record.centerId });
    }
  }

  /** The outgoing webhook event of the step, in the same transaction as the change. */
  async publish(context: TransitionContext, label: string): Promise<void> {
    const { record } = context;
    await this.webhooks.enqueue(context.transaction, `incident.${context.input.action}`, record.regionId, {
      incidentId: record.id, code: record.code, action: context.input.action, label, fromStatus: record.status, toStatus: context.status,
      note: context.input.note ?? null, deadline: context.stepDeadline ?? null, at: context.now.toISOString(),
    });
  }

  private async notify(context: TransitionContext, audience: Audience): Promise<void> {
    const { record, input: action } = context;
    const extra = action.action === 'supervise' ? `（${SUPERVISION_LEVEL_LABELS[input(context, 'supervise').supervisionLevel]}）` : '';
    await this.notifications.notify(context.transaction, audience, {
      kind: `incident.${action.action}`,
      title: `事件 ${record.code} ${INCIDENT_STATUS_LABELS[context.status]}${extra}`,
      body: action.note ?? record.description.slice(0, 80),
      subjectTable: 'incidents', subjectId: record.id, exceptUserId: userIdOf(context.actor),
    });
  }

  private async withLead(context: TransitionContext, act: (lead: NonNullable<Awaited<ReturnType<IncidentAssignmentRepository['lead']>>>) => Promise<void>): Promise<void> {
    const lead = await this.assignments.lead(context.transaction, context.record.id);
    if (!lead) throw invalid('incident.no_lead_department', '事件没有主办部门', 'The incident has no lead department');
    await act(lead);
  }

  private async moveTo(context: TransitionContext, centerId: number): Promise<void> {
    context.patch.centerId = centerId;
    const path = await this.incidents.centerRegionPath(context.transaction, centerId);
    context.centerLevel = (['city', 'district', 'street', 'community'] as const)[(path?.split('/').length ?? 3) - 1] ?? 'street';
  }

  private async requireDepartment(executor: DatabaseExecutor, departmentId: number, incidentRegionPath: string): Promise<void> {
    const department = await this.assignments.departmentForDispatch(executor, departmentId);
    // a department serves the place when its region contains it (a district bureau serves every street of its district)
    if (!department || department.disabled || !isAtOrBelow(incidentRegionPath, department.regionPath)) {
      throw invalid('incident.department_not_available', `部门 ${departmentId} 不存在、已停用或不负责事发地`, `Department ${departmentId} does not exist, is disabled or does not serve the place of the incident`);
    }
  }
}
