import type { IncidentDashboard } from '@civicgrid/domain';
import { queryString } from '../access-api';
import { requestJson } from '../api-client';

export const dashboardApi = {
  incidents: (query: { regionCode?: string; from?: string; to?: string }, signal?: AbortSignal) =>
    requestJson<IncidentDashboard>('GET', `/api/dashboards/incidents${queryString(query)}`, { signal }),
};
