import type { PatrolUploadInput, TrackPoint, VisitRecordInput } from '@civicgrid/domain';
import type { AllClearInput, IncidentActionRequest, IncidentAttachmentView, IncidentReportInput } from '../../api-types';

/**
 * What the phone keeps in its outbox until the server has it. Every item is made once, when the worker taps
 * submit, with a client id the server recognises on every retry; it holds what is to be sent (`payload`, photos
 * as Blobs) and how far sending got (`progress`), so that a retry after a cut resumes instead of starting over.
 *
 * Extension point: a new kind of item is a row in OutboxPayloads and OutboxProgress below, a label in
 * OUTBOX_KIND_LABELS, and a sender in ./senders (one file, registered in ./senders/index.ts). The registry's type
 * requires a sender for every kind, so a kind without one does not compile.
 */
export interface OutboxPayloads {
  /** POST /api/incidents, then each photo to POST /api/incidents/:id/attachments */
  incident_report: Omit<IncidentReportInput, 'clientId'>;
  /** POST /api/all-clears for one grid and day */
  all_clear: Omit<AllClearInput, 'clientId'> & { gridName: string; day: string };
  /** the photos to POST /api/incidents/:id/attachments, then POST /api/incidents/:id/actions with their ids */
  incident_action: {
    incidentId: number;
    incidentCode: string;
    request: Omit<IncidentActionRequest, 'clientId' | 'attachmentIds'>;
  };
  /** POST /api/patrols, the whole track once the patrol stopped */
  patrol: Omit<PatrolUploadInput, 'clientId' | 'startedAt' | 'endedAt' | 'points'> & {
    startedAt: string;
    endedAt: string;
    points: (Omit<TrackPoint, 'at'> & { at: string })[];
  };
  /** POST /api/visits, then each photo to POST /api/visits/:id/photos */
  visit: Omit<VisitRecordInput, 'clientId' | 'visitedAt'> & { visitedAt: string };
  /** POST /api/directives/:id/targets/:targetId/complete; `title` is the directive's, for the list */
  directive_complete: { directiveId: number; targetId: number; title: string; note: string | null };
}

/** How far an item got; kept in the item after each step that the server confirmed. */
export interface OutboxProgress {
  incident_report: { incidentId: number | null; incidentCode: string | null; photosSent: number };
  all_clear: Record<string, never>;
  incident_action: { attachmentIds: number[] };
  patrol: Record<string, never>;
  visit: { visitId: number | null; photosSent: number };
  directive_complete: Record<string, never>;
}

export type OutboxKind = keyof OutboxPayloads;

export const OUTBOX_KIND_LABELS: Record<OutboxKind, string> = {
  incident_report: '事件上报',
  all_clear: '报平安',
  incident_action: '事件办理',
  patrol: '巡查轨迹',
  visit: '走访记录',
  directive_complete: '完成指令',
};

/**
 * - pending: waiting for its first try (or for the network);
 * - sending: being sent now, by this tab or another;
 * - failed: a try failed (no network, server error); it is tried again by itself, later and later;
 * - conflict: the server refused it (the incident was closed meanwhile, a newer version): a person decides;
 * - sent: the server has it; kept a week for the list, then dropped.
 */
export const OUTBOX_STATES = ['pending', 'sending', 'failed', 'conflict', 'sent'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  pending: '待发送',
  sending: '发送中',
  failed: '失败',
  conflict: '冲突',
  sent: '已送达',
};

/** States whose items the sync engine still has to send. */
export const WAITING_STATES: readonly OutboxState[] = ['pending', 'sending', 'failed'];

export interface OutboxPhoto {
  blob: Blob;
  fileName: string;
  kind: IncidentAttachmentView['kind'];
}

/** What the server made of the item, as the list shows it. */
export interface OutboxResult {
  /** e.g. 事件编号 SJ… */
  label: string;
  recordId: number | null;
  /** something the worker should know although it went through, e.g. register fields someone else had changed */
  notice: string | null;
}

export interface OutboxItem<K extends OutboxKind = OutboxKind> {
  /** The client id: the item's key here and its idempotency key on the server. */
  id: string;
  /** Whose item it is: only the signed-in user's items are shown and sent. */
  userId: number;
  kind: K;
  /** One line for lists, e.g. the start of the description. */
  title: string;
  payload: OutboxPayloads[K];
  photos: OutboxPhoto[];
  progress: OutboxProgress[K];
  state: OutboxState;
  attempts: number;
  /** epoch ms; not tried again before */
  nextAttemptAt: number;
  /** in Chinese, as shown */
  lastError: string | null;
  result: OutboxResult | null;
  /** epoch ms, unique per tab: the order items are sent in */
  createdAt: number;
  sentAt: number | null;
}

/** An item of any kind, narrowed by its `kind`. */
export type AnyOutboxItem = { [K in OutboxKind]: OutboxItem<K> }[OutboxKind];

/**
 * What a screen hands to the outbox; the rest is filled in when it is stored. `id` is the client id when the screen
 * made it before the worker tapped submit (a patrol's, at its start); otherwise one is made then.
 */
export type OutboxDraft = {
  [K in OutboxKind]: { kind: K; title: string; payload: OutboxPayloads[K]; photos?: OutboxPhoto[]; id?: string };
}[OutboxKind];
