import { z } from 'zod';

export const CAMERA_STATUSES = ['online', 'offline', 'fault', 'decommissioned'] as const;
export type CameraStatus = (typeof CAMERA_STATUSES)[number];
export const CAMERA_STATUS_LABELS: Record<CameraStatus, string> = { online: '在线', offline: '离线', fault: '故障', decommissioned: '已停用' };

/** Video platforms hand out RTSP or HTTP(S) (HLS, FLV, a web player) addresses; anything else (file:, javascript:) is refused. */
export const streamUrlSchema = z.string().trim().max(500).refine((value) => {
  try {
    return ['rtsp:', 'http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'rtsp://, http:// or https:// only');

const point = { lon: z.number().min(73).max(136), lat: z.number().min(3).max(54) };

export const cameraWriteSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** GB/T 28181 device id (20 digits) where the video platform has one. */
  deviceCode: z.string().trim().regex(/^[0-9A-Za-z_-]{1,32}$/).nullish(),
  streamUrl: streamUrlSchema.nullish(),
  status: z.enum(CAMERA_STATUSES).default('online'),
  ...point,
});
export type CameraWriteInput = z.infer<typeof cameraWriteSchema>;

export const cameraUpdateSchema = cameraWriteSchema.partial().refine(
  (change) => (change.lon === undefined) === (change.lat === undefined),
  { message: 'lon and lat go together', path: ['lat'] },
);
export type CameraUpdateInput = z.infer<typeof cameraUpdateSchema>;

export const cameraListQuerySchema = z.object({
  regionCode: z.string().regex(/^\d{6,12}$/).optional(),
  status: z.enum(CAMERA_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CameraListQuery = z.infer<typeof cameraListQuerySchema>;

export interface CameraView {
  id: number;
  name: string;
  deviceCode: string | null;
  streamUrl: string | null;
  status: CameraStatus;
  lon: number;
  lat: number;
  gridCode: string;
  gridName: string;
  communityName: string;
  updatedAt: string;
}

export interface NearbyCamera extends CameraView {
  distanceMetres: number;
}
