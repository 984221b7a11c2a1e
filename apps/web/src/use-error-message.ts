import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError, isAbortError } from './api-client';

/** The text to show for a failed request: the server's own message when there is one. */
export function errorMessageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : '操作失败，请稍后重试';
}

/**
 * Returns a reporter that shows a failed request's server message. Cancelled requests stay silent, and so do
 * 401s: the session has ended and the login page says so.
 */
export function useErrorMessage(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (isAbortError(error) || (error instanceof ApiError && error.status === 401)) return;
      message.error(errorMessageOf(error));
    },
    [message],
  );
}
