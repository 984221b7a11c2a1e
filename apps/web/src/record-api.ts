import { queryString } from './access-api';
import { requestJson } from './api-client';
import type { RecordChangeView, RecordPage, RecordView } from './register-types';

const segment = (value: string | number) => encodeURIComponent(String(value));

export interface RecordListFilter {
  q?: string;
  regionCode?: string;
  gridCode?: string;
  kind?: string;
  attentionLevel?: number;
  /** deregistered records only */
  deregistered?: boolean;
}

/** One register of records in grids (organizations, places, facilities), at its API collection. */
export function recordApi(apiPath: string) {
  return {
    list: (filter: RecordListFilter, page: { page: number; pageSize: number }, signal?: AbortSignal) =>
      requestJson<RecordPage<RecordView>>('GET', `${apiPath}${queryString({
        ...filter, deregistered: filter.deregistered === undefined ? undefined : String(filter.deregistered), ...page,
      })}`, { signal }),
    get: (id: number, signal?: AbortSignal) => requestJson<RecordView>('GET', `${apiPath}/${segment(id)}`, { signal }),
    create: (values: Record<string, unknown>) => requestJson<RecordView>('POST', apiPath, { body: values }),
    /** Also deregisters: deregisteredOn and deregistrationReason. */
    update: (id: number, version: number, changes: Record<string, unknown>) =>
      requestJson<RecordView>('PATCH', `${apiPath}/${segment(id)}`, { body: { version, ...changes } }),
    history: (id: number, signal?: AbortSignal) => requestJson<RecordChangeView[]>('GET', `${apiPath}/${segment(id)}/history`, { signal }),
  };
}
