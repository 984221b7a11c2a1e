import { Divider, Empty, Flex, Layout, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { apiClient } from './api-client';
import { AppHeader } from './app-header';
import type { ConsoleConfig, GridFeatureCollection, HealthStatus, Region, RegionDetail } from './api-types';
import { boundingBoxOfGrids } from './bounding-box';
import { HEADER_HEIGHT, SIDER_WIDTH } from './console-layout';
import { GridList } from './grid-list';
import { GridMap } from './grid-map';
import { GridPanel } from './grid-panel';
import { useI18n, type Translate } from './i18n/i18n-context';
import { MapLegend } from './map-legend';
import { RegionBreadcrumb } from './region-breadcrumb';
import { RegionTree } from './region-tree';
import { useErrorMessage } from './use-error-message';

/** The badge of the database the server runs on; PostgreSQL is its own name in every language. */
function databaseLabel(database: HealthStatus['database'], t: Translate): string {
  return database === 'pglite' ? t('map.database.pglite') : database === 'postgres' ? 'PostgreSQL' : database;
}

/** The console's one screen: regions on the left, their grids on the map, a grid's details on the right. */
export function ConsolePage() {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [config, setConfig] = useState<ConsoleConfig>({ basemapTileUrl: null });
  const [health, setHealth] = useState<HealthStatus | null>(null);
  const [selectedRegion, setSelectedRegion] = useState<Region | null>(null);
  const [regionDetail, setRegionDetail] = useState<RegionDetail | null>(null);
  const [grids, setGrids] = useState<GridFeatureCollection | null>(null);
  const [gridsLoading, setGridsLoading] = useState(false);
  const [selectedGridCode, setSelectedGridCode] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    apiClient.config(controller.signal).then(setConfig).catch(reportError);
    // The health badge is informative only; a failure here is not worth a message.
    apiClient.health(controller.signal).then(setHealth).catch(() => undefined);
    return () => controller.abort();
  }, [reportError]);

  const regionCode = selectedRegion?.code ?? null;
  useEffect(() => {
    if (!regionCode) return;
    const controller = new AbortController();
    setGridsLoading(true);
    Promise.all([apiClient.getRegion(regionCode, controller.signal), apiClient.gridsGeoJson(regionCode, controller.signal)])
      .then(([detail, collection]) => {
        setRegionDetail(detail);
        setGrids(collection);
        setSelectedGridCode((current) =>
          current && collection.features.some((feature) => feature.properties.code === current) ? current : null,
        );
      })
      .catch(reportError)
      .finally(() => {
        if (!controller.signal.aborted) setGridsLoading(false);
      });
    return () => controller.abort();
  }, [regionCode, reportError]);

  const selectRegion = useCallback((region: Region) => setSelectedRegion(region), []);
  const closePanel = useCallback(() => setSelectedGridCode(null), []);

  const gridProperties = useMemo(() => grids?.features.map((feature) => feature.properties) ?? [], [grids]);
  // The grids' own extent comes first: a district's box is mostly empty when only a few streets have grids yet.
  const bounds = useMemo(
    () => (grids ? boundingBoxOfGrids(grids.features) : null) ?? regionDetail?.bbox ?? null,
    [regionDetail, grids],
  );
  const selectedGridName = gridProperties.find((grid) => grid.code === selectedGridCode)?.name;

  return (
    <Layout style={{ height: '100vh' }}>
      <AppHeader>
        <div style={{ flex: 1, minWidth: 0 }}>
          <RegionBreadcrumb region={regionDetail} onSelect={selectRegion} />
        </div>
        {health && <Tag color="green">{databaseLabel(health.database, t)}</Tag>}
      </AppHeader>
      <Layout>
        <Layout.Sider width={SIDER_WIDTH} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Flex vertical style={{ height: `calc(100vh - ${HEADER_HEIGHT}px)` }}>
            <div style={{ flex: '1 1 50%', minHeight: 0, overflowY: 'auto', padding: '12px 8px' }}>
              <Typography.Text strong style={{ display: 'block', padding: '0 4px 8px' }}>
                {t('map.regions')}
              </Typography.Text>
              <RegionTree selectedCode={regionCode} onSelect={selectRegion} />
            </div>
            <Divider style={{ margin: 0 }} />
            <Flex vertical style={{ flex: '1 1 50%', minHeight: 0 }}>
              {selectedRegion ? (
                <GridList
                  grids={gridProperties}
                  loading={gridsLoading && !grids}
                  selectedCode={selectedGridCode}
                  onSelect={setSelectedGridCode}
                />
              ) : (
                <Empty style={{ marginTop: 32 }} description={t('region.choose')} />
              )}
            </Flex>
          </Flex>
        </Layout.Sider>
        <Layout.Content style={{ position: 'relative', overflow: 'hidden' }}>
          <GridMap
            grids={grids}
            bounds={bounds}
            selectedGridCode={selectedGridCode}
            basemapTileUrl={config.basemapTileUrl}
            onGridClick={setSelectedGridCode}
          />
          {gridsLoading && (
            <Flex
              justify="center"
              style={{ position: 'absolute', top: 12, left: 0, right: 0, zIndex: 1, pointerEvents: 'none' }}
            >
              <Spin description={t('map.loadingGrids')} size="small">
                <div style={{ width: 160, height: 32 }} />
              </Spin>
            </Flex>
          )}
          {!gridsLoading && grids && grids.features.length === 0 && (
            <Flex justify="center" style={{ position: 'absolute', top: '35%', left: 0, right: 0, zIndex: 1 }}>
              <Empty description={regionDetail ? t('map.noGridsIn', { region: regionDetail.name }) : t('map.noGridsHere')} />
            </Flex>
          )}
          <MapLegend showRegionBoundary={Boolean(grids?.boundary)} />
          <GridPanel gridCode={selectedGridCode} fallbackTitle={selectedGridName} onClose={closePanel} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
