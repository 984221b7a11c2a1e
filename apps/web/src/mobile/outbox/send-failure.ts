import { ApiError } from '../../api-client';

/**
 * What a failed try means for the item:
 * - offline: no answer at all; stop sending for now, the network is gone;
 * - signed-out: 401, the session ended; stop, keep everything, and ask the worker to sign in again;
 * - retry: the server could not take it now (5xx, 408 timeout, 429 too many); try again later;
 * - refused: any other 4xx (the incident was closed meanwhile, a newer version, a transition not allowed): sending
 *   again would get the same answer, so a person decides, seeing the server's own message.
 */
export type SendFailure =
  | { kind: 'offline'; message: string }
  | { kind: 'signed-out'; message: string }
  | { kind: 'retry'; message: string }
  | { kind: 'refused'; message: string };

const RETRIED_CLIENT_ERRORS = new Set([408, 429]);

export function classifyFailure(error: unknown): SendFailure {
  if (!(error instanceof ApiError)) return { kind: 'retry', message: '发送出错，稍后自动重试' };
  if (error.status === 0) return { kind: 'offline', message: '网络不通，有信号后自动发送' };
  if (error.status === 401) return { kind: 'signed-out', message: '登录已失效，重新登录后自动发送' };
  if (error.status >= 500 || RETRIED_CLIENT_ERRORS.has(error.status)) {
    return { kind: 'retry', message: `服务器暂时无法接收（${error.status}），稍后自动重试` };
  }
  // The server's message, asked for in Chinese: it says plainly why (e.g. 事件已结案).
  return { kind: 'refused', message: error.message || `服务器拒绝接收（${error.status}）` };
}
