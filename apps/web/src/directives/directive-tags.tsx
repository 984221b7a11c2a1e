import type { DirectiveGridState, DirectiveKind, DirectiveSummary } from '@civicgrid/domain';
import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n-context';

/** One colour per grid state, in the table and on the map alike. */
export const GRID_STATE_COLOURS: Record<DirectiveGridState, string> = {
  completed: '#52c41a', partial: '#faad14', pending: '#1677ff', overdue: '#f5222d', unassigned: '#8c8c8c',
};

export function GridStateTag({ state }: { state: DirectiveGridState }) {
  const { t } = useI18n();
  return <Tag color={GRID_STATE_COLOURS[state]} data-testid="grid-state-tag">{t(`directive.gridState.${state}`)}</Tag>;
}

export function DirectiveStatusTag({ directive }: { directive: Pick<DirectiveSummary, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  if (directive.overdue) return <Tag color="error">{t('directive.overdue')}</Tag>;
  const colour = { draft: 'default', issued: 'processing', completed: 'success', cancelled: 'default' }[directive.status];
  return <Tag color={colour}>{t(`directive.status.${directive.status}`)}</Tag>;
}

export function DirectiveKindTag({ kind }: { kind: DirectiveKind }) {
  const { t } = useI18n();
  return <Tag color={kind === 'emergency' ? 'red' : 'blue'}>{t(`directive.kind.${kind}`)}</Tag>;
}
