// When the phone's outbox tries again, and what a failed try means for the item waiting in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../api-client';
import { FIRST_RETRY_MS, LONGEST_RETRY_MS, retryDelay } from './retry-delay';
import { classifyFailure } from './send-failure';

test('retries wait 5 s, doubling to at most 5 min, half of it random', () => {
  assert.equal(retryDelay(1, () => 0), FIRST_RETRY_MS / 2);
  assert.equal(retryDelay(1, () => 1), FIRST_RETRY_MS);
  assert.equal(retryDelay(2, () => 1), 2 * FIRST_RETRY_MS);
  assert.equal(retryDelay(4, () => 0.5), Math.round(0.75 * 8 * FIRST_RETRY_MS));
  assert.equal(retryDelay(30, () => 1), LONGEST_RETRY_MS, 'never longer than five minutes');
  assert.equal(retryDelay(0, () => 1), FIRST_RETRY_MS, 'a first failure counted as zero waits like the first');
});

test('no answer is offline, 401 asks to sign in, 5xx/408/429 retry, any other 4xx is refused with the server’s words', () => {
  assert.equal(classifyFailure(new ApiError('network', '', 0)).kind, 'offline');
  assert.equal(classifyFailure(new ApiError('auth.required', '请先登录', 401)).kind, 'signed-out');
  for (const status of [500, 502, 503, 408, 429]) assert.equal(classifyFailure(new ApiError('x', 'x', status)).kind, 'retry', String(status));
  const refused = classifyFailure(new ApiError('incident.version_conflict', '事件已被他人处理，请刷新后重试', 409));
  assert.deepEqual(refused, { kind: 'refused', message: '事件已被他人处理，请刷新后重试' });
  assert.equal(classifyFailure(new ApiError('x', '', 422)).message, '服务器拒绝接收（422）');
  assert.equal(classifyFailure(new TypeError('Failed to fetch')).kind, 'retry', 'an unexpected error is tried again, never dropped');
});
