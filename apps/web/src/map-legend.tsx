import { Flex, Typography } from 'antd';
import { GRID_COLORS } from './grid-map-style';
import { useI18n } from './i18n/i18n-context';

function Swatch({ fill, border, dashed }: { fill?: string; border: string; dashed?: boolean }) {
  return (
    <span
      style={{
        display: 'inline-block',
        width: 16,
        height: 12,
        background: fill ?? 'transparent',
        border: `2px ${dashed ? 'dashed' : 'solid'} ${border}`,
        borderRadius: 2,
      }}
    />
  );
}

/** What the colours on the map mean. */
export function MapLegend({ showRegionBoundary }: { showRegionBoundary: boolean }) {
  const { t } = useI18n();
  const rows = [
    { key: 'grid', swatch: <Swatch fill="rgba(22, 119, 255, 0.15)" border={GRID_COLORS.outline} />, label: t('level.grid') },
    {
      key: 'over',
      swatch: <Swatch fill="rgba(22, 119, 255, 0.15)" border={GRID_COLORS.overHouseholdRule} />,
      label: t('grid.overRule'),
    },
    { key: 'selected', swatch: <Swatch fill="rgba(22, 119, 255, 0.45)" border={GRID_COLORS.selectedOutline} />, label: t('map.legend.selected') },
  ];
  if (showRegionBoundary) {
    rows.push({ key: 'region', swatch: <Swatch border={GRID_COLORS.regionBoundary} dashed />, label: t('map.legend.regionBoundary') });
  }
  return (
    <Flex
      vertical
      gap={4}
      style={{
        position: 'absolute',
        left: 12,
        bottom: 40,
        zIndex: 1,
        padding: '8px 12px',
        background: 'rgba(255, 255, 255, 0.92)',
        borderRadius: 6,
        boxShadow: '0 1px 4px rgba(0, 0, 0, 0.15)',
      }}
    >
      {rows.map((row) => (
        <Flex key={row.key} align="center" gap={8}>
          {row.swatch}
          <Typography.Text style={{ fontSize: 12 }}>{row.label}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
