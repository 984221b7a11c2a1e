import type { OutboxKind } from '../outbox-item';
import { allClearSender } from './all-clear.sender';
import { directiveCompleteSender } from './directive-complete.sender';
import { incidentActionSender } from './incident-action.sender';
import { incidentReportSender } from './incident-report.sender';
import type { OutboxSender } from './outbox-sender';
import { patrolSender } from './patrol.sender';
import { visitSender } from './visit.sender';

/**
 * The sender of each kind of outbox item. Extension point: a new kind is one sender file here and one line below;
 * the type requires a sender for every kind in OutboxPayloads.
 */
export const OUTBOX_SENDERS: { [K in OutboxKind]: OutboxSender<K> } = {
  incident_report: incidentReportSender,
  all_clear: allClearSender,
  incident_action: incidentActionSender,
  patrol: patrolSender,
  visit: visitSender,
  directive_complete: directiveCompleteSender,
};
