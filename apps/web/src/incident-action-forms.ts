import { INCIDENT_WORKFLOW, type IncidentAction } from '@civicgrid/domain';
import type { IncidentAttachmentView, IncidentDetail } from './api-types';
import type { MessageKey, Translate } from './i18n/i18n-context';

interface ActionForm {
  /** What the note is, in this action's words (退回理由, 处置结果 …): `incident.note.<action>`. */
  noteLabel: MessageKey;
  notePlaceholder?: MessageKey;
  /** Photos taken with this step, uploaded before it is sent. */
  photos?: { kind: IncidentAttachmentView['kind']; label: MessageKey };
}

const AFTER_PHOTOS = { kind: 'after', label: 'incident.photoLabel.after' } as const;

/** Beyond the note every action has: its placeholder and the photos it takes. */
const ACTION_EXTRAS: Partial<Record<IncidentAction, Omit<ActionForm, 'noteLabel'>>> = {
  reject: { notePlaceholder: 'incident.notePlaceholder.reject' },
  dispatch: { notePlaceholder: 'incident.notePlaceholder.dispatch' },
  return: { notePlaceholder: 'incident.notePlaceholder.return' },
  handle: { notePlaceholder: 'incident.notePlaceholder.handle', photos: AFTER_PHOTOS },
  self_handle: { notePlaceholder: 'incident.notePlaceholder.self_handle', photos: AFTER_PHOTOS },
  verify: { notePlaceholder: 'incident.notePlaceholder.verify', photos: { kind: 'other', label: 'incident.photoLabel.verify' } },
  rework: { notePlaceholder: 'incident.notePlaceholder.rework', photos: { kind: 'other', label: 'incident.photoLabel.site' } },
  escalate: { notePlaceholder: 'incident.notePlaceholder.escalate' },
  supervise: { notePlaceholder: 'incident.notePlaceholder.supervise' },
};

export function actionForm(action: IncidentAction): ActionForm & { noteRequired: boolean; photosRequired: boolean } {
  const requires: readonly string[] = INCIDENT_WORKFLOW[action].requires;
  return {
    noteLabel: `incident.note.${action}`,
    ...ACTION_EXTRAS[action],
    noteRequired: requires.includes('note'),
    photosRequired: requires.includes('afterPhotos'),
  };
}

/** The button's text: the workflow's label (in the catalog, keyed by the action), except 标记紧急 on an incident already urgent. */
export function actionLabel(action: IncidentAction, incident: Pick<IncidentDetail, 'urgent'>, t: Translate): string {
  if (action === 'flag_urgent' && incident.urgent) return t('incident.action.unflag_urgent');
  return t(`incident.action.${action}`);
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
