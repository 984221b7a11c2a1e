import { AimOutlined, EnvironmentOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, DotLoading } from 'antd-mobile';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { GridFeatureCollection } from '../../api-types';
import { gridAt } from './locate-in-grids';
import { POOR_GPS_METRES, useGeolocation, type GpsState } from './use-geolocation';

const PinMap = lazy(async () => {
  const [{ PinMap: loaded }, { prepareMapWorker }] = await Promise.all([import('./pin-map'), import('./map-worker')]);
  await prepareMapWorker();
  return { default: loaded };
});

export interface ReportPoint {
  lon: number;
  lat: number;
  /** metres for a GPS fix; null for a pin put by hand */
  accuracy: number | null;
  source: 'gps' | 'pin';
}

interface LocationFieldProps {
  value: ReportPoint | null;
  onChange: (point: ReportPoint | null) => void;
  /** the worker's grid outlines, for the map and to name the grid */
  grids: GridFeatureCollection | null;
}

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

function gpsText(gps: GpsState): { text: string; poor: boolean } {
  switch (gps.status) {
    case 'locating':
      return { text: '正在定位', poor: false };
    case 'denied':
      return { text: '未允许使用位置，请在地图上点出事发位置', poor: true };
    case 'unavailable':
      return { text: '无法定位，请在地图上点出事发位置', poor: true };
    case 'located':
      return gps.fix.accuracy > POOR_GPS_METRES
        ? { text: `GPS 信号弱（误差约 ${gps.fix.accuracy} 米），请在地图上点出准确位置`, poor: true }
        : { text: `GPS 已定位，误差约 ${gps.fix.accuracy} 米`, poor: false };
  }
}

/**
 * 事发位置: the GPS fix while it is good, a pin on the map when it is poor or refused, or whenever the worker wants
 * to move it. A pin stays put; the GPS no longer moves it.
 */
export function LocationField({ value, onChange, grids }: LocationFieldProps) {
  const gps = useGeolocation();
  const [mapWanted, setMapWanted] = useState(false);
  const pinned = value?.source === 'pin';
  const fix = gps.status === 'located' ? gps.fix : null;

  useEffect(() => {
    if (fix && !pinned) onChange({ lon: round(fix.lon), lat: round(fix.lat), accuracy: fix.accuracy, source: 'gps' });
    // Follows the fix, not the callback (a new one each render of the form).
  }, [fix?.lon, fix?.lat, fix?.accuracy, pinned]);

  const { text, poor } = gpsText(gps);
  const showMap = mapWanted || poor;
  const grid = value ? gridAt(value.lon, value.lat, grids) : null;

  return (
    <div className="m-location" data-testid="location-field">
      <div className={`m-location-status${poor && !pinned ? ' m-location-status-poor' : ''}`} data-testid="gps-status">
        {pinned ? (
          <>
            <EnvironmentOutlined /> 已在地图上标出位置
          </>
        ) : (
          <>
            {poor ? <WarningOutlined /> : <AimOutlined />} {text}
            {gps.status === 'locating' && <DotLoading />}
          </>
        )}
      </div>
      {value && (
        <div className="m-note" data-testid="located-grid">
          {grids === null ? `经度 ${value.lon.toFixed(5)}，纬度 ${value.lat.toFixed(5)}` : grid ? `所在网格：${grid.name}` : '该位置不在您负责的网格内，将由所在区域的中心受理'}
        </div>
      )}
      {showMap && (
        <Suspense fallback={<div className="m-pin-map m-pin-map-loading">地图加载中…</div>}>
          <p className="m-note">在地图上点一下事发位置</p>
          <PinMap
            point={value}
            grids={grids}
            selectedGridCode={grid?.code ?? null}
            onPick={(lon, lat) => onChange({ lon: round(lon), lat: round(lat), accuracy: null, source: 'pin' })}
          />
        </Suspense>
      )}
      <div className="m-location-actions">
        {!poor && (
          <Button size="large" fill="outline" onClick={() => setMapWanted(!mapWanted)}>
            {mapWanted ? '收起地图' : '在地图上调整位置'}
          </Button>
        )}
        {pinned && fix && fix.accuracy <= POOR_GPS_METRES && (
          <Button size="large" fill="outline" onClick={() => onChange({ lon: round(fix.lon), lat: round(fix.lat), accuracy: fix.accuracy, source: 'gps' })}>
            改用 GPS 位置
          </Button>
        )}
      </div>
    </div>
  );
}
