import { z } from 'zod';
import { gridCodeSchema } from '../grid.schema.js';
import { clientIdSchema } from '../incidents/incident.schema.js';

/** One GPS fix of a patrol track, as the phone took it. */
export const trackPointSchema = z.object({
  lon: z.number().min(73).max(136),
  lat: z.number().min(3).max(54),
  at: z.coerce.date(),
  /** metres, as the phone reports it; fixes worse than TRACK_MAX_ACCURACY_METRES are not counted */
  accuracy: z.number().min(0).max(100_000).nullish(),
});
export type TrackPoint = z.infer<typeof trackPointSchema>;

/** A whole day of walking sampled every 15 s is under 6,000 fixes. */
export const PATROL_MAX_POINTS = 10_000;
export const TRACK_MAX_ACCURACY_METRES = 50;
/** Faster than a car in town: a fix that implies it is a GPS jump, not walking. */
export const TRACK_MAX_SPEED_METRES_PER_SECOND = 20;

/**
 * POST /api/patrols: a finished patrol, uploaded once it stops (or later, from the outbox). The same clientId
 * again returns the patrol stored the first time.
 */
export const patrolUploadSchema = z.object({
  clientId: clientIdSchema,
  startedAt: z.coerce.date(),
  endedAt: z.coerce.date(),
  points: z.array(trackPointSchema).max(PATROL_MAX_POINTS),
  note: z.string().trim().max(500).nullish(),
}).refine((patrol) => patrol.endedAt >= patrol.startedAt, { message: 'endedAt comes after startedAt', path: ['endedAt'] });
export type PatrolUploadInput = z.infer<typeof patrolUploadSchema>;

/** GET /api/patrols: mine, or a grid's, or all in the caller's area; newest first. */
export const patrolListQuerySchema = z.object({
  mine: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  gridCode: gridCodeSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PatrolListQuery = z.infer<typeof patrolListQuerySchema>;

export interface PatrolView {
  id: number;
  clientId: string | null;
  gridMemberId: number;
  /** who walked it, for the console's lists */
  gridMemberName: string;
  gridCode: string | null;
  gridName: string | null;
  startedAt: string;
  endedAt: string | null;
  durationSeconds: number;
  distanceMetres: number;
  /** fixes kept on the track (good enough and not a jump) */
  pointCount: number;
  note: string | null;
}

const EARTH_RADIUS_METRES = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance between two fixes, in metres. */
export function haversineMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The fixes a track is drawn and measured from: in time order, without poor fixes (accuracy worse than
 * TRACK_MAX_ACCURACY_METRES) and without jumps (a fix that would mean moving faster than
 * TRACK_MAX_SPEED_METRES_PER_SECOND from the last kept one). The phone shows the same distance the server stores.
 */
export function cleanTrack<P extends TrackPoint>(points: readonly P[]): P[] {
  const sorted = [...points].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  const kept: P[] = [];
  for (const point of sorted) {
    if (point.accuracy != null && point.accuracy > TRACK_MAX_ACCURACY_METRES) continue;
    const last = kept.at(-1);
    if (last) {
      const seconds = (new Date(point.at).getTime() - new Date(last.at).getTime()) / 1000;
      const metres = haversineMetres(last, point);
      if (seconds <= 0 ? metres > TRACK_MAX_ACCURACY_METRES : metres / seconds > TRACK_MAX_SPEED_METRES_PER_SECOND) continue;
    }
    kept.push(point);
  }
  return kept;
}

/** Length of a cleaned track, in metres. */
export function trackDistanceMetres(points: readonly { lon: number; lat: number }[]): number {
  let total = 0;
  for (let index = 1; index < points.length; index += 1) total += haversineMetres(points[index - 1]!, points[index]!);
  return total;
}
