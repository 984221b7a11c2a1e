import {
  conflict, coversGrid, forbidden, invalid, notFound,
  type Actor, type CameraListQuery, type CameraUpdateInput, type CameraView, type CameraWriteInput, type NearbyCamera,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { IncidentRepository } from '../incidents/incident.repository.js';
import { incidentNotFound, viewerOf } from '../incidents/incident-workflow.service.js';
import type { CameraRepository } from './camera.repository.js';

export const cameraNotFound = (id: number) =>
  notFound('camera.not_found', `视频点位 ${id} 不存在或不在您的管辖范围内`, `Camera ${id} does not exist or is outside your jurisdiction`);

const present = <T extends { updatedAt: Date }>(row: T) => ({ ...row, updatedAt: row.updatedAt.toISOString() });

/** 视频点位: cameras with their position and stream address, and the ones nearest to an incident. */
export class CameraService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly cameras: CameraRepository,
    private readonly incidents: IncidentRepository,
    private readonly lookups: GridLookups,
  ) {}

  async list(actor: Actor, query: CameraListQuery): Promise<{ items: CameraView[]; total: number }> {
    let regionPath: string | undefined;
    if (query.regionCode) {
      const region = await this.lookups.visibleRegion(actor, query.regionCode);
      regionPath = region.path;
    }
    const { items, total } = await this.cameras.list(this.db, actor.jurisdiction, { ...query, regionPath });
    return { items: items.map(present), total };
  }

  async get(actor: Actor, id: number): Promise<CameraView> {
    const row = await this.cameras.find(this.db, id, actor.jurisdiction);
    if (!row) throw cameraNotFound(id);
    return present(row);
  }

  async create(actor: Actor, input: CameraWriteInput): Promise<CameraView> {
    const placement = await this.placement(actor, input.lon, input.lat);
    const id = await this.cameras.insert(this.db, {
      name: input.name, deviceCode: input.deviceCode ?? null, streamUrl: input.streamUrl ?? null, status: input.status, lon: input.lon, lat: input.lat, ...placement,
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, change: CameraUpdateInput): Promise<CameraView> {
    const current = await this.get(actor, id);
    const next = {
      name: change.name ?? current.name,
      deviceCode: change.deviceCode === undefined ? current.deviceCode : change.deviceCode,
      streamUrl: change.streamUrl === undefined ? current.streamUrl : change.streamUrl,
      status: change.status ?? current.status,
      lon: change.lon ?? current.lon,
      lat: change.lat ?? current.lat,
    };
    await this.cameras.update(this.db, id, { ...next, deviceCode: next.deviceCode ?? null, streamUrl: next.streamUrl ?? null, ...(await this.placement(actor, next.lon, next.lat)) });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    await this.get(actor, id);
    if (await this.cameras.isReferenced(this.db, id)) {
      throw conflict('camera.in_use', '该点位已关联视频告警事件，不能删除，可将状态改为“已停用”', 'Incidents refer to this camera: set it to decommissioned instead');
    }
    await this.cameras.delete(this.db, id);
  }

  /** Up to `limit` working cameras nearest to an incident the caller may see, inside the caller's jurisdiction. */
  async nearest(actor: Actor, incidentId: number, limit: number): Promise<NearbyCamera[]> {
    const record = await this.incidents.findVisible(this.db, incidentId, viewerOf(actor), false);
    if (!record) throw incidentNotFound(incidentId);
    const rows = await this.cameras.nearest(this.db, incidentId, actor.jurisdiction, limit);
    return rows.map(present);
  }

  /** The grid at the point, which must lie in the caller's own area. */
  private async placement(actor: Actor, lon: number, lat: number) {
    const grid = await this.cameras.gridAt(this.db, lon, lat);
    if (!grid) throw invalid('camera.outside_grids', '点位不在任何网格内，请检查经纬度', 'The point lies in no grid: check the coordinates');
    if (!coversGrid(actor.jurisdiction, grid.path)) {
      throw forbidden('camera.outside_jurisdiction', '点位不在您的管辖范围内', 'The point lies outside your jurisdiction');
    }
    return { gridId: grid.id, regionId: grid.communityId };
  }
}
