import type {
  ApiErrorBody,
  ConsoleConfig,
  GridDetail,
  GridFeatureCollection,
  HealthStatus,
  Region,
  RegionDetail,
} from './api-types';

/** A failed API call, carrying the server's stable error code and its (Chinese) message. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).message === 'string';
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    // The console speaks Chinese whatever the browser's language, so ask for Chinese error messages.
    response = await fetch(path, { headers: { accept: 'application/json', 'accept-language': 'zh-CN' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network.unreachable', '无法连接服务器，请检查网络', 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(body.code ?? 'http.error', body.message, response.status);
    throw new ApiError('http.error', `请求失败（HTTP ${response.status}）`, response.status);
  }
  return body as T;
}

export const apiClient = {
  health: (signal?: AbortSignal) => getJson<HealthStatus>('/api/health', signal),
  config: (signal?: AbortSignal) => getJson<ConsoleConfig>('/api/config', signal),
  listRegions: (parentCode?: string, signal?: AbortSignal) =>
    getJson<Region[]>(
      parentCode === undefined ? '/api/regions' : `/api/regions?parentCode=${encodeURIComponent(parentCode)}`,
      signal,
    ),
  getRegion: (code: string, signal?: AbortSignal) =>
    getJson<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, signal),
  gridsGeoJson: (regionCode: string, signal?: AbortSignal) =>
    getJson<GridFeatureCollection>(`/api/grids.geojson?regionCode=${encodeURIComponent(regionCode)}`, signal),
  getGrid: (code: string, signal?: AbortSignal) => getJson<GridDetail>(`/api/grids/${encodeURIComponent(code)}`, signal),
};

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
