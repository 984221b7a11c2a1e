import { can, coversGrid, coversRegion, type Actor } from '../access/actor.js';
import { OPERATOR_LEVEL } from '../access/roles.js';
import { conflict, forbidden } from '../errors.js';
import { INCIDENT_STATUS_LABELS, OPEN_INCIDENT_STATUSES, type IncidentStatus, type Satisfaction } from './incident-status.js';

/** What the workflow needs to know about an incident to say who may do what to it. */
export interface IncidentFacts {
  status: IncidentStatus;
  selfHandled: boolean;
  /** Path of the deepest region the incident lies in (its center's region when it lies outside every grid). */
  regionPath: string;
  gridPath: string | null;
  /** Region path of the center that owns the incident now. */
  centerRegionPath: string | null;
  hasParentCenter: boolean;
  hasChildCenters: boolean;
  leadDepartmentId: number | null;
  reporterUserId: number | null;
  hasCategory: boolean;
  pendingExtension: boolean;
  pendingVoid: boolean;
  /** The satisfaction of the latest follow-up since the incident was last closed. */
  lastSatisfaction: Satisfaction | null;
}

/** The parties an actor can be to an incident; each is a predicate below. */
export type IncidentParty = 'center_operator' | 'lead_department' | 'verifier' | 'reporter' | 'approver' | 'supervisor' | 'viewer';

/** Side effects the server applies, in this order, inside the transaction that records the step. */
export type IncidentEffect =
  | 'set_category'
  | 'open_assignments'
  | 'accept_assignment'
  | 'return_assignment'
  | 'complete_assignment'
  | 'rework_assignment'
  | 'cancel_assignments'
  | 'open_extension_request'
  | 'decide_extension_request'
  | 'open_void_request'
  | 'decide_void_request'
  | 'move_to_parent_center'
  | 'move_to_child_center'
  | 'merge_into_target'
  | 'record_follow_up'
  | 'issue_supervision_notice'
  | 'set_urgent'
  | 'link_after_photos'
  | 'link_step_attachments'
  | 'mark_reopened'
  | 'remember_status_before_suspension'
  | 'shift_deadlines_after_suspension'
  | 'notify_center'
  | 'notify_department'
  | 'notify_verifiers'
  | 'notify_reporters'
  | 'notify_approvers';

/** Input fields an action cannot go without; the request schema checks their shape, the workflow their presence. */
export type IncidentInput = 'note' | 'leadDepartmentId' | 'afterPhotos' | 'requestedDeadline' | 'targetCenterId' | 'targetIncidentId' | 'satisfaction' | 'supervisionLevel' | 'urgent';

export interface IncidentTransition {
  label: string;
  from: readonly IncidentStatus[];
  /** `same`: the status does not change; `previous`: back to the status before suspension. */
  to: IncidentStatus | 'same' | 'previous';
  by: readonly IncidentParty[];
  when?: (facts: IncidentFacts) => boolean;
  requires: readonly IncidentInput[];
  effects: readonly IncidentEffect[];
}

const BEFORE_DISPATCH: IncidentStatus[] = ['reported', 'registered', 'returned'];
const AT_DEPARTMENT: IncidentStatus[] = ['dispatched', 'handling'];
const VOIDABLE: IncidentStatus[] = ['reported', 'registered', 'returned', 'dispatched', 'handling', 'suspended'];

/**
 * The incident workflow. Main path: reported → registered → dispatched → handling → handled → verified →
 * closed (→ follow-up). Every side path is a row here; the server refuses anything not in this table.
 */
export const INCIDENT_WORKFLOW = {
  register: {
    label: '受理立案', from: ['reported', 'handled'], to: 'registered', by: ['center_operator'],
    // from `handled` only to take a self-handled report back into the normal loop (审核不通过)
    when: (facts) => facts.status === 'reported' || facts.selfHandled,
    requires: [], effects: ['set_category'],
  },
  reject: { label: '不予立案', from: ['reported'], to: 'rejected', by: ['center_operator'], requires: ['note'], effects: ['notify_reporters'] },
  dispatch: {
    label: '派遣', from: ['registered', 'returned'], to: 'dispatched', by: ['center_operator'],
    when: (facts) => facts.hasCategory, requires: ['leadDepartmentId'], effects: ['set_category', 'open_assignments', 'notify_department'],
  },
  accept: { label: '签收', from: ['dispatched'], to: 'handling', by: ['lead_department'], requires: [], effects: ['accept_assignment'] },
  return: {
    label: '退回', from: AT_DEPARTMENT, to: 'returned', by: ['lead_department'], requires: ['note'],
    effects: ['return_assignment', 'cancel_assignments', 'notify_center'],
  },
  request_extension: {
    label: '申请延期', from: AT_DEPARTMENT, to: 'same', by: ['lead_department'], when: (facts) => !facts.pendingExtension,
    requires: ['note', 'requestedDeadline'], effects: ['open_extension_request', 'notify_center'],
  },
  approve_extension: {
    label: '批准延期', from: AT_DEPARTMENT, to: 'same', by: ['center_operator'], when: (facts) => facts.pendingExtension,
    requires: [], effects: ['decide_extension_request', 'notify_department'],
  },
  deny_extension: {
    label: '驳回延期', from: AT_DEPARTMENT, to: 'same', by: ['center_operator'], when: (facts) => facts.pendingExtension,
    requires: ['note'], effects: ['decide_extension_request', 'notify_department'],
  },
  handle: {
    label: '处置完毕', from: ['handling'], to: 'handled', by: ['lead_department'], requires: ['note', 'afterPhotos'],
    effects: ['link_after_photos', 'complete_assignment', 'notify_verifiers'],
  },
  self_handle: {
    label: '自行处置', from: ['reported'], to: 'handled', by: ['reporter'], requires: ['note', 'afterPhotos'],
    effects: ['link_after_photos', 'notify_center'],
  },
  verify: {
    label: '核查通过', from: ['handled'], to: 'verified', by: ['verifier'], when: (facts) => !facts.selfHandled,
    requires: [], effects: ['link_step_attachments', 'notify_center'],
  },
  rework: {
    label: '核查不通过，返工', from: ['handled'], to: 'dispatched', by: ['verifier'], when: (facts) => !facts.selfHandled,
    requires: ['note'], effects: ['link_step_attachments', 'rework_assignment', 'notify_department'],
  },
  close: {
    label: '结案', from: ['verified', 'handled'], to: 'closed', by: ['center_operator'],
    // a self-handled report is closed on review (审核通过) without a department
    when: (facts) => facts.status === 'verified' || facts.selfHandled,
    requires: [], effects: ['notify_reporters'],
  },
  follow_up: {
    label: '回访', from: ['closed'], to: 'same', by: ['center_operator'],
    // once per closure; an unreachable reporter leaves no satisfaction and may be called again
    when: (facts) => facts.lastSatisfaction === null,
    requires: ['satisfaction'], effects: ['record_follow_up'],
  },
  reopen: {
    label: '重新办理', from: ['closed'], to: 'registered', by: ['center_operator'], when: (facts) => facts.lastSatisfaction === 'not',
    requires: ['note'], effects: ['mark_reopened', 'notify_reporters'],
  },
  escalate: {
    label: '上报上级中心', from: BEFORE_DISPATCH, to: 'reported', by: ['center_operator'], when: (facts) => facts.hasParentCenter,
    requires: ['note'], effects: ['move_to_parent_center', 'notify_center'],
  },
  hand_down: {
    label: '交下级中心办理', from: BEFORE_DISPATCH, to: 'reported', by: ['center_operator'], when: (facts) => facts.hasChildCenters,
    requires: ['targetCenterId'], effects: ['move_to_child_center', 'notify_center'],
  },
  suspend: {
    label: '挂账', from: ['registered', 'returned', 'dispatched', 'handling'], to: 'suspended', by: ['center_operator'],
    requires: ['note'], effects: ['remember_status_before_suspension'],
  },
  resume: {
    label: '恢复办理', from: ['suspended'], to: 'previous', by: ['center_operator'], requires: [],
    effects: ['shift_deadlines_after_suspension', 'notify_department'],
  },
  request_void: {
    label: '申请作废', from: VOIDABLE, to: 'same', by: ['center_operator'], when: (facts) => !facts.pendingVoid,
    requires: ['note'], effects: ['open_void_request', 'notify_approvers'],
  },
  void: {
    label: '批准作废', from: VOIDABLE, to: 'voided', by: ['approver'], when: (facts) => facts.pendingVoid,
    requires: [], effects: ['decide_void_request', 'cancel_assignments', 'notify_center'],
  },
  deny_void: {
    label: '驳回作废', from: VOIDABLE, to: 'same', by: ['approver'], when: (facts) => facts.pendingVoid,
    requires: ['note'], effects: ['decide_void_request', 'notify_center'],
  },
  merge: {
    label: '合并重复件', from: ['reported', 'registered'], to: 'merged', by: ['center_operator'],
    requires: ['targetIncidentId'], effects: ['merge_into_target'],
  },
  supervise: {
    label: '督办', from: ['registered', 'returned', 'dispatched', 'handling', 'handled', 'verified', 'suspended'], to: 'same',
    by: ['supervisor'], requires: ['note', 'supervisionLevel'], effects: ['issue_supervision_notice', 'notify_department', 'notify_center'],
  },
  flag_urgent: {
    label: '标记紧急', from: OPEN_INCIDENT_STATUSES, to: 'same', by: ['center_operator'], requires: ['urgent'], effects: ['set_urgent'],
  },
  comment: {
    label: '留言', from: [...OPEN_INCIDENT_STATUSES, 'closed'], to: 'same', by: ['viewer'], requires: ['note'], effects: ['link_step_attachments'],
  },
} satisfies Record<string, IncidentTransition>;

export type IncidentAction = keyof typeof INCIDENT_WORKFLOW;
export const INCIDENT_ACTIONS = Object.keys(INCIDENT_WORKFLOW) as IncidentAction[];

const isAtOrBelow = (path: string, ancestorPath: string) => path === ancestorPath || path.startsWith(`${ancestorPath}/`);
const isOperator = (actor: Actor) => actor.kind === 'user' && OPERATOR_LEVEL[actor.role] !== undefined;

/**
 * Who an actor is to an incident. Only the owning center's own operators work a case; higher levels
 * supervise it and approve voids; the lead department handles it; the grid's worker verifies it.
 */
const PARTY: Record<IncidentParty, (actor: Actor, facts: IncidentFacts) => boolean> = {
  center_operator: (actor, facts) =>
    can(actor, 'incident.operate') && actor.jurisdiction.kind === 'region' && facts.centerRegionPath === actor.jurisdiction.regionPath,
  lead_department: (actor, facts) =>
    can(actor, 'incident.handle') && actor.jurisdiction.kind === 'department' && actor.jurisdiction.departmentId === facts.leadDepartmentId,
  verifier: (actor, facts) =>
    facts.gridPath === null
      ? PARTY.center_operator(actor, facts)
      : can(actor, 'incident.verify') && actor.jurisdiction.kind === 'grids' && coversGrid(actor.jurisdiction, facts.gridPath),
  // the grid worker who reported it, fixing it on the spot
  reporter: (actor, facts) => can(actor, 'incident.report') && actor.kind === 'user' && actor.role === 'grid_worker' && actor.userId === facts.reporterUserId,
  // a leader over the place, or an operator of a center above the owning one
  approver: (actor, facts) => {
    if (!can(actor, 'incident.approve') || actor.jurisdiction.kind !== 'region') return false;
    const regionPath = actor.jurisdiction.regionPath;
    if (actor.kind === 'user' && actor.role === 'leader') return coversRegion(actor.jurisdiction, facts.regionPath);
    return isOperator(actor) && facts.centerRegionPath !== null && facts.centerRegionPath !== regionPath && isAtOrBelow(facts.centerRegionPath, regionPath);
  },
  supervisor: (actor, facts) =>
    can(actor, 'incident.supervise') && actor.jurisdiction.kind === 'region' && coversRegion(actor.jurisdiction, facts.regionPath),
  viewer: (actor) => can(actor, 'incident.read'),
};

function statusAllows(transition: IncidentTransition, facts: IncidentFacts): boolean {
  return transition.from.includes(facts.status) && (transition.when?.(facts) ?? true);
}

/** The actions an actor may take on an incident now, for the presenter to send with it. */
export function allowedIncidentActions(actor: Actor, facts: IncidentFacts): IncidentAction[] {
  return INCIDENT_ACTIONS.filter((action) => {
    const transition: IncidentTransition = INCIDENT_WORKFLOW[action];
    return statusAllows(transition, facts) && transition.by.some((party) => PARTY[party](actor, facts));
  });
}

/** The transition for an action, or the reason it cannot be taken: 409 for the state, 403 for the actor. */
export function planIncidentTransition(actor: Actor, action: IncidentAction, facts: IncidentFacts): IncidentTransition {
  const transition: IncidentTransition = INCIDENT_WORKFLOW[action];
  if (!statusAllows(transition, facts)) {
    const status = INCIDENT_STATUS_LABELS[facts.status];
    throw conflict('incident.transition_not_allowed', `事件当前为「${status}」，不能${transition.label}`,
      `An incident in status ${facts.status} cannot take the action ${action}`, { status: facts.status, action });
  }
  if (!transition.by.some((party) => PARTY[party](actor, facts))) {
    throw forbidden('incident.action_forbidden', `您无权对此事件执行「${transition.label}」`,
      `You may not take the action ${action} on this incident`, { action });
  }
  return transition;
}

/** The status after a transition; `previous` needs the status remembered at suspension. */
export function nextIncidentStatus(transition: IncidentTransition, current: IncidentStatus, beforeSuspension: IncidentStatus | null): IncidentStatus {
  if (transition.to === 'same') return current;
  if (transition.to === 'previous') return beforeSuspension ?? 'registered';
  return transition.to;
}
