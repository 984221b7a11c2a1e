import { Descriptions, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useI18n, type Translate } from '../i18n/i18n-context';
import type { DrillDown, DrillDownChild, DrillDownCounts, DrillDownRef } from './drill-down-api';

const REGION_LEVELS = ['city', 'district', 'street'] as const;

/** The tag before a node's name: its region level, or what kind of node it is. */
function kindLabel(ref: Pick<DrillDownRef, 'kind' | 'level'>, t: Translate): string {
  if (ref.level === 'community') return t('drill.level.community');
  const level = REGION_LEVELS.find((candidate) => candidate === ref.level);
  return level ? t(`level.${level}`) : t(`drill.kind.${ref.kind}`);
}

function Figure({ label, value, testId, danger }: { label: string; value: number | string; testId: string; danger?: boolean }) {
  return (
    <div className="command-figure" data-testid={testId}>
      <div className="command-figure-value" style={danger ? { color: '#cf1322' } : undefined}>{value}</div>
      <div className="command-figure-label">{label}</div>
    </div>
  );
}

function Counts({ counts }: { counts: DrillDownCounts }) {
  const { t } = useI18n();
  const { population } = counts;
  const optional = [
    { key: 'households', label: t('drill.count.households'), value: counts.households },
    { key: 'grid-members', label: t('drill.count.gridMembers'), value: counts.gridMembers },
    { key: 'grids', label: t('drill.count.grids'), value: counts.grids },
    { key: 'open-incidents', label: t('drill.count.openIncidents'), value: counts.openIncidents },
    { key: 'overdue-incidents', label: t('drill.count.overdueIncidents'), value: counts.overdueIncidents, danger: (counts.overdueIncidents ?? 0) > 0 },
  ].filter((figure) => figure.value !== null);
  return (
    <div data-testid="drill-down-counts">
      <div className="command-figures">
        <Figure label={t('drill.count.population')} value={population.total} testId="count-population" />
        <Figure label={t('residency.registered')} value={population.registered} testId="count-registered" />
        <Figure label={t('residency.floating')} value={population.floating} testId="count-floating" />
        <Figure label={t('residency.foreign')} value={population.foreign} testId="count-foreign" />
        {optional.map((figure) => (
          <Figure key={figure.key} label={figure.label} value={figure.value!} testId={`count-${figure.key}`} danger={figure.danger} />
        ))}
      </div>
    </div>
  );
}

function childSummary(child: DrillDownChild, t: Translate): string {
  const counts = child.counts;
  if (!counts) return child.description ?? '';
  const parts = [t('drill.summary.population', { count: counts.population.total })];
  if (counts.households !== null) parts.push(t('drill.summary.households', { count: counts.households }));
  if (counts.openIncidents !== null) parts.push(t('drill.summary.open', { count: counts.openIncidents }));
  if (counts.overdueIncidents) parts.push(t('drill.summary.overdue', { count: counts.overdueIncidents }));
  return [child.description, parts.join(' · ')].filter(Boolean).join('　');
}

interface DrillDownPanelProps {
  drill: DrillDown | null;
  loading: boolean;
  onPick: (node: Pick<DrillDownRef, 'kind' | 'key'>) => void;
}

/** The side panel of the command map: the node's counts, its grid forces or person, and its children to click into. */
export function DrillDownPanel({ drill, loading, onPick }: DrillDownPanelProps) {
  const { t, lookup } = useI18n();
  if (!drill) {
    return (
      <div className="command-panel" data-testid="drill-down-panel">
        {loading ? <Spin style={{ margin: 48 }} /> : <Empty description={t('drill.noRegion')} />}
      </div>
    );
  }
  const { node, person } = drill;
  return (
    <div className="command-panel" data-testid="drill-down-panel" data-node={`${node.kind}:${node.key}`}>
      <Flex align="center" gap={8} style={{ padding: '12px 16px 4px' }}>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>{kindLabel(node, t)}</Tag>
        <Typography.Title level={5} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis data-testid="drill-down-title">{node.name}</Typography.Title>
        {loading && <Spin size="small" />}
      </Flex>
      <div className="command-panel-body">
        {drill.counts && <Counts counts={drill.counts} />}
        {drill.gridMembers.length > 0 && (
          <div className="command-section">
            <Typography.Text strong>{t('drill.gridMembers')}</Typography.Text>
            <Flex wrap gap={6} style={{ marginTop: 6 }} data-testid="drill-down-members">
              {drill.gridMembers.map((member) => <Tag key={`${member.role}-${member.name}`}>{member.roleLabel} {member.name}</Tag>)}
            </Flex>
          </div>
        )}
        {person && (
          <Descriptions size="small" column={1} bordered style={{ marginTop: 8 }} data-testid="drill-down-person"
            items={[
              { key: 'name', label: t('person.field.name'), children: person.name },
              { key: 'residency', label: t('person.field.residency'), children: lookup(`residency.${person.residency}`, person.residency) },
              { key: 'gender', label: t('drill.person.gender'), children: person.gender ? lookup(`person.gender.${person.gender}`, person.gender) : '—' },
              { key: 'birth', label: t('person.field.birthDate'), children: person.birthDate ?? '—' },
              { key: 'id', label: t('person.field.idNumber'), children: person.idNumberMasked ?? '—' },
              { key: 'mobile', label: t('drill.person.mobile'), children: person.mobileMasked ?? '—' },
              { key: 'relation', label: t('drill.person.relation'), children: person.relationToHead ?? '—' },
              { key: 'address', label: t('person.field.address'), children: person.currentAddress ?? '—' },
            ]} />
        )}
        {drill.childKind && (
          <div className="command-section">
            <Typography.Text strong>{t('drill.childrenCount', { title: t(`drill.children.${drill.childKind}`), count: drill.children.length })}</Typography.Text>
            {drill.children.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drill.noChildren')} /> : (
              <div className="command-children" data-testid="drill-down-children">
                {drill.children.map((child) => (
                  <button type="button" key={child.key} className="command-child" data-testid="drill-down-child" data-key={child.key}
                    onClick={() => onPick(child)}>
                    <span className="command-child-name">{child.name}</span>
                    <span className="command-child-summary">{childSummary(child, t)}</span>
                  </button>
                ))}
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
