import { Breadcrumb, Layout, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { apiClient } from '../api-client';
import { AppHeader } from '../app-header';
import { navigate } from '../app-location';
import { incidentPath } from '../app-routes';
import { HEADER_HEIGHT, SIDER_WIDTH } from '../console-layout';
import { useI18n } from '../i18n/i18n-context';
import { useErrorMessage } from '../use-error-message';
import { CommandMap } from './command-map';
import { CommandMapLegend, LayerSwitcher } from './command-map-controls';
import { DEFAULT_VISIBLE, LAYER_GROUPS, SOURCE_OF_GROUP, type LayerGroup } from './command-map-style';
import { CommandRegionTree } from './command-region-tree';
import { drillDownApi, type DrillDown, type DrillDownRef, type MapBounds, type MapLayerSource } from './drill-down-api';
import { DrillDownPanel } from './drill-down-panel';
import './command-map.css';

const PANEL_WIDTH = 392;
type NodeTarget = Pick<DrillDownRef, 'kind' | 'key'>;

/** 指挥调度: the live map with its layers, and the drill-down from the city to a person with the counts at each level. */
export function CommandMapPage() {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [sources, setSources] = useState<MapLayerSource[]>([]);
  const [openingBounds, setOpeningBounds] = useState<MapBounds | null>(null);
  const [basemapTileUrl, setBasemapTileUrl] = useState<string | null>(null);
  const [visible, setVisible] = useState(DEFAULT_VISIBLE);
  const [target, setTarget] = useState<NodeTarget | null>(null);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    // The map opens at the region's box as soon as the layers are known, without waiting for the side panel's counts.
    drillDownApi.layers(controller.signal).then((index) => {
      setOpeningBounds(index.bounds);
      setSources(index.layers);
    }).catch(reportError);
    apiClient.config(controller.signal).then((config) => setBasemapTileUrl(config.basemapTileUrl)).catch(reportError);
    return () => controller.abort();
  }, [reportError]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    drillDownApi.get(target, controller.signal)
      .then(setDrill)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) reportError(error);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [target, reportError]);

  const pick = useCallback((node: NodeTarget) => setTarget({ kind: node.kind, key: node.key }), []);
  const openIncident = useCallback((id: number) => navigate(incidentPath(id)), []);
  const available = useMemo(() => {
    const names = new Set(sources.map((source) => source.name as string));
    return (Object.keys(LAYER_GROUPS) as LayerGroup[]).filter((group) => names.has(SOURCE_OF_GROUP[group]));
  }, [sources]);
  const regionPath = useMemo(() => drill?.breadcrumb.filter((entry) => entry.kind === 'region').map((entry) => entry.key) ?? [], [drill]);

  return (
    <Layout style={{ height: '100vh' }}>
      <AppHeader />
      <Layout>
        <Layout.Sider width={SIDER_WIDTH - 60} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ height: `calc(100vh - ${HEADER_HEIGHT}px)`, overflowY: 'auto', padding: '12px 8px' }}>
            <Typography.Text strong style={{ display: 'block', padding: '0 4px 8px' }}>{t('command.regionTree')}</Typography.Text>
            <CommandRegionTree path={regionPath} onSelect={(code) => pick({ kind: 'region', key: code })} />
          </div>
        </Layout.Sider>
        <Layout.Content style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          <div className="command-bar">
            {drill ? (
              <Breadcrumb
                data-testid="drill-down-breadcrumb"
                items={drill.breadcrumb.map((entry, index) => ({
                  key: `${entry.kind}:${entry.key}`,
                  title: index === drill.breadcrumb.length - 1 ? entry.name : (
                    <a href={`#${entry.kind}-${entry.key}`} onClick={(event) => { event.preventDefault(); pick(entry); }}>{entry.name}</a>
                  ),
                }))}
              />
            ) : <span />}
            <LayerSwitcher available={available} visible={visible} onChange={(group, on) => setVisible((previous) => ({ ...previous, [group]: on }))} />
          </div>
          <div style={{ position: 'relative', flex: 1, minHeight: 0, overflow: 'hidden' }}>
            <CommandMap sources={sources} openingBounds={openingBounds} basemapTileUrl={basemapTileUrl} visible={visible} drill={drill} rightInset={PANEL_WIDTH}
              onPick={pick} onOpenIncident={openIncident} />
            <CommandMapLegend visible={visible} />
            <DrillDownPanel drill={drill} loading={loading} onPick={pick} />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
