import { queryString } from './access-api';
import { requestJson, uploadWithProgress } from './api-client';
import type {
  ImportJob, ImportMode, PersonDetail, PersonDuplicateGroup, PersonListFilter, PersonListItem, PersonMergeResult, RecordChangeView, RecordPage,
} from './register-types';

const segment = (value: string | number) => encodeURIComponent(String(value));
const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));

function filterQuery(filter: PersonListFilter): Record<string, string | number | undefined> {
  return {
    q: filter.q,
    regionCode: filter.regionCode,
    gridCode: filter.gridCode,
    residency: filter.residency,
    leftBehind: flag(filter.leftBehind),
    attentionLevel: filter.attentionLevel,
    underAttention: flag(filter.underAttention),
    specialGroup: filter.specialGroup,
    careGroup: filter.careGroup,
    deregistered: flag(filter.deregistered),
  };
}

export type ExportFormat = 'xlsx' | 'csv';
export type ExportEncoding = 'utf8' | 'gbk';

/** The person register 实有人口: lists and records arrive masked; every change is kept in the record's history. */
export const personApi = {
  list: (filter: PersonListFilter, page: { page: number; pageSize: number }, signal?: AbortSignal) =>
    requestJson<RecordPage<PersonListItem>>('GET', `/api/persons${queryString({ ...filterQuery(filter), ...page })}`, { signal }),
  get: (id: number, signal?: AbortSignal) => requestJson<PersonDetail>('GET', `/api/persons/${segment(id)}`, { signal }),
  create: (values: Record<string, unknown>) => requestJson<PersonDetail>('POST', '/api/persons', { body: values }),
  update: (id: number, version: number, changes: Record<string, unknown>) =>
    requestJson<PersonDetail>('PATCH', `/api/persons/${segment(id)}`, { body: { version, ...changes } }),
  deregister: (id: number, input: { reason: string; date: string; version?: number }) =>
    requestJson<PersonDetail>('POST', `/api/persons/${segment(id)}/deregister`, { body: input }),
  history: (id: number, signal?: AbortSignal) =>
    requestJson<RecordChangeView[]>('GET', `/api/persons/${segment(id)}/history`, { signal }),
  duplicates: (regionCode: string | undefined, signal?: AbortSignal) =>
    requestJson<PersonDuplicateGroup[]>('GET', `/api/persons/duplicates${queryString({ regionCode })}`, { signal }),
  merge: (id: number, intoPersonId: number, version: number) =>
    requestJson<PersonMergeResult>('POST', `/api/persons/${segment(id)}/merge`, { body: { intoPersonId, version } }),
  /** With a reason, ID numbers and phones in full (person.reveal; audited): only such a file can be imported back. */
  exportUrl: (filter: PersonListFilter, format: ExportFormat, encoding: ExportEncoding, revealReason?: string) =>
    `/api/persons/export${queryString({
      format,
      encoding: format === 'csv' ? encoding : undefined,
      ...(revealReason ? { reveal: 'true', reason: revealReason } : {}),
      ...filterQuery(filter),
    })}`,
};

/** Bulk imports of the registers: a template to fill in, a job that runs on the server, its row-by-row errors. */
export const importApi = {
  templateUrl: (register: string, format: ExportFormat) => `/api/imports/templates/${segment(register)}.${format}`,
  start: (register: string, file: File, mode: ImportMode, onProgress: (fraction: number) => void) => {
    const form = new FormData();
    form.append('mode', mode);
    form.append('file', file, file.name);
    return uploadWithProgress<{ id: number }>(`/api/imports/${segment(register)}`, form, onProgress);
  },
  get: (id: number, signal?: AbortSignal) => requestJson<ImportJob>('GET', `/api/imports/${segment(id)}`, { signal }),
  recent: (signal?: AbortSignal) => requestJson<ImportJob[]>('GET', '/api/imports', { signal }),
  errorReportUrl: (id: number) => `/api/imports/${segment(id)}/errors.xlsx`,
};
