import { Empty, Flex, Input, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GridFeatureProperties } from './api-types';
import { useI18n } from './i18n/i18n-context';

interface GridListProps {
  grids: GridFeatureProperties[];
  loading: boolean;
  selectedCode: string | null;
  onSelect: (code: string) => void;
}

/** The selected region's grids as a filterable list: the keyboard-and-text way to what the map shows. */
export function GridList({ grids, loading, selectedCode, onSelect }: GridListProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const selectedRef = useRef<HTMLButtonElement>(null);

  const visible = useMemo(() => {
    const needle = query.trim();
    if (!needle) return grids;
    return grids.filter(
      (grid) => grid.name.includes(needle) || grid.code.includes(needle) || grid.communityName.includes(needle),
    );
  }, [grids, query]);

  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedCode]);

  const overCount = grids.filter((grid) => grid.overHouseholdRule).length;

  return (
    <Flex vertical style={{ minHeight: 0, flex: 1 }} data-testid="grid-list">
      <Flex vertical gap={8} style={{ padding: '12px 12px 8px' }}>
        <Flex justify="space-between" align="baseline">
          <Typography.Text strong>{t('grid.list.title', { count: grids.length })}</Typography.Text>
          {overCount > 0 && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('grid.list.overRuleCount', { count: overCount })}
            </Typography.Text>
          )}
        </Flex>
        <Input.Search
          allowClear
          size="small"
          placeholder={t('grid.list.filter')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </Flex>
      <div style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}>
        {loading ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : visible.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={grids.length === 0 ? t('map.noGridsHere') : t('grid.list.noMatch')} />
        ) : (
          visible.map((grid) => {
            const selected = grid.code === selectedCode;
            return (
              <button
                key={grid.code}
                ref={selected ? selectedRef : undefined}
                type="button"
                className={selected ? 'grid-list-item grid-list-item-selected' : 'grid-list-item'}
                onClick={() => onSelect(grid.code)}
              >
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis>{grid.name}</Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {grid.communityName}
                  </Typography.Text>
                </Flex>
                <Flex vertical align="end" style={{ flex: 'none' }}>
                  <Typography.Text style={{ fontSize: 12 }}>{t('grid.list.households', { count: grid.households })}</Typography.Text>
                  {grid.overHouseholdRule && (
                    <Tag color="warning" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
                      {t('grid.overRuleShort')}
                    </Tag>
                  )}
                </Flex>
              </button>
            );
          })
        )}
      </div>
    </Flex>
  );
}
