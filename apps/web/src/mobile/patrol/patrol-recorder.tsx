import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { newClientId } from '../../client-id';
import { useOutbox } from '../outbox/outbox-context';
import { shortTime } from '../shell/format-time';
import { distanceText } from './patrol-format';
import { clearRunningPatrol, measuredTrack, readRunningPatrol, saveRunningPatrol, worthKeeping, type PatrolFix, type RunningPatrol } from './running-patrol';

export type PatrolGps =
  | { status: 'waiting' }
  | { status: 'located'; fix: PatrolFix }
  | { status: 'denied' }
  | { status: 'unavailable' };

export interface PatrolRecorder {
  /** the patrol under way, or null */
  patrol: RunningPatrol | null;
  /** the phone's GPS while a patrol runs */
  gps: PatrolGps;
  /** the last fix could not be kept on the phone (its storage is full) */
  storageFull: boolean;
  start: () => void;
  /** Ends the patrol and hands it to the outbox, which uploads it when it can. */
  stop: () => Promise<void>;
}

const PatrolRecorderContext = createContext<PatrolRecorder | null>(null);

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/** The bounds trackPointSchema holds a fix to: one fix outside them (a phone's 0,0 before its first fix) would get the whole upload refused. */
const insideChina = (fix: PatrolFix) => fix.lon >= 73 && fix.lon <= 136 && fix.lat >= 3 && fix.lat <= 54;

/**
 * Records the patrol for the whole app, not for one screen: the worker may open 上报 or 走访 half way round and the
 * track goes on. Every kept fix is written to the phone at once (running-patrol.ts), and a patrol found there when
 * the app opens simply carries on.
 */
export function PatrolRecorderProvider({ userId, children }: { userId: number; children: ReactNode }) {
  const { items, loaded, enqueue } = useOutbox();
  const [patrol, setPatrol] = useState<RunningPatrol | null>(() => readRunningPatrol(userId));
  const patrolRef = useRef(patrol);
  const stoppingRef = useRef(false);
  const [gps, setGps] = useState<PatrolGps>({ status: 'waiting' });
  const [storageFull, setStorageFull] = useState(false);

  const keep = useCallback((next: RunningPatrol | null) => {
    patrolRef.current = next;
    setPatrol(next);
  }, []);

  // Its item already in the outbox: the patrol was stopped, and only forgetting it was cut short.
  const stoppedAlready = loaded && patrol !== null && items.some((item) => item.id === patrol.clientId);
  useEffect(() => {
    if (!stoppedAlready) return;
    clearRunningPatrol(userId);
    keep(null);
  }, [stoppedAlready, userId, keep]);

  const running = patrol !== null;
  useEffect(() => {
    if (!running) return;
    if (!('geolocation' in navigator)) {
      setGps({ status: 'unavailable' });
      return;
    }
    setGps({ status: 'waiting' });
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        const fix: PatrolFix = {
          lon: round(position.coords.longitude),
          lat: round(position.coords.latitude),
          at: new Date(position.timestamp || Date.now()).toISOString(),
          accuracy: Math.round(position.coords.accuracy),
        };
        setGps({ status: 'located', fix });
        const current = patrolRef.current;
        if (!current || !insideChina(fix) || !worthKeeping(current.points.at(-1), fix)) return;
        const next = { ...current, points: [...current.points, fix] };
        setStorageFull(!saveRunningPatrol(userId, next));
        keep(next);
      },
      (error) =>
        setGps((current) => {
          if (error.code === error.PERMISSION_DENIED) return { status: 'denied' };
          // A timeout between fixes keeps the last one on screen.
          return current.status === 'located' ? current : { status: 'unavailable' };
        }),
      { enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [running, userId, keep]);

  const start = useCallback(() => {
    if (patrolRef.current) return;
    const next: RunningPatrol = { clientId: newClientId(), startedAt: new Date().toISOString(), points: [] };
    setStorageFull(!saveRunningPatrol(userId, next));
    keep(next);
  }, [userId, keep]);

  const stop = useCallback(async () => {
    const current = patrolRef.current;
    // A second tap while the first is storing it would put the same patrol in the outbox twice.
    if (!current || stoppingRef.current) return;
    stoppingRef.current = true;
    try {
      const distance = distanceText(measuredTrack(current.points).metres);
      // The outbox holds it from here on; the phone's own copy goes only once the item is stored.
      await enqueue([
        {
          kind: 'patrol',
          id: current.clientId,
          title: `${shortTime(current.startedAt)} 开始的巡查 · ${distance.value} ${distance.unit}`,
          payload: { startedAt: current.startedAt, endedAt: new Date().toISOString(), points: current.points },
        },
      ]);
      clearRunningPatrol(userId);
      keep(null);
    } finally {
      stoppingRef.current = false;
    }
  }, [enqueue, userId, keep]);

  const recorder = useMemo(() => ({ patrol, gps, storageFull, start, stop }), [patrol, gps, storageFull, start, stop]);
  return <PatrolRecorderContext.Provider value={recorder}>{children}</PatrolRecorderContext.Provider>;
}

export function usePatrolRecorder(): PatrolRecorder {
  const recorder = useContext(PatrolRecorderContext);
  if (!recorder) throw new Error('usePatrolRecorder needs a PatrolRecorderProvider');
  return recorder;
}
