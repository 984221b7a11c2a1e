import type {
  FieldGridView, FieldSearchResult, FieldTasksView, PatrolView, RecordPage, VisitDueView, VisitPhotoView, VisitView,
} from '@civicgrid/domain';
import { requestJson } from '../../api-client';
import type { OutboxPayloads } from '../outbox/outbox-item';

const segment = (value: number) => encodeURIComponent(String(value));

/** The name under which the phone keeps the worker's grids (see useCachedResource): the home screen reads them, others reuse them. */
export const FIELD_GRIDS_CACHE = 'field-grids';

/**
 * The grid worker's own field work: home screen counts, their patrols, the visits due and whom to visit, and the
 * patrol and visit uploads of the outbox.
 */
export const fieldApi = {
  grids: (signal?: AbortSignal) => requestJson<FieldGridView[]>('GET', '/api/field/grids', { signal }),
  tasks: (signal?: AbortSignal) => requestJson<FieldTasksView>('GET', '/api/field/tasks', { signal }),
  myPatrols: (signal?: AbortSignal) => requestJson<RecordPage<PatrolView>>('GET', '/api/patrols?mine=true&pageSize=20', { signal }),
  visitsDue: (signal?: AbortSignal) => requestJson<RecordPage<VisitDueView>>('GET', '/api/field/visits-due?pageSize=50', { signal }),
  search: (text: string, signal?: AbortSignal) =>
    requestJson<FieldSearchResult[]>('GET', `/api/field/search?q=${encodeURIComponent(text)}`, { signal }),
  uploadPatrol: (clientId: string, patrol: OutboxPayloads['patrol']) =>
    requestJson<PatrolView>('POST', '/api/patrols', { body: { ...patrol, clientId } }),
  recordVisit: (clientId: string, visit: OutboxPayloads['visit']) =>
    requestJson<VisitView>('POST', '/api/visits', { body: { ...visit, clientId } }),
  uploadVisitPhoto: (visitId: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return requestJson<VisitPhotoView>('POST', `/api/visits/${segment(visitId)}/photos`, { form });
  },
};
