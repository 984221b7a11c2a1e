import { Checkbox, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  AREA_COLOURS, DEADLINE_COLOURS, DEADLINE_LABELS, LAYER_GROUPS, POINT_COLOURS, STAGE_COLOURS, STAGE_LABELS, type LayerGroup,
} from './command-map-style';

interface LayerSwitcherProps {
  /** The groups whose tiles this user may fetch. */
  available: LayerGroup[];
  visible: Record<LayerGroup, boolean>;
  onChange: (group: LayerGroup, visible: boolean) => void;
}

/** 图层: one check box per layer group, in a row. */
export function LayerSwitcher({ available, visible, onChange }: LayerSwitcherProps) {
  return (
    <Flex align="center" gap={4} wrap data-testid="layer-switcher">
      <Typography.Text strong style={{ fontSize: 12, marginInlineEnd: 4 }}>图层</Typography.Text>
      {available.map((group) => (
        <Checkbox key={group} checked={visible[group]} onChange={(event) => onChange(group, event.target.checked)} data-testid={`layer-${group}`}>
          <span style={{ fontSize: 12 }} title={LAYER_GROUPS[group].title}>{LAYER_GROUPS[group].label}</span>
        </Checkbox>
      ))}
    </Flex>
  );
}

const Dot = ({ colour, ring }: { colour: string; ring?: string }) => (
  <span className="command-swatch" style={{ background: colour, boxShadow: ring ? `0 0 0 2px ${ring}` : undefined }} />
);
const Line = ({ colour, width, dashed }: { colour: string; width: number; dashed?: boolean }) => (
  <span style={{ display: 'inline-block', width: 16, borderTop: `${width}px ${dashed ? 'dashed' : 'solid'} ${colour}` }} />
);

/** What the colours mean: incidents' disc is the deadline, their ring the stage; then areas and points. Rows of a few items each. */
export function CommandMapLegend({ visible }: { visible: Record<LayerGroup, boolean> }) {
  const rows: { key: string; items: { key: string; swatch: ReactNode; label: string }[] }[] = [];
  if (visible.incidents) {
    rows.push({ key: 'deadline', items: (['red', 'yellow', 'green'] as const).map((colour) => ({ key: colour, swatch: <Dot colour={DEADLINE_COLOURS[colour]} />, label: DEADLINE_LABELS[colour] })) });
    rows.push({ key: 'stage', items: (['pending', 'handling', 'checking', 'suspended'] as const).map((stage) => ({
      key: stage, swatch: <Dot colour="#fff" ring={STAGE_COLOURS[stage]} />, label: STAGE_LABELS[stage],
    })) });
  }
  const areas = [{ key: 'node', swatch: <Line colour={AREA_COLOURS.node} width={3} />, label: '当前区域' }];
  if (visible.regions) {
    areas.push({ key: 'district', swatch: <Line colour={AREA_COLOURS.district} width={3} />, label: '区县' });
    areas.push({ key: 'street', swatch: <Line colour={AREA_COLOURS.street} width={2} />, label: '镇街' });
    areas.push({ key: 'community', swatch: <Line colour={AREA_COLOURS.community} width={1} dashed />, label: '社区' });
  }
  if (visible.grids) areas.push({ key: 'grid', swatch: <Line colour={AREA_COLOURS.grid} width={1} />, label: '网格' });
  rows.push({ key: 'areas', items: areas });
  const points = [{ key: 'building', swatch: <Dot colour={POINT_COLOURS.building} />, label: '楼栋' }];
  if (visible.positions) points.push({ key: 'position', swatch: <Dot colour={POINT_COLOURS.position} />, label: '网格员' });
  if (visible.cameras) points.push({ key: 'camera', swatch: <Dot colour={POINT_COLOURS.camera} />, label: '视频点位' });
  if (visible.places) points.push({ key: 'place', swatch: <Dot colour={POINT_COLOURS.place} />, label: '重点场所' });
  rows.push({ key: 'points', items: points });
  return (
    <div className="command-overlay" style={{ left: 12, bottom: 36 }} data-testid="command-map-legend">
      <Flex vertical gap={4}>
        {rows.map((row) => (
          <Flex key={row.key} align="center" gap={12} wrap>
            {row.key === 'deadline' && <span className="command-legend-title">事件</span>}
            {row.key === 'stage' && <span className="command-legend-title">外圈</span>}
            {row.items.map((item) => (
              <Flex key={item.key} align="center" gap={5}>
                {item.swatch}
                <span>{item.label}</span>
              </Flex>
            ))}
          </Flex>
        ))}
      </Flex>
    </div>
  );
}
