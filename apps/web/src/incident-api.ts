import { queryString } from './access-api';
import { requestJson } from './api-client';
import type {
  AllClearGridState, AllClearInput, CenterView, DepartmentView, IncidentActionRequest, IncidentAttachmentView,
  CategoryTreeNode, IncidentDetail, IncidentListFilter, IncidentPage, IncidentReportInput, MissingAllClears, NotificationList,
} from './api-types';

const segment = (value: string | number) => encodeURIComponent(String(value));
const joined = (values: readonly string[] | undefined) => (values && values.length > 0 ? values.join(',') : undefined);

/** The incident loop (事件全流程): queues, one incident with the actions the user may take, reports and steps. */
export const incidentApi = {
  list: (filter: IncidentListFilter, signal?: AbortSignal) =>
    requestJson<IncidentPage>('GET', `/api/incidents${queryString({
      queue: filter.queue,
      status: joined(filter.status),
      colour: joined(filter.colour),
      source: joined(filter.source),
      categoryId: filter.categoryId,
      regionCode: filter.regionCode,
      urgent: filter.urgent === undefined ? undefined : String(filter.urgent),
      q: filter.q,
      page: filter.page,
      pageSize: filter.pageSize,
    })}`, { signal }),
  get: (id: number, signal?: AbortSignal) => requestJson<IncidentDetail>('GET', `/api/incidents/${segment(id)}`, { signal }),
  report: (input: IncidentReportInput) => requestJson<IncidentDetail>('POST', '/api/incidents', { body: input }),
  act: (id: number, input: IncidentActionRequest) =>
    requestJson<IncidentDetail>('POST', `/api/incidents/${segment(id)}/actions`, { body: input }),
  uploadAttachment: (id: number, kind: IncidentAttachmentView['kind'], file: File) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    return requestJson<IncidentAttachmentView>('POST', `/api/incidents/${segment(id)}/attachments`, { form });
  },
  categories: (signal?: AbortSignal) => requestJson<CategoryTreeNode[]>('GET', '/api/incident-categories', { signal }),
  departments: (signal?: AbortSignal) => requestJson<DepartmentView[]>('GET', '/api/departments', { signal }),
  centers: (signal?: AbortSignal) => requestJson<CenterView[]>('GET', '/api/centers', { signal }),
};

/** In-app notifications of the signed-in user. */
export const notificationApi = {
  list: (limit: number, signal?: AbortSignal) =>
    requestJson<NotificationList>('GET', `/api/notifications${queryString({ limit })}`, { signal }),
  markRead: (id: number) => requestJson<void>('POST', `/api/notifications/${segment(id)}/read`),
  markAllRead: () => requestJson<void>('POST', '/api/notifications/read-all'),
};

/** The daily all-clear 无事报平安: a grid worker's own grids today, and the grids of a region that missed a day. */
export const allClearApi = {
  report: (input: AllClearInput) => requestJson<unknown>('POST', '/api/all-clears', { body: input }),
  mine: (signal?: AbortSignal) => requestJson<AllClearGridState[]>('GET', '/api/all-clears/mine', { signal }),
  missing: (date: string, regionCode: string | undefined, signal?: AbortSignal) =>
    requestJson<MissingAllClears>('GET', `/api/all-clears/missing${queryString({ date, regionCode })}`, { signal }),
};
