import { requestJson } from './api-client';
import type { BuildingDetail, BuildingView, HouseholdDetail, RevealedPerson } from './api-types';

const segment = (value: string | number) => encodeURIComponent(String(value));

/** Buildings, households and persons (人房数据); persons arrive masked unless revealed with a reason. */
export const baseDataApi = {
  listGridBuildings: (gridCode: string, signal?: AbortSignal) =>
    requestJson<BuildingView[]>('GET', `/api/grids/${segment(gridCode)}/buildings`, { signal }),
  getBuilding: (id: number, signal?: AbortSignal) => requestJson<BuildingDetail>('GET', `/api/buildings/${segment(id)}`, { signal }),
  getHousehold: (id: number, signal?: AbortSignal) =>
    requestJson<HouseholdDetail>('GET', `/api/households/${segment(id)}`, { signal }),
  revealPerson: (id: number, reason: string) =>
    requestJson<RevealedPerson>('POST', `/api/persons/${segment(id)}/reveal`, { body: { reason } }),
};
