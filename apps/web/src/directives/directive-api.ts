import type {
  AreaGeometry, DirectiveDetail, DirectiveGridState, DirectiveKind, DirectiveListQuery, DirectiveSummary, MyDirectiveTarget,
} from '@civicgrid/domain';
import { queryString } from '../access-api';
import { requestJson } from '../api-client';

export interface DirectiveIssueRequest {
  title: string;
  content: string;
  kind: DirectiveKind;
  regionCode: string;
  dueAt: string;
  clientId: string;
}

export interface CompletionFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: AreaGeometry;
    properties: { code: string; name: string; communityName: string; state: DirectiveGridState; targets: number; completed: number };
  }[];
}

const segment = (value: number) => encodeURIComponent(String(value));

/** 指令: issue, follow per grid, and a grid worker's own tasks. */
export const directiveApi = {
  list: (query: Partial<DirectiveListQuery>, signal?: AbortSignal) =>
    requestJson<{ items: DirectiveSummary[]; total: number }>('GET', `/api/directives${queryString(query)}`, { signal }),
  get: (id: number, signal?: AbortSignal) => requestJson<DirectiveDetail>('GET', `/api/directives/${segment(id)}`, { signal }),
  completion: (id: number, signal?: AbortSignal) =>
    requestJson<CompletionFeatureCollection>('GET', `/api/directives/${segment(id)}/completion.geojson`, { signal }),
  issue: (input: DirectiveIssueRequest) => requestJson<DirectiveDetail>('POST', '/api/directives', { body: input }),
  mine: (signal?: AbortSignal) => requestJson<MyDirectiveTarget[]>('GET', '/api/directives/mine', { signal }),
  complete: (directiveId: number, targetId: number, input: { note?: string; clientId: string }) =>
    requestJson<MyDirectiveTarget>('POST', `/api/directives/${segment(directiveId)}/targets/${segment(targetId)}/complete`, { body: input }),
};
