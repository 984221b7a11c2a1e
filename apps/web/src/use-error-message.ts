import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError, isAbortError } from './api-client';
import { activeLocale } from './i18n/locale';
import { serverText } from './i18n/server-text';
import { translate } from './i18n/translate';

/**
 * The text to show for a failed request, in the console's language: the server's own message when there is one
 * (asked for in that language; converted to Traditional characters for 繁體中文), the console's own otherwise.
 */
export function errorMessageOf(error: unknown): string {
  const locale = activeLocale();
  if (error instanceof ApiError && error.code === 'network.unreachable') return translate(locale, 'error.network');
  if (error instanceof ApiError && error.code === 'http.failed') return translate(locale, 'error.http', { status: error.status });
  return error instanceof Error && error.message ? serverText(error.message) : translate(locale, 'error.failed');
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
