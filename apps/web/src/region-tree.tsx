import { Empty, Spin, Tree, type TreeDataNode } from 'antd';
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { apiClient } from './api-client';
import type { Region } from './api-types';
import { useI18n } from './i18n/i18n-context';
import { useErrorMessage } from './use-error-message';

interface RegionTreeProps {
  selectedCode: string | null;
  onSelect: (region: Region) => void;
}

const ROOT = '';

/** The district a new visitor sees first: the first one that has grids, so the map is not empty. */
function pickInitialDistrict(districts: Region[]): Region | undefined {
  return districts.find((district) => district.gridCount > 0) ?? districts[0];
}

function RegionTitle({ region }: { region: Region }) {
  const { t } = useI18n();
  return (
    <span className="region-tree-title">
      <span>{region.name}</span>
      <span className="region-tree-count" title={t('region.gridCount', { count: region.gridCount })}>
        {region.gridCount}
      </span>
    </span>
  );
}

/** Lazily loaded tree of regions (市 → 区县 → 镇街 → 村社区); children are fetched when a node is opened. */
export function RegionTree({ selectedCode, onSelect }: RegionTreeProps) {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [childrenByParent, setChildrenByParent] = useState<Map<string, Region[]>>(new Map());
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const [loadingRoots, setLoadingRoots] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      try {
        const cities = await apiClient.listRegions(undefined, controller.signal);
        const loaded = new Map([[ROOT, cities]]);
        const firstCity = cities[0];
        if (firstCity && firstCity.childCount > 0) {
          const districts = await apiClient.listRegions(firstCity.code, controller.signal);
          loaded.set(firstCity.code, districts);
          setExpandedKeys([firstCity.code]);
          const initial = pickInitialDistrict(districts);
          if (initial) onSelect(initial);
        } else if (firstCity) {
          onSelect(firstCity);
        }
        setChildrenByParent(loaded);
      } catch (error) {
        reportError(error);
      } finally {
        if (!controller.signal.aborted) setLoadingRoots(false);
      }
    })();
    return () => controller.abort();
    // Runs once on purpose: the initial selection must not be repeated when the parent re-renders.
  }, []);

  const regionsByCode = useMemo(() => {
    const index = new Map<string, Region>();
    for (const regions of childrenByParent.values()) for (const region of regions) index.set(region.code, region);
    return index;
  }, [childrenByParent]);

  const treeData = useMemo(() => {
    const build = (parentCode: string): TreeDataNode[] | undefined =>
      childrenByParent.get(parentCode)?.map((region) => ({
        key: region.code,
        title: <RegionTitle region={region} />,
        isLeaf: region.childCount === 0,
        children: build(region.code),
      }));
    return build(ROOT) ?? [];
  }, [childrenByParent]);

  const loadChildren = useCallback(
    async (node: { key: Key }) => {
      const code = String(node.key);
      if (childrenByParent.has(code)) return;
      try {
        const children = await apiClient.listRegions(code);
        setChildrenByParent((previous) => new Map(previous).set(code, children));
      } catch (error) {
        reportError(error);
      }
    },
    [childrenByParent, reportError],
  );

  if (loadingRoots) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }} data-testid="region-tree">
        <Spin description={t('region.loading')}>
          <div style={{ height: 48 }} />
        </Spin>
      </div>
    );
  }
  if (treeData.length === 0) {
    return (
      <div data-testid="region-tree">
        <Empty description={t('region.empty')} />
      </div>
    );
  }
  return (
    <div data-testid="region-tree">
      <Tree
        blockNode
        showLine
        treeData={treeData}
        loadData={loadChildren}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys)}
        selectedKeys={selectedCode ? [selectedCode] : []}
        onSelect={(_keys, info) => {
          const region = regionsByCode.get(String(info.node.key));
          if (region) onSelect(region);
        }}
      />
    </div>
  );
}
