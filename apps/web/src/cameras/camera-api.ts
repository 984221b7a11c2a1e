import type { CameraListQuery, CameraView, CameraWriteInput, NearbyCamera } from '@civicgrid/domain';
import { queryString } from '../access-api';
import { requestJson } from '../api-client';

const segment = (value: number) => encodeURIComponent(String(value));

/** 视频点位 and the cameras near an incident. */
export const cameraApi = {
  list: (query: Partial<CameraListQuery>, signal?: AbortSignal) =>
    requestJson<{ items: CameraView[]; total: number }>('GET', `/api/cameras${queryString(query)}`, { signal }),
  create: (input: CameraWriteInput) => requestJson<CameraView>('POST', '/api/cameras', { body: input }),
  update: (id: number, input: Partial<CameraWriteInput>) => requestJson<CameraView>('PATCH', `/api/cameras/${segment(id)}`, { body: input }),
  remove: (id: number) => requestJson<void>('DELETE', `/api/cameras/${segment(id)}`),
  nearest: (incidentId: number, limit: number, signal?: AbortSignal) =>
    requestJson<NearbyCamera[]>('GET', `/api/incidents/${segment(incidentId)}/nearest-cameras${queryString({ limit })}`, { signal }),
};
