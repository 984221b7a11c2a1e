import { AimOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Dialog, DotLoading, Toast } from 'antd-mobile';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { apiClient } from '../../api-client';
import { regionCodeOfUser } from '../../user-area';
import { useCachedResource } from '../data/cached-resource';
import { POOR_GPS_METRES, useGeolocation } from '../report/use-geolocation';
import { useWorker } from '../session/mobile-session';
import { shortTime } from '../shell/format-time';
import { useOnline } from '../shell/use-online';
import { clockText, distanceText } from './patrol-format';
import { usePatrolRecorder, type PatrolGps } from './patrol-recorder';
import { RecentPatrols } from './recent-patrols';
import { measuredTrack } from './running-patrol';
import './patrol.css';

const PatrolTrackMap = lazy(() => import('./patrol-track-map').then((module) => ({ default: module.PatrolTrackMap })));

function gpsLine(gps: PatrolGps): { text: string; poor: boolean } {
  switch (gps.status) {
    case 'waiting':
      return { text: '正在定位…', poor: false };
    case 'denied':
      return { text: '未允许使用位置：请在手机设置中允许本应用使用位置，否则记录不到轨迹', poor: true };
    case 'unavailable':
      return { text: '暂时收不到 GPS 信号，走到开阔处会自动恢复', poor: true };
    case 'located':
      return gps.fix.accuracy != null && gps.fix.accuracy > POOR_GPS_METRES
        ? { text: `GPS 信号弱（误差约 ${gps.fix.accuracy} 米），这些位置不计入里程`, poor: true }
        : { text: `GPS 正常，误差约 ${gps.fix.accuracy ?? '—'} 米`, poor: false };
  }
}

/** Seconds since `from`, counted up every second. */
function useElapsedSeconds(from: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (now - Date.parse(from)) / 1000;
}

function Stat({ label, value, unit, testId }: { label: string; value: string; unit?: string; testId: string }) {
  return (
    <div className="m-patrol-stat">
      <span className="m-patrol-stat-value" data-testid={testId}>
        {value}
        {unit && <small> {unit}</small>}
      </span>
      <span className="m-patrol-stat-label">{label}</span>
    </div>
  );
}

/** Before the start: where the GPS stands, and one big button. */
function StartCard() {
  const gps = useGeolocation();
  const { start } = usePatrolRecorder();
  const poor = gps.status !== 'located' || gps.fix.accuracy > POOR_GPS_METRES;
  return (
    <section className="m-card m-patrol-start" data-testid="patrol-start">
      <p className={`m-patrol-gps${poor ? ' m-patrol-gps-poor' : ''}`} data-testid="patrol-gps">
        {gps.status === 'located' ? (
          <>
            {poor ? <WarningOutlined /> : <AimOutlined />} GPS {poor ? '信号弱' : '已定位'}，误差约 {gps.fix.accuracy} 米
          </>
        ) : gps.status === 'locating' ? (
          <>
            <AimOutlined /> 正在定位 <DotLoading />
          </>
        ) : (
          <>
            <WarningOutlined /> {gps.status === 'denied' ? '未允许使用位置，请在手机设置中允许' : '暂时无法定位，可先开始，有信号后自动记录'}
          </>
        )}
      </p>
      <Button block color="primary" size="large" className="m-big-button" onClick={start}>
        开始巡查
      </Button>
      <p className="m-note">巡查途中可以切换到「上报」「走访」，轨迹照常记录；没有信号也不影响，结束后自动上传。</p>
    </section>
  );
}

/** The patrol under way: time, distance, fixes, GPS, the map, and 结束巡查. */
function RunningCard() {
  const worker = useWorker();
  const online = useOnline();
  const { patrol, gps, storageFull, stop } = usePatrolRecorder();
  const regionCode = regionCodeOfUser(worker);
  // The same kept copy as the report screen's map.
  const grids = useCachedResource(worker.userId, `grids-geojson:${regionCode ?? ''}`, (signal) =>
    regionCode ? apiClient.gridsGeoJson(regionCode, signal) : Promise.resolve(null),
  );
  const startedAt = patrol?.startedAt ?? new Date().toISOString();
  const elapsed = useElapsedSeconds(startedAt);
  const points = patrol?.points;
  const { kept, metres } = useMemo(() => measuredTrack(points ?? []), [points]);
  const track = useMemo(() => kept.map((point): [number, number] => [point.lon, point.lat]), [kept]);
  const [stopping, setStopping] = useState(false);
  const distance = distanceText(metres);
  const { text, poor } = gpsLine(gps);
  const here: [number, number] | null = gps.status === 'located' ? [gps.fix.lon, gps.fix.lat] : null;

  const confirmStop = async () => {
    const confirmed = await Dialog.confirm({
      title: '结束巡查？',
      content: `本次巡查 ${clockText(elapsed)}，里程 ${distance.value} ${distance.unit}。结束后轨迹${online ? '自动上传' : '先存在手机上，有信号后自动上传'}。`,
      confirmText: '结束巡查',
      cancelText: '继续巡查',
    });
    if (!confirmed) return;
    setStopping(true);
    try {
      await stop();
      Toast.show({ icon: 'success', content: online ? '巡查已结束' : '巡查已结束，有信号后自动上传' });
    } catch {
      Toast.show({ icon: 'fail', content: '没能保存，请再点一次「结束巡查」' });
    } finally {
      setStopping(false);
    }
  };

  return (
    <section className="m-card m-patrol-running" data-testid="patrol-running">
      <h2>
        <span className="m-patrol-live" aria-hidden="true" />
        巡查中
        <span className="m-note">{shortTime(startedAt)} 开始</span>
      </h2>
      <div className="m-patrol-stats">
        <Stat label="时长" value={clockText(elapsed)} testId="patrol-elapsed" />
        <Stat label="里程" value={distance.value} unit={distance.unit} testId="patrol-distance" />
        <Stat label="定位点" value={String(kept.length)} unit="个" testId="patrol-fixes" />
        <Stat
          label="GPS 精度"
          value={gps.status === 'located' && gps.fix.accuracy != null ? `±${gps.fix.accuracy}` : '—'}
          unit={gps.status === 'located' ? '米' : undefined}
          testId="patrol-accuracy"
        />
      </div>
      <p className={`m-patrol-gps${poor ? ' m-patrol-gps-poor' : ''}`} data-testid="patrol-gps">
        {poor ? <WarningOutlined /> : <AimOutlined />} {text}
      </p>
      {storageFull && (
        <div className="m-problem" role="alert">
          手机存储已满，最新的位置没能保存。请清理手机空间，或先结束本次巡查。
        </div>
      )}
      <div className="m-patrol-map">
        <Suspense fallback={<div className="m-patrol-map-loading">地图加载中…</div>}>
          <PatrolTrackMap track={track} here={here} grids={grids.value} />
        </Suspense>
      </div>
      <Button block color="danger" size="large" className="m-big-button" loading={stopping} onClick={() => void confirmStop()}>
        结束巡查
      </Button>
    </section>
  );
}

/** 巡查: start, walk (the track recorded by PatrolRecorderProvider, whatever screen is open), stop; my recent patrols. */
export function PatrolScreen() {
  const { patrol } = usePatrolRecorder();
  return (
    <div className="m-stack" data-testid="patrol-screen">
      {patrol ? <RunningCard /> : <StartCard />}
      <RecentPatrols />
    </div>
  );
}
