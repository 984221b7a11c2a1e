import { Descriptions, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { RESIDENCY_LABELS } from '@civicgrid/domain';
import type { DrillDown, DrillDownChild, DrillDownCounts, DrillDownKind, DrillDownRef } from './drill-down-api';

const LEVEL_LABELS: Record<string, string> = { city: '市', district: '区县', street: '镇街', community: '村社区' };
const KIND_LABELS: Record<DrillDownKind, string> = { region: '区划', grid: '网格', building: '楼栋', household: '住户', person: '人员' };
const CHILD_TITLES: Record<DrillDownKind, string> = { region: '下辖区划', grid: '网格', building: '楼栋', household: '住户', person: '家庭成员' };

export const kindLabel = (ref: Pick<DrillDownRef, 'kind' | 'level'>) => (ref.level ? LEVEL_LABELS[ref.level] : undefined) ?? KIND_LABELS[ref.kind];

function Figure({ label, value, testId, danger }: { label: string; value: number | string; testId: string; danger?: boolean }) {
  return (
    <div className="command-figure" data-testid={testId}>
      <div className="command-figure-value" style={danger ? { color: '#cf1322' } : undefined}>{value}</div>
      <div className="command-figure-label">{label}</div>
    </div>
  );
}

function Counts({ counts }: { counts: DrillDownCounts }) {
  const { population } = counts;
  const optional = [
    { key: 'households', label: '户数', value: counts.households },
    { key: 'grid-members', label: '网格力量', value: counts.gridMembers },
    { key: 'grids', label: '网格', value: counts.grids },
    { key: 'open-incidents', label: '在办事件', value: counts.openIncidents },
    { key: 'overdue-incidents', label: '超期事件', value: counts.overdueIncidents, danger: (counts.overdueIncidents ?? 0) > 0 },
  ].filter((figure) => figure.value !== null);
  return (
    <div data-testid="drill-down-counts">
      <div className="command-figures">
        <Figure label="实有人口" value={population.total} testId="count-population" />
        <Figure label={RESIDENCY_LABELS.registered} value={population.registered} testId="count-registered" />
        <Figure label={RESIDENCY_LABELS.floating} value={population.floating} testId="count-floating" />
        <Figure label={RESIDENCY_LABELS.foreign} value={population.foreign} testId="count-foreign" />
        {optional.map((figure) => (
          <Figure key={figure.key} label={figure.label} value={figure.value!} testId={`count-${figure.key}`} danger={figure.danger} />
        ))}
      </div>
    </div>
  );
}

function childSummary(child: DrillDownChild): string {
  const counts = child.counts;
  if (!counts) return child.description ?? '';
  const parts = [`人口 ${counts.population.total}`];
  if (counts.households !== null) parts.push(`${counts.households} 户`);
  if (counts.openIncidents !== null) parts.push(`在办 ${counts.openIncidents}`);
  if (counts.overdueIncidents) parts.push(`超期 ${counts.overdueIncidents}`);
  return [child.description, parts.join(' · ')].filter(Boolean).join('　');
}

interface DrillDownPanelProps {
  drill: DrillDown | null;
  loading: boolean;
  onPick: (node: Pick<DrillDownRef, 'kind' | 'key'>) => void;
}

/** The side panel of the command map: the node's counts, its grid forces or person, and its children to click into. */
export function DrillDownPanel({ drill, loading, onPick }: DrillDownPanelProps) {
  if (!drill) {
    return (
      <div className="command-panel" data-testid="drill-down-panel">
        {loading ? <Spin style={{ margin: 48 }} /> : <Empty description="暂无可查看的区划" />}
      </div>
    );
  }
  const { node, person } = drill;
  return (
    <div className="command-panel" data-testid="drill-down-panel" data-node={`${node.kind}:${node.key}`}>
      <Flex align="center" gap={8} style={{ padding: '12px 16px 4px' }}>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>{kindLabel(node)}</Tag>
        <Typography.Title level={5} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis data-testid="drill-down-title">{node.name}</Typography.Title>
        {loading && <Spin size="small" />}
      </Flex>
      <div className="command-panel-body">
        {drill.counts && <Counts counts={drill.counts} />}
        {drill.gridMembers.length > 0 && (
          <div className="command-section">
            <Typography.Text strong>网格力量</Typography.Text>
            <Flex wrap gap={6} style={{ marginTop: 6 }} data-testid="drill-down-members">
              {drill.gridMembers.map((member) => <Tag key={`${member.role}-${member.name}`}>{member.roleLabel} {member.name}</Tag>)}
            </Flex>
          </div>
        )}
        {person && (
          <Descriptions size="small" column={1} bordered style={{ marginTop: 8 }} data-testid="drill-down-person"
            items={[
              { key: 'name', label: '姓名', children: person.name },
              { key: 'residency', label: '人口类型', children: RESIDENCY_LABELS[person.residency as keyof typeof RESIDENCY_LABELS] ?? person.residency },
              { key: 'gender', label: '性别', children: person.gender === 'male' ? '男' : person.gender === 'female' ? '女' : '—' },
              { key: 'birth', label: '出生日期', children: person.birthDate ?? '—' },
              { key: 'id', label: '证件号码', children: person.idNumberMasked ?? '—' },
              { key: 'mobile', label: '手机号码', children: person.mobileMasked ?? '—' },
              { key: 'relation', label: '与户主关系', children: person.relationToHead ?? '—' },
              { key: 'address', label: '现住址', children: person.currentAddress ?? '—' },
            ]} />
        )}
        {drill.childKind && (
          <div className="command-section">
            <Typography.Text strong>{CHILD_TITLES[drill.childKind]}（{drill.children.length}）</Typography.Text>
            {drill.children.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" /> : (
              <div className="command-children" data-testid="drill-down-children">
                {drill.children.map((child) => (
                  <button type="button" key={child.key} className="command-child" data-testid="drill-down-child" data-key={child.key}
                    onClick={() => onPick(child)}>
                    <span className="command-child-name">{child.name}</span>
                    <span className="command-child-summary">{childSummary(child)}</span>
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
