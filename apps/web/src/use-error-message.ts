import { App } from 'antd';
import { useCallback } from 'react';
import { isAbortError } from './api-client';

/** Returns a reporter that shows a failed request's server message; cancelled requests stay silent. */
export function useErrorMessage(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (isAbortError(error)) return;
      message.error(error instanceof Error && error.message ? error.message : '操作失败，请稍后重试');
    },
    [message],
  );
}
