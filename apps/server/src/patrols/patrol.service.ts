import {
  cleanTrack, conflict, invalid, notFound, trackDistanceMetres, type Actor, type PatrolListQuery, type PatrolUploadInput, type PatrolView, type RecordPage,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import { notAGridWorker, type FieldWorkerLookup } from '../field-work/field-worker.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { PatrolReader, PatrolRepository, PatrolRow, TrackGeometry } from './patrol.repository.js';

/** Phones' clocks drift; a patrol that ends further ahead than this has a wrong time, not an early finish. */
const CLOCK_SKEW_MS = 10 * 60_000;

export const patrolNotFound = (id: number) =>
  notFound('patrol.not_found', `巡查记录 ${id} 不存在或不在您的管辖范围内`, `Patrol ${id} does not exist or is outside your jurisdiction`);
const clientIdTaken = () =>
  conflict('patrol.client_id_taken', '该巡查编号已被其他网格员使用', 'This patrol’s client id belongs to another grid worker’s patrol');

export function presentPatrol(row: PatrolRow): PatrolView {
  return {
    id: row.id, clientId: row.clientId, gridMemberId: row.gridMemberId, gridMemberName: row.gridMemberName, gridCode: row.gridCode,
    gridName: row.gridName, startedAt: row.startedAt.toISOString(), endedAt: row.endedAt ? row.endedAt.toISOString() : null,
    durationSeconds: row.endedAt ? Math.round((row.endedAt.getTime() - row.startedAt.getTime()) / 1000) : 0,
    distanceMetres: Math.round((row.distanceMetres ?? 0) * 10) / 10, pointCount: row.pointCount, note: row.note,
  };
}

/** 巡查: a grid worker's walks through their grids, uploaded once they stop (or later, from the phone's outbox). */
export class PatrolService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly patrols: PatrolRepository,
    private readonly workers: FieldWorkerLookup,
    private readonly lookups: GridLookups,
  ) {}

  /**
   * Stores the patrol of the signed-in grid worker: the track drawn and measured from the fixes cleanTrack keeps (as
   * the phone measured it), in the worker's grid holding most of it (or their only grid). The same clientId again
   * returns the patrol stored the first time.
   */
  async upload(actor: Actor, input: PatrolUploadInput): Promise<{ created: boolean; patrol: PatrolView }> {
    const worker = await this.workers.of(actor);
    const reader: PatrolReader = { jurisdiction: worker.jurisdiction, gridMemberId: worker.gridMemberId };
    const earlier = await this.patrols.idOfClientId(this.db, input.clientId);
    if (earlier) {
      if (earlier.gridMemberId !== worker.gridMemberId) throw clientIdTaken();
      return { created: false, patrol: presentPatrol((await this.patrols.find(this.db, earlier.id, reader))!) };
    }
    if (input.endedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw invalid('patrol.in_future', '巡查结束时间晚于当前时间，请检查手机时间', 'The patrol ends in the future; check the phone’s clock');
    }
    const kept = cleanTrack(input.points);
    const coordinates = kept.map((point): [number, number] => [point.lon, point.lat]);
    const track: TrackGeometry | null = coordinates.length >= 2 ? { type: 'LineString', coordinates }
      : coordinates.length === 1 ? { type: 'Point', coordinates: coordinates[0]! } : null;
    const gridIds = worker.jurisdiction.gridIds;
    const gridId = gridIds.length === 1 ? gridIds[0]! : track ? await this.patrols.gridAlong(this.db, gridIds, track) : null;
    const id = await this.patrols.insert(this.db, {
      gridMemberId: worker.gridMemberId, gridId, clientId: input.clientId, startedAt: input.startedAt, endedAt: input.endedAt, track,
      distanceMetres: Math.round(trackDistanceMetres(kept) * 10) / 10, pointCount: kept.length, note: input.note ?? null,
    });
    // null: the same upload, sent twice at once, was stored by the other request
    if (id === null) return this.upload(actor, input);
    return { created: true, patrol: presentPatrol((await this.patrols.find(this.db, id, reader))!) };
  }

  async list(actor: Actor, query: PatrolListQuery): Promise<RecordPage<PatrolView>> {
    const reader = await this.readerOf(actor);
    if (query.mine && reader.gridMemberId === null) throw notAGridWorker();
    const gridId = query.gridCode === undefined ? undefined : (await this.lookups.visibleGrid(actor, query.gridCode)).id;
    const { items, total } = await this.patrols.list(this.db, { gridMemberId: query.mine ? reader.gridMemberId! : undefined, gridId }, reader, {
      limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
    });
    return { items: items.map(presentPatrol), total };
  }

  /** The track as a GeoJSON feature with the patrol as its properties (a null geometry for fewer than two fixes). */
  async trackGeoJson(actor: Actor, id: number) {
    const reader = await this.readerOf(actor);
    const row = await this.patrols.find(this.db, id, reader);
    if (!row) throw patrolNotFound(id);
    return { type: 'Feature' as const, geometry: await this.patrols.track(this.db, id), properties: presentPatrol(row) };
  }

  private async readerOf(actor: Actor): Promise<PatrolReader> {
    const worker = await this.workers.find(actor);
    return { jurisdiction: actor.jurisdiction, gridMemberId: worker?.gridMemberId ?? null };
  }
}
