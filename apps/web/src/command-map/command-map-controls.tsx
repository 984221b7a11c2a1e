import { Checkbox, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { AREA_COLOURS, DEADLINE_COLOURS, POINT_COLOURS, STAGE_COLOURS, type LayerGroup } from './command-map-style';

interface LayerSwitcherProps {
  /** The groups whose tiles this user may fetch. */
  available: LayerGroup[];
  visible: Record<LayerGroup, boolean>;
  onChange: (group: LayerGroup, visible: boolean) => void;
}

/** 图层: one check box per layer group, in a row. */
export function LayerSwitcher({ available, visible, onChange }: LayerSwitcherProps) {
  const { t } = useI18n();
  return (
    <Flex align="center" gap={4} wrap data-testid="layer-switcher">
      <Typography.Text strong style={{ fontSize: 12, marginInlineEnd: 4 }}>{t('command.layers')}</Typography.Text>
      {available.map((group) => (
        <Checkbox key={group} checked={visible[group]} onChange={(event) => onChange(group, event.target.checked)} data-testid={`layer-${group}`}>
          <span style={{ fontSize: 12 }} title={t(`command.layer.${group}.title`)}>{t(`command.layer.${group}`)}</span>
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
  const { t } = useI18n();
  const rows: { key: string; items: { key: string; swatch: ReactNode; label: string }[] }[] = [];
  if (visible.incidents) {
    rows.push({ key: 'deadline', items: (['red', 'yellow', 'green'] as const).map((colour) => ({ key: colour, swatch: <Dot colour={DEADLINE_COLOURS[colour]} />, label: t(`command.deadline.${colour}`) })) });
    rows.push({ key: 'stage', items: (['pending', 'handling', 'checking', 'suspended'] as const).map((stage) => ({
      key: stage, swatch: <Dot colour="#fff" ring={STAGE_COLOURS[stage]} />, label: t(`command.stage.${stage}`),
    })) });
  }
  const areas = [{ key: 'node', swatch: <Line colour={AREA_COLOURS.node} width={3} />, label: t('command.legend.node') }];
  if (visible.regions) {
    areas.push({ key: 'district', swatch: <Line colour={AREA_COLOURS.district} width={3} />, label: t('command.legend.district') });
    areas.push({ key: 'street', swatch: <Line colour={AREA_COLOURS.street} width={2} />, label: t('command.legend.street') });
    areas.push({ key: 'community', swatch: <Line colour={AREA_COLOURS.community} width={1} dashed />, label: t('command.legend.community') });
  }
  if (visible.grids) areas.push({ key: 'grid', swatch: <Line colour={AREA_COLOURS.grid} width={1} />, label: t('command.legend.grid') });
  rows.push({ key: 'areas', items: areas });
  const points = [{ key: 'building', swatch: <Dot colour={POINT_COLOURS.building} />, label: t('command.legend.building') }];
  if (visible.positions) points.push({ key: 'position', swatch: <Dot colour={POINT_COLOURS.position} />, label: t('command.legend.position') });
  if (visible.cameras) points.push({ key: 'camera', swatch: <Dot colour={POINT_COLOURS.camera} />, label: t('command.legend.camera') });
  if (visible.places) points.push({ key: 'place', swatch: <Dot colour={POINT_COLOURS.place} />, label: t('command.legend.place') });
  rows.push({ key: 'points', items: points });
  return (
    <div className="command-overlay" style={{ left: 12, bottom: 36 }} data-testid="command-map-legend">
      <Flex vertical gap={4}>
        {rows.map((row) => (
          <Flex key={row.key} align="center" gap={12} wrap>
            {row.key === 'deadline' && <span className="command-legend-title">{t('command.legend.incidents')}</span>}
            {row.key === 'stage' && <span className="command-legend-title">{t('command.legend.ring')}</span>}
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
