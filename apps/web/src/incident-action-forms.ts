import { INCIDENT_WORKFLOW, type IncidentAction } from '@civicgrid/domain';
import type { IncidentAttachmentView, IncidentDetail } from './api-types';

interface ActionForm {
  /** What the note is, in this action's words (退回理由, 处置结果 …). */
  noteLabel: string;
  notePlaceholder?: string;
  /** Photos taken with this step, uploaded before it is sent. */
  photos?: { kind: IncidentAttachmentView['kind']; label: string };
}

const ACTION_FORMS: Record<IncidentAction, ActionForm> = {
  register: { noteLabel: '受理意见' },
  reject: { noteLabel: '不予立案理由', notePlaceholder: '例如：不属于本平台受理范围，已告知反映人' },
  dispatch: { noteLabel: '派遣意见', notePlaceholder: '对处置部门的要求' },
  accept: { noteLabel: '签收意见' },
  return: { noteLabel: '退回理由', notePlaceholder: '例如：不属于本部门职责，建议派遣至……' },
  request_extension: { noteLabel: '延期理由' },
  approve_extension: { noteLabel: '审批意见' },
  deny_extension: { noteLabel: '驳回理由' },
  handle: { noteLabel: '处置结果', notePlaceholder: '处置经过和结果', photos: { kind: 'after', label: '处置后照片' } },
  self_handle: { noteLabel: '处置情况', notePlaceholder: '现场如何处置', photos: { kind: 'after', label: '处置后照片' } },
  verify: { noteLabel: '核查意见', notePlaceholder: '现场核查情况', photos: { kind: 'other', label: '核查照片' } },
  rework: { noteLabel: '返工原因', notePlaceholder: '现场仍存在的问题', photos: { kind: 'other', label: '现场照片' } },
  close: { noteLabel: '结案意见' },
  follow_up: { noteLabel: '回访情况' },
  reopen: { noteLabel: '重新办理原因' },
  escalate: { noteLabel: '上报理由', notePlaceholder: '为何需要上级中心协调' },
  hand_down: { noteLabel: '交办意见' },
  suspend: { noteLabel: '挂账原因' },
  resume: { noteLabel: '说明' },
  request_void: { noteLabel: '作废理由' },
  void: { noteLabel: '审批意见' },
  deny_void: { noteLabel: '驳回理由' },
  merge: { noteLabel: '说明' },
  supervise: { noteLabel: '督办要求', notePlaceholder: '督办事项和要求' },
  flag_urgent: { noteLabel: '说明' },
  comment: { noteLabel: '留言内容' },
};

export function actionForm(action: IncidentAction): ActionForm & { noteRequired: boolean; photosRequired: boolean } {
  const requires: readonly string[] = INCIDENT_WORKFLOW[action].requires;
  return { ...ACTION_FORMS[action], noteRequired: requires.includes('note'), photosRequired: requires.includes('afterPhotos') };
}

/** The button's text: the workflow's label, except 标记紧急 on an incident already urgent. */
export function actionLabel(action: IncidentAction, incident: Pick<IncidentDetail, 'urgent'>): string {
  if (action === 'flag_urgent' && incident.urgent) return '取消紧急';
  return INCIDENT_WORKFLOW[action].label;
}

/** The one action the page offers as the obvious next step, shown as the primary button. */
const NEXT_STEPS: IncidentAction[] = [
  'register', 'dispatch', 'accept', 'handle', 'self_handle', 'verify', 'close', 'follow_up', 'approve_extension', 'resume',
];
const DANGEROUS: IncidentAction[] = ['reject', 'return', 'rework', 'request_void', 'void', 'deny_void', 'deny_extension', 'suspend'];

export function buttonKind(action: IncidentAction, actions: readonly IncidentAction[]): 'primary' | 'danger' | 'default' {
  if (NEXT_STEPS.find((candidate) => actions.includes(candidate)) === action) return 'primary';
  return DANGEROUS.includes(action) ? 'danger' : 'default';
}

/** The order buttons appear in: next steps first, then the rest as the workflow lists them. */
export function orderedActions(actions: readonly IncidentAction[]): IncidentAction[] {
  const rank = (action: IncidentAction) => {
    const next = NEXT_STEPS.indexOf(action);
    return next >= 0 ? next : NEXT_STEPS.length + (DANGEROUS.includes(action) ? 100 : 0) + Object.keys(INCIDENT_WORKFLOW).indexOf(action);
  };
  return [...actions].sort((left, right) => rank(left) - rank(right));
}
