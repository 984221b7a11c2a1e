import { cleanTrack, haversineMetres, trackDistanceMetres } from '@civicgrid/domain';
import type { OutboxPayloads } from '../outbox/outbox-item';

/** One GPS fix as the phone keeps it (the time as an ISO string, as the outbox stores it). */
export type PatrolFix = OutboxPayloads['patrol']['points'][number];

/**
 * The patrol under way, kept on the phone after every fix: a reload, a crash or a flat battery loses nothing, and
 * the app carries on with it when it opens again.
 */
export interface RunningPatrol {
  /** made at 开始巡查; the outbox item and the server's record carry it, so a patrol is stored once whatever happens */
  clientId: string;
  startedAt: string;
  points: PatrolFix[];
}

/** A fix is kept when this long has passed since the last one kept … */
export const SAMPLE_SECONDS = 10;
/** … or the worker has moved this far from it. */
export const SAMPLE_METRES = 10;

const storageKey = (userId: number) => `civicgrid.m.running-patrol.${userId}`;

export function readRunningPatrol(userId: number): RunningPatrol | null {
  try {
    const patrol = JSON.parse(localStorage.getItem(storageKey(userId)) ?? 'null') as RunningPatrol | null;
    return patrol && typeof patrol.clientId === 'string' && Array.isArray(patrol.points) ? patrol : null;
  } catch {
    return null;
  }
}

/** False when the phone's storage is full: the fix is still on screen, but would not survive a reload. */
export function saveRunningPatrol(userId: number, patrol: RunningPatrol): boolean {
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify(patrol));
    return true;
  } catch {
    return false;
  }
}

export function clearRunningPatrol(userId: number): void {
  localStorage.removeItem(storageKey(userId));
}

/** Whether a new fix goes on the track: the first one, then one every SAMPLE_SECONDS or SAMPLE_METRES. */
export function worthKeeping(last: PatrolFix | undefined, fix: PatrolFix): boolean {
  if (!last) return true;
  const seconds = (Date.parse(fix.at) - Date.parse(last.at)) / 1000;
  return seconds >= SAMPLE_SECONDS || haversineMetres(last, fix) >= SAMPLE_METRES;
}

/** The track as the server will draw and measure it (cleanTrack), so the phone shows the distance that is stored. */
export function measuredTrack(points: readonly PatrolFix[]): { kept: PatrolFix[]; metres: number } {
  const kept = cleanTrack(points.map((point) => ({ ...point, at: new Date(point.at) }))).map((point) => ({ ...point, at: point.at.toISOString() }));
  return { kept, metres: trackDistanceMetres(kept) };
}
