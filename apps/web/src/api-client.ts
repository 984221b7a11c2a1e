import type {
  ApiErrorBody,
  ConsoleConfig,
  Grid,
  GridDetail,
  GridFeatureCollection,
  GridLocation,
  GridMemberListItem,
  HealthStatus,
  Region,
  RegionDetail,
} from './api-types';
import { activeLocale } from './i18n/locale';
import { loadTraditionalConverter } from './i18n/traditional-chinese';

/** A failed API call, carrying the server's stable error code and its message, in the language the console asked for. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** What the server adds to some errors, e.g. the fields a record was refused for. */
  readonly details: unknown;

  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

const CSRF_COOKIE = 'civicgrid_csrf';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOGIN_PATH = '/api/auth/login';

const unauthenticatedListeners = new Set<() => void>();

/** Calls `listener` whenever the server answers 401: the session has ended and the user must sign in again. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** The CSRF token the server set at sign-in; every cookie-authenticated write must echo it. */
function csrfToken(): string | undefined {
  const prefix = `${CSRF_COOKIE}=`;
  const cookie = document.cookie.split('; ').find((entry) => entry.startsWith(prefix));
  return cookie === undefined ? undefined : decodeURIComponent(cookie.slice(prefix.length));
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).message === 'string';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** A multipart body (file uploads); the browser sets its content type with the boundary. */
  form?: FormData;
  signal?: AbortSignal;
}

export async function requestJson<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  // The console's chosen language, not the browser's: the server answers errors in it (Chinese for zh-TW too).
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': activeLocale() };
  if (options.body !== undefined && !options.form) headers['content-type'] = 'application/json';
  if (WRITE_METHODS.has(method)) {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('network.unreachable', '无法连接服务器，请检查网络', 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    await converterForTraditional();
    throw failureOf(path, response.status, body);
  }
  return body as T;
}

/**
 * For 繁體中文 the server's Chinese message is shown converted (serverText); a failure waits for the converter, so that
 * its message never shows in Simplified characters for the moment the converter takes to arrive.
 */
async function converterForTraditional(): Promise<void> {
  if (activeLocale() === 'zh-TW') await loadTraditionalConverter().catch(() => undefined);
}

/**
 * The error of a refused request; a 401 also tells the listeners that the session has ended. The console's own
 * messages here (no server, no server message) are shown in the chosen language by errorMessageOf, by their code.
 */
function failureOf(path: string, status: number, body: unknown): ApiError {
  // A wrong password at sign-in is also a 401, but it is the login form's to show, not a lost session.
  if (status === 401 && path !== LOGIN_PATH) for (const listener of unauthenticatedListeners) listener();
  if (isErrorBody(body)) return new ApiError(body.code ?? 'http.error', body.message, status, body.details);
  return new ApiError('http.failed', `请求失败（HTTP ${status}）`, status);
}

/**
 * POSTs a multipart form as requestJson does, telling how much of it has been sent (0 to 1): fetch cannot report
 * an upload's progress, and a spreadsheet of a street's population takes a while to send.
 */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('accept-language', activeLocale());
    const token = csrfToken();
    if (token) request.setRequestHeader('x-csrf-token', token);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => reject(new ApiError('network.unreachable', '无法连接服务器，请检查网络', 0));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else void converterForTraditional().then(() => reject(failureOf(path, request.status, body)));
    };
    request.send(form);
  });
}

const getJson = <T>(path: string, signal?: AbortSignal) => requestJson<T>('GET', path, { signal });
const segment = encodeURIComponent;

export const apiClient = {
  health: (signal?: AbortSignal) => getJson<HealthStatus>('/api/health', signal),
  config: (signal?: AbortSignal) => getJson<ConsoleConfig>('/api/config', signal),
  listRegions: (parentCode?: string, signal?: AbortSignal) =>
    getJson<Region[]>(parentCode === undefined ? '/api/regions' : `/api/regions?parentCode=${segment(parentCode)}`, signal),
  getRegion: (code: string, signal?: AbortSignal) => getJson<RegionDetail>(`/api/regions/${segment(code)}`, signal),
  gridsGeoJson: (regionCode: string, signal?: AbortSignal) =>
    getJson<GridFeatureCollection>(`/api/grids.geojson?regionCode=${segment(regionCode)}`, signal),
  locateGrid: (lon: number, lat: number, signal?: AbortSignal) =>
    getJson<GridLocation>(`/api/grids/locate?lon=${lon}&lat=${lat}`, signal),
  /** Grids below a region, or all the user's grids; at most `limit` of them. */
  listGrids: (regionCode: string | undefined, limit: number, signal?: AbortSignal) =>
    getJson<Grid[]>(`/api/grids?limit=${limit}${regionCode ? `&regionCode=${segment(regionCode)}` : ''}`, signal),
  getGrid: (code: string, signal?: AbortSignal) => getJson<GridDetail>(`/api/grids/${segment(code)}`, signal),
  listGridMembers: (code: string, signal?: AbortSignal) =>
    getJson<GridMemberListItem[]>(`/api/grids/${segment(code)}/members`, signal),
};

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
